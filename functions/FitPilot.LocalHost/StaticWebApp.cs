using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;

namespace FitPilot.LocalHost;

/// <summary>
/// Serves the published web app the way Azure Static Web Apps does, from the same
/// <c>staticwebapp.config.json</c>: its global and per-route headers, MIME types, navigation
/// fallback (with its exclusions), route rewrites (the public pages' prerendered files) and the pre-compressed (.br/.gz) files the publish produced.
/// </summary>
public sealed class StaticWebApp
{
    private readonly PhysicalFileProvider _files;
    private readonly Dictionary<string, string> _globalHeaders = [];
    private readonly List<(Regex Route, Dictionary<string, string> Headers)> _routeHeaders = [];
    private readonly List<(Regex Route, string File)> _rewrites = [];
    private readonly List<Regex> _fallbackExclusions = [];
    private readonly string? _fallback;
    private readonly FileExtensionContentTypeProvider _types = new();

    /// <param name="storageOrigin">
    /// Where photos are uploaded to and read from when it is not Azure Blob Storage (Azurite locally): added to the
    /// CSP's <c>img-src</c> and <c>connect-src</c> here, so the deployed policy names no local address.
    /// </param>
    public StaticWebApp(string webRoot, string? storageOrigin = null)
    {
        _files = new PhysicalFileProvider(webRoot);
        var configPath = Path.Combine(webRoot, "staticwebapp.config.json");
        if (!File.Exists(configPath)) return;
        var config = JsonNode.Parse(File.ReadAllText(configPath))!;
        foreach (var (name, value) in config["globalHeaders"]?.AsObject() ?? []) _globalHeaders[name] = value!.GetValue<string>();
        if (storageOrigin is not null && _globalHeaders.TryGetValue("Content-Security-Policy", out var csp))
            _globalHeaders["Content-Security-Policy"] = AllowSource(csp, storageOrigin, "img-src", "connect-src");
        foreach (var route in config["routes"]?.AsArray() ?? [])
            if (route?["headers"] is JsonObject headers)
                _routeHeaders.Add((Glob(route["route"]!.GetValue<string>()), headers.ToDictionary(h => h.Key, h => h.Value!.GetValue<string>())));
        foreach (var route in config["routes"]?.AsArray() ?? [])
            if (route?["rewrite"]?.GetValue<string>() is { } rewrite)
                _rewrites.Add((Glob(route["route"]!.GetValue<string>()), rewrite));
        _fallback = config["navigationFallback"]?["rewrite"]?.GetValue<string>();
        foreach (var exclusion in config["navigationFallback"]?["exclude"]?.AsArray() ?? []) _fallbackExclusions.Add(Glob(exclusion!.GetValue<string>()));
        foreach (var (extension, type) in config["mimeTypes"]?.AsObject() ?? []) _types.Mappings[extension] = type!.GetValue<string>();
    }

    private static string AllowSource(string csp, string source, params string[] directives) =>
        string.Join("; ", csp.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(d => directives.Contains(d.Split(' ')[0]) ? d + " " + source : d));

    /// <summary>Headers for every response (API included), as SWA adds them in front of the linked API.</summary>
    public void ApplyHeaders(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        context.Response.OnStarting(() =>
        {
            foreach (var (name, value) in _globalHeaders) context.Response.Headers.TryAdd(name, value);
            foreach (var (route, headers) in _routeHeaders.Where(r => r.Route.IsMatch(path)))
                foreach (var (name, value) in headers) context.Response.Headers[name] = value;
            return Task.CompletedTask;
        });
    }

    /// <summary>Serves a file, or the fallback page for an app route; false when neither applies.</summary>
    public async Task<bool> TryServeAsync(HttpContext context)
    {
        if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method)) return false;
        var path = context.Request.Path.Value ?? "/";
        if (path.StartsWith("/api/", StringComparison.Ordinal) || path == "/api") return false;
        var file = _rewrites.FirstOrDefault(r => r.Route.IsMatch(path)).File ?? (path.EndsWith('/') ? path + "index.html" : path);
        var info = _files.GetFileInfo(file);
        if (!info.Exists || info.IsDirectory)
        {
            if (_fallback is null || _fallbackExclusions.Any(x => x.IsMatch(path))) return false;
            file = _fallback;
            info = _files.GetFileInfo(file);
            if (!info.Exists) return false;
        }
        if (!_types.TryGetContentType(file, out var contentType)) contentType = "application/octet-stream";

        var accepts = context.Request.Headers.AcceptEncoding.ToString();
        var encoding = accepts.Contains("br", StringComparison.OrdinalIgnoreCase) && _files.GetFileInfo(file + ".br") is { Exists: true } br ? ("br", br)
            : accepts.Contains("gzip", StringComparison.OrdinalIgnoreCase) && _files.GetFileInfo(file + ".gz") is { Exists: true } gz ? ("gzip", gz)
            : ((string?)null, info);
        context.Response.ContentType = contentType;
        context.Response.Headers.Vary = HeaderNames.AcceptEncoding;
        if (encoding.Item1 is { } name) context.Response.Headers.ContentEncoding = name;
        context.Response.ContentLength = encoding.Item2.Length;
        if (HttpMethods.IsGet(context.Request.Method)) await context.Response.SendFileAsync(encoding.Item2, context.RequestAborted);
        return true;
    }

    /// <summary>SWA route patterns: '*' is anything, '{a,b}' is a choice.</summary>
    private static Regex Glob(string pattern)
    {
        var regex = Regex.Escape(pattern).Replace(@"\*", ".*").Replace(@"\{", "(").Replace(@"}", ")").Replace(",", "|");
        return new Regex("^" + (pattern.StartsWith('/') ? "" : ".*") + regex + "$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
    }
}
