using FitPilot.Contracts.Billing;
using FitPilot.Contracts.Trainers;
using FitPilot.Functions.Trainers;

namespace FitPilot.Functions.Billing;

/// <summary>When a PT may write, from the state on their row (pure: the pipeline's rule and GET /api/billing agree).</summary>
public static class BillingRules
{
    /// <summary>The <see cref="BillingRefusals"/> reason their writes are refused with now, or null.</summary>
    public static string? Refusal(TrainerEntity trainer, DateTimeOffset now, int trialDays, int pastDueGraceDays) => trainer.SubscriptionStatus switch
    {
        SubscriptionStatuses.Trial when now >= trainer.TrialEndsAt(trialDays) => BillingRefusals.TrialExpired,
        SubscriptionStatuses.Expired => BillingRefusals.TrialExpired,
        SubscriptionStatuses.Canceled => BillingRefusals.Canceled,
        SubscriptionStatuses.Paused => BillingRefusals.Paused,
        SubscriptionStatuses.PastDue when (trainer.PastDueSince ?? now).AddDays(pastDueGraceDays) <= now => BillingRefusals.PastDueBeyondGrace,
        _ => null,
    };

    /// <summary>The problem's title and detail for a reason.</summary>
    public static (string Title, string Detail) Explain(string reason) => reason switch
    {
        BillingRefusals.TrialExpired => ("Your free trial has ended",
            "Choose a plan to make changes again. You can still read and export everything, and your clients keep logging their workouts."),
        BillingRefusals.Canceled => ("Your subscription has ended",
            "Subscribe again to make changes. You can still read and export everything, and your clients keep logging their workouts."),
        BillingRefusals.Paused => ("Your subscription is paused",
            "Add a payment method in Manage billing to make changes again. You can still read and export everything, and your clients keep logging their workouts."),
        _ => ("Your payment is overdue",
            "A payment failed and the grace period has passed. Update your payment method to make changes again. You can still read and export everything, and your clients keep logging their workouts."),
    };
}
