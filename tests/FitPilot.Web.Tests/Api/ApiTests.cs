using System.Net;
using System.Text.RegularExpressions;
using FitPilot.Contracts.Clients;
using FitPilot.Contracts.Programs;
using FitPilot.Contracts.Training;
using FitPilot.Web.Api;

namespace FitPilot.Web.Tests.Api;

public sealed class ApiClientTests
{
    [Fact]
    public async Task A_problem_response_becomes_an_ApiProblem_with_field_errors()
    {
        var fake = new FakeApi().On("POST", "/api/clients", HttpStatusCode.BadRequest,
            FakeApi.Problem(400, "Validation failed", "One or more fields are not valid.", """{"email":["Not an email."]}"""), "application/problem+json");
        var result = await new ApiClient(fake.Client()).PostAsync<ClientProfile>("api/clients", new { name = "x" });
        Assert.False(result.Ok);
        Assert.Equal(400, result.Problem!.Status);
        Assert.Equal(["Not an email."], result.Problem.Errors["email"]);
    }

    [Fact]
    public async Task A_network_failure_or_an_empty_500_still_gives_a_message_a_person_understands()
    {
        var down = await new ApiClient(new FakeApi().Fail("GET", "/api/me").Client()).GetAsync<object>("api/me");
        Assert.True(down.Problem!.IsNetworkError);

        var crashed = await new ApiClient(new FakeApi().On("GET", "/api/dashboard", HttpStatusCode.InternalServerError, "", "text/plain").Client()).GetAsync<object>("api/dashboard");
        Assert.Equal(500, crashed.Problem!.Status);
        Assert.Contains("problem on its side", crashed.Problem.Message);
    }

    [Fact]
    public async Task Only_a_401_outside_sign_in_means_the_session_ended()
    {
        var fake = new FakeApi()
            .On("GET", "/api/me", HttpStatusCode.Unauthorized, FakeApi.Problem(401, "Unauthorized"))
            .On("POST", "/api/auth/login", HttpStatusCode.Unauthorized, FakeApi.Problem(401, "Login failed"))
            .On("GET", "/api/clients", HttpStatusCode.Unauthorized, FakeApi.Problem(401, "Unauthorized"));
        var api = new ApiClient(fake.Client());
        var expired = 0;
        api.SessionExpired += () => expired++;
        await api.GetAsync<object>("api/me");
        await api.PostAsync<object>("api/auth/login", new { });
        Assert.Equal(0, expired);
        await api.GetAsync<object>("api/clients");
        Assert.Equal(1, expired);
    }
}

public sealed class TypedClientTests
{
    private readonly FakeApi _fake = new();
    private ApiClient Http => new(_fake.Client());

    [Fact]
    public async Task Each_call_goes_to_its_feature_URL_with_ids_escaped_as_one_path_segment()
    {
        var programs = new ProgramsApi(Http);
        var training = new TrainingApi(Http);
        var clients = new ClientsApi(Http);
        await programs.GetAsync("a/b c");
        await programs.PauseAsync("p1");
        await programs.PushBackAsync("p1", new PushBackRequest { Days = 2 });
        await programs.ListForClientAsync("c&1");
        await training.TodayAsync(new DateOnly(2026, 11, 3));
        await training.CorrectSetAsync("log?1", new UpdateSetLogRequest { WeightKg = 60, Reps = 5 });
        await training.DeleteSetAsync("log 2");
        await training.ExerciseHistoryAsync("Barbell_Squat");
        await clients.ListAsync(50, "next/page");
        await clients.WithdrawInvitationAsync("c#1");
        await new InvitationsApi(Http).PreviewAsync("t+k=");
        await new ExercisesApi(Http).SearchAsync(new ExerciseSearch("bench press", Muscle: "chest", Source: " "), 20);

        Assert.Equal([
            "GET /api/programs/a%2Fb%20c",
            "POST /api/programs/p1/pause",
            "POST /api/programs/p1/push-back",
            "GET /api/programs?clientId=c%261",
            "GET /api/today?date=2026-11-03",
            "PUT /api/logs/log%3F1",
            "DELETE /api/logs/log%202",
            "GET /api/exercises/Barbell_Squat/history",
            "GET /api/clients?limit=50&cursor=next%2Fpage",
            "DELETE /api/clients/c%231/invitation",
            "GET /api/invitations?token=t%2Bk%3D",
            "GET /api/exercises?limit=20&q=bench%20press&muscle=chest",
        ], _fake.Requests);
        Assert.Equal(2, _fake.Sent[2].Json.GetProperty("days").GetInt32());
    }

    [Fact]
    public async Task Saving_a_program_sends_the_version_read_as_If_Match_and_returns_the_new_one()
    {
        _fake.On("PUT", "/api/programs/p1", HttpStatusCode.OK, FakeApi.Json(Programs.ProgramBuilderTests.Program("p1", "Full body A")), etag: "\"v2\"");
        var result = await new ProgramsApi(Http).SaveProgramAsync("p1", new SaveProgramRequest { Name = "Full body A", IsTemplate = true }, "\"v1\"");
        Assert.True(result.Ok);
        Assert.Equal("\"v2\"", result.ETag);
        var sent = Assert.Single(_fake.Sent);
        Assert.Equal(("PUT", "\"v1\""), (sent.Method, sent.IfMatch));
    }
}

public sealed class ApiUrlTests
{
    /// <summary>A string literal that starts an API URL: "api/…", $"api/…", "/api/…".</summary>
    private static readonly Regex ApiLiteral = new("""["'`]/?api/""", RegexOptions.Compiled);

    [Fact]
    public void No_API_URL_is_written_outside_the_Api_folder_of_the_web_app()
    {
        Assert.Matches(ApiLiteral, """await Api.GetAsync<MeResponse>("api/me");""");
        Assert.Matches(ApiLiteral, """Api.DeleteAsync($"api/logs/{id}")""");
        Assert.DoesNotMatch(ApiLiteral, """<a href="pt/programs">""");

        var web = Path.Combine(RepositoryRoot(), "static-web", "FitPilot.Web");
        var apiFolder = Path.Combine(web, "Api") + Path.DirectorySeparatorChar;
        var sources = Directory.EnumerateFiles(web, "*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".razor", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal))
            .Where(f => !f.StartsWith(apiFolder, StringComparison.Ordinal))
            .Where(f => Path.GetRelativePath(web, f).Split(Path.DirectorySeparatorChar)[0] is not ("bin" or "obj"))
            .ToList();
        Assert.True(sources.Count >= 30, $"only {sources.Count} sources found under {web}");

        var found = sources.SelectMany(f => File.ReadLines(f).Select((line, i) => (File: Path.GetRelativePath(web, f), Line: i + 1, Text: line.Trim())))
            .Where(l => ApiLiteral.IsMatch(l.Text))
            .Select(l => $"{l.File}:{l.Line}: {l.Text}")
            .ToList();
        Assert.True(found.Count == 0, "Call the API through a typed client in Api/ instead of:\n" + string.Join('\n', found));
    }

    /// <summary>The folder holding FitPilot.sln above the test binaries: the repository, never anything outside it.</summary>
    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "FitPilot.sln"))) return dir.FullName;
        throw new InvalidOperationException("FitPilot.sln not found above " + AppContext.BaseDirectory);
    }
}
