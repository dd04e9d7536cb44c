using FitPilot.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FitPilot.Tests.Browser;

/// <summary>
/// First load: the public pages are static HTML rendered from the app's components at publish, readable and usable
/// before the .NET runtime has loaded; the app then takes over without losing what was typed.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class FirstLoadTests(HostFixture host, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_public_pages_are_readable_and_fillable_before_the_runtime_loads()
    {
        await using var s = await BrowserSession.OpenAsync(browser.Browser, "first-load-static", phone: true);
        await s.Page.RouteAsync("**/_framework/**", route => route.AbortAsync()); // the runtime never arrives

        foreach (var (path, heading, title) in new[]
                 {
                     ("/", "Coach more clients", "FitPilot — training programs for personal trainers and their clients"),
                     ("/login", "Log in", "Log in · FitPilot"),
                     ("/signup", "Start your 7-day free trial", "Start your free trial · FitPilot"),
                     ("/forgot-password", "Reset your password", "Reset your password · FitPilot"),
                     ("/reset-password?token=abc", "Choose a new password", "Choose a new password · FitPilot"),
                 })
        {
            await s.Page.GotoAsync(host.BrowserUrl + path);
            await Expect(s.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(heading);
            Assert.Equal(title, await s.Page.TitleAsync());
            await s.ShotAsync(path.Trim('/').Split('?')[0] is { Length: > 0 } name ? name : "landing");
        }

        await s.Page.GotoAsync(host.BrowserUrl + "/login");
        await s.Page.GetByLabel("Email").FillAsync("early@example.com");
        await s.Page.GetByLabel("Password").FillAsync("typed before the app");
        await s.Page.GetByRole(AriaRole.Button, new() { Name = "Log in" }).ClickAsync();
        // Held until the app has started: not posted anywhere, the page and what was typed stay.
        await Expect(s.Page.Locator("#boot-note")).ToContainTextAsync("Starting FitPilot");
        Assert.EndsWith("/login", s.Page.Url);
        await Expect(s.Page.GetByLabel("Email")).ToHaveValueAsync("early@example.com");
        await s.ShotAsync("login-sent-before-boot");

        // Desk width too: the static page is the real page, not a "Loading…" box.
        await s.Page.SetViewportSizeAsync(1280, 860);
        await s.Page.GotoAsync(host.BrowserUrl + "/signup");
        await Expect(s.Page.GetByLabel("Your name")).ToBeEditableAsync();
        await s.ShotAsync("signup-desk");
    }

    [Fact]
    public async Task What_is_typed_before_the_app_starts_is_kept_and_a_login_sent_early_goes_through()
    {
        var pt = await host.NewClient().RegisterTrainerAsync("Early Bird");
        await using var s = await BrowserSession.OpenAsync(browser.Browser, "first-load-takeover");
        var console = new List<string>();
        s.Page.Console += (_, m) => { if (m.Type == "error") console.Add(m.Text); };
        var runtime = new TaskCompletionSource();
        await s.Page.RouteAsync("**/_framework/**", async route => { await runtime.Task; await route.ContinueAsync(); });

        await s.Page.GotoAsync(host.BrowserUrl + "/login", new() { WaitUntil = WaitUntilState.Commit }); // "load" waits for the held runtime
        await s.Page.GetByLabel("Email").FillAsync(pt.Email);
        await s.Page.GetByLabel("Password").FillAsync(pt.Password);
        await s.Page.GetByLabel("Password").PressAsync("Enter");
        await Expect(s.Page.Locator("#boot-note")).ToContainTextAsync("Starting FitPilot");
        runtime.SetResult(); // the runtime arrives now

        await s.Page.WaitForURLAsync("**/pt", new() { Timeout = 30_000 });
        Assert.Empty(console); // no 401 of /api/me on the signed-out visit, nothing else either
        Assert.Empty(s.Errors);
    }

    [Fact]
    public async Task Typing_while_the_app_takes_over_keeps_the_field_its_value_and_the_focus()
    {
        await using var s = await BrowserSession.OpenAsync(browser.Browser, "first-load-focus");
        var runtime = new TaskCompletionSource();
        await s.Page.RouteAsync("**/_framework/**", async route => { await runtime.Task; await route.ContinueAsync(); });
        await s.Page.GotoAsync(host.BrowserUrl + "/signup", new() { WaitUntil = WaitUntilState.Commit });
        await s.Page.GetByLabel("Your name").FillAsync("Sam Early");
        await s.Page.GetByLabel("Email").ClickAsync();
        await s.Page.Keyboard.TypeAsync("sam@exa");
        runtime.SetResult();

        await s.Page.Locator("html.fp-started").WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = 30_000 }); // no eval: the CSP forbids it
        await s.Page.Keyboard.TypeAsync("mple.com");
        await Expect(s.Page.GetByLabel("Email")).ToHaveValueAsync("sam@example.com");
        await Expect(s.Page.GetByLabel("Email")).ToBeFocusedAsync();
        await Expect(s.Page.GetByLabel("Your name")).ToHaveValueAsync("Sam Early");
        // The app holds the values (not only the DOM): a too-short password is flagged by the app's own validation.
        await s.Page.GetByLabel("Password").FillAsync("short");
        await s.Page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        await Expect(s.Page.Locator(".validation-message")).ToContainTextAsync("10 to 128 characters");
        await Expect(s.Page.Locator(".validation-message")).ToHaveCountAsync(1); // name and email came across
        await s.ShotAsync("signup-after-takeover");
    }
}
