using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using FitPilot.Functions.Common;
using FitPilot.Functions.Http;
using Microsoft.Extensions.Options;

namespace FitPilot.Functions.OpenApi;

/// <summary>
/// OpenAPI 3.1 for every HTTP function, built from the function catalogue and each function's
/// <see cref="ApiOperationAttribute"/>; schemas come from the shared contracts (<see cref="ContractSchemas"/>).
/// One per host (a singleton of <c>AddFitPilot</c>): built on the first request and kept; a build
/// that fails is not kept, so the next request builds it again.
/// </summary>
public sealed partial class OpenApiDocument
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    private readonly Func<string> _build;
    private readonly Lock _gate = new();
    private string? _json;

    public OpenApiDocument(IOptions<AppOptions> app) : this(() => Build(app.Value.PublicBaseUrl).ToJsonString(Indented)) { }

    /// <summary>For tests: any way of building the text.</summary>
    internal OpenApiDocument(Func<string> build) => _build = build;

    /// <summary>The document as indented JSON.</summary>
    public string Json
    {
        get
        {
            if (Volatile.Read(ref _json) is { } json) return json;
            lock (_gate)
            {
                // A build that throws leaves _json unset: the next request tries again.
                if (_json is null) Volatile.Write(ref _json, _build());
                return _json!;
            }
        }
    }

    /// <param name="publicBaseUrl">The origin the web app and the API share (<see cref="AppOptions.PublicBaseUrl"/>); the paths start with /api.</param>
    public static JsonObject Build(string publicBaseUrl)
    {
        var schemas = new ContractSchemas();
        var problem = schemas.Add("ProblemDetails", ProblemDetailsSchema());
        var paths = new JsonObject();
        foreach (var group in FunctionCatalog.HttpFunctions.GroupBy(f => "/" + FunctionCatalog.RoutePrefix + "/" + RouteParameter().Replace(f.Route, "{$1}")).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var item = new JsonObject();
            foreach (var function in group)
            {
                var doc = function.Method.GetCustomAttribute<ApiOperationAttribute>()
                    ?? throw new InvalidOperationException($"{function.Name} has no [ApiOperation].");
                foreach (var method in function.Methods)
                    item[method.ToLowerInvariant()] = Operation(function, method, doc, schemas, problem);
            }
            paths[group.Key] = item;
        }
        return new JsonObject
        {
            ["openapi"] = "3.1.0",
            ["info"] = new JsonObject
            {
                ["title"] = "FitPilot API",
                ["version"] = "1.0",
                ["description"] = "Errors are RFC 9457 problem details (application/problem+json) with an `errors` map for field validation. " +
                    "JSON bodies are strict: unknown fields, wrong types (a number sent as a string included) and missing required fields are a 400.",
            },
            ["servers"] = new JsonArray(new JsonObject
            {
                ["url"] = publicBaseUrl.TrimEnd('/'),
                ["description"] = "The web app's origin; the API is on the same origin under /api.",
            }),
            ["paths"] = paths,
            ["components"] = new JsonObject
            {
                ["schemas"] = schemas.Components(),
                ["securitySchemes"] = new JsonObject
                {
                    ["bearer"] = new JsonObject { ["type"] = "http", ["scheme"] = "bearer", ["bearerFormat"] = "JWT" },
                    ["cookie"] = new JsonObject { ["type"] = "apiKey", ["in"] = "cookie", ["name"] = SessionCookie.Name },
                },
            },
        };
    }

    private static JsonObject Operation(FunctionCatalog.Http function, string method, ApiOperationAttribute doc, ContractSchemas schemas, JsonObject problem)
    {
        var parameters = new JsonArray();
        var routeParameters = RouteParameter().Matches(function.Route).Select(m => m.Groups[1].Value).ToList();
        foreach (var name in routeParameters)
            parameters.Add(new JsonObject { ["name"] = name, ["in"] = "path", ["required"] = true, ["schema"] = new JsonObject { ["type"] = "string" } });
        foreach (var q in doc.Query)
        {
            var parts = q.Split(':', 2);
            var name = parts[0].Trim();
            var parameter = Query.Parameters.GetValueOrDefault(name)
                ?? throw new InvalidOperationException($"{function.Name}: the query parameter '{name}' has no entry in Query.Parameters.");
            var entry = new JsonObject { ["name"] = name, ["in"] = "query", ["required"] = parameter.Required };
            if (parts.Length > 1) entry["description"] = parts[1].Trim();
            entry["schema"] = QuerySchema(parameter);
            parameters.Add(entry);
        }

        var success = new JsonObject { ["description"] = "Success" };
        if (doc.Response is not null) success["content"] = Content("application/json", schemas.Use(doc.Response));
        else if (doc.ResponseMediaType is not null) success["content"] = Content(doc.ResponseMediaType, new JsonObject { ["type"] = "string", ["format"] = "binary" });
        var responses = new JsonObject { [doc.Status.ToString()] = success };
        foreach (var status in ProblemStatuses(method, doc, routeParameters.Count > 0))
            responses[status.ToString()] = new JsonObject
            {
                ["description"] = ProblemDescriptions[status],
                ["content"] = Content("application/problem+json", problem.DeepClone()),
            };

        var operation = new JsonObject
        {
            ["operationId"] = function.Name,
            ["summary"] = doc.Summary,
            ["x-access"] = doc.Access.ToString().ToLowerInvariant(),
            ["parameters"] = parameters,
            ["responses"] = responses,
        };
        if (doc.Access != Access.Anonymous)
            operation["security"] = new JsonArray(new JsonObject { ["bearer"] = new JsonArray() }, new JsonObject { ["cookie"] = new JsonArray() });
        if (doc.Request is not null)
        {
            JsonNode schema = doc.AlternativeRequest is null
                ? schemas.Use(doc.Request)
                : new JsonObject { ["oneOf"] = new JsonArray(schemas.Use(doc.Request), schemas.Use(doc.AlternativeRequest)) };
            operation["requestBody"] = new JsonObject { ["required"] = true, ["content"] = Content("application/json", schema) };
        }
        else if (doc.RequestMediaType is not null)
        {
            operation["requestBody"] = new JsonObject { ["required"] = true, ["content"] = Content(doc.RequestMediaType, new JsonObject { ["type"] = "string", ["format"] = "binary" }) };
        }
        return operation;
    }

    /// <summary>
    /// The problem statuses an operation can answer: what its shape implies (<see cref="Api"/>
    /// and <see cref="RequestBody"/> answer these for every function alike) plus its own
    /// <see cref="ApiOperationAttribute.Problems"/>.
    /// </summary>
    public static IReadOnlyList<int> ProblemStatuses(string method, ApiOperationAttribute doc, bool routeHasIds)
    {
        var hasBody = doc.Request is not null || doc.RequestMediaType is not null;
        var statuses = new SortedSet<int>(doc.Problems) { 503 };
        if (hasBody || doc.Query.Length > 0 || routeHasIds) statuses.Add(400);
        if (doc.Access != Access.Anonymous) statuses.Add(401);
        if (doc.Access is Access.Trainer or Access.Client) statuses.Add(403);
        if (routeHasIds) statuses.Add(404);
        // Updates and deletes take If-Match, and a storage-level conflict is a 409 for any write.
        if (method is "PUT" or "DELETE") statuses.Add(409);
        // The pipeline's billing rule: a PT's write while their subscription has lapsed (IWriteGate).
        if (doc.Access is Access.Trainer or Access.SignedIn && method is not ("GET" or "HEAD") && !doc.OpenWhenLapsed) statuses.Add(402);
        if (hasBody) { statuses.Add(413); statuses.Add(415); }
        return [.. statuses];
    }

    private static readonly Dictionary<int, string> ProblemDescriptions = new()
    {
        [400] = "The body, a query parameter or a route value is not valid; `errors` names each field",
        [401] = "Not signed in, the session has ended, or the credentials are not right",
        [402] = "A PT's trial has ended or their subscription has lapsed (type urn:fitpilot:problem:billing:trial-expired, canceled, past-due-beyond-grace or paused; billingUrl says where to fix it). Reads still work.",
        [403] = "Signed in, but this role may not do this",
        [404] = "Nothing here, or it belongs to someone else",
        [409] = "A conflict: someone changed it in the meantime (If-Match), or it already exists or is in another state",
        [410] = "The link has expired or was already used",
        [413] = "The body is too large",
        [415] = "The body's media type is not accepted",
        [429] = "Too many attempts; Retry-After says when to try again",
        [502] = "The payment provider (Stripe) failed or could not be reached; nothing was charged",
        [503] = "Storage is unavailable for the moment; try again",
    };

    private static JsonObject QuerySchema(Query.Parameter p)
    {
        var schema = new JsonObject { ["type"] = p.Type };
        if (p.Type == "integer") schema["format"] = "int32";
        if (p.Format is not null) schema["format"] = p.Format;
        if (p.Minimum is { } min) schema["minimum"] = min;
        if (p.Maximum is { } max) schema["maximum"] = max;
        if (p.Default is { } value) schema["default"] = value;
        if (p.MaxLength is { } length) schema["maxLength"] = length;
        if (p.Values is { } values) schema["enum"] = new JsonArray([.. values.Select(v => JsonValue.Create(v))]);
        return schema;
    }

    /// <summary>What <see cref="Api.Problem"/> writes (RFC 9457).</summary>
    private static JsonObject ProblemDetailsSchema() => new()
    {
        ["type"] = "object",
        ["description"] = "An RFC 9457 problem: every error the API answers.",
        ["properties"] = new JsonObject
        {
            ["type"] = new JsonObject { ["type"] = "string", ["description"] = "A URI naming the kind of problem." },
            ["title"] = new JsonObject { ["type"] = "string" },
            ["status"] = new JsonObject { ["type"] = "integer", ["format"] = "int32" },
            ["detail"] = new JsonObject { ["type"] = "string", ["description"] = "What happened and what to do, for a person." },
            ["instance"] = new JsonObject { ["type"] = "string", ["description"] = "The request path." },
            ["errors"] = new JsonObject
            {
                ["type"] = "object",
                ["description"] = "Validation errors by field, in the JSON names of the body (\"days[0].exercises[1].sets\") or the query parameter's name.",
                ["additionalProperties"] = new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["type"] = "string" } },
            },
        },
        ["required"] = new JsonArray("type", "title", "status"),
    };

    private static JsonObject Content(string mediaType, JsonNode schema) => new() { [mediaType] = new JsonObject { ["schema"] = schema } };

    [GeneratedRegex(@"\{(\w+)(?::[^}]*)?\}")]
    private static partial Regex RouteParameter();
}
