using System.Globalization;
using FitPilot.Contracts.Billing;
using FitPilot.Contracts.Trainers;

namespace FitPilot.Web.Billing;

/// <summary>Billing in plain words: prices from cents and currency, the subscription's state, invoice statuses.</summary>
public static class BillingText
{
    private static readonly Dictionary<string, string> Symbols = new(StringComparer.OrdinalIgnoreCase)
    {
        ["aud"] = "A$", ["usd"] = "US$", ["nzd"] = "NZ$", ["cad"] = "CA$", ["eur"] = "€", ["gbp"] = "£",
    };

    /// <summary>7900 "aud" → "A$79"; 7950 → "A$79.50"; an unknown currency → "CHF 79".</summary>
    public static string Money(long cents, string currency)
    {
        var amount = cents / 100m;
        var number = amount.ToString(cents % 100 == 0 ? "#,0" : "#,0.00", CultureInfo.InvariantCulture);
        return Symbols.TryGetValue(currency, out var symbol) ? symbol + number : currency.ToUpperInvariant() + " " + number;
    }

    public static string Date(DateTimeOffset date) => date.ToString("d MMM yyyy", CultureInfo.InvariantCulture);

    private static string ShortDate(DateTimeOffset date) => date.ToString("d MMM", CultureInfo.InvariantCulture);

    private static string Days(int n) => n == 1 ? "1 day" : $"{n} days";

    /// <summary>Whether writes are refused for a status as /api/me reports it (a trial with no days left has ended).</summary>
    public static string? Refusal(string status, int trialDaysRemaining) => status switch
    {
        SubscriptionStatuses.Expired => BillingRefusals.TrialExpired,
        SubscriptionStatuses.Trial when trialDaysRemaining <= 0 => BillingRefusals.TrialExpired,
        SubscriptionStatuses.Canceled => BillingRefusals.Canceled,
        SubscriptionStatuses.Paused => BillingRefusals.Paused,
        _ => null,
    };

    /// <summary>The plan in one line: "Trial: 5 days left", "Studio · renews 3 Jan", "Payment failed — update your card".</summary>
    public static string Summary(BillingState s) => s.WriteRefusal switch
    {
        BillingRefusals.TrialExpired => "Your free trial has ended",
        BillingRefusals.Canceled => "Your subscription has ended",
        BillingRefusals.Paused => "Your subscription is paused — add a payment method",
        BillingRefusals.PastDueBeyondGrace => "Payment failed — update your card",
        _ => s.Status switch
        {
            SubscriptionStatuses.Trial => $"Trial: {Days(s.TrialDaysRemaining)} left",
            SubscriptionStatuses.PastDue => "Payment failed — update your card",
            SubscriptionStatuses.Active when s.CancelAtPeriodEnd && s.PeriodEnd is { } end => $"{s.Tier} · cancels on {ShortDate(end)}",
            SubscriptionStatuses.Active when s.PeriodEnd is { } end => $"{s.Tier} · renews {ShortDate(end)}",
            SubscriptionStatuses.Active => $"{s.Tier} · active",
            _ => s.Tier,
        },
    };

    /// <summary>The banner in the PT shell while changes are refused, or while a trial or card needs attention; null when all is well.</summary>
    public static (string Text, string Action, bool Lapsed)? Banner(string status, int trialDaysRemaining) => Refusal(status, trialDaysRemaining) switch
    {
        BillingRefusals.TrialExpired => ("Your trial has ended: your clients keep training, but changes are paused until you choose a plan.", "Choose a plan", true),
        BillingRefusals.Canceled => ("Your subscription has ended: your clients keep training, but changes are paused until you choose a plan.", "Choose a plan", true),
        BillingRefusals.Paused => ("Your subscription is paused: your clients keep training, but changes are paused until you add a payment method.", "Manage billing", true),
        _ => status switch
        {
            SubscriptionStatuses.Trial => ($"{Days(trialDaysRemaining)} left in your trial", "Upgrade", false),
            SubscriptionStatuses.PastDue => ("Payment failed — update your card to keep making changes.", "Update card", false),
            _ => null,
        },
    };

    public static string PaymentStatus(string status) => status switch
    {
        PaymentStatuses.Paid => "Paid",
        PaymentStatuses.Failed => "Payment failed",
        _ => status,
    };
}
