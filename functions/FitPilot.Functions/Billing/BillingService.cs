using FitPilot.Contracts.Billing;
using FitPilot.Contracts.Trainers;
using FitPilot.Functions.Clients;
using FitPilot.Functions.Common;
using FitPilot.Functions.Http;
using FitPilot.Functions.Trainers;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Stripe;
using SubscriptionStatuses = FitPilot.Contracts.Trainers.SubscriptionStatuses;

namespace FitPilot.Functions.Billing;

/// <summary>
/// The PT's side of billing: the plans, their state and invoices, Stripe Checkout and the Customer
/// Portal; and the two rules other features ask through ports: may this PT write (<see cref="IWriteGate"/>,
/// the pipeline's 402) and how many clients their tier allows (<see cref="IPlanLimits"/>, on invite).
/// </summary>
public sealed class BillingService(
    TrainerStore trainers, ClientStore clients, BillingStore store, StripeGateway stripe,
    IOptions<BillingOptions> billingOptions, IOptions<AppOptions> appOptions, TimeProvider clock, ILogger<BillingService> log)
    : IWriteGate, IPlanLimits
{
    private BillingOptions Billing => billingOptions.Value;
    private AppOptions App => appOptions.Value;

    public const int PaymentsShown = 24;
    public const string BillingPath = "/billing";

    public BillingPlans Plans() => new(Billing.Plans(), App.TrialDays);

    public int ClientLimit(string tier) => Billing.Tier(tier).ClientLimit;

    public async Task<WriteRefusal?> RefusalAsync(string trainerId, CancellationToken ct)
    {
        var trainer = await trainers.FindAsync(trainerId, ct);
        if (trainer is null) return null; // a deleted account: the function itself answers 404
        var reason = BillingRules.Refusal(trainer, clock.GetUtcNow(), App.TrialDays, Billing.PastDueGraceDays);
        if (reason is null) return null;
        var (title, detail) = BillingRules.Explain(reason);
        return new WriteRefusal(reason, title, detail, App.Link(BillingPath));
    }

    public async Task<BillingState> StateAsync(string trainerId, CancellationToken ct)
    {
        var trainer = trainers.GetAsync(trainerId, ct);
        var count = clients.CountAsync(trainerId, ct);
        var payments = store.PaymentsAsync(trainerId, PaymentsShown, ct);
        var t = await trainer;
        var now = clock.GetUtcNow();
        var isTrial = t.SubscriptionStatus is SubscriptionStatuses.Trial or SubscriptionStatuses.Expired;
        return new BillingState(
            t.SubscriptionTier, t.SubscriptionStatus, t.TrialDaysRemaining(now, App.TrialDays),
            isTrial ? t.TrialEndsAt(App.TrialDays) : null,
            t.SubscriptionExpiresAt, t.CancelAtPeriodEnd, t.BillingInterval,
            ClientLimit(t.SubscriptionTier), await count,
            BillingRules.Refusal(t, now, App.TrialDays, Billing.PastDueGraceDays), t.StripeCustomerId is not null,
            (await payments).Select(p => p.ToContract()).ToList());
    }

    /// <summary>
    /// A Stripe Checkout Session for the tier and interval: the PT's Stripe customer (created once and
    /// remembered), client_reference_id = the PT, back to /billing under App:PublicBaseUrl. Refused when
    /// they already pay (change plans in the portal) or have more clients than the tier allows.
    /// </summary>
    public async Task<RedirectResponse> CheckoutAsync(string trainerId, CheckoutRequest request, CancellationToken ct)
    {
        var trainer = await trainers.GetAsync(trainerId, ct);
        if (trainer.SubscriptionStatus is SubscriptionStatuses.Active or SubscriptionStatuses.PastDue or SubscriptionStatuses.Paused)
            throw DomainException.Conflict("You already have a subscription. Change your plan or payment method in Manage billing.", "Already subscribed");
        var tier = Billing.Tier(request.Tier);
        var count = await clients.CountAsync(trainerId, ct);
        if (count > tier.ClientLimit)
            throw DomainException.Conflict(
                $"The {request.Tier} plan includes up to {tier.ClientLimit} clients and you have {count}. Choose a larger plan, or remove clients first.",
                "Too many clients for this plan",
                new Dictionary<string, string[]> { ["tier"] = [$"{request.Tier} allows {tier.ClientLimit} clients; you have {count}."] });

        var priceId = request.Interval == BillingIntervals.Year ? tier.YearlyPriceId : tier.MonthlyPriceId;
        return new RedirectResponse(await CallStripeAsync(async () =>
        {
            var customerId = trainer.StripeCustomerId ?? await NewCustomerAsync(trainer, ct);
            return await stripe.CreateCheckoutAsync(trainerId, customerId, request.Tier, request.Interval, priceId,
                App.Link(BillingPath + "?checkout=success&session_id={CHECKOUT_SESSION_ID}"), App.Link(BillingPath + "?checkout=canceled"), ct);
        }));
    }

    /// <summary>
    /// A Customer Portal session (payment method, plan, cancel), back to /billing. Plan changes there are limited to
    /// the tiers that hold the PT's clients, so a downgrade below the client count is not offered (Checkout refuses it
    /// with a message; the billing page says why the smaller plans are missing).
    /// </summary>
    public async Task<RedirectResponse> PortalAsync(string trainerId, CancellationToken ct)
    {
        var trainer = await trainers.GetAsync(trainerId, ct);
        if (trainer.StripeCustomerId is null)
            throw DomainException.Conflict("There is no billing account yet: choose a plan first.", "No billing account");
        var count = await clients.CountAsync(trainerId, ct);
        var allowed = BillingOptions.TierNames.Select(name => Billing.Tier(name)).Where(t => t.ClientLimit >= count).ToList();
        IReadOnlyList<string>? prices = allowed.Count == BillingOptions.TierNames.Length ? null
            : allowed.SelectMany(t => new[] { t.MonthlyPriceId, t.YearlyPriceId }).ToList();
        return new RedirectResponse(await CallStripeAsync(() => stripe.CreatePortalAsync(trainer.StripeCustomerId, App.Link(BillingPath), prices, ct)));
    }

    private async Task<string> NewCustomerAsync(TrainerEntity trainer, CancellationToken ct)
    {
        var customerId = await stripe.CreateCustomerAsync(trainer.Id, trainer.Email, trainer.Name, ct);
        await store.IndexCustomerAsync(customerId, trainer.Id, ct);
        await trainers.ChangeWithRetryAsync(trainer.Id, t => t.StripeCustomerId ??= customerId, ct);
        return customerId;
    }

    /// <summary>Stripe refusing or unreachable is a 502 problem saying so, never a 500.</summary>
    private async Task<string> CallStripeAsync(Func<Task<string>> call)
    {
        try
        {
            return await call();
        }
        catch (StripeException e)
        {
            log.LogError(e, "Stripe refused a request: {Code} {Message}", e.StripeError?.Code, e.Message);
            throw new ProblemException(502, "Payment provider error", "Stripe could not start this right now. Nothing was charged; try again in a minute.");
        }
        catch (HttpRequestException e)
        {
            log.LogError(e, "Stripe is unreachable");
            throw new ProblemException(502, "Payment provider unavailable", "Stripe cannot be reached right now. Nothing was charged; try again in a minute.");
        }
    }
}
