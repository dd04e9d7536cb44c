using FitPilot.Contracts.Trainers;

namespace FitPilot.Functions.Trainers;

/// <summary>The free trial: whole days left, counted down from its start, never below 0; none once paying.</summary>
public static class Trial
{
    public static int DaysRemaining(string subscriptionStatus, DateTimeOffset trialStart, DateTimeOffset now, int trialDays)
    {
        if (subscriptionStatus != SubscriptionStatuses.Trial) return 0;
        var left = trialStart.AddDays(trialDays) - now;
        return left <= TimeSpan.Zero ? 0 : (int)Math.Ceiling(left.TotalDays);
    }
}
