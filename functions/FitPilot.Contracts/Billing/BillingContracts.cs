using System.ComponentModel.DataAnnotations;
using FitPilot.Contracts.Trainers;

namespace FitPilot.Contracts.Billing;

/// <summary>How often a subscription is billed.</summary>
public static class BillingIntervals
{
    public const string Month = "month";
    public const string Year = "year";
}

/// <summary>
/// Why a PT's write was refused with 402: the last segment of the problem's <c>type</c>
/// (<c>urn:fitpilot:problem:billing:{reason}</c>) and its <c>reason</c> member.
/// </summary>
public static class BillingRefusals
{
    public const string TypePrefix = "urn:fitpilot:problem:billing:";
    /// <summary>The free trial ended without a subscription.</summary>
    public const string TrialExpired = "trial-expired";
    /// <summary>The subscription was canceled (and its paid period is over).</summary>
    public const string Canceled = "canceled";
    /// <summary>A payment failed and the grace period (Billing:PastDueGraceDays) has passed.</summary>
    public const string PastDueBeyondGrace = "past-due-beyond-grace";
    /// <summary>Stripe paused the subscription (e.g. a trial ended without a payment method).</summary>
    public const string Paused = "paused";
    /// <summary>A client invitation beyond the tier's client limit (409, not 402: it is the plan, not a payment).</summary>
    public const string ClientLimit = "client-limit";
}

/// <summary>One tier as the pricing section and the Billing page show it (prices from configuration, in cents).</summary>
public sealed record PlanOption(string Tier, int ClientLimit, long MonthlyPriceCents, long YearlyPriceCents, string Currency);

/// <summary>GET /api/billing/plans: every tier, and how long the free trial is.</summary>
public sealed record BillingPlans(IReadOnlyList<PlanOption> Plans, int TrialDays);

/// <summary>One invoice of the PT's subscription (amounts in cents of <see cref="Currency"/>).</summary>
public sealed record Payment(
    string InvoiceId, long AmountCents, string Currency, string Status, DateTimeOffset Date, string? HostedInvoiceUrl);

/// <summary>Invoice (payment) statuses as FitPilot records them.</summary>
public static class PaymentStatuses
{
    public const string Paid = "paid";
    public const string Failed = "failed";
}

/// <summary>
/// GET /api/billing: the PT's subscription as the Billing page and the shell banner need it.
/// <see cref="Status"/> is one of <see cref="SubscriptionStatuses"/>; <see cref="WriteRefusal"/> is the
/// <see cref="BillingRefusals"/> reason their writes are refused with (null: they can write).
/// </summary>
public sealed record BillingState(
    string Tier, string Status, int TrialDaysRemaining, DateTimeOffset? TrialEndsAt,
    DateTimeOffset? PeriodEnd, bool CancelAtPeriodEnd, string? Interval,
    int ClientLimit, int Clients, string? WriteRefusal, bool HasStripeCustomer,
    IReadOnlyList<Payment> Payments);

/// <summary>POST /api/billing/checkout: the tier and billing interval to subscribe to.</summary>
public sealed record CheckoutRequest
{
    [Required, AllowedValues(SubscriptionTiers.Solo, SubscriptionTiers.Studio, SubscriptionTiers.Enterprise, ErrorMessage = "Choose Solo, Studio or Enterprise.")]
    public required string Tier { get; init; }

    [Required, AllowedValues(BillingIntervals.Month, BillingIntervals.Year, ErrorMessage = "Choose month or year.")]
    public required string Interval { get; init; }
}

/// <summary>Where to send the browser next (a Stripe Checkout or Customer Portal page).</summary>
public sealed record RedirectResponse(string Url);

/// <summary>What POST /api/stripe/webhook did with an event (answered 200 so Stripe stops retrying).</summary>
public sealed record WebhookReceipt(string EventId, string Type, string Outcome);

/// <summary><see cref="WebhookReceipt.Outcome"/> values.</summary>
public static class WebhookOutcomes
{
    /// <summary>Recorded, and the PT's state changed as the event says.</summary>
    public const string Applied = "applied";
    /// <summary>Already processed (a replay or Stripe's retry): nothing changed.</summary>
    public const string Duplicate = "duplicate";
    /// <summary>Recorded, but older than the state already held (out of order): the state stays.</summary>
    public const string Stale = "stale";
    /// <summary>A type FitPilot does not act on.</summary>
    public const string Ignored = "ignored";
    /// <summary>Names no PT FitPilot knows (no client_reference_id, metadata or known customer).</summary>
    public const string Unattributed = "unattributed";
}
