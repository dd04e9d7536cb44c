using FitPilot.LocalHost;

namespace FitPilot.Tests.Infrastructure;

public static class TestPaths
{
    public static string Repo { get; } = RepoRoot.Find();

    /// <summary>The shared/ folder beside the repository (reference data, specs).</summary>
    public static string Shared { get; } = Path.GetFullPath(Path.Combine(Repo, "..", "shared"));

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
