using System.Net;
using Bunit.TestDoubles;
using FitPilot.Contracts.Auth;
using FitPilot.Contracts.Billing;
using FitPilot.Contracts.Trainers;
using FitPilot.Web.Api;
using FitPilot.Web.Auth;
using FitPilot.Web.Components;
using FitPilot.Web.Layout;
using FitPilot.Web.Pages.Trainer;
using Microsoft.AspNetCore.Components;

namespace FitPilot.Web.Tests.Billing;

/// <summary>The PT's Billing page, the shell's trial/lapse banner, a 402 anywhere, and the landing page's prices.</summary>
public sealed class BillingWebTests : WebTest
{
    private static readonly BillingPlans Plans = new(
    [
        new PlanOption("Solo", 10, 2900, 29000, "aud"),
        new PlanOption("Studio", 40, 7950, 79000, "aud"),
        new PlanOption("Enterprise", 150, 19900, 199000, "aud"),
    ], 7);

    private static BillingState State(string status = SubscriptionStatuses.Trial, int days = 5, string? refusal = null, int clients = 12,
        string tier = "Solo", IReadOnlyList<Payment>? payments = null, DateTimeOffset? periodEnd = null, bool cancel = false) =>
        new(tier, status, days, null, periodEnd, cancel, null, tier == "Solo" ? 10 : 40, clients, refusal, payments is not null, payments ?? []);

    private void SignedInTrainer(string status = SubscriptionStatuses.Trial, int days = 5)
    {
        var pt = new TrainerProfile("t1", "Pat Coach", "pat@example.com", null, null, null, null, null, "Pat's Gym", null, null, "Solo", status, DateTimeOffset.UnixEpoch, days, null,
            DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch);
        Get<Session>().Set(new MeResponse("t1", Roles.Trainer, pt.Email, pt.Name, pt, null));
    }

    private IRenderedComponent<FitPilot.Web.Pages.Trainer.Billing> BillingPage(BillingState state)
    {
        Api.On("GET", "/api/billing", HttpStatusCode.OK, FakeApi.Json(state));
        Api.On("GET", "/api/billing/plans", HttpStatusCode.OK, FakeApi.Json(Plans)); // after: the later matching route wins
        return Render<FitPilot.Web.Pages.Trainer.Billing>();
    }

    [Fact]
    public void The_page_shows_the_plan_in_plain_words_the_clients_used_and_prices_from_the_API_monthly_or_yearly()
    {
        SignedInTrainer();
        var cut = BillingPage(State(payments: [new Payment("in_1", 7950, "aud", PaymentStatuses.Paid, new DateTimeOffset(2026, 11, 3, 0, 0, 0, TimeSpan.Zero), "https://invoice.test/in_1")]));

        cut.WaitForAssertion(() => Assert.Equal("Trial: 5 days left", cut.Find("[data-testid=billing-summary]").TextContent));
        Assert.Equal("12 of 10 clients used", cut.Find("[data-testid=client-usage]").TextContent);
        Assert.Contains("A$79.50", cut.Find("[data-testid=plan-Studio]").TextContent);
        Assert.Contains("Up to 40 clients", cut.Find("[data-testid=plan-Studio]").TextContent);
        Assert.Contains("A$29", cut.Find("[data-testid=plan-Solo]").TextContent);

        cut.FindAll(".interval-toggle input")[1].Change(true);
        Assert.Contains("A$790", cut.Find("[data-testid=plan-Studio]").TextContent);
        Assert.Contains("/ year", cut.Find("[data-testid=plan-Studio]").TextContent);

        var invoice = cut.Find("[data-testid=invoices] li");
        Assert.Contains("3 Nov 2026", invoice.TextContent);
        Assert.Contains("A$79.50", invoice.TextContent);
        Assert.Contains("Paid", invoice.TextContent);
        Assert.Equal("https://invoice.test/in_1", invoice.QuerySelector("a")!.GetAttribute("href"));
        Assert.NotNull(cut.Find("button.button.secondary:not([aria-label])")); // Manage billing: they have a Stripe customer
    }

    [Theory]
    [InlineData(SubscriptionStatuses.Active, false, "Studio · renews 3 Jan")]
    [InlineData(SubscriptionStatuses.Active, true, "Studio · cancels on 3 Jan")]
    [InlineData(SubscriptionStatuses.PastDue, false, "Payment failed — update your card")]
    public void A_subscription_is_summed_up_in_plain_words(string status, bool cancel, string expected)
    {
        SignedInTrainer(status);
        var cut = BillingPage(State(status, 0, tier: "Studio", periodEnd: new DateTimeOffset(2027, 1, 3, 0, 0, 0, TimeSpan.Zero), cancel: cancel));
        cut.WaitForAssertion(() => Assert.Equal(expected, cut.Find("[data-testid=billing-summary]").TextContent));
        Assert.Empty(cut.FindAll("[data-testid^=plan-] button")); // already paying: plan changes go through Manage billing
    }

    [Fact]
    public void A_paying_PT_is_told_which_plans_are_too_small_for_their_clients()
    {
        SignedInTrainer(SubscriptionStatuses.Active);
        var cut = BillingPage(State(SubscriptionStatuses.Active, 0, tier: "Studio", clients: 12));
        cut.WaitForAssertion(() => Assert.Equal("Holds 10 clients; you have 12. Remove clients first to move to it.",
            cut.Find("[data-testid=plan-Solo] [data-testid=plan-too-small]").TextContent));
        Assert.Empty(cut.FindAll("[data-testid=plan-Enterprise] [data-testid=plan-too-small]"));
        Assert.Contains("offers the plans that hold your 12 clients", cut.Markup);
    }

    [Fact]
    public void Choosing_a_plan_posts_the_tier_and_interval_and_opens_the_checkout_URL()
    {
        SignedInTrainer();
        Api.On("POST", "/api/billing/checkout", HttpStatusCode.OK, FakeApi.Json(new RedirectResponse("https://checkout.stripe.test/c/pay/cs_1")));
        var cut = BillingPage(State());
        cut.WaitForElement("[data-testid=plan-Studio] button");
        cut.FindAll(".interval-toggle input")[1].Change(true);

        cut.Find("[data-testid=plan-Studio] button").Click();

        cut.WaitForAssertion(() => Assert.Equal("https://checkout.stripe.test/c/pay/cs_1", Get<NavigationManager>().Uri));
        var sent = Api.Sent.Single(r => r.PathAndQuery == "/api/billing/checkout").Json;
        Assert.Equal(("Studio", "year"), (sent.GetProperty("tier").GetString(), sent.GetProperty("interval").GetString()));
    }

    [Fact]
    public void A_tier_below_the_client_count_is_refused_in_plain_words()
    {
        SignedInTrainer();
        Api.On("POST", "/api/billing/checkout", HttpStatusCode.Conflict, FakeApi.Problem(409, "Too many clients for this plan",
            "The Solo plan includes up to 10 clients and you have 12. Choose a larger plan, or remove clients first."), "application/problem+json");
        var cut = BillingPage(State());
        cut.WaitForElement("[data-testid=plan-Solo] button").Click();

        cut.WaitForAssertion(() => Assert.Contains("Too many clients for this plan", cut.Find("[data-testid=billing-problem]").TextContent));
        Assert.Contains("up to 10 clients and you have 12", cut.Find("[data-testid=billing-problem]").TextContent);
        Assert.EndsWith("/", Get<NavigationManager>().Uri); // stayed on the page
    }

    [Theory]
    [InlineData("success", SubscriptionStatuses.Active, null, "Thanks — your subscription is active.")]
    [InlineData("success", SubscriptionStatuses.Trial, BillingRefusals.TrialExpired, "Thanks — we're confirming your payment")]
    [InlineData("canceled", SubscriptionStatuses.Trial, null, "Checkout cancelled")]
    public void Coming_back_from_Stripe_says_how_it_went(string checkout, string status, string? refusal, string expected)
    {
        SignedInTrainer();
        Get<NavigationManager>().NavigateTo($"billing?checkout={checkout}&session_id=cs_1");
        var cut = BillingPage(State(status, 0, refusal));
        cut.WaitForAssertion(() => Assert.Contains(expected, cut.Find("[data-testid=checkout-result]").TextContent));
    }

    [Fact]
    public void Paying_updates_the_shell_so_the_lapse_banner_goes()
    {
        SignedInTrainer(SubscriptionStatuses.Expired, 0);
        BillingPage(State(SubscriptionStatuses.Active, 0, tier: "Studio", periodEnd: DateTimeOffset.UnixEpoch.AddYears(60)));
        Assert.Equal(SubscriptionStatuses.Active, Get<Session>().User!.Trainer!.SubscriptionStatus);
    }

    [Theory]
    [InlineData(SubscriptionStatuses.Trial, 5, "5 days left in your trial", "Upgrade", false)]
    [InlineData(SubscriptionStatuses.Trial, 1, "1 day left in your trial", "Upgrade", false)]
    [InlineData(SubscriptionStatuses.Trial, 0, "Your trial has ended: your clients keep training, but changes are paused until you choose a plan.", "Choose a plan", true)]
    [InlineData(SubscriptionStatuses.Expired, 0, "Your trial has ended: your clients keep training, but changes are paused until you choose a plan.", "Choose a plan", true)]
    [InlineData(SubscriptionStatuses.Canceled, 0, "Your subscription has ended: your clients keep training, but changes are paused until you choose a plan.", "Choose a plan", true)]
    [InlineData(SubscriptionStatuses.Paused, 0, "Your subscription is paused: your clients keep training, but changes are paused until you add a payment method.", "Manage billing", true)]
    [InlineData(SubscriptionStatuses.PastDue, 0, "Payment failed — update your card to keep making changes.", "Update card", false)]
    public void The_shell_banner_says_where_the_trial_or_subscription_stands(string status, int days, string text, string action, bool lapsed)
    {
        SignedInTrainer(status, days);
        Get<NavigationManager>().NavigateTo("pt/clients");
        var cut = Render<TrainerLayout>(ps => ps.Add(l => l.Body, (RenderFragment)(b => b.AddMarkupContent(0, "<p>page</p>"))));

        var banner = cut.Find("[data-testid=billing-banner]");
        Assert.Equal(text, banner.QuerySelector("span")!.TextContent);
        Assert.Equal(action, banner.QuerySelector("a")!.TextContent);
        Assert.Equal("pt/billing", banner.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal(lapsed ? "alert" : "status", banner.GetAttribute("role"));
        Assert.Contains("Billing", cut.Find("nav").TextContent);
    }

    [Fact]
    public void An_active_subscriber_sees_no_banner_and_the_Billing_page_hides_it()
    {
        SignedInTrainer(SubscriptionStatuses.Active, 0);
        var cut = Render<TrainerLayout>(ps => ps.Add(l => l.Body, (RenderFragment)(b => b.AddMarkupContent(0, "<p>page</p>"))));
        Assert.Empty(cut.FindAll("[data-testid=billing-banner]"));

        Get<Session>().Set(Get<Session>().User! with { Trainer = Get<Session>().User!.Trainer! with { SubscriptionStatus = SubscriptionStatuses.Expired } });
        cut.WaitForElement("[data-testid=billing-banner]");
        Get<NavigationManager>().NavigateTo("billing?checkout=canceled");
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=billing-banner]")));
        Assert.Equal("Billing", cut.Find("[data-testid=current-page]").TextContent);
    }

    private const string Refused = """{"type":"urn:fitpilot:problem:billing:trial-expired","title":"Your free trial has ended","status":402,"detail":"Choose a plan to make changes again. You can still read and export everything, and your clients keep logging their workouts.","reason":"trial-expired","billingUrl":"http://localhost/billing"}""";

    [Fact]
    public void A_402_on_a_form_says_why_in_plain_words_with_a_link_to_Billing()
    {
        SignedInTrainer(SubscriptionStatuses.Expired, 0);
        Api.On("PUT", "/api/me", HttpStatusCode.PaymentRequired, Refused, "application/problem+json");
        var cut = Render<Profile>();
        cut.Find("form").Submit();

        cut.WaitForAssertion(() => Assert.Contains("Your free trial has ended", cut.Find(".alert.error").TextContent));
        Assert.Contains("your clients keep logging their workouts", cut.Find(".alert.error").TextContent);
        Assert.Equal("pt/billing", cut.Find(".alert.error .plan-needed a").GetAttribute("href"));
    }

    [Fact]
    public void A_402_on_a_load_or_action_links_to_Billing_instead_of_offering_a_retry()
    {
        var problem = new ApiProblem(402, "Your free trial has ended", "Choose a plan to make changes again.", new Dictionary<string, string[]>());
        var cut = Render<LoadError>(ps => ps.Add(e => e.Problem, problem).Add(e => e.OnRetry, () => { }));
        Assert.Equal("pt/billing", cut.Find(".plan-needed a").GetAttribute("href"));
        Assert.Empty(cut.FindAll("button"));
    }

    [Fact]
    public void The_landing_page_prices_come_from_the_API_with_placeholders_until_they_arrive()
    {
        var cut = Render<FitPilot.Web.Pages.Public.Landing>();
        // No route for the plans yet answers 404 here; the placeholders show while nothing has been read.
        Assert.Contains("Pricing", cut.Markup);

        Api.On("GET", "/api/billing/plans", HttpStatusCode.OK, FakeApi.Json(Plans));
        var loaded = Render<FitPilot.Web.Pages.Public.Landing>();
        loaded.WaitForAssertion(() => Assert.Contains("A$79.50", loaded.Find("[data-testid=plan-Studio]").TextContent));
        Assert.Contains("7-day free trial", loaded.Find(".pricing").TextContent);
    }

    [Fact]
    public void The_pricing_cards_show_placeholders_without_plans()
    {
        var cut = Render<FitPilot.Web.Billing.PlanCards>(ps => ps.Add(p => p.Plans, null));
        Assert.Equal(3, cut.FindAll(".plan-card.placeholder").Count);
        Assert.Equal("true", cut.Find(".plan-cards").GetAttribute("aria-busy"));
    }
}
