using FitPilot.Functions.Events;

namespace FitPilot.Functions.Habits;

/// <summary>
/// A PT gave a client a habit, changed it or deleted it (<see cref="Deleted"/>): its target (daily when
/// <see cref="TimesPerWeek"/> is null) and the days it runs, so the dashboard can count the ticks due per day.
/// </summary>
public sealed record HabitScheduled(string TrainerId, string ClientId, string HabitId, int? TimesPerWeek, DateOnly From, DateOnly? Until, bool Deleted) : IDomainEvent;
