using FitPilot.LocalHost;

namespace FitPilot.Tests.Infrastructure;

public static class TestPaths
{
    public static string Repo { get; } = RepoRoot.Find();

    /// <summary>The published web app the local host serves (the build of the local host publishes it).</summary>
    public static string WebRoot { get; } = Path.Combine(Repo, "static-web", "FitPilot.Web", "bin", "Release", "net10.0", "publish", "wwwroot");

    /// <summary>Where tests leave what a person should look at: screenshots, figures.</summary>
    public static string Results(string name)
    {
        var dir = Path.Combine(Repo, "TestResults", name);
        Directory.CreateDirectory(dir);
        return dir;
    }

    /// <summary>The Worker SDK's functions.metadata from the Azure Functions app's build.</summary>
    public static string FunctionsMetadata
    {
        get
        {
            var candidates = Directory.EnumerateFiles(Path.Combine(Repo, "functions", "FitPilot.FunctionApp", "bin"), "functions.metadata", SearchOption.AllDirectories)
                .Select(p => new FileInfo(p)).OrderByDescending(f => f.LastWriteTimeUtc).ToList();
            Assert.True(candidates.Count > 0, "Build FitPilot.FunctionApp first (dotnet test FitPilot.sln builds it).");
            return candidates[0].FullName;
        }
    }
}
