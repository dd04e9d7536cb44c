using FitPilot.Contracts.Training;

namespace FitPilot.Contracts.Activity;

public static class ActivityKinds
{
    public const string WorkoutFinished = "workout-finished";
}

/// <summary>One entry of a PT's recent-activity feed (newest first): which client did what, when.</summary>
public sealed record ActivityItem(string Id, string Kind, string ClientId, string ClientName, DateTimeOffset At, WorkoutSummary? Workout);
