using FitPilot.Contracts.Training;
using FitPilot.Functions.Events;

namespace FitPilot.Functions.Training;

/// <summary>
/// A client finished a workout (or finished it again with another RPE or comment): the PT's activity
/// feed shows it. <see cref="PreviousFinishedAt"/> is set when it replaces an earlier finish of the same workout.
/// </summary>
public sealed record WorkoutFinished(string TrainerId, WorkoutSummary Summary, DateTimeOffset? PreviousFinishedAt) : IDomainEvent;
