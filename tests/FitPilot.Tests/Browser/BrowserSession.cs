using Microsoft.Playwright;
using FitPilot.Tests.Infrastructure;

namespace FitPilot.Tests.Browser;

/// <summary>A browser tab on the app with screenshots into TestResults/screenshots/{test}.</summary>
public sealed class BrowserSession(IPage page, string screenshotFolder) : IAsyncDisposable
{
    private int _shot;
    public IPage Page => page;
    public List<string> Errors { get; } = [];

    public static async Task<BrowserSession> OpenAsync(IBrowser browser, string test, bool phone = false, bool serviceWorker = false)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = phone ? new ViewportSize { Width = 390, Height = 844 } : new ViewportSize { Width = 1280, Height = 860 },
            IsMobile = phone, HasTouch = phone, ServiceWorkers = serviceWorker ? ServiceWorkerPolicy.Allow : ServiceWorkerPolicy.Block,
        });
        context.SetDefaultTimeout(20_000);
        var page = await context.NewPageAsync();
        var session = new BrowserSession(page, TestPaths.Results(Path.Combine("screenshots", test)));
        page.PageError += (_, e) => session.Errors.Add(e);
        return session;
    }

    /// <summary>A full-page screenshot, and axe's check of the same screen: every screen a test looks at is also checked for accessibility.</summary>
    public async Task<string> ShotAsync(string name)
    {
        var path = Path.Combine(screenshotFolder, $"{++_shot:00}-{name}.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        await AssertAccessibleAsync();
        return path;
    }

    public ILocator Alert => page.Locator("[role=alert]").First;

    /// <summary>Signs in through the login page.</summary>
    public async Task LogInAsync(string baseUrl, string email, string password)
    {
        await page.GotoAsync(baseUrl + "/login");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Log in" }).ClickAsync();
    }

    /// <summary>Every visible form control has a label (or an aria-label) a screen reader can announce.</summary>
    public async Task AssertInputsLabelledAsync()
    {
        var unlabelled = await page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('input, select, textarea')]
                .filter(e => e.type !== 'hidden' && e.offsetParent !== null)
                .filter(e => !(e.labels && e.labels.length) && !e.getAttribute('aria-label') && !e.getAttribute('aria-labelledby'))
                .map(e => e.outerHTML)
            """);
        Assert.True(unlabelled.Length == 0, "Unlabelled inputs: " + string.Join(", ", unlabelled));
    }

    private static readonly Lazy<string> AxeSource = new(() =>
    {
        var path = Path.Combine(TestPaths.Repo, "node_modules", "axe-core", "axe.min.js");
        return File.Exists(path) ? File.ReadAllText(path)
            : throw new InvalidOperationException($"axe-core is not installed at {path}: run `npm ci` at the repository root (the local host does it when Azurite is missing).");
    });

    /// <summary>
    /// axe-core (the repository's devDependency, WCAG 2.0/2.1 A and AA rules) finds no violation on the page as it is now.
    /// Evaluated through the DevTools protocol, so the app's CSP (no inline scripts) stays on.
    /// </summary>
    public async Task AssertAccessibleAsync()
    {
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe !== 'undefined'"))
            await page.EvaluateAsync("source => { (0, eval)(source); }", AxeSource.Value);
        var violations = await page.EvaluateAsync<string[]>("""
            async () => (await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }))
                .violations.map(v => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | ')}`)
            """);
        Assert.True(violations.Length == 0, $"axe found {violations.Length} violation(s) on {page.Url}:\n" + string.Join("\n", violations));
    }

    public async ValueTask DisposeAsync() => await page.Context.CloseAsync();
}
