using System.Text;
using FitPilot.Functions.Trainers;
using FitPilot.Tests.Billing;
using FitPilot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FitPilot.Tests.Browser;

/// <summary>
/// A PT whose trial ended: the shell says so, a change is refused in plain words with the way to Billing, they choose a plan
/// (Stripe's Checkout page stood in for by the browser: it goes straight back to the success URL), Stripe's signed webhook
/// arrives, and they can make changes again. On a phone and on a desk.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class BillingTests(HostFixture host, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string NoSidewaysScroll = "() => document.documentElement.scrollWidth <= window.innerWidth";

    [Fact]
    public async Task A_PT_whose_trial_ended_sees_why_changes_are_refused_chooses_a_plan_and_can_change_things_again()
    {
        var api = host.NewClient();
        var pt = await api.RegisterTrainerAsync("Lapsed Coach");
        // The trial ran out (it started 8 days ago), as the backend's billing tests do it.
        await host.Services.GetRequiredService<TrainerStore>().ChangeWithRetryAsync(pt.Id, t => t.TrialStartDate = DateTimeOffset.UtcNow.AddDays(-8), default);

        await using var s = await BrowserSession.OpenAsync(browser.Browser, "billing-phone", phone: true);
        var p = s.Page;
        // Stripe's Checkout page, played by the browser: paying there sends the PT back to the success URL under the app.
        await p.RouteAsync("https://checkout.stripe.test/**", route => route.FulfillAsync(new()
        {
            Status = 200, ContentType = "text/html",
            Body = $"<!doctype html><title>Stripe Checkout</title><script>location.replace('{host.BrowserUrl}/billing?checkout=success&session_id=cs_test_browser')</script>",
        }));
        await s.LogInAsync(host.BrowserUrl, pt.Email, pt.Password);

        var banner = p.GetByTestId("billing-banner");
        await Expect(banner).ToContainTextAsync("Your trial has ended: your clients keep training, but changes are paused until you choose a plan.");
        await Expect(banner.GetByRole(AriaRole.Link, new() { Name = "Choose a plan" })).ToBeVisibleAsync();
        var bar = await p.Locator(".pt-header").BoundingBoxAsync();
        Assert.True(bar!.Height <= 64, $"phone bar {bar.Height}px");
        var below = await banner.BoundingBoxAsync();
        Assert.True(below!.Y >= bar.Y + bar.Height, "the banner sits below the phone bar");
        await s.ShotAsync("lapsed-banner");

        // A change is refused in plain words, with the way to Billing.
        await p.GetByRole(AriaRole.Button, new() { Name = "Menu" }).ClickAsync();
        await p.GetByRole(AriaRole.Link, new() { Name = "Profile" }).ClickAsync();
        await p.GetByLabel("Bio").FillAsync("Strength coach.");
        await p.GetByRole(AriaRole.Button, new() { Name = "Save profile" }).ClickAsync();
        var refused = p.Locator(".alert.error");
        await Expect(refused).ToContainTextAsync("Your free trial has ended");
        await Expect(refused).ToContainTextAsync("your clients keep logging their workouts");
        await s.ShotAsync("write-refused");

        await refused.GetByRole(AriaRole.Link, new() { Name = "Choose a plan in Billing" }).ClickAsync();
        await Expect(p.GetByTestId("billing-summary")).ToHaveTextAsync("Your free trial has ended");
        await Expect(p.GetByTestId("plan-Studio")).ToContainTextAsync("/ month");
        Assert.True(await p.EvaluateAsync<bool>(NoSidewaysScroll));
        await s.ShotAsync("billing-lapsed");

        await p.GetByRole(AriaRole.Button, new() { Name = "Choose Solo, billed monthly" }).ClickAsync();
        await p.WaitForURLAsync("**/billing?checkout=success**");
        await Expect(p.GetByTestId("checkout-result")).ToContainTextAsync("Thanks");
        var session = host.Stripe.To("/v1/checkout/sessions").Last(r => r.Form.GetValueOrDefault("client_reference_id") == pt.Id);
        Assert.Equal(("Solo", "month"), (session.Form["metadata[tier]"], session.Form["metadata[interval]"]));

        // Stripe's signed webhook says the checkout completed.
        var payload = StripeEvents.Event("checkout.session.completed", StripeEvents.CheckoutSession(pt.Id, session.Form["customer"], "sub_browser", "Solo"), DateTimeOffset.UtcNow);
        var webhook = new HttpRequestMessage(HttpMethod.Post, "/api/stripe/webhook") { Content = new StringContent(payload, Encoding.UTF8, "application/json") };
        webhook.Headers.Add("Stripe-Signature", StripeEvents.Sign(payload, HostFixture.StripeWebhookSecret));
        Assert.True((await api.Http.SendAsync(webhook)).IsSuccessStatusCode);

        await p.ReloadAsync();
        await Expect(p.GetByTestId("checkout-result")).ToHaveTextAsync("Thanks — your subscription is active.");
        await Expect(p.GetByTestId("billing-summary")).Not.ToContainTextAsync("ended");
        await s.ShotAsync("billing-paid");

        // Changes work again, and the banner is gone.
        await p.GetByRole(AriaRole.Button, new() { Name = "Menu" }).ClickAsync();
        await p.GetByRole(AriaRole.Link, new() { Name = "Profile" }).ClickAsync();
        await p.GetByLabel("Bio").FillAsync("Strength coach, paid up.");
        await p.GetByRole(AriaRole.Button, new() { Name = "Save profile" }).ClickAsync();
        await Expect(p.GetByText("Saved.")).ToBeVisibleAsync();
        await Expect(p.GetByTestId("billing-banner")).ToHaveCountAsync(0);
        Assert.Empty(s.Errors);

        // On a desk: the Billing page with the plan, the tiers and the invoices area.
        await using var d = await BrowserSession.OpenAsync(browser.Browser, "billing-desktop");
        await d.LogInAsync(host.BrowserUrl, pt.Email, pt.Password);
        await d.Page.GetByRole(AriaRole.Link, new() { Name = "Billing" }).ClickAsync();
        await Expect(d.Page.GetByTestId("billing-summary")).ToBeVisibleAsync();
        await Expect(d.Page.GetByTestId("plan-Enterprise")).ToBeVisibleAsync();
        await d.ShotAsync("billing-desktop");
        await d.Page.GotoAsync(host.BrowserUrl + "/");
        await Expect(d.Page.GetByTestId("plan-Studio")).ToContainTextAsync("/ month");
        await d.Page.Locator(".pricing").ScrollIntoViewIfNeededAsync();
        await d.ShotAsync("landing-pricing");
    }
}
