using FitPilot.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FitPilot.Tests.Browser;

/// <summary>Forms that recover from a refusal, a header that fits a phone, and a PT's 404s that keep their way around.</summary>
[Collection(HostCollection.Name)]
public sealed class FormsAndCopyTests(HostFixture host, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Signing_up_with_an_email_already_registered_then_correcting_it_lands_in_the_app()
    {
        var existing = await host.NewClient().RegisterTrainerAsync("First Coach");
        await using var s = await BrowserSession.OpenAsync(browser.Browser, "signup-taken-email", phone: true);
        var p = s.Page;
        await p.GotoAsync(host.BrowserUrl + "/signup");
        await p.GetByLabel("Your name").FillAsync("Second Coach");
        await p.GetByLabel("Email").FillAsync(existing.Email);
        await p.GetByLabel("Password").FillAsync("second-coach-pass");
        await p.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();

        var emailMessage = p.Locator("#email ~ .validation-message");
        await Expect(emailMessage).ToHaveTextAsync("An account with this email already exists.");
        await Expect(p.Locator("#email")).ToHaveAttributeAsync("aria-invalid", "true");
        await s.ShotAsync("email-taken");

        await p.GetByLabel("Email").FillAsync(ApiClient.UniqueEmail("second-coach"));
        await p.GetByLabel("Email").BlurAsync();
        await Expect(emailMessage).ToHaveCountAsync(0);
        await p.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();

        await Expect(p.GetByRole(AriaRole.Heading, new() { Name = "Welcome, Second Coach" })).ToBeVisibleAsync();
        await s.ShotAsync("signed-up");
        Assert.Empty(s.Errors);
    }

    [Theory]
    [InlineData(390)]
    [InlineData(320)]
    public async Task The_public_header_stays_on_one_line_on_a_phone(int width)
    {
        await using var s = await BrowserSession.OpenAsync(browser.Browser, $"public-header-{width}", phone: true);
        var p = s.Page;
        await p.SetViewportSizeAsync(width, 740);
        await p.GotoAsync(host.BrowserUrl);
        var logIn = p.Locator("header").GetByRole(AriaRole.Link, new() { Name = "Log in" });
        await Expect(logIn).ToBeVisibleAsync();
        await Expect(p.Locator("header").GetByRole(AriaRole.Link, new() { Name = "Start free trial" })).ToBeVisibleAsync();

        var lines = await logIn.EvaluateAsync<double>("a => a.getClientRects().length");
        Assert.Equal(1, lines);
        var overflow = await p.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth");
        Assert.False(overflow, "the page scrolls sideways");
        var inside = await p.EvaluateAsync<bool>("() => [...document.querySelectorAll('header a')].filter(a => a.offsetParent).every(a => a.getBoundingClientRect().right <= window.innerWidth - 8)");
        Assert.True(inside, "a header link sticks out or touches the edge of the screen");
        await s.ShotAsync("landing");
    }

    [Fact]
    public async Task A_PT_on_a_missing_page_or_an_unknown_client_keeps_the_PT_navigation_and_a_way_back()
    {
        var pt = await host.NewClient().RegisterTrainerAsync("Lost Coach");
        await using var s = await BrowserSession.OpenAsync(browser.Browser, "pt-not-found", phone: true);
        var p = s.Page;
        await s.LogInAsync(host.BrowserUrl, pt.Email, pt.Password);
        await Expect(p.GetByRole(AriaRole.Heading, new() { Name = "Welcome, Lost Coach" })).ToBeVisibleAsync();

        await p.GotoAsync(host.BrowserUrl + "/pt/nowhere-at-all");
        await Expect(p.GetByRole(AriaRole.Heading, new() { Name = "Page not found" })).ToBeVisibleAsync();
        await Expect(p.GetByText("Start free trial")).ToHaveCountAsync(0);
        await s.ShotAsync("page-not-found");
        // On a phone the PT's navigation sits behind the bar's Menu button.
        await p.GetByRole(AriaRole.Button, new() { Name = "Menu" }).ClickAsync();
        await Expect(p.GetByRole(AriaRole.Navigation, new() { Name = "Trainer" })).ToBeVisibleAsync();
        await p.Keyboard.PressAsync("Escape");
        await p.GetByRole(AriaRole.Link, new() { Name = "Go to your dashboard" }).ClickAsync();
        await Expect(p.GetByRole(AriaRole.Heading, new() { Name = "Welcome, Lost Coach" })).ToBeVisibleAsync();

        await p.GotoAsync(host.BrowserUrl + "/pt/clients/no-such-client");
        await Expect(p.GetByRole(AriaRole.Heading, new() { Name = "No such client" })).ToBeVisibleAsync();
        await Expect(p.GetByRole(AriaRole.Button, new() { Name = "Try again" })).ToHaveCountAsync(0);
        await s.ShotAsync("unknown-client");
        await p.GetByRole(AriaRole.Link, new() { Name = "Go to your clients" }).ClickAsync();
        await Expect(p.GetByRole(AriaRole.Heading, new() { Name = "Clients", Exact = true })).ToBeVisibleAsync();
    }
}
