namespace FitPilot.Contracts.Reporting;

/// <summary>
/// One ISO week of a PT's coaching (Monday to Sunday, UTC dates): who was active, what was prescribed and done,
/// personal bests, check-ins and how long their reviews took. Null figures have nothing to divide by.
/// </summary>
public sealed record WeeklyInsight(
    string Week, DateOnly WeekStart, int ActiveClients, int NewClients, int RemovedClients,
    int SessionsPrescribed, int SessionsDone, double? AdherencePercent, int PersonalBests,
    int CheckInsSubmitted, int CheckInsReviewed, double? ReviewResponseHours);

/// <summary>The PT's last weeks, oldest first, ending with the current week.</summary>
public sealed record WeeklyInsights(IReadOnlyList<WeeklyInsight> Weeks);

public static class InsightsQuery
{
    public const int DefaultWeeks = 12;
    public const int MaxWeeks = 104;
}
