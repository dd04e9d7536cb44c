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

    public async Task<string> ShotAsync(string name)
    {
        var path = Path.Combine(screenshotFolder, $"{++_shot:00}-{name}.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
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

    public async ValueTask DisposeAsync() => await page.Context.CloseAsync();
}
