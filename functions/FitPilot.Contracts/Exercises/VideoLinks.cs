using System.Text.RegularExpressions;

namespace FitPilot.Contracts.Exercises;

/// <summary>
/// Recognises YouTube and Vimeo links and gives an embeddable player URL: the API for stored
/// exercises (ExerciseDto.VideoEmbedUrl), the web app for the live preview while a PT types.
/// </summary>
public static partial class VideoLinks
{
    public sealed record Video(string Provider, string? EmbedUrl);

    public static Video? Recognise(string? url)
    {
        if (string.IsNullOrWhiteSpace(url) || !Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps) return null;
        var host = uri.Host.ToLowerInvariant();
        if (host.StartsWith("www.", StringComparison.Ordinal)) host = host[4..];
        if (host.StartsWith("m.", StringComparison.Ordinal)) host = host[2..];

        string? youtubeId = host switch
        {
            "youtu.be" => uri.AbsolutePath.Trim('/'),
            "youtube.com" or "youtube-nocookie.com" when uri.AbsolutePath == "/watch" => QueryValue(uri, "v"),
            "youtube.com" or "youtube-nocookie.com" => PathId().Match(uri.AbsolutePath) is { Success: true } m ? m.Groups[1].Value : null,
            _ => null,
        };
        if (youtubeId is not null)
            return new Video("youtube", YoutubeId().IsMatch(youtubeId) ? $"https://www.youtube-nocookie.com/embed/{youtubeId}" : null);

        if (host is "vimeo.com" or "player.vimeo.com")
        {
            var id = VimeoId().Match(uri.AbsolutePath);
            return new Video("vimeo", id.Success ? $"https://player.vimeo.com/video/{id.Groups[1].Value}" : null);
        }
        return new Video("other", null);
    }

    private static string? QueryValue(Uri uri, string name) =>
        uri.Query.TrimStart('?').Split('&').Select(p => p.Split('=', 2)).FirstOrDefault(p => p[0] == name && p.Length == 2)?[1];

    [GeneratedRegex("^/(?:shorts|embed|live)/([^/?#]+)")]
    private static partial Regex PathId();

    [GeneratedRegex("^[A-Za-z0-9_-]{11}$")]
    private static partial Regex YoutubeId();

    [GeneratedRegex(@"^/(?:video/)?(\d{6,12})(?:/|$)")]
    private static partial Regex VimeoId();
}
