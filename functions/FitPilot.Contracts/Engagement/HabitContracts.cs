using System.ComponentModel.DataAnnotations;

namespace FitPilot.Contracts.Engagement;

/// <summary>A habit the PT gives a client: daily (<see cref="TimesPerWeek"/> empty) or N times a week, optionally between two dates.</summary>
public sealed record SaveHabitRequest
{
    [Required, StringLength(100, MinimumLength = 1)] public required string Title { get; init; }
    [Range(1, 6, ErrorMessage = "Use 1 to 6 times a week, or leave it empty for every day.")] public int? TimesPerWeek { get; init; }
    public DateOnly? StartsOn { get; init; }
    public DateOnly? EndsOn { get; init; }
}

public sealed record Habit(string Id, string Title, int? TimesPerWeek, DateOnly? StartsOn, DateOnly? EndsOn, DateTimeOffset CreatedAt);

/// <summary>Tick (or untick) a habit for a day: today or yesterday in the client's time zone, never the future.</summary>
public sealed record TickHabitRequest
{
    [Required] public required DateOnly Date { get; init; }
    public bool Done { get; init; } = true;
}

/// <summary>A habit with the client's progress. Streaks count days for a daily habit and weeks (target met) for an N-times-a-week one (<see cref="StreakUnit"/>).</summary>
/// <param name="DoneDays">Days ticked in the last 28 days, oldest first.</param>
public sealed record HabitProgress(Habit Habit, bool DoneToday, bool DoneYesterday, int CurrentStreak, int BestStreak, string StreakUnit,
    int DoneThisWeek, int TargetThisWeek, IReadOnlyList<DateOnly> DoneDays);
