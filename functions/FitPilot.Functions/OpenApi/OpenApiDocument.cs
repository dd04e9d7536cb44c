using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using System.Text.RegularExpressions;
using FitPilot.Functions.Hosting;
using FitPilot.Functions.Http;

namespace FitPilot.Functions.OpenApi;

/// <summary>
/// OpenAPI 3.1 for every HTTP function, built from the function catalogue and each function's
/// <see cref="ApiOperationAttribute"/>; schemas come from the shared contracts (JsonSchemaExporter).
/// </summary>
public static partial class OpenApiDocument
{
    private static readonly Lazy<string> Json = new(() => Build().ToJsonString(new JsonSerializerOptions { WriteIndented = true }));

    public static string Text => Json.Value;

    public static JsonObject Build()
    {
        var schemas = new JsonObject();
        var paths = new JsonObject();
        foreach (var group in FunctionCatalog.HttpFunctions.GroupBy(f => "/" + FunctionCatalog.RoutePrefix + "/" + RouteParameter().Replace(f.Route, "{$1}")).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var item = new JsonObject();
            foreach (var function in group)
            {
                var doc = function.Method.GetCustomAttribute<ApiOperationAttribute>()
                    ?? throw new InvalidOperationException($"{function.Name} has no [ApiOperation].");
                foreach (var method in function.Methods)
                    item[method.ToLowerInvariant()] = Operation(function, doc, schemas);
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
                ["description"] = "Errors are RFC 9457 problem details (application/problem+json) with an `errors` map for field validation.",
            },
            ["paths"] = paths,
            ["components"] = new JsonObject
            {
                ["schemas"] = schemas,
                ["securitySchemes"] = new JsonObject
                {
                    ["bearer"] = new JsonObject { ["type"] = "http", ["scheme"] = "bearer", ["bearerFormat"] = "JWT" },
                    ["cookie"] = new JsonObject { ["type"] = "apiKey", ["in"] = "cookie", ["name"] = Auth.SessionCookie.Name },
                },
            },
        };
    }

    private static JsonObject Operation(FunctionCatalog.Http function, ApiOperationAttribute doc, JsonObject schemas)
    {
        var parameters = new JsonArray();
        foreach (Match m in RouteParameter().Matches(function.Route))
            parameters.Add(new JsonObject { ["name"] = m.Groups[1].Value, ["in"] = "path", ["required"] = true, ["schema"] = new JsonObject { ["type"] = "string" } });
        foreach (var q in doc.Query)
        {
            var parts = q.Split(':', 2);
            parameters.Add(new JsonObject { ["name"] = parts[0].Trim(), ["in"] = "query", ["required"] = false, ["description"] = parts.Length > 1 ? parts[1].Trim() : null, ["schema"] = new JsonObject { ["type"] = "string" } });
        }

        var responses = new JsonObject
        {
            [doc.Status.ToString()] = doc.Response is null
                ? new JsonObject { ["description"] = "Success" }
                : new JsonObject { ["description"] = "Success", ["content"] = Content("application/json", Ref(doc.Response, schemas)) },
            ["default"] = new JsonObject { ["description"] = "A problem (RFC 9457)", ["content"] = Content("application/problem+json", new JsonObject { ["type"] = "object" }) },
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
                ? Ref(doc.Request, schemas)
                : new JsonObject { ["oneOf"] = new JsonArray(Ref(doc.Request, schemas), Ref(doc.AlternativeRequest, schemas)) };
            operation["requestBody"] = new JsonObject { ["required"] = true, ["content"] = Content("application/json", schema) };
        }
        else if (doc.RequestMediaType is not null)
        {
            operation["requestBody"] = new JsonObject { ["required"] = true, ["content"] = Content(doc.RequestMediaType, new JsonObject { ["type"] = "string", ["format"] = "binary" }) };
        }
        return operation;
    }

    private static JsonObject Content(string mediaType, JsonNode schema) => new() { [mediaType] = new JsonObject { ["schema"] = schema } };

    private static JsonObject Ref(Type type, JsonObject schemas)
    {
        var name = SchemaName(type);
        if (!schemas.ContainsKey(name))
            schemas[name] = FitPilotJson.Options.GetJsonSchemaAsNode(type, new JsonSchemaExporterOptions { TreatNullObliviousAsNonNullable = true });
        return new JsonObject { ["$ref"] = "#/components/schemas/" + name };
    }

    private static string SchemaName(Type type) =>
        type.IsGenericType ? type.Name[..type.Name.IndexOf('`')] + "Of" + string.Concat(type.GetGenericArguments().Select(SchemaName)) : type.Name;

    [GeneratedRegex(@"\{(\w+)(?::[^}]*)?\}")]
    private static partial Regex RouteParameter();
}
