using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using FitPilot.Prerender;
using FitPilot.Web;
using FitPilot.Web.Api;
using FitPilot.Web.Auth;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.AspNetCore.Components.Routing;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.JSInterop;

// Usage: FitPilot.Prerender <published wwwroot>
// Renders each public page with the app's own Router, layout and components (signed out, before any API answer) and
// writes <name>.html beside index.html: index.html with the page's markup inside #app and its title. Blazor boots behind
// the static page and renders the same markup over it (js/app.js carries over what was typed). The host and
// staticwebapp.config.json rewrite each route to its file; the service worker precaches them with the app.
if (args.Length != 1 || !File.Exists(Path.Combine(args[0], "index.html")))
{
    Console.Error.WriteLine("Usage: FitPilot.Prerender <published wwwroot containing index.html>");
    return 2;
}
var webRoot = args[0];
var shell = await File.ReadAllTextAsync(Path.Combine(webRoot, "index.html"));
PublicPages.CheckRewrites(await File.ReadAllTextAsync(Path.Combine(webRoot, "staticwebapp.config.json")));

var written = new List<string>();
foreach (var page in PublicPages.All)
{
    var (title, body) = await RenderAsync(page.Uri);
    var html = PublicPages.Compose(shell, title, body);
    var file = Path.Combine(webRoot, page.File);
    await File.WriteAllTextAsync(file, html);
    await CompressAsync(file);
    written.Add(page.File);
    Console.WriteLine($"Prerendered {page.Uri} -> {page.File} ({Encoding.UTF8.GetByteCount(html):N0} bytes)");
}
await ServiceWorkerManifest.AddAsync(webRoot, written);
return 0;

static async Task<(string Title, string Body)> RenderAsync(string uri)
{
    var services = new ServiceCollection();
    services.AddLogging();
    services.AddScoped<NavigationManager>(_ => new StaticNavigationManager("https://fitpilot.local/", "https://fitpilot.local" + uri));
    services.AddScoped<INavigationInterception, NoInterception>();
    services.AddScoped<IScrollToLocationHash, NoInterception>();
    services.AddSupplyValueFromQueryProvider();
    services.AddSingleton<AntiforgeryStateProvider, NoAntiforgery>();
    services.AddSingleton<IJSRuntime, NoJavaScript>();
    // The app's services as Program.cs registers them; the API never answers, so each page shows its state before
    // any response (e.g. "Loading your invitation…").
    services.AddScoped(_ => new HttpClient(new NeverAnswers()) { BaseAddress = new Uri("https://fitpilot.local/") });
    services.AddFitPilotApp();
    await using var provider = services.BuildServiceProvider();
    await using var scope = provider.CreateAsyncScope();
    await using var renderer = new HtmlRenderer(scope.ServiceProvider, scope.ServiceProvider.GetRequiredService<ILoggerFactory>());
    return await renderer.Dispatcher.InvokeAsync(async () =>
    {
        var head = renderer.BeginRenderingComponent<HeadOutlet>();
        var app = renderer.BeginRenderingComponent<App>();
        // Settle what needs no API answer (the layout's look at the device); what waits for the API stays pending.
        await Task.WhenAny(app.QuiescenceTask, Task.Delay(500));
        var title = Regex.Match(head.ToHtmlString(), "<title>(.*?)</title>", RegexOptions.Singleline).Groups[1].Value;
        return (title, app.ToHtmlString());
    });
}

static async Task CompressAsync(string file)
{
    var bytes = await File.ReadAllBytesAsync(file);
    await using (var br = new BrotliStream(File.Create(file + ".br"), CompressionLevel.SmallestSize)) await br.WriteAsync(bytes);
    await using (var gz = new GZipStream(File.Create(file + ".gz"), CompressionLevel.SmallestSize)) await gz.WriteAsync(bytes);
}

namespace FitPilot.Prerender
{
    /// <summary>The pages anyone may open before signing in, and the file each is written to.</summary>
    public static class PublicPages
    {
        /// <summary>Route, the URI rendered (a token where the page needs one to show its form) and the file.</summary>
        public static readonly (string Route, string Uri, string File)[] All =
        [
            ("/", "/", "landing.html"),
            ("/login", "/login", "login.html"),
            ("/signup", "/signup", "signup.html"),
            ("/forgot-password", "/forgot-password", "forgot-password.html"),
            ("/reset-password", "/reset-password?token=prerendered", "reset-password.html"),
            ("/accept-invitation", "/accept-invitation?token=prerendered", "accept-invitation.html"),
            ("/about", "/about", "about.html"),
        ];

        /// <summary>Each page's route must be rewritten to its file in staticwebapp.config.json (Azure and the local host).</summary>
        public static void CheckRewrites(string config)
        {
            var routes = System.Text.Json.Nodes.JsonNode.Parse(config)!["routes"]!.AsArray();
            foreach (var (route, _, file) in All)
                if (!routes.Any(r => r?["route"]?.GetValue<string>() == route && r["rewrite"]?.GetValue<string>() == "/" + file))
                    throw new InvalidOperationException($"staticwebapp.config.json needs {{ \"route\": \"{route}\", \"rewrite\": \"/{file}\" }}.");
        }

        /// <summary>index.html with the page's title and its markup in #app (marked data-prerendered for js/app.js).</summary>
        public static string Compose(string shell, string title, string body)
        {
            // Before the runtime boots a form must not post its fields anywhere (js/app.js holds a submit until the app
            // takes over): no names, so even a submit without JavaScript sends nothing. The focus marker is for
            // server-side rendering's enhanced navigation, which this app does not use.
            body = Regex.Replace(body, "(<(?:input|textarea|select)\\b[^>]*?)\\s+name=\"[^\"]*\"", "$1");
            body = Regex.Replace(body, "<blazor-focus-on-navigate[^>]*></blazor-focus-on-navigate>", "");
            var app = new Regex("<div id=\"app\">.*?(?=<div id=\"blazor-error-ui\")", RegexOptions.Singleline);
            if (!app.IsMatch(shell) || !shell.Contains("<title>FitPilot</title>"))
                throw new InvalidOperationException("index.html no longer has <div id=\"app\"> before #blazor-error-ui, or <title>FitPilot</title>.");
            return app.Replace(shell, _ => "<div id=\"app\" data-prerendered>" + body + "</div>\n    ", 1)
                .Replace("<title>FitPilot</title>", "<title>" + title + "</title>");
        }
    }

    /// <summary>
    /// Adds the prerendered pages to the service worker's precache (service-worker-assets.js) with their hashes, and
    /// gives the manifest and service-worker.js a new version, so an installed app takes the pages with the app they
    /// were rendered from and never serves a page older than its app.
    /// </summary>
    public static class ServiceWorkerManifest
    {
        public static async Task AddAsync(string webRoot, IEnumerable<string> files)
        {
            var manifestPath = Path.Combine(webRoot, "service-worker-assets.js");
            var workerPath = Path.Combine(webRoot, "service-worker.js");
            if (!File.Exists(manifestPath) || !File.Exists(workerPath)) return;
            var manifest = await File.ReadAllTextAsync(manifestPath);
            var version = Regex.Match(manifest, "\"version\":\\s*\"([^\"]+)\"").Groups[1].Value;
            var entries = new StringBuilder();
            var all = new StringBuilder(version);
            foreach (var file in files)
            {
                var hash = "sha256-" + Convert.ToBase64String(SHA256.HashData(await File.ReadAllBytesAsync(Path.Combine(webRoot, file))));
                manifest = Regex.Replace(manifest, "\\s*\\{\\s*\"hash\":\\s*\"[^\"]*\",\\s*\"url\":\\s*\"" + Regex.Escape(file) + "\"\\s*\\},?", "");
                entries.Append($"\n    {{\n      \"hash\": \"{hash}\",\n      \"url\": \"{file}\"\n    }},");
                all.Append(hash);
            }
            var newVersion = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(all.ToString())))[..8];
            manifest = Regex.Replace(manifest, "\"assets\":\\s*\\[", m => m.Value + entries)
                .Replace($"\"version\": \"{version}\"", $"\"version\": \"{newVersion}\"");
            await File.WriteAllTextAsync(manifestPath, manifest);
            var worker = await File.ReadAllTextAsync(workerPath);
            await File.WriteAllTextAsync(workerPath, worker.Replace(version, newVersion));
            foreach (var path in new[] { manifestPath, workerPath })
            {
                File.Delete(path + ".br");
                File.Delete(path + ".gz");
            }
        }
    }

    internal sealed class StaticNavigationManager : NavigationManager
    {
        public StaticNavigationManager(string baseUri, string uri) => Initialize(baseUri, uri);
        protected override void NavigateToCore(string uri, NavigationOptions options) { }
    }

    internal sealed class NoInterception : INavigationInterception, IScrollToLocationHash
    {
        public Task EnableNavigationInterceptionAsync() => Task.CompletedTask;
        public Task RefreshScrollPositionForHash(string locationAbsolute) => Task.CompletedTask;
    }

    internal sealed class NoAntiforgery : AntiforgeryStateProvider
    {
        public override AntiforgeryRequestToken? GetAntiforgeryToken() => null;
    }

    /// <summary>A device with nothing stored: every call answers its default.</summary>
    internal sealed class NoJavaScript : IJSRuntime
    {
        public ValueTask<TValue> InvokeAsync<TValue>(string identifier, object?[]? args) => ValueTask.FromResult(default(TValue)!);
        public ValueTask<TValue> InvokeAsync<TValue>(string identifier, CancellationToken cancellationToken, object?[]? args) => ValueTask.FromResult(default(TValue)!);
    }

    internal sealed class NeverAnswers : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            new TaskCompletionSource<HttpResponseMessage>().Task;
    }
}
