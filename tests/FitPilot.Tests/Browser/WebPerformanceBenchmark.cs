using System.Text;
using System.Text.Json;
using FitPilot.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace FitPilot.Tests.Browser;

/// <summary>
/// Benchmark, not a timed test: first-load transfer (bytes on the wire, brotli as served) and time
/// to interactive (navigation start → the first Blazor-rendered, clickable content) for the landing
/// page and for the PT dashboard after login, cold cache, on loopback and throttled like Chromium DevTools' Fast 4G and
/// Slow 4G (Slow 4G with a 4× slower CPU); for the landing and login pages also the first contentful paint and the
/// largest contentful paint (prerendered: real content, not "Loading…"), and for the login page the time until its form
/// is usable (js/early-forms.js has attached: a submit is sent to the API, with or without the runtime). Then Lighthouse
/// (mobile) scores the public pages. Prints the figures and writes TestResults/benchmarks/web-performance.md. Goal on
/// Fast 4G: real content ≤ 1 s, interactive ≤ 3 s; Lighthouse performance ≥ 90.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class WebPerformanceBenchmark(HostFixture host, BrowserFixture browser, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    private const int Runs = 3;

    private sealed record Profile(string Name, double LatencyMs, double DownloadBytesPerSecond, double UploadBytesPerSecond, double CpuSlowdown);

    // Chromium DevTools' presets (latency and throughput as DevTools sets them).
    private static readonly Profile[] Profiles =
    [
        new("loopback", 0, -1, -1, 1),
        new("Fast 4G", 165, 9_000_000 * 0.9 / 8, 1_500_000 * 0.9 / 8, 1),
        new("Slow 4G, 4× CPU", 562.5, 1_600_000 * 0.9 / 8, 750_000 * 0.9 / 8, 4),
    ];

    private sealed record Run(double Bytes, double Fcp, double Lcp, double Interactive, double FormUsable);

    [Fact]
    public async Task First_load_transfer_and_time_to_interactive()
    {
        var pt = await host.NewClient().RegisterTrainerAsync("Benchmark Coach");
        var report = new StringBuilder("| page | network | first-load transfer | first contentful paint | largest contentful paint | form usable (before the app) | interactive (app started) | runs (KB / FCP / LCP / form / interactive ms) |\n|---|---|---|---|---|---|---|---|\n");
        var all = new List<Run>();
        foreach (var profile in Profiles)
        {
            var runs = profile.CpuSlowdown > 1 ? 1 : Runs; // Slow 4G takes long: one run
            foreach (var (name, path, selector, token, form) in new[]
                     {
                         ("landing page", "/", "h1:has-text('Coach more clients')", (string?)null, false),
                         ("log in", "/login", "button:has-text('Log in')", null, true),
                         ("PT dashboard after login", "/pt", "[data-testid=client-count]", pt.Token, false),
                     })
            {
                var measured = new List<Run>();
                for (var i = 0; i < runs; i++) measured.Add(await MeasureAsync(path, selector, token, profile, form));
                all.AddRange(measured);
                var usable = form ? $"{Median(measured.Select(r => r.FormUsable)):F0} ms" : "—";
                report.AppendLine($"| {name} | {profile.Name} | {Median(measured.Select(r => r.Bytes)) / 1024 / 1024:F2} MB | {Median(measured.Select(r => r.Fcp)):F0} ms | " +
                                  $"{Median(measured.Select(r => r.Lcp)):F0} ms | {usable} | {Median(measured.Select(r => r.Interactive)):F0} ms | " +
                                  string.Join(", ", measured.Select(r => $"{r.Bytes / 1024:F0} / {r.Fcp:F0} / {r.Lcp:F0} / {(form ? r.FormUsable.ToString("F0") : "—")} / {r.Interactive:F0}")) + " |");
            }
        }
        report.AppendLine().AppendLine($"Median of {Runs} (Slow 4G: 1 run). Cold cache, service worker blocked (its precache runs after the page is interactive), Debian Chromium headless, 2 cores. " +
                                       "Throttling by the DevTools protocol (Network.emulateNetworkConditions, Emulation.setCPUThrottlingRate). Interactive: the app has started " +
                                       "(it rendered over the prerendered page) and the page's control is visible; on a prerendered page the app starts on the visitor's " +
                                       "first tap, key or focus (here a key press as soon as the page's control shows), before it the page is read and filled in as static HTML. " +
                                       "Form usable: navigation start → js/early-forms.js has attached to the prerendered form (its performance mark fp-forms-ready), " +
                                       "from then a submit is sent to the API and answered in the form without the runtime (log in, sign up, forgot and reset password).");
        report.AppendLine().AppendLine(await LighthouseAsync());
        output.WriteLine(report.ToString());
        await File.WriteAllTextAsync(Path.Combine(TestPaths.Results("benchmarks"), "web-performance.md"), report.ToString());

        Assert.All(all, r => Assert.True(r.Bytes > 100_000 && r.Interactive > 0, "nothing was measured"));
    }

    private async Task<Run> MeasureAsync(string path, string interactiveSelector, string? sessionToken, Profile profile, bool form)
    {
        await using var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { ServiceWorkers = ServiceWorkerPolicy.Block });
        if (sessionToken is not null)
            await context.AddCookiesAsync([new Cookie { Name = "fp_session", Value = sessionToken, Url = host.BrowserUrl, HttpOnly = true, Secure = true, SameSite = SameSiteAttribute.Strict }]);
        var page = await context.NewPageAsync();
        var cdp = await context.NewCDPSessionAsync(page);
        await cdp.SendAsync("Network.enable");
        await cdp.SendAsync("Network.setCacheDisabled", new Dictionary<string, object> { ["cacheDisabled"] = true });
        if (profile.LatencyMs > 0)
            await cdp.SendAsync("Network.emulateNetworkConditions", new Dictionary<string, object>
            {
                ["offline"] = false, ["latency"] = profile.LatencyMs,
                ["downloadThroughput"] = profile.DownloadBytesPerSecond, ["uploadThroughput"] = profile.UploadBytesPerSecond,
            });
        if (profile.CpuSlowdown > 1) await cdp.SendAsync("Emulation.setCPUThrottlingRate", new Dictionary<string, object> { ["rate"] = profile.CpuSlowdown });
        double bytes = 0;
        cdp.Event("Network.loadingFinished").OnEvent += (_, e) =>
        {
            if (e is { } json && json.TryGetProperty("encodedDataLength", out var length)) bytes += length.GetDouble();
        };
        await page.GotoAsync(host.BrowserUrl + path, new() { Timeout = 120_000, WaitUntil = WaitUntilState.Commit });
        // A prerendered public page starts the app on the visitor's first tap, key or focus (or when idle a while after
        // load): the visitor acts as soon as the page's control shows.
        await page.Locator(interactiveSelector).WaitForAsync(new() { State = WaitForSelectorState.Visible, Timeout = 120_000 });
        var formUsable = 0d;
        if (form)
        {
            await page.Locator("html.fp-forms-ready").WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = 120_000 });
            formUsable = await page.EvaluateAsync<double>("performance.getEntriesByName('fp-forms-ready')[0].startTime");
        }
        await page.Keyboard.PressAsync("Shift");
        await page.Locator("html.fp-started").WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = 120_000 });
        await page.Locator(interactiveSelector).WaitForAsync(new() { State = WaitForSelectorState.Visible, Timeout = 120_000 });
        var ms = await page.EvaluateAsync<double>("performance.now()");
        var paints = await page.EvaluateAsync<double[]>("""
            () => new Promise(done => {
                const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? 0;
                new PerformanceObserver(list => done([fcp, list.getEntries().at(-1).startTime]))
                    .observe({ type: 'largest-contentful-paint', buffered: true });
                setTimeout(() => done([fcp, 0]), 2000);
            })
            """);
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle, new() { Timeout = 120_000 });
        return new Run(bytes, paints[0], paints[1], ms, formUsable);
    }

    /// <summary>Lighthouse (the repo's devDependency, mobile form factor, its simulated throttling) on each public page.</summary>
    private async Task<string> LighthouseAsync()
    {
        var cli = Path.Combine(RepoRoot(), "node_modules", "lighthouse", "cli", "index.js");
        if (!File.Exists(cli)) return "**Lighthouse did not run**: not installed (run `npm ci` at the repository root).";
        var table = new StringBuilder("| Lighthouse (mobile) | performance | accessibility | FCP | LCP | total blocking time | CLS | Lighthouse / Node / benchmark index |\n|---|---|---|---|---|---|---|---|\n");
        var node = await NodeVersionAsync();
        foreach (var path in new[] { "/", "/login", "/signup" })
        {
            var json = Path.Combine(Path.GetTempPath(), $"lighthouse-{Guid.NewGuid():N}.json");
            var start = new System.Diagnostics.ProcessStartInfo("node", [cli, host.BrowserUrl + path, "--only-categories=performance,accessibility", "--output=json", "--output-path=" + json,
                "--quiet", "--chrome-flags=--headless=new --no-sandbox --ignore-certificate-errors"]) { RedirectStandardError = true, RedirectStandardOutput = true };
            start.Environment["CHROME_PATH"] = BrowserFixture.ChromiumPath;
            using var process = System.Diagnostics.Process.Start(start)!;
            var stderr = process.StandardError.ReadToEndAsync();
            await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            if (!File.Exists(json))
            {
                table.AppendLine($"| {path} | **Lighthouse did not run** (exit {process.ExitCode}): {(await stderr).Split('\n').LastOrDefault(l => l.Length > 0)?.Replace("|", "/")} | | | | | | |");
                continue;
            }
            using var doc = JsonDocument.Parse(await File.ReadAllTextAsync(json));
            File.Delete(json);
            var root = doc.RootElement;
            string Score(string category) => (root.GetProperty("categories").GetProperty(category).GetProperty("score").GetDouble() * 100).ToString("F0");
            string Audit(string id) => root.GetProperty("audits").GetProperty(id).GetProperty("displayValue").GetString() ?? "";
            var index = root.GetProperty("environment").TryGetProperty("benchmarkIndex", out var b) ? b.GetDouble().ToString("F0") : "?";
            table.AppendLine($"| {path} | {Score("performance")} | {Score("accessibility")} | {Audit("first-contentful-paint")} | {Audit("largest-contentful-paint")} | " +
                             $"{Audit("total-blocking-time")} | {Audit("cumulative-layout-shift")} | {root.GetProperty("lighthouseVersion").GetString()} / {node} / {index} |");
        }
        return table.AppendLine().AppendLine(
            "Lighthouse 13.5 (package.json) asks for Node ≥ 22.19 but runs on this machine's Node 20; it uses Debian's Chromium (CHROME_PATH), " +
            "mobile form factor with its simulated throttling (150 ms RTT, 1.6 Mbps, 4× CPU). A benchmark index well under ~1000 means the host CPU " +
            "was busy (other builds), which inflates total blocking time; Lighthouse warns so in its run warnings.").ToString();
    }

    private static async Task<string> NodeVersionAsync()
    {
        using var process = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("node", ["--version"]) { RedirectStandardOutput = true })!;
        var version = (await process.StandardOutput.ReadToEndAsync()).Trim();
        await process.WaitForExitAsync();
        return version;
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "FitPilot.sln"))) return dir.FullName;
        throw new InvalidOperationException("FitPilot.sln not found above " + AppContext.BaseDirectory);
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted[sorted.Length / 2];
    }
}
