using FitPilot.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FitPilot.Functions.OpenApi;

public sealed class OpenApiFunctions(Api api, OpenApiDocument document)
{
    [Function(nameof(GetOpenApiDocument))]
    [ApiOperation("This API's OpenAPI 3.1 document", Access.Anonymous, null, null)]
    public Task<IResult> GetOpenApiDocument(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "openapi.json")] HttpRequest req) =>
        api.Handle<Nobody>(req, _ => Task.FromResult(Reply.Text(document.Json, "application/json")));
}
