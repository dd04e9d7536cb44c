using System.Text.RegularExpressions;

namespace FitPilot.Web.Messages;

/// <summary>
/// A message's text as plain segments and links, for rendering as text nodes and &lt;a&gt; elements — never as
/// markup, so nothing a sender types can become HTML. Only http(s) addresses (and www. ones, given https) become links.
/// </summary>
public static partial class MessageText
{
    public sealed record Segment(string Text, string? Href);

    public static IReadOnlyList<Segment> Split(string text)
    {
        var segments = new List<Segment>();
        var at = 0;
        foreach (Match m in Url().Matches(text))
        {
            var url = m.Value.TrimEnd('.', ',', ';', ':', '!', '?', ')', '\'', '"');
            if (at < m.Index) segments.Add(new Segment(text[at..m.Index], null));
            var href = url.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? "https://" + url : url;
            segments.Add(Uri.TryCreate(href, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? new Segment(url, uri.AbsoluteUri) : new Segment(url, null));
            at = m.Index + url.Length;
        }
        if (at < text.Length) segments.Add(new Segment(text[at..], null));
        return segments;
    }

    [GeneratedRegex(@"\b(?:https?://|www\.)[^\s<>""]+", RegexOptions.IgnoreCase)]
    private static partial Regex Url();
}
