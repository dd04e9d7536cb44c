using System.Diagnostics;
using Microsoft.Playwright;

namespace FitPilot.Tests.Browser;

/// <summary>
/// Debian's Chromium driven by Playwright (never a downloaded browser). Installs the chromium
/// package with apt when /usr/bin/chromium is missing, as the README's test command promises.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";
    private IPlaywright? _playwright;
    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        // A cold first load (downloading and compiling the .NET runtime in WebAssembly) takes seconds on a
        // busy 2-core machine: expectations wait as long as actions do, instead of Playwright's 5 s.
        Assertions.SetDefaultExpectTimeout(20_000);
        if (!File.Exists(ChromiumPath)) await InstallChromiumAsync();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        });
    }

    private static async Task InstallChromiumAsync()
    {
        foreach (var args in new[] { "update -qq", "install -y -qq chromium" })
        {
            var info = new ProcessStartInfo("apt-get", args) { RedirectStandardOutput = true, RedirectStandardError = true };
            info.Environment["DEBIAN_FRONTEND"] = "noninteractive";
            using var process = Process.Start(info)!;
            var stderr = process.StandardError.ReadToEndAsync();
            await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            if (process.ExitCode != 0) throw new InvalidOperationException($"apt-get {args} failed: {await stderr}");
        }
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        _playwright?.Dispose();
    }
}
