using System.Net;
using System.Text;
using System.Text.Json;
using FitPilot.Contracts.Billing;
using FitPilot.Contracts.Clients;
using FitPilot.Contracts.Trainers;
using FitPilot.Functions.Billing;
using FitPilot.Functions.Trainers;
using FitPilot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace FitPilot.Tests.Billing;

/// <summary>
/// Billing end to end against the local host: Checkout through the Stripe fake (what we send is
/// checked), webhooks signed as Stripe signs them, the pipeline's 402 rule, the plan limit, the trial timer.
/// </summary>
[Collection(BillingCollection.Name)]
public sealed class BillingTests(BillingFixture host, ITestOutputHelper output)
{
    private readonly ApiClient _api = host.NewClient();
    private const string StudioMonthly = "price_test_studio_monthly";

    /// <summary>Round trips per webhook case, collected by every test and written by the benchmark test.</summary>
    internal static readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> WebhookRoundTrips = new();

    private async Task<(HttpResponseMessage Response, WebhookReceipt? Receipt)> SendAsync(string payload, string? signature, string? measure = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/stripe/webhook") { Content = new StringContent(payload, Encoding.UTF8, "application/json") };
        if (signature is not null) request.Headers.Add("Stripe-Signature", signature);
        var response = await _api.Http.SendAsync(request);
        if (measure is not null) WebhookRoundTrips[measure] = ApiClient.RoundTrips(response);
        return (response, response.IsSuccessStatusCode ? await ApiClient.ReadAsync<WebhookReceipt>(response) : null);
    }

    private async Task<WebhookReceipt> DeliverAsync(string payload, string? measure = null)
    {
        var (response, receipt) = await SendAsync(payload, StripeEvents.Sign(payload, BillingFixture.WebhookSecret), measure);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return receipt!;
    }

    private async Task<BillingState> StateAsync(ApiClient.Trainer pt) =>
        await ApiClient.ReadAsync<BillingState>(await _api.GetAsync("/api/billing", pt.Token));

    /// <summary>A PT made active on Studio monthly the way Stripe does it: checkout completed, subscription created, invoice paid.</summary>
    private async Task<(ApiClient.Trainer Pt, string Customer, string Subscription, DateTimeOffset PeriodEnd)> ActiveStudioAsync()
    {
        var pt = await _api.RegisterTrainerAsync();
        var customer = "cus_" + Guid.NewGuid().ToString("N")[..10];
        var subscription = "sub_" + Guid.NewGuid().ToString("N")[..10];
        var now = DateTimeOffset.UtcNow;
        var periodEnd = now.AddMonths(1);
        await DeliverAsync(StripeEvents.Event("checkout.session.completed", StripeEvents.CheckoutSession(pt.Id, customer, subscription), now.AddSeconds(-3)));
        await DeliverAsync(StripeEvents.Event("customer.subscription.created", StripeEvents.Subscription(pt.Id, customer, subscription, "active", StudioMonthly, periodEnd), now.AddSeconds(-2)));
        await DeliverAsync(StripeEvents.Event("invoice.paid", StripeEvents.Invoice(pt.Id, customer, subscription, "in_" + Guid.NewGuid().ToString("N")[..10], 7900, true, now.AddSeconds(-2)), now.AddSeconds(-1)));
        return (pt, customer, subscription, periodEnd);
    }

    [Fact]
    public async Task The_plans_are_public_and_come_from_configuration()
    {
        var plans = await ApiClient.ReadAsync<BillingPlans>(await _api.GetAsync("/api/billing/plans"));
        Assert.Equal(["Solo", "Studio", "Enterprise"], plans.Plans.Select(p => p.Tier));
        Assert.Equal([2, 4, 150], plans.Plans.Select(p => p.ClientLimit)); // the fixture's limits, the demo's Enterprise
        Assert.Equal(7900, plans.Plans[1].MonthlyPriceCents);
        Assert.Equal("aud", plans.Plans[1].Currency);
        Assert.Equal(7, plans.TrialDays);
    }

    [Fact]
    public async Task Trial_then_checkout_then_webhooks_make_the_PT_an_active_Studio_subscriber()
    {
        var pt = await _api.RegisterTrainerAsync("Checkout Coach");
        var trial = await StateAsync(pt);
        Assert.Equal((SubscriptionStatuses.Trial, 7, (string?)null), (trial.Status, trial.TrialDaysRemaining, trial.WriteRefusal));

        var checkout = await ApiClient.ReadAsync<RedirectResponse>(await _api.PostAsync("/api/billing/checkout", new { tier = "Studio", interval = "month" }, pt.Token));
        Assert.StartsWith("https://checkout.stripe.test/c/pay/cs_test_", checkout.Url);
        var again = await ApiClient.ReadAsync<RedirectResponse>(await _api.PostAsync("/api/billing/checkout", new { tier = "Studio", interval = "year" }, pt.Token));

        // What Stripe received: one customer for the PT (reused by the second checkout), then sessions for it.
        var customers = host.Stripe.To("/v1/customers").Where(r => r.Form.GetValueOrDefault("metadata[trainerId]") == pt.Id).ToList();
        var created = Assert.Single(customers);
        Assert.Equal((pt.Email, "Checkout Coach", BillingFixture.SecretKey), (created.Form["email"], created.Form["name"], created.ApiKey));
        var sessions = host.Stripe.To("/v1/checkout/sessions").Where(r => r.Form.GetValueOrDefault("client_reference_id") == pt.Id).ToList();
        Assert.Equal(2, sessions.Count);
        var first = sessions[0].Form;
        var customerId = $"cus_fake";
        Assert.StartsWith(customerId, first["customer"]);
        Assert.Equal(first["customer"], sessions[1].Form["customer"]);
        Assert.Equal("subscription", first["mode"]);
        Assert.Equal(StudioMonthly, first["line_items[0][price]"]);
        Assert.Equal("1", first["line_items[0][quantity]"]);
        Assert.Equal("price_test_studio_yearly", sessions[1].Form["line_items[0][price]"]);
        Assert.Equal(host.PublicBaseUrl + "/billing?checkout=success&session_id={CHECKOUT_SESSION_ID}", first["success_url"]);
        Assert.Equal(host.PublicBaseUrl + "/billing?checkout=canceled", first["cancel_url"]);
        Assert.Equal((pt.Id, "Studio", "month"), (first["metadata[trainerId]"], first["metadata[tier]"], first["metadata[interval]"]));
        Assert.Equal(pt.Id, first["subscription_data[metadata][trainerId]"]);

        // Stripe reports the payment: checkout completed, subscription created, first invoice paid (found by customer: no metadata).
        var customer = first["customer"];
        var now = DateTimeOffset.UtcNow;
        var periodEnd = now.AddMonths(1);
        Assert.Equal(WebhookOutcomes.Applied, (await DeliverAsync(StripeEvents.Event("checkout.session.completed",
            StripeEvents.CheckoutSession(pt.Id, customer, "sub_happy"), now.AddSeconds(-3)), "checkout.session.completed")).Outcome);
        Assert.Equal(WebhookOutcomes.Applied, (await DeliverAsync(StripeEvents.Event("customer.subscription.created",
            StripeEvents.Subscription(pt.Id, customer, "sub_happy", "active", StudioMonthly, periodEnd), now.AddSeconds(-2)), "customer.subscription.created")).Outcome);
        Assert.Equal(WebhookOutcomes.Applied, (await DeliverAsync(StripeEvents.Event("invoice.paid",
            StripeEvents.Invoice(null, customer, "sub_happy", "in_happy1", 7900, true, now.AddSeconds(-2)), now.AddSeconds(-1)), "invoice.paid (PT found by customer id)")).Outcome);

        var state = await StateAsync(pt);
        Assert.Equal(("Studio", SubscriptionStatuses.Active, "month", false, (string?)null, 4, true),
            (state.Tier, state.Status, state.Interval, state.CancelAtPeriodEnd, state.WriteRefusal, state.ClientLimit, state.HasStripeCustomer));
        Assert.Equal(periodEnd.ToUnixTimeSeconds(), state.PeriodEnd!.Value.ToUnixTimeSeconds());
        var payment = Assert.Single(state.Payments);
        Assert.Equal(("in_happy1", 7900L, "aud", PaymentStatuses.Paid, "https://invoice.stripe.test/i/in_happy1"),
            (payment.InvoiceId, payment.AmountCents, payment.Currency, payment.Status, payment.HostedInvoiceUrl));

        // Already paying: a second checkout is refused; the portal opens for the same customer.
        await ApiClient.ProblemAsync(await _api.PostAsync("/api/billing/checkout", new { tier = "Enterprise", interval = "month" }, pt.Token), HttpStatusCode.Conflict);
        var portal = await ApiClient.ReadAsync<RedirectResponse>(await _api.PostAsync("/api/billing/portal", null, pt.Token));
        Assert.StartsWith("https://billing.stripe.test/p/session/", portal.Url);
        var portalRequest = host.Stripe.To("/v1/billing_portal/sessions").Last(r => r.Form["customer"] == customer);
        Assert.Equal(host.PublicBaseUrl + "/billing", portalRequest.Form["return_url"]);
    }

    [Fact]
    public async Task The_portal_offers_only_the_plans_that_hold_the_PTs_clients()
    {
        var (pt, customer, _, _) = await ActiveStudioAsync();
        // Two clients fit every plan: the account's default portal, no configuration of ours.
        for (var i = 0; i < 2; i++) await _api.InviteAsync(pt, $"portal-{i}-{Guid.NewGuid():N}@fitpilot.test");
        await ApiClient.ReadAsync<RedirectResponse>(await _api.PostAsync("/api/billing/portal", null, pt.Token));
        Assert.False(host.Stripe.To("/v1/billing_portal/sessions").Last(r => r.Form["customer"] == customer).Form.ContainsKey("configuration"));

        // A third client is more than Solo's 2: the portal is opened with a configuration that offers Studio and Enterprise only.
        await _api.InviteAsync(pt, $"portal-3-{Guid.NewGuid():N}@fitpilot.test");
        var portal = await ApiClient.ReadAsync<RedirectResponse>(await _api.PostAsync("/api/billing/portal", null, pt.Token));
        Assert.StartsWith("https://billing.stripe.test/p/session/", portal.Url);
        var session = host.Stripe.To("/v1/billing_portal/sessions").Last(r => r.Form["customer"] == customer);
        Assert.StartsWith("bpc_fake", session.Form["configuration"]);
        var configuration = host.Stripe.To("/v1/billing_portal/configurations").Last();
        var offered = configuration.Form.Where(f => f.Key.StartsWith("features[subscription_update][products]", StringComparison.Ordinal)).ToList();
        var prices = offered.Where(f => f.Key.Contains("[prices]")).Select(f => f.Value).Order().ToList();
        Assert.Equal(["price_test_enterprise_monthly", "price_test_enterprise_yearly", "price_test_studio_monthly", "price_test_studio_yearly"], prices);
        Assert.Equal(["prod_enterprise", "prod_studio"], offered.Where(f => f.Key.EndsWith("[product]")).Select(f => f.Value).Order().ToList());
        Assert.Equal("true", configuration.Form["features[subscription_update][enabled]"]);
        Assert.Equal("at_period_end", configuration.Form["features[subscription_cancel][mode]"]);
    }

    [Fact]
    public async Task A_replayed_event_changes_nothing()
    {
        var (pt, customer, sub, periodEnd) = await ActiveStudioAsync();
        var now = DateTimeOffset.UtcNow;
        var cancel = StripeEvents.Event("customer.subscription.updated", StripeEvents.Subscription(pt.Id, customer, sub, "active", StudioMonthly, periodEnd, cancelAtPeriodEnd: true), now);
        Assert.Equal(WebhookOutcomes.Applied, (await DeliverAsync(cancel)).Outcome);
        // The PT changes their mind in the portal: a newer event undoes the cancellation.
        Assert.Equal(WebhookOutcomes.Applied, (await DeliverAsync(StripeEvents.Event("customer.subscription.updated",
            StripeEvents.Subscription(pt.Id, customer, sub, "active", StudioMonthly, periodEnd), now.AddSeconds(1)))).Outcome);

        // Stripe delivers the first event again (a retry): recorded already, so nothing changes.
        Assert.Equal(WebhookOutcomes.Duplicate, (await DeliverAsync(cancel, "replayed event")).Outcome);
        Assert.False((await StateAsync(pt)).CancelAtPeriodEnd);

        // The same invoice.payment_failed twice: one failure, one email.
        var failed = StripeEvents.Event("invoice.payment_failed", StripeEvents.Invoice(pt.Id, customer, sub, "in_replay", 7900, false, now), now.AddSeconds(2));
        Assert.Equal(WebhookOutcomes.Applied, (await DeliverAsync(failed)).Outcome);
        Assert.Equal(WebhookOutcomes.Duplicate, (await DeliverAsync(failed)).Outcome);
        await host.Mailbox.WaitForAsync(pt.Email, "payment failed");
        Assert.Equal(1, await host.Mailbox.CountToAsync(pt.Email));
    }

    [Fact]
    public async Task An_event_older_than_the_state_does_not_overwrite_it()
    {
        var (pt, customer, sub, periodEnd) = await ActiveStudioAsync();
        var now = DateTimeOffset.UtcNow;
        // Newest first: the subscription was canceled at T+10 …
        Assert.Equal(WebhookOutcomes.Applied, (await DeliverAsync(StripeEvents.Event("customer.subscription.deleted",
            StripeEvents.Subscription(pt.Id, customer, sub, "canceled", StudioMonthly, periodEnd), now.AddSeconds(10)))).Outcome);
        // … and the "updated: active" of T+5 arrives after it: recorded, but the state stays canceled.
        Assert.Equal(WebhookOutcomes.Stale, (await DeliverAsync(StripeEvents.Event("customer.subscription.updated",
            StripeEvents.Subscription(pt.Id, customer, sub, "active", "price_test_solo_monthly", periodEnd), now.AddSeconds(5)), "out-of-order (older) event")).Outcome);
        var state = await StateAsync(pt);
        Assert.Equal((SubscriptionStatuses.Canceled, "Studio", BillingRefusals.Canceled), (state.Status, state.Tier, state.WriteRefusal));
    }

    [Fact]
    public async Task A_bad_or_missing_signature_or_a_stale_timestamp_is_a_400_and_nothing_is_written()
    {
        var pt = await _api.RegisterTrainerAsync();
        var now = DateTimeOffset.UtcNow;
        var payload = StripeEvents.Event("customer.subscription.created",
            StripeEvents.Subscription(pt.Id, "cus_forged", "sub_forged", "active", "price_test_enterprise_yearly", now.AddYears(1)), now);

        var (wrong, _) = await SendAsync(payload, StripeEvents.Sign(payload, "whsec_not_the_endpoint_secret"), "bad signature");
        Assert.Equal("Invalid signature", (await ApiClient.ProblemAsync(wrong, HttpStatusCode.BadRequest)).GetProperty("title").GetString());
        var (missing, _) = await SendAsync(payload, null);
        Assert.Equal("Missing signature", (await ApiClient.ProblemAsync(missing, HttpStatusCode.BadRequest)).GetProperty("title").GetString());
        var (tampered, _) = await SendAsync(payload.Replace("price_test_enterprise_yearly", "price_test_solo_monthly"), StripeEvents.Sign(payload, BillingFixture.WebhookSecret));
        await ApiClient.ProblemAsync(tampered, HttpStatusCode.BadRequest);
        var (stale, _) = await SendAsync(payload, StripeEvents.Sign(payload, BillingFixture.WebhookSecret, now.AddMinutes(-10)), "stale timestamp");
        Assert.Equal("Stale webhook", (await ApiClient.ProblemAsync(stale, HttpStatusCode.BadRequest)).GetProperty("title").GetString());
        Assert.Equal(0, WebhookRoundTrips["bad signature"]);
        Assert.Equal(0, WebhookRoundTrips["stale timestamp"]);

        var state = await StateAsync(pt);
        Assert.Equal((SubscriptionStatuses.Trial, "Solo", false), (state.Status, state.Tier, state.HasStripeCustomer));

        // Over 1 MB: refused before it is read, let alone parsed.
        var huge = "{\"pad\":\"" + new string('x', 1024 * 1024) + "\"}";
        var (tooLarge, _) = await SendAsync(huge, StripeEvents.Sign(huge, BillingFixture.WebhookSecret));
        await ApiClient.ProblemAsync(tooLarge, HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task An_unknown_event_type_answers_200_without_action()
    {
        var payload = StripeEvents.Event("customer.created", new System.Text.Json.Nodes.JsonObject { ["id"] = "cus_new", ["object"] = "customer" }, DateTimeOffset.UtcNow);
        var receipt = await DeliverAsync(payload, "unknown event type");
        Assert.Equal((WebhookOutcomes.Ignored, "customer.created"), (receipt.Outcome, receipt.Type));
    }

    [Fact]
    public async Task A_failed_payment_makes_the_PT_past_due_and_emails_them_then_paying_makes_them_active_again()
    {
        var (pt, customer, sub, _) = await ActiveStudioAsync();
        var now = DateTimeOffset.UtcNow;
        var invoice = "in_" + Guid.NewGuid().ToString("N")[..10];
        Assert.Equal(WebhookOutcomes.Applied, (await DeliverAsync(StripeEvents.Event("invoice.payment_failed",
            StripeEvents.Invoice(pt.Id, customer, sub, invoice, 7900, false, now), now.AddSeconds(1)), "invoice.payment_failed (+ email)")).Outcome);

        var pastDue = await StateAsync(pt);
        Assert.Equal((SubscriptionStatuses.PastDue, (string?)null), (pastDue.Status, pastDue.WriteRefusal)); // within the grace period
        Assert.Equal(PaymentStatuses.Failed, pastDue.Payments.Single(p => p.InvoiceId == invoice).Status);
        var email = await host.Mailbox.WaitForAsync(pt.Email, "payment failed");
        Assert.Contains("79.00 AUD", email.Text);
        Assert.Contains(host.PublicBaseUrl + "/billing", email.Text);
        Assert.Equal(HttpStatusCode.Created, (await _api.PostAsync("/api/exercises", new { name = "Grace press", category = "strength", primaryMuscles = new[] { "chest" } }, pt.Token)).StatusCode);

        Assert.Equal(WebhookOutcomes.Applied, (await DeliverAsync(StripeEvents.Event("invoice.paid",
            StripeEvents.Invoice(pt.Id, customer, sub, invoice, 7900, true, now), now.AddSeconds(2)))).Outcome);
        var paid = await StateAsync(pt);
        Assert.Equal(SubscriptionStatuses.Active, paid.Status);
        Assert.Equal(PaymentStatuses.Paid, paid.Payments.Single(p => p.InvoiceId == invoice).Status);
    }

    [Fact]
    public async Task Past_due_beyond_the_grace_period_refuses_writes()
    {
        var (pt, _, _, _) = await ActiveStudioAsync();
        var trainers = host.Services.GetRequiredService<TrainerStore>();
        await trainers.ChangeWithRetryAsync(pt.Id, t => { t.SubscriptionStatus = SubscriptionStatuses.PastDue; t.PastDueSince = DateTimeOffset.UtcNow.AddDays(-8); }, default);
        var problem = await ApiClient.ProblemAsync(await _api.PostAsync("/api/exercises", new { name = "Late press", category = "strength", primaryMuscles = new[] { "chest" } }, pt.Token), HttpStatusCode.PaymentRequired);
        Assert.Equal(BillingRefusals.TypePrefix + BillingRefusals.PastDueBeyondGrace, problem.GetProperty("type").GetString());
    }

    [Fact]
    public async Task Cancel_at_period_end_keeps_the_PT_active_until_Stripe_deletes_the_subscription()
    {
        var (pt, customer, sub, periodEnd) = await ActiveStudioAsync();
        var now = DateTimeOffset.UtcNow;
        Assert.Equal(WebhookOutcomes.Applied, (await DeliverAsync(StripeEvents.Event("customer.subscription.updated",
            StripeEvents.Subscription(pt.Id, customer, sub, "active", StudioMonthly, periodEnd, cancelAtPeriodEnd: true), now), "customer.subscription.updated")).Outcome);
        var ending = await StateAsync(pt);
        Assert.Equal((SubscriptionStatuses.Active, true, (string?)null), (ending.Status, ending.CancelAtPeriodEnd, ending.WriteRefusal));
        Assert.Equal(HttpStatusCode.Created, (await _api.PostAsync("/api/exercises", new { name = "Last month press", category = "strength", primaryMuscles = new[] { "chest" } }, pt.Token)).StatusCode);

        Assert.Equal(WebhookOutcomes.Applied, (await DeliverAsync(StripeEvents.Event("customer.subscription.deleted",
            StripeEvents.Subscription(pt.Id, customer, sub, "canceled", StudioMonthly, periodEnd, cancelAtPeriodEnd: true), now.AddSeconds(1)), "customer.subscription.deleted")).Outcome);
        var ended = await StateAsync(pt);
        Assert.Equal((SubscriptionStatuses.Canceled, false, BillingRefusals.Canceled), (ended.Status, ended.CancelAtPeriodEnd, ended.WriteRefusal));
        var problem = await ApiClient.ProblemAsync(await _api.PostAsync("/api/exercises", new { name = "After press", category = "strength", primaryMuscles = new[] { "chest" } }, pt.Token), HttpStatusCode.PaymentRequired);
        Assert.Equal(BillingRefusals.TypePrefix + BillingRefusals.Canceled, problem.GetProperty("type").GetString());
    }

    [Fact]
    public async Task Paused_and_resumed_subscriptions_and_trial_will_end_are_handled()
    {
        var (pt, customer, sub, periodEnd) = await ActiveStudioAsync();
        var now = DateTimeOffset.UtcNow;
        await DeliverAsync(StripeEvents.Event("customer.subscription.paused", StripeEvents.Subscription(pt.Id, customer, sub, "paused", StudioMonthly, periodEnd), now), "customer.subscription.paused");
        Assert.Equal(BillingRefusals.Paused, (await StateAsync(pt)).WriteRefusal);
        await DeliverAsync(StripeEvents.Event("customer.subscription.resumed", StripeEvents.Subscription(pt.Id, customer, sub, "active", StudioMonthly, periodEnd), now.AddSeconds(1)), "customer.subscription.resumed");
        Assert.Equal((SubscriptionStatuses.Active, (string?)null), ((await StateAsync(pt)).Status, (await StateAsync(pt)).WriteRefusal));
        var notice = await DeliverAsync(StripeEvents.Event("customer.subscription.trial_will_end", StripeEvents.Subscription(pt.Id, customer, sub, "trialing", StudioMonthly, periodEnd), now.AddSeconds(2)), "customer.subscription.trial_will_end (recorded only)");
        Assert.Equal(WebhookOutcomes.Applied, notice.Outcome);
        Assert.Equal(SubscriptionStatuses.Active, (await StateAsync(pt)).Status);
    }

    [Fact]
    public async Task Inviting_beyond_the_tiers_client_limit_is_refused_naming_the_limit_and_so_is_a_downgrade_below_the_client_count()
    {
        var pt = await _api.RegisterTrainerAsync(); // Solo trial: 2 clients in this fixture
        await _api.InviteAsync(pt, ApiClient.UniqueEmail("seat"));
        await _api.InviteAsync(pt, ApiClient.UniqueEmail("seat"));
        var third = await ApiClient.ProblemAsync(await _api.PostAsync("/api/clients", new { name = "Third", email = ApiClient.UniqueEmail("seat") }, pt.Token), HttpStatusCode.Conflict);
        Assert.Equal("Client limit reached", third.GetProperty("title").GetString());
        Assert.Contains("up to 2 clients", third.GetProperty("detail").GetString());

        // On Studio (4) there is room; after it is canceled, coming back on Solo with 3 clients is refused.
        var customer = "cus_" + Guid.NewGuid().ToString("N")[..10];
        var now = DateTimeOffset.UtcNow;
        await DeliverAsync(StripeEvents.Event("customer.subscription.created", StripeEvents.Subscription(pt.Id, customer, "sub_limit", "active", StudioMonthly, now.AddMonths(1)), now));
        await _api.InviteAsync(pt, ApiClient.UniqueEmail("seat"));
        await DeliverAsync(StripeEvents.Event("customer.subscription.deleted", StripeEvents.Subscription(pt.Id, customer, "sub_limit", "canceled", StudioMonthly, now.AddMonths(1)), now.AddSeconds(1)));
        var downgrade = await ApiClient.ProblemAsync(await _api.PostAsync("/api/billing/checkout", new { tier = "Solo", interval = "month" }, pt.Token), HttpStatusCode.Conflict);
        Assert.Contains("up to 2 clients and you have 3", downgrade.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.OK, (await _api.PostAsync("/api/billing/checkout", new { tier = "Studio", interval = "month" }, pt.Token)).StatusCode);
    }

    [Fact]
    public async Task After_the_trial_PT_writes_answer_402_while_reads_work_and_their_client_keeps_logging_sets_then_paying_lifts_it()
    {
        var pt = await _api.RegisterTrainerAsync();
        var client = await _api.OnboardClientAsync(pt, host.Mailbox);
        var monday = TrainingSetup.Last(DayOfWeek.Monday);
        var program = await TrainingSetup.CreateAsync(_api, pt, client.Id, start: monday.AddDays(-14));
        var squat = program.Days.Single(d => d.DayOfWeek == 1).Exercises[0];
        object Set(int n) => new
        {
            id = Guid.NewGuid().ToString(), programId = program.Id, programExerciseId = squat.Id, exerciseId = squat.ExerciseId,
            setNumber = n, weightKg = 100, reps = 5, workoutDate = monday, performedAt = monday.ToDateTime(new TimeOnly(7, 0)).AddSeconds(n),
        };

        // The trial ran out (8 days ago it started).
        await host.Services.GetRequiredService<TrainerStore>().ChangeWithRetryAsync(pt.Id, t => t.TrialStartDate = DateTimeOffset.UtcNow.AddDays(-8), default);

        var refused = await _api.PostAsync("/api/exercises", new { name = "Refused press", category = "strength", primaryMuscles = new[] { "chest" } }, pt.Token);
        var problem = await ApiClient.ProblemAsync(refused, HttpStatusCode.PaymentRequired);
        Assert.Equal(BillingRefusals.TypePrefix + BillingRefusals.TrialExpired, problem.GetProperty("type").GetString());
        Assert.Equal(BillingRefusals.TrialExpired, problem.GetProperty("reason").GetString());
        Assert.Equal(host.PublicBaseUrl + "/billing", problem.GetProperty("billingUrl").GetString());
        Assert.Contains("/billing>; rel=\"payment\"", refused.Headers.GetValues("Link").Single());
        await ApiClient.ProblemAsync(await _api.PutAsync($"/api/programs/{program.Id}", new { name = "Changed" }, pt.Token), HttpStatusCode.PaymentRequired);
        await ApiClient.ProblemAsync(await _api.PostAsync("/api/clients", new { name = "New", email = ApiClient.UniqueEmail("lapsed") }, pt.Token), HttpStatusCode.PaymentRequired);

        // Reads and exports work; so do the PT's own display settings and the way to pay.
        Assert.Equal(HttpStatusCode.OK, (await _api.GetAsync("/api/clients", pt.Token)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _api.GetAsync($"/api/clients/{client.Id}/logs", pt.Token)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _api.PutAsync("/api/settings/units", new { weightUnit = "lb" }, pt.Token)).StatusCode);
        Assert.Equal(BillingRefusals.TrialExpired, (await StateAsync(pt)).WriteRefusal);

        // The client is not held hostage: they log sets, correct them and finish the workout.
        var logged = await _api.PostAsync("/api/logs", Set(1), client.Token);
        Assert.Equal(HttpStatusCode.Created, logged.StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await _api.PostAsync("/api/logs", Set(2), client.Token)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _api.PutAsync("/api/settings/units", new { weightUnit = "lb" }, client.Token)).StatusCode);

        // The PT upgrades: checkout is open to them, Stripe's webhook arrives, writes work again.
        var checkout = await ApiClient.ReadAsync<RedirectResponse>(await _api.PostAsync("/api/billing/checkout", new { tier = "Solo", interval = "month" }, pt.Token));
        Assert.StartsWith("https://checkout.stripe.test/", checkout.Url);
        var customer = host.Stripe.To("/v1/checkout/sessions").Last(r => r.Form["client_reference_id"] == pt.Id).Form["customer"];
        await DeliverAsync(StripeEvents.Event("checkout.session.completed", StripeEvents.CheckoutSession(pt.Id, customer, "sub_upgrade", "Solo"), DateTimeOffset.UtcNow));
        Assert.Equal(HttpStatusCode.Created, (await _api.PostAsync("/api/exercises", new { name = "Paid press", category = "strength", primaryMuscles = new[] { "chest" } }, pt.Token)).StatusCode);
    }

    [Fact]
    public async Task The_trial_timer_sends_each_notice_once_however_often_it_runs_and_expires_ended_trials()
    {
        var trainers = host.Services.GetRequiredService<TrainerStore>();
        var threeDays = await _api.RegisterTrainerAsync("Three Days");
        var oneDay = await _api.RegisterTrainerAsync("One Day");
        var ended = await _api.RegisterTrainerAsync("Ended");
        var now = DateTimeOffset.UtcNow;
        await trainers.ChangeWithRetryAsync(threeDays.Id, t => t.TrialStartDate = now.AddDays(-4.5), default); // 2.5 days left
        await trainers.ChangeWithRetryAsync(oneDay.Id, t => t.TrialStartDate = now.AddDays(-6.5), default);    // half a day left
        await trainers.ChangeWithRetryAsync(ended.Id, t => t.TrialStartDate = now.AddDays(-7.5), default);

        var timer = host.Services.GetRequiredService<TrialTimer>();
        var overlapping = await Task.WhenAll(timer.RunAsync(default), timer.RunAsync(default)); // two runs at once
        var again = await timer.RunAsync(default);                                              // and the next one
        var runs = overlapping.Append(again).ToList();
        output.WriteLine(string.Join("\n", runs));
        Assert.Equal(1, runs.Sum(r => r.ThreeDayNotices));
        Assert.Equal(1, runs.Sum(r => r.OneDayNotices));
        Assert.True(runs.Sum(r => r.Expired) >= 1);

        var three = await host.Mailbox.WaitForAsync(threeDays.Email, "trial ends");
        Assert.Contains("in 3 days", three.Subject);
        var one = await host.Mailbox.WaitForAsync(oneDay.Email, "trial ends");
        Assert.Contains("tomorrow", one.Subject);
        Assert.Contains(host.PublicBaseUrl + "/billing", one.Text);
        Assert.Equal(1, await host.Mailbox.CountToAsync(threeDays.Email));
        Assert.Equal(1, await host.Mailbox.CountToAsync(oneDay.Email));
        Assert.Equal(SubscriptionStatuses.Expired, (await trainers.GetAsync(ended.Id, default)).SubscriptionStatus);
        Assert.Equal(SubscriptionStatuses.Trial, (await trainers.GetAsync(threeDays.Id, default)).SubscriptionStatus);
    }

    [Fact]
    public async Task The_demo_seed_has_an_active_Studio_PT_and_a_PT_whose_trial_expired()
    {
        await FitPilot.LocalHost.DemoData.SeedAsync(host.Services, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance, default);
        async Task<string> SignInAsync(string email, string password) =>
            (await ApiClient.ReadAsync<FitPilot.Contracts.Auth.SessionResponse>(await _api.PostAsync("/api/auth/login", new { email, password }))).Token;

        var coach = await SignInAsync(FitPilot.LocalHost.DemoData.TrainerEmail, FitPilot.LocalHost.DemoData.TrainerPassword);
        var paying = await ApiClient.ReadAsync<BillingState>(await _api.GetAsync("/api/billing", coach));
        Assert.Equal(("Studio", SubscriptionStatuses.Active, (string?)null), (paying.Tier, paying.Status, paying.WriteRefusal));

        var lapsed = await SignInAsync(FitPilot.LocalHost.DemoData.LapsedTrainerEmail, FitPilot.LocalHost.DemoData.LapsedTrainerPassword);
        var expired = await ApiClient.ReadAsync<BillingState>(await _api.GetAsync("/api/billing", lapsed));
        Assert.Equal((SubscriptionStatuses.Expired, 0, BillingRefusals.TrialExpired), (expired.Status, expired.TrialDaysRemaining, expired.WriteRefusal));
        await ApiClient.ProblemAsync(await _api.PostAsync("/api/exercises", new { name = "Demo press", category = "strength", primaryMuscles = new[] { "chest" } }, lapsed), HttpStatusCode.PaymentRequired);
    }
}
