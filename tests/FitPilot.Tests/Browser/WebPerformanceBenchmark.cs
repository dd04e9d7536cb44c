using System.Text;
using System.Text.Json;
using FitPilot.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace FitPilot.Tests.Browser;

/// <summary>
/// Benchmark, not a timed test: first-load transfer (bytes on the wire, brotli as served) and time
/// to interactive (navigation start → the first Blazor-rendered, clickable content) for the landing
/// page and for the PT dashboard after login, cold cache, on loopback. Prints the figures and writes
/// TestResults/web-performance.md. Budget: ≤ 3 MB and ≤ 2 s.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class WebPerformanceBenchmark(HostFixture host, BrowserFixture browser, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    private const int Runs = 3;

    [Fact]
    public async Task First_load_transfer_and_time_to_interactive()
    {
        var pt = await host.NewClient().RegisterTrainerAsync("Benchmark Coach");
        var landing = new List<(double Bytes, double Ms)>();
        var dashboard = new List<(double Bytes, double Ms)>();
        for (var i = 0; i < Runs; i++)
        {
            landing.Add(await MeasureAsync("/", "h1:has-text('Coach more clients')", null));
            dashboard.Add(await MeasureAsync("/pt", "[data-testid=client-count]", pt.Token));
        }

        var report = new StringBuilder("| page | first-load transfer (median of 3) | time to interactive (median of 3) | runs (KB / ms) |\n|---|---|---|---|\n");
        void Row(string name, List<(double Bytes, double Ms)> runs) => report.AppendLine(
            $"| {name} | {Median(runs.Select(r => r.Bytes)) / 1024 / 1024:F2} MB | {Median(runs.Select(r => r.Ms)):F0} ms | " +
            string.Join(", ", runs.Select(r => $"{r.Bytes / 1024:F0} / {r.Ms:F0}")) + " |");
        Row("landing page", landing);
        Row("PT dashboard after login", dashboard);
        report.AppendLine().AppendLine("Cold cache, service worker blocked (its precache runs after the page is interactive), Debian Chromium headless, loopback, 2 cores.");
        output.WriteLine(report.ToString());
        await File.WriteAllTextAsync(Path.Combine(TestPaths.Results("benchmarks"), "web-performance.md"), report.ToString());

        Assert.All(landing.Concat(dashboard), r => Assert.True(r.Bytes > 100_000 && r.Ms > 0, "nothing was measured"));
    }

    private async Task<(double Bytes, double Ms)> MeasureAsync(string path, string interactiveSelector, string? sessionToken)
    {
        await using var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { ServiceWorkers = ServiceWorkerPolicy.Block });
        if (sessionToken is not null)
            await context.AddCookiesAsync([new Cookie { Name = "fp_session", Value = sessionToken, Url = host.BrowserUrl, HttpOnly = true, Secure = true, SameSite = SameSiteAttribute.Strict }]);
        var page = await context.NewPageAsync();
        var cdp = await context.NewCDPSessionAsync(page);
        await cdp.SendAsync("Network.enable");
        await cdp.SendAsync("Network.setCacheDisabled", new Dictionary<string, object> { ["cacheDisabled"] = true });
        double bytes = 0;
        cdp.Event("Network.loadingFinished").OnEvent += (_, e) =>
        {
            if (e is { } json && json.TryGetProperty("encodedDataLength", out var length)) bytes += length.GetDouble();
        };
        await page.GotoAsync(host.BrowserUrl + path);
        await page.Locator(interactiveSelector).WaitForAsync(new() { State = WaitForSelectorState.Visible, Timeout = 30_000 });
        var ms = await page.EvaluateAsync<double>("performance.now()");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        return (bytes, ms);
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted[sorted.Length / 2];
    }
}
