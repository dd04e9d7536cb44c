using FitPilot.Functions.Events;

namespace FitPilot.Functions.Habits;

/// <summary>
/// A client ticked (or unticked, <see cref="Done"/> false) a habit for a day; <see cref="CurrentStreak"/> is the
/// streak after it, in <see cref="StreakUnit"/> ("days" or "weeks"): achievements react to it.
/// </summary>
public sealed record HabitTicked(string TrainerId, string ClientId, string HabitId, string Title, DateOnly Date, bool Done,
    int CurrentStreak, string StreakUnit) : IDomainEvent;
