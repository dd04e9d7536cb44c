namespace FitPilot.Contracts.Dashboard;

/// <summary>The metrics of a client's adherence, as the dashboard names them.</summary>
public static class ComplianceMetrics
{
    public const string Workouts = "workouts";
    public const string Habits = "habits";
    public const string CheckIns = "checkIns";
}

/// <summary>The PT dashboard's client list: how it may be sorted and filtered (<c>GET /api/dashboard/clients?sort=&amp;dir=&amp;filter=</c>).</summary>
public static class ComplianceQuery
{
    public const string SortName = "name";
    public const string SortStatus = "status";
    public const string SortLastWorkout = "lastWorkout";
    public const string SortWorkouts = "workouts";
    public const string SortHabits = "habits";
    public const string SortCheckIns = "checkIns";
    public const string SortWeight = "weight";
    public const string SortRisk = "risk";
    public static readonly IReadOnlyList<string> Sorts = [SortName, SortStatus, SortLastWorkout, SortWorkouts, SortHabits, SortCheckIns, SortWeight, SortRisk];
    public static readonly IReadOnlyList<string> Directions = ["asc", "desc"];

    public const string FilterAll = "all";
    public const string FilterAtRisk = "at-risk";
    public const string FilterAwaitingReview = "awaiting-review";
    public const string FilterInvited = "invited";
    public static readonly IReadOnlyList<string> Filters = [FilterAll, FilterAtRisk, FilterAwaitingReview, FilterInvited];
}

/// <summary>A metric's adherence in percent over the last 7 and 30 days (null: nothing was due).</summary>
public sealed record AdherencePair(double? Week, double? Month);

/// <summary>Why a client is at risk: a metric whose 7-day figure fell 20 points or more below its 30-day one.</summary>
public sealed record RiskReason(string Metric, double Week, double Month, string Text);

/// <summary>One client's row of the PT dashboard.</summary>
/// <param name="WeightChange4WeeksKg">Latest weigh-in minus the first of the last 4 weeks (null with fewer than two).</param>
/// <param name="WeightChangeSinceStartKg">Latest weight minus the starting weight.</param>
public sealed record ClientCompliance(string ClientId, string Name, string Status, string? ProfilePictureUrl, DateOnly? LastWorkoutOn,
    AdherencePair Workouts, AdherencePair Habits, AdherencePair CheckIns, double? LatestWeightKg, double? WeightChange4WeeksKg,
    double? WeightChangeSinceStartKg, int AwaitingReview, IReadOnlyList<RiskReason> Risks)
{
    public bool AtRisk => Risks.Count > 0;
}

/// <summary>A submitted check-in the PT has not reviewed yet.</summary>
public sealed record CheckInAwaitingReview(string ClientId, string ClientName, string CheckInId, DateOnly DueOn, bool Late);

/// <summary>A personal best a client set (named in a finished workout's summary).</summary>
public sealed record RecentPersonalBest(string ClientId, string ClientName, DateOnly Date, string Title);

/// <summary>The PT's compliance dashboard: clients at risk, check-ins awaiting review, this week's PBs and the client list.</summary>
public sealed record ComplianceDashboard(IReadOnlyList<ClientCompliance> AtRisk, int AwaitingReviewCount, IReadOnlyList<CheckInAwaitingReview> AwaitingReview,
    IReadOnlyList<RecentPersonalBest> NewPersonalBests, IReadOnlyList<ClientCompliance> Clients);
