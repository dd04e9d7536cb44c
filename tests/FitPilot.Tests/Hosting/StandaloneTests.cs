using System.Text.RegularExpressions;
using FitPilot.Tests.Infrastructure;

namespace FitPilot.Tests.Hosting;

/// <summary>A clone on its own has everything: no file of the repository reaches outside it, and every doc link resolves inside it.</summary>
public sealed partial class StandaloneTests
{
    private static readonly string[] Skipped = ["bin", "obj", "node_modules", ".git", ".fitpilot", "TestResults", ".vs", ".idea"];
    private static readonly string[] TextExtensions = [".cs", ".razor", ".csproj", ".props", ".json", ".md", ".js", ".css", ".html", ".sh", ".yml", ".yaml", ".bicep", ".txt", ".sln", ""];

    private static IEnumerable<string> RepositoryFiles(string directory)
    {
        foreach (var file in Directory.EnumerateFiles(directory))
            if (TextExtensions.Contains(Path.GetExtension(file)) && new FileInfo(file).Length < 2_000_000) yield return file;
        foreach (var sub in Directory.EnumerateDirectories(directory))
            if (!Skipped.Contains(Path.GetFileName(sub)))
                foreach (var file in RepositoryFiles(sub)) yield return file;
    }

    [Fact]
    public void No_file_reaches_outside_the_repository()
    {
        var self = Path.Combine(TestPaths.Repo, "tests", "FitPilot.Tests", "Hosting", "StandaloneTests.cs");
        var offenders = RepositoryFiles(TestPaths.Repo)
            .Where(f => f != self)
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: Path.GetRelativePath(TestPaths.Repo, f), Line: i + 1, Text: line)))
            .Where(x => OutsideReference().IsMatch(x.Text))
            .Select(x => $"{x.File}:{x.Line}: {x.Text.Trim()}")
            .ToList();
        Assert.True(offenders.Count == 0, "These reach outside the repository:\n" + string.Join('\n', offenders));
    }

    [Fact]
    public void Every_relative_link_in_the_docs_resolves_inside_the_repository()
    {
        var docs = RepositoryFiles(TestPaths.Repo).Where(f => f.EndsWith(".md", StringComparison.Ordinal)).ToList();
        Assert.Contains(docs, d => d.EndsWith(Path.Combine("docs", "architecture.md"), StringComparison.Ordinal));
        var broken = new List<string>();
        foreach (var doc in docs)
            foreach (Match m in MarkdownLink().Matches(File.ReadAllText(doc)))
            {
                var target = m.Groups[1].Value.Split('#')[0];
                if (target.Length == 0 || target.Contains("://") || target.StartsWith("mailto:", StringComparison.Ordinal)) continue;
                var full = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(doc)!, Uri.UnescapeDataString(target)));
                if (!full.StartsWith(TestPaths.Repo + Path.DirectorySeparatorChar, StringComparison.Ordinal) || !(File.Exists(full) || Directory.Exists(full)))
                    broken.Add($"{Path.GetRelativePath(TestPaths.Repo, doc)}: {m.Value}");
            }
        Assert.True(broken.Count == 0, "Broken or outside links:\n" + string.Join('\n', broken));
    }

    /// <summary>A path into the workspace folder beside the repository, or an absolute path of this machine's workspace.</summary>
    [GeneratedRegex(@"\.\./shared\b|""\.\."",\s*""shared""|(?<![\w.])/work/")]
    private static partial Regex OutsideReference();

    [GeneratedRegex(@"\]\(([^)\s]+)\)")]
    private static partial Regex MarkdownLink();
}
