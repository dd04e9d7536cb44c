using System.Net;
using System.Reflection;
using System.Text.Json.Nodes;
using FitPilot.Contracts.Exercises;
using FitPilot.Functions.Common;
using FitPilot.Functions.Http;
using FitPilot.Functions.OpenApi;
using FitPilot.Tests.Infrastructure;
using Xunit.Abstractions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FitPilot.Tests.OpenApi;

/// <summary>/api/openapi.json: served from the first request on, and fit to generate a client from.</summary>
[Collection(HostCollection.Name)]
public sealed class OpenApiDocumentTests(HostFixture host, ITestOutputHelper output)
{
    [Fact]
    public async Task The_first_request_of_a_freshly_started_host_gets_the_document()
    {
        // The serializer options are complete from their static initialiser, whoever touches them first.
        Assert.True(FitPilotJson.Options.IsReadOnly);
        Assert.NotNull(FitPilotJson.Options.TypeInfoResolver);

        // A new host on the shared fixture's Azurite and smtp4dev (their ports answer, so it starts neither).
        var data = Path.Combine(Path.GetTempPath(), "fitpilot-fresh-host-" + Guid.NewGuid().ToString("N")[..8]);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        try
        {
            await using var fresh = await HostFixture.StartHostAsync(data, new Dictionary<string, string?>(), host.Host.Services.Used);
            var startedIn = clock.Elapsed;
            using var http = new HttpClient { BaseAddress = new Uri(fresh.Url) };

            var first = await http.GetAsync("/api/openapi.json");
            var text = await first.Content.ReadAsStringAsync();
            Assert.True(first.StatusCode == HttpStatusCode.OK, $"first request: {(int)first.StatusCode} {text}");
            Assert.Equal("application/json", first.Content.Headers.ContentType?.MediaType);
            var doc = JsonNode.Parse(text)!;
            Assert.Equal("3.1.0", (string?)doc["openapi"]);
            Assert.Equal(fresh.App.Services.GetRequiredService<IOptions<AppOptions>>().Value.PublicBaseUrl.TrimEnd('/'), (string?)doc["servers"]![0]!["url"]);

            // Built once per host: the second request gets the same document.
            Assert.Equal(text, await http.GetStringAsync("/api/openapi.json"));
            output.WriteLine($"fresh host started in {startedIn.TotalSeconds:0.0} s; first document request answered after {(clock.Elapsed - startedIn).TotalMilliseconds:0} ms");
        }
        finally
        {
            try { Directory.Delete(data, recursive: true); } catch (IOException) { }
        }
    }

    [Fact]
    public void A_failed_build_is_not_kept_and_a_good_one_is_built_once()
    {
        var builds = 0;
        var document = new OpenApiDocument(() => ++builds == 1 ? throw new InvalidOperationException("first build fails") : "{}");
        Assert.Throws<InvalidOperationException>(() => document.Json);
        Assert.Equal("{}", document.Json);
        Assert.Equal("{}", document.Json);
        Assert.Equal(2, builds);
    }

    [Fact]
    public async Task Numbers_are_numbers_each_contract_is_one_component_annotations_and_problems_are_declared()
    {
        var doc = JsonNode.Parse(await (await host.NewClient().GetAsync("/api/openapi.json")).Content.ReadAsStringAsync())!;
        var schemas = doc["components"]!["schemas"]!.AsObject();

        // servers: the configured public origin (the API is under /api on it).
        var baseUrl = host.Services.GetRequiredService<IOptions<AppOptions>>().Value.PublicBaseUrl.TrimEnd('/');
        Assert.Equal(baseUrl, (string?)doc["servers"]![0]!["url"]);
        Assert.All(doc["paths"]!.AsObject(), p => Assert.StartsWith("/api/", p.Key));

        // Numbers: never a string-or-number union (numbers sent as strings are refused), never a pattern.
        var failures = new List<string>();
        foreach (var (path, node) in Objects(doc, "$"))
        {
            var types = Types(node);
            var numeric = types.Contains("integer") || types.Contains("number");
            if (numeric && types.Contains("string")) failures.Add($"{path}: type [{string.Join(",", types)}]");
            if (numeric && node.ContainsKey("pattern")) failures.Add($"{path}: a pattern on a number");
            // Every object with properties is a component: inline copies make one model per use in a generated client.
            if (node.ContainsKey("properties") && !IsComponent(path)) failures.Add($"{path}: an inline object schema");
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));

        // One component per contract type the operations use (nested ones and closed generics included), each referenced.
        var contracts = new HashSet<Type>();
        foreach (var operation in FunctionCatalog.HttpFunctions.Select(f => f.Method.GetCustomAttribute<ApiOperationAttribute>()!))
            foreach (var type in new[] { operation.Request, operation.AlternativeRequest, operation.Response })
                if (type is not null) Reach(type, contracts);
        var expected = contracts.Select(ContractSchemas.SchemaName).Append("ProblemDetails").Order(StringComparer.Ordinal).ToList();
        Assert.Equal(expected, schemas.Select(s => s.Key).Order(StringComparer.Ordinal).ToList());
        Assert.Contains("ProgramDay", expected);
        Assert.Contains("ProgramExercise", expected);
        Assert.Contains("SetLog", expected);
        Assert.Contains("PageOfExerciseDto", expected);
        var text = doc.ToJsonString();
        foreach (var name in expected)
            Assert.True(text.Contains($"\"#/components/schemas/{name}\"", StringComparison.Ordinal), $"{name} is never referenced");

        // The contracts' DataAnnotations.
        JsonNode Property(string schema, string property) => schemas[schema]!["properties"]![property]!;
        Assert.Equal(new[] { "integer" }, Types(Property("ProgramExercise", "sets")));
        Assert.Equal(1, (int)Property("ProgramExercise", "sets")["minimum"]!);
        Assert.Equal(20, (int)Property("ProgramExercise", "sets")["maximum"]!);
        Assert.Equal(new[] { "null", "number" }, Types(Property("ProgramExercise", "weightKg")).Order());
        Assert.Equal(1000, (double)Property("ProgramExercise", "weightKg")["maximum"]!);
        Assert.Equal(@"^\d{1,2}-\d{1,2}-\d{1,2}-\d{1,2}$", (string?)Property("ProgramExercise", "tempo")["pattern"]);
        Assert.Equal(100, (int)Property("SaveProgramRequest", "name")["maxLength"]!);
        Assert.Equal(1, (int)Property("SaveProgramRequest", "name")["minLength"]!);
        Assert.Equal(7, (int)Property("SaveProgramRequest", "days")["maxItems"]!);
        Assert.Equal("#/components/schemas/ProgramDay", (string?)Property("SaveProgramRequest", "days")["items"]!["$ref"]);
        Assert.Equal("date", (string?)Property("SaveProgramRequest", "startDate")["format"]);
        Assert.Equal(15, (int)Property("ProgramDay", "exercises")["maxItems"]!);
        Assert.Equal("email", (string?)Property("RegisterTrainerRequest", "email")["format"]);
        Assert.Equal(10, (int)Property("RegisterTrainerRequest", "password")["minLength"]!);
        Assert.Equal(128, (int)Property("RegisterTrainerRequest", "password")["maxLength"]!);
        Assert.Equal("uri", (string?)Property("SaveExerciseRequest", "videoUrl")["format"]);
        Assert.Equal(1, (int)Property("SaveExerciseRequest", "primaryMuscles")["minItems"]!);
        Assert.Equal(5, (int)Property("SaveExerciseRequest", "primaryMuscles")["maxItems"]!);
        Assert.Equal(30, (int)Property("SaveExerciseRequest", "instructions")["maxItems"]!);
        Assert.Equal(50, (int)Property("AssignTemplateRequest", "clientIds")["maxItems"]!);
        Assert.Equal(10, (int)Property("UpdateClientRequest", "age")["minimum"]!);
        Assert.Equal("^[A-Za-z0-9-]{8,40}$", (string?)Property("LogSetRequest", "id")["pattern"]);
        Assert.Equal("date", (string?)Property("SetLog", "workoutDate")["format"]);
        // A nullable reference is the component or null.
        Assert.Equal("#/components/schemas/TrainerProfile", (string?)Property("MeResponse", "trainer")["anyOf"]![0]!["$ref"]);
        Assert.Equal("null", (string?)Property("MeResponse", "trainer")["anyOf"]![1]!["type"]);
        Assert.Equal(new[] { "detail", "errors", "instance", "status", "title", "type" }, schemas["ProblemDetails"]!["properties"]!.AsObject().Select(p => p.Key).Order());

        // Query parameters are typed.
        JsonNode Query(string path, string name) =>
            doc["paths"]![path]!["get"]!["parameters"]!.AsArray().Single(p => (string?)p!["name"] == name)!["schema"]!;
        Assert.Equal("integer", (string?)Query("/api/exercises", "limit")["type"]);
        Assert.Equal(1, (int)Query("/api/exercises", "limit")["minimum"]!);
        Assert.Equal(100, (int)Query("/api/exercises", "limit")["maximum"]!);
        Assert.Equal("integer", (string?)Query("/api/clients", "limit")["type"]);
        Assert.Equal("string", (string?)Query("/api/exercises", "cursor")["type"]);
        Assert.Equal(ExerciseVocabulary.Muscles, Query("/api/exercises", "muscle")["enum"]!.AsArray().Select(v => (string)v!));
        Assert.Equal(ExerciseVocabulary.Equipment, Query("/api/exercises", "equipment")["enum"]!.AsArray().Select(v => (string)v!));
        Assert.Equal(ExerciseVocabulary.Categories, Query("/api/exercises", "category")["enum"]!.AsArray().Select(v => (string)v!));
        Assert.Equal(ExerciseVocabulary.Levels, Query("/api/exercises", "level")["enum"]!.AsArray().Select(v => (string)v!));
        Assert.Equal(new[] { "library", "own" }, Query("/api/exercises", "source")["enum"]!.AsArray().Select(v => (string)v!));
        Assert.Equal("date", (string?)Query("/api/today", "date")["format"]);
        Assert.Equal("date", (string?)Query("/api/clients/{clientId}/logs", "from")["format"]);
        Assert.Equal("date", (string?)Query("/api/clients/{clientId}/adherence", "to")["format"]);
        Assert.Equal("boolean", (string?)Query("/api/programs", "templates")["type"]);

        // Problem responses: application/problem+json with the shared component, the statuses each operation can answer.
        foreach (var (path, item) in doc["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                var name = $"{method.ToUpperInvariant()} {path}";
                var responses = operation!["responses"]!.AsObject();
                var problems = responses.Where(r => r.Key[0] is '4' or '5').ToList();
                foreach (var (status, response) in problems)
                {
                    var content = response!["content"]!.AsObject();
                    Assert.True(content.Count == 1 && content["application/problem+json"]?["schema"]?["$ref"]?.GetValue<string>() == "#/components/schemas/ProblemDetails",
                        $"{name} {status}: not a ProblemDetails");
                }
                var statuses = problems.Select(p => int.Parse(p.Key)).ToHashSet();
                Assert.True(statuses.Contains(503), $"{name}: no 503");
                var access = (string?)operation["x-access"];
                var hasBody = operation["requestBody"] is not null;
                var hasQuery = operation["parameters"]!.AsArray().Any(p => (string?)p!["in"] == "query");
                var hasIds = path.Contains('{');
                if (access != "anonymous") Assert.True(statuses.Contains(401), $"{name}: no 401");
                if (access is "trainer" or "client") Assert.True(statuses.Contains(403), $"{name}: no 403");
                if (hasIds) Assert.True(statuses.Contains(404), $"{name}: no 404");
                if (hasBody || hasQuery || hasIds) Assert.True(statuses.Contains(400), $"{name}: no 400");
                if (hasBody) Assert.True(statuses.Contains(413) && statuses.Contains(415), $"{name}: no 413/415");
                if (method is "put" or "delete") Assert.True(statuses.Contains(409), $"{name}: no 409");
                // Only what takes no input, no session and no ids (log out, this document) has no 4xx to declare.
                if (hasBody || hasQuery || hasIds || access != "anonymous")
                    Assert.True(statuses.Any(s => s is >= 400 and < 500), $"{name}: no 4xx problem");
            }
        }
        var login = doc["paths"]!["/api/auth/login"]!["post"]!["responses"]!.AsObject();
        Assert.True(login.ContainsKey("429") && login.ContainsKey("401"));
        Assert.True(doc["paths"]!["/api/auth/register"]!["post"]!["responses"]!.AsObject().ContainsKey("409"));
        Assert.True(doc["paths"]!["/api/invitations"]!["get"]!["responses"]!.AsObject().ContainsKey("410"));
    }

    /// <summary>Every JSON object in the document with its path ($.components.schemas.X.properties.y …).</summary>
    private static IEnumerable<(string Path, JsonObject Node)> Objects(JsonNode? node, string path)
    {
        switch (node)
        {
            case JsonObject o:
                yield return (path, o);
                foreach (var (key, child) in o)
                    foreach (var x in Objects(child, $"{path}.{key}")) yield return x;
                break;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++)
                    foreach (var x in Objects(a[i], $"{path}[{i}]")) yield return x;
                break;
        }
    }

    private static bool IsComponent(string path) =>
        path.StartsWith("$.components.schemas.", StringComparison.Ordinal) && path.Count(c => c == '.') == 3;

    /// <summary>A schema's "type" as a list ("integer" or ["integer", "null"]); none for a $ref or a non-schema object.</summary>
    private static List<string> Types(JsonNode node) => node["type"] switch
    {
        JsonValue v when v.TryGetValue<string>(out var s) => [s],
        JsonArray a => a.Select(t => (string)t!).ToList(),
        _ => [],
    };

    /// <summary>The contract types a type uses: itself, its properties', its generic arguments' and its items', transitively.</summary>
    private static void Reach(Type type, HashSet<Type> seen)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type.IsArray) Reach(type.GetElementType()!, seen);
        if (type.IsGenericType)
            foreach (var argument in type.GetGenericArguments()) Reach(argument, seen);
        if (ContractSchemas.IsContract(type) && seen.Add(type))
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
                Reach(property.PropertyType, seen);
    }
}
