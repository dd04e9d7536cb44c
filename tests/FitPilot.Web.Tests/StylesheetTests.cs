using System.Text.RegularExpressions;

namespace FitPilot.Web.Tests;

/// <summary>
/// The stylesheet parses as a whole: one unclosed block (a merge dropped a media query's closing brace) silently swallows
/// every rule after it, and the pages below it lose their layout with no error anywhere.
/// </summary>
public sealed class StylesheetTests
{
    [Fact]
    public void Every_block_of_app_css_is_closed_and_none_closes_twice()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "FitPilot.sln"))) dir = dir.Parent;
        Assert.NotNull(dir);
        var css = File.ReadAllText(Path.Combine(dir!.FullName, "static-web", "FitPilot.Web", "wwwroot", "css", "app.css"));
        var code = Regex.Replace(css, @"/\*.*?\*/", "", RegexOptions.Singleline);
        var depth = 0;
        var line = 1;
        foreach (var ch in code)
        {
            if (ch == '\n') line++;
            depth += ch switch { '{' => 1, '}' => -1, _ => 0 };
            Assert.True(depth >= 0, $"app.css closes a block it never opened, near line {line} (comments removed).");
            // Top-level rules sit at depth 0, media queries' rules at 1; deeper means a block was left open.
            Assert.True(depth <= 2, $"app.css nests blocks three deep near line {line}: a block above is not closed.");
        }
        Assert.Equal(0, depth);
    }
}
