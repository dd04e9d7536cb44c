using System.Net;
using System.Text.RegularExpressions;

namespace FitPilot.Functions.Email;

/// <summary>
/// Renders the embedded templates (<c>Email/Templates/{name}.html</c> and <c>.txt</c>), replacing
/// <c>{{key}}</c> placeholders; values are HTML-encoded in the HTML part.
/// </summary>
public static partial class EmailTemplates
{
    public static EmailMessage Render(string template, string to, string? toName, string subject, IReadOnlyDictionary<string, string> values)
    {
        var html = Fill(Load(template + ".html"), values, WebUtility.HtmlEncode);
        var text = Fill(Load(template + ".txt"), values, v => v);
        return new EmailMessage(to, toName, subject, html, text, template);
    }

    private static string Fill(string body, IReadOnlyDictionary<string, string> values, Func<string, string> encode) =>
        Placeholder().Replace(body, m => values.TryGetValue(m.Groups[1].Value, out var v)
            ? encode(v)
            : throw new InvalidOperationException($"Email template value '{m.Groups[1].Value}' is missing."));

    private static string Load(string file)
    {
        var assembly = typeof(EmailTemplates).Assembly;
        var name = assembly.GetManifestResourceNames().SingleOrDefault(n => n.EndsWith(".Email.Templates." + file, StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"Email template '{file}' is not embedded.");
        using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!);
        return reader.ReadToEnd();
    }

    [GeneratedRegex(@"\{\{(\w+)\}\}")]
    private static partial Regex Placeholder();
}
