using System.Diagnostics;
using System.Reflection;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using FitPilot.Tests.Infrastructure;

namespace FitPilot.Tests.Infra;

/// <summary>
/// Builds and lints every .bicep file under infra/ once per test run with the Bicep CLI from the
/// Azure.Bicep.CommandLine.linux-x64 package (its path comes from MSBuild's $(BicepPath), stamped on
/// this assembly), into a copy of infra/ so the repo stays clean. Offline: types are built into the CLI.
/// </summary>
public sealed class BicepBuild
{
    public string BuildOutput { get; }
    public string LintOutput { get; }
    public int BuildExitCode { get; }
    public int LintExitCode { get; }
    public IReadOnlyList<string> BicepFiles { get; }
    public JsonObject Main { get; }
    public JsonObject BlobEvents { get; }

    public BicepBuild()
    {
        var infra = Path.Combine(TestPaths.Repo, "infra");
        var copy = Path.Combine(Path.GetTempPath(), "fitpilot-bicep-" + Guid.NewGuid().ToString("N"));
        CopyDirectory(infra, copy);
        BicepFiles = Directory.EnumerateFiles(infra, "*.bicep", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(infra, f)).Order().ToList();

        (BuildExitCode, BuildOutput) = Run(copy, "build", "--pattern", "**/*.bicep");
        (LintExitCode, LintOutput) = Run(copy, "lint", "--pattern", "**/*.bicep");
        Main = Read(Path.Combine(copy, "main.json"));
        BlobEvents = Read(Path.Combine(copy, "blob-events.json"));
        try { Directory.Delete(copy, recursive: true); } catch (IOException) { }
    }

    public static string BicepPath
    {
        get
        {
            var path = typeof(BicepBuild).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
                .FirstOrDefault(a => a.Key == "BicepPath")?.Value;
            Assert.False(string.IsNullOrEmpty(path), "The test assembly has no BicepPath: is Azure.Bicep.CommandLine.linux-x64 referenced?");
            path = Path.GetFullPath(OperatingSystem.IsWindows() ? path! : path!.Replace('\\', '/'));
            Assert.True(File.Exists(path), $"The Bicep CLI is not at {path}: restore the test project.");
            return path;
        }
    }

    private static (int, string) Run(string workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo(BicepPath) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment["BICEP_TRACING_ENABLED"] = "false";
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, (stdout + stderr.Result).Trim());
    }

    private static JsonObject Read(string path) =>
        File.Exists(path) ? (JsonObject)JsonNode.Parse(File.ReadAllText(path))! : new JsonObject();

    private static void CopyDirectory(string from, string to)
    {
        foreach (var dir in Directory.EnumerateDirectories(from, "*", SearchOption.AllDirectories))
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, dir)));
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
            File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)));
    }

    /// <summary>Every resource in a compiled template, nested deployments (modules) included.</summary>
    public static IEnumerable<JsonObject> Resources(JsonObject template)
    {
        var resources = template["resources"] switch
        {
            JsonArray array => array.OfType<JsonObject>(),
            JsonObject symbolic => symbolic.Select(p => p.Value).OfType<JsonObject>(),
            _ => []
        };
        foreach (var resource in resources)
        {
            yield return resource;
            if (resource["properties"]?["template"] is JsonObject nested)
                foreach (var inner in Resources(nested)) yield return inner;
        }
    }

    /// <summary>Every output of a template and of its nested templates: (name, value expression).</summary>
    public static IEnumerable<(string Name, string Value)> Outputs(JsonObject template)
    {
        if (template["outputs"] is JsonObject outputs)
            foreach (var (name, output) in outputs) yield return (name, Json(output?["value"]));
        foreach (var resource in Resources(template))
            if (resource["properties"]?["template"]?["outputs"] is JsonObject nested)
                foreach (var (name, output) in nested) yield return (name, Json(output?["value"]));
    }

    private static readonly JsonSerializerOptions Readable = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>A node as JSON text without escaping (ARM expressions keep their quotes: parameters('x')).</summary>
    public static string Json(JsonNode? node) => node?.ToJsonString(Readable) ?? "";

    public IEnumerable<JsonObject> OfType(string type) =>
        Resources(Main).Where(r => string.Equals((string?)r["type"], type, StringComparison.OrdinalIgnoreCase) && r["existing"] is null);

    public JsonObject Single(string type) => Assert.Single(OfType(type));
}
