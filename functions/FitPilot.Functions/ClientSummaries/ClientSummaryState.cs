using FitPilot.Functions.Training;

namespace FitPilot.Functions.ClientSummaries;

/// <summary>
/// What the dashboard keeps of one client, as one JSON document (<see cref="ClientSummaryEntity.StateJson"/>,
/// version <see cref="Version"/>): what is prescribed (programs' weekly grids, habits' targets), what was done
/// per day of the last <see cref="ClientSummaryRules.KeptDays"/> days, the check-ins of those days (and any still
/// awaiting review), the last weigh-ins and PBs. Each counter is a set of what was counted (a program id per day, a
/// habit id per day, a check-in id), so an event delivered again changes nothing.
/// </summary>
public sealed class ClientSummaryState
{
    public const int Version = 1;

    /// <summary>Program id → its schedule (from <see cref="ProgramScheduleChanged"/>).</summary>
    public Dictionary<string, ScheduledProgram> Programs { get; set; } = [];
    /// <summary>Habit id → its target and days.</summary>
    public Dictionary<string, HabitTarget> Habits { get; set; } = [];
    /// <summary>Day (yyyy-MM-dd) → the programs whose workout was finished that day.</summary>
    public SortedDictionary<string, List<string>> Workouts { get; set; } = new(StringComparer.Ordinal);
    /// <summary>Day (yyyy-MM-dd) → the habits ticked that day.</summary>
    public SortedDictionary<string, List<string>> Ticks { get; set; } = new(StringComparer.Ordinal);
    /// <summary>Check-in id → its due date and what happened to it.</summary>
    public Dictionary<string, CheckInMark> CheckIns { get; set; } = [];
    /// <summary>The last weigh-ins, oldest first, one per measurement id.</summary>
    public List<WeighIn> Weights { get; set; } = [];
    public double? StartingWeightKg { get; set; }
    public double? LatestWeightKg { get; set; }
    /// <summary>Personal bests of the kept days, from finished workouts' summaries (one per day and title).</summary>
    public List<BestMark> Bests { get; set; } = [];
    /// <summary>The last achievements granted (one per id).</summary>
    public List<AchievementMark> Achievements { get; set; } = [];
    public DateOnly? LastWorkoutOn { get; set; }
}

public sealed record HabitTarget(int? TimesPerWeek, DateOnly From, DateOnly? Until);

public sealed record CheckInMark(DateOnly DueOn, bool Submitted, bool Late, bool Reviewed);

public sealed record WeighIn(string Id, DateOnly Date, double Kg);

public sealed record BestMark(DateOnly Date, string Title);

public sealed record AchievementMark(string Id, string Title, DateOnly On);
