namespace FitPilot.LocalHost;

public static class RepoRoot
{
    /// <summary>The folder holding FitPilot.sln, searched upwards from the working directory and from this build.</summary>
    public static string Find()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "FitPilot.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("Cannot find the repository root (the folder with FitPilot.sln).");
    }
}
