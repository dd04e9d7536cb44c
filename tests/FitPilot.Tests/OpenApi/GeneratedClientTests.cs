using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using FitPilot.Tests.Infrastructure;
using Xunit.Abstractions;

namespace FitPilot.Tests.OpenApi;

/// <summary>
/// The document serves a generated client: Kiota (pinned in .config/dotnet-tools.json) generates a
/// C# client from /api/openapi.json, a small program (GeneratedClient/) builds with it and calls
/// the running host through it. Everything happens in a temp folder, removed afterwards.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class GeneratedClientTests(HostFixture host, ITestOutputHelper output)
{
    /// <summary>Kiota without its update check, telemetry, hints or colours (the machine has no internet).</summary>
    private static readonly Dictionary<string, string> KiotaEnvironment = new()
    {
        ["KIOTA_OFFLINE_ENABLED"] = "true",
        ["KIOTA_CLI_TELEMETRY_OPTOUT"] = "true",
        ["KIOTA_TUTORIAL_ENABLED"] = "false",
        ["KIOTA_CONSOLE_COLORS_ENABLED"] = "false",
    };

    [Fact]
    public async Task A_Kiota_client_generated_from_the_document_compiles_and_calls_the_API()
    {
        var api = host.NewClient();
        var response = await api.GetAsync("/api/openapi.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await response.Content.ReadAsStringAsync();
        var components = JsonNode.Parse(document)!["components"]!["schemas"]!.AsObject().Select(s => s.Key).ToHashSet();

        // A client with a program for Monday, for the program's "today" and "log a set".
        var pt = await api.RegisterTrainerAsync();
        var client = await api.OnboardClientAsync(pt, host.Mailbox);
        // The latest Monday: sets can be logged up to the client's today, not for a day still to come.
        var monday = TrainingSetup.Last(DayOfWeek.Monday);
        await TrainingSetup.CreateAsync(api, pt, client.Id, start: monday);

        var work = Directory.CreateTempSubdirectory("fitpilot-kiota-").FullName;
        try
        {
            var openApi = Path.Combine(work, "openapi.json");
            await File.WriteAllTextAsync(openApi, document);
            var clock = Stopwatch.StartNew();

            await RunAsync(TestPaths.Repo, TimeSpan.FromMinutes(2), "dotnet", "tool", "restore");
            var kiota = await RunAsync(TestPaths.Repo, TimeSpan.FromMinutes(2), "dotnet", "kiota", "generate", "--language", "CSharp",
                "--openapi", openApi, "--output", Path.Combine(work, "Client"), "--class-name", "FitPilotClient", "--namespace-name", "FitPilot.Client",
                "--exclude-backward-compatible", "--clean-output", "--log-level", "Warning");
            var generated = clock.Elapsed;

            // Kiota warns about nothing but the string formats it has no type for (email, uri).
            var lines = kiota.Split('\n');
            var warnings = lines.Select((line, i) => (line, i)).Where(x => x.line.StartsWith("warn:", StringComparison.Ordinal) || x.line.StartsWith("fail:", StringComparison.Ordinal))
                .Select(x => x.i + 1 < lines.Length ? lines[x.i + 1].Trim() : x.line)
                .Where(message => !Regex.IsMatch(message, "The format (email|uri) is not supported by Kiota")).ToList();
            Assert.True(warnings.Count == 0, "Kiota warned:\n" + string.Join("\n", warnings));
            // One model per component: no inline copies such as ProgramDto_days. Maps (an object of additionalProperties,
            // such as ProblemDetails' errors or a measurement's skinfoldsMm) are the one inline type: Kiota names them Component_property.
            var maps = JsonNode.Parse(document)!["components"]!["schemas"]!.AsObject()
                .SelectMany(c => (c.Value!["properties"] as JsonObject ?? []).Where(p => p.Value?["additionalProperties"] is JsonObject).Select(p => $"{c.Key}_{p.Key}"));
            var models = Directory.GetFiles(Path.Combine(work, "Client", "Models"), "*.cs").Select(Path.GetFileNameWithoutExtension).ToHashSet();
            Assert.Equal(components.Concat(maps).Append("ProblemDetails_errors").Distinct().Order(), models.Order());

            foreach (var file in Directory.GetFiles(Path.Combine(TestPaths.Repo, "tests", "FitPilot.Tests", "OpenApi", "GeneratedClient")))
                File.Copy(file, Path.Combine(work, Path.GetFileName(file)));
            var bin = Path.Combine(work, "bin", "out");
            await RunAsync(work, TimeSpan.FromMinutes(4), "dotnet", "build", "-nologo", "--disable-build-servers", "-v", "q", "-o", bin);
            var built = clock.Elapsed;

            var run = await RunAsync(work, TimeSpan.FromMinutes(1), "dotnet", Path.Combine(bin, "GeneratedClient.dll"),
                host.BaseUrl, client.Email, client.Password, monday.ToString("yyyy-MM-dd"));
            output.WriteLine(run);
            output.WriteLine($"Kiota generation {generated.TotalSeconds:0.0} s (with tool restore), client build {(built - generated).TotalSeconds:0.0} s, calls {(clock.Elapsed - built).TotalSeconds:0.0} s");
            Assert.Contains("ok: create program: the numbers come back as numbers", run);
            Assert.Contains("ok: log a set: reps, weight and the estimated 1RM", run);
            Assert.Contains("12 calls through the generated client", run);
        }
        finally
        {
            try { Directory.Delete(work, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    /// <summary>Runs a command to its end (or kills it at the time limit); a non-zero exit fails the test with its output.</summary>
    private static async Task<string> RunAsync(string directory, TimeSpan limit, string command, params string[] arguments)
    {
        var info = new ProcessStartInfo(command) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in arguments) info.ArgumentList.Add(a);
        foreach (var (k, v) in KiotaEnvironment) info.Environment[k] = v;
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["DOTNET_NOLOGO"] = "1";
        // dotnet test's own MSBuild settings must not leak into the child build.
        foreach (var key in info.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)).ToList())
            info.Environment.Remove(key);

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not run {command}.");
        var text = new StringBuilder();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(limit);
        try { await process.WaitForExitAsync(timeout.Token); }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            Assert.Fail($"{command} {string.Join(' ', arguments)} took longer than {limit.TotalSeconds:0} s:\n{await stdout}\n{await stderr}");
        }
        text.Append(await stdout).Append(await stderr);
        Assert.True(process.ExitCode == 0, $"{command} {string.Join(' ', arguments)} exited {process.ExitCode}:\n{text}");
        return text.ToString();
    }
}
