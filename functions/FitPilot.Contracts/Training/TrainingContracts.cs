using System.ComponentModel.DataAnnotations;
using FitPilot.Contracts.Common;
using FitPilot.Contracts.Programs;

namespace FitPilot.Contracts.Training;

/// <summary>Log one set. <see cref="Id"/> is made by the device, so a retried or replayed log is stored once.</summary>
public sealed record LogSetRequest
{
    [Required, RegularExpression("^[A-Za-z0-9-]{8,40}$", ErrorMessage = "Use a GUID made on the device.")] public required string Id { get; init; }
    [Required, StringLength(40)] public required string ProgramId { get; init; }
    [Required, StringLength(40)] public required string ProgramExerciseId { get; init; }
    [Required, StringLength(120)] public required string ExerciseId { get; init; }
    [Range(1, 20)] public int SetNumber { get; init; } = 1;
    [Range(0.0, 1000.0)] public double WeightKg { get; init; }
    [Range(0, 200)] public int Reps { get; init; }
    [Range(0, 10)] public int? Rir { get; init; }
    [StringLength(500), MultiLine] public string? Notes { get; init; }
    /// <summary>When the set was done (the device's clock; offline logs arrive later).</summary>
    public DateTimeOffset? PerformedAt { get; init; }
    /// <summary>The client's local date of the workout.</summary>
    public DateOnly? WorkoutDate { get; init; }
}

/// <summary>Change a logged set.</summary>
public sealed record UpdateSetLogRequest
{
    [Range(0.0, 1000.0)] public double WeightKg { get; init; }
    [Range(0, 200)] public int Reps { get; init; }
    [Range(0, 10)] public int? Rir { get; init; }
    [StringLength(500), MultiLine] public string? Notes { get; init; }
}

/// <param name="SwappedFrom">The prescribed exercise's name when the client swapped it for this one that day.</param>
public sealed record SetLog(string Id, string ProgramId, string ProgramExerciseId, string ExerciseId, string ExerciseName,
    int SetNumber, double WeightKg, int Reps, int? Rir, string? Notes, DateTimeOffset PerformedAt, DateOnly WorkoutDate, double EstimatedOneRepMaxKg,
    string? SwappedFrom = null);

/// <summary>A personal best: heaviest weight, best estimated 1RM (Epley), or most reps at a weight.</summary>
public sealed record PersonalBest(string Kind, string ExerciseId, string ExerciseName, double WeightKg, int Reps, double EstimatedOneRepMaxKg, string Title);

public static class PersonalBestKinds
{
    public const string HeaviestWeight = "heaviest-weight";
    public const string BestEstimatedOneRepMax = "best-e1rm";
    public const string MostRepsAtWeight = "most-reps-at-weight";
}

public sealed record LogSetResponse(SetLog Log, IReadOnlyList<PersonalBest> NewPersonalBests, bool Replayed);

/// <summary>What the client sees for one exercise today: the prescription and last time's numbers.</summary>
/// <param name="SwappedFrom">The prescribed exercise's name when the client swapped it today (the prescription then names the swap).</param>
/// <param name="Exercise">The exercise done: pictures, instructions and video (null when it no longer exists).</param>
public sealed record TodayExercise(ProgramExercise Prescription, IReadOnlyList<SetLog> LastTime, IReadOnlyList<SetLog> Today, double? TargetWeightKg,
    string? SwappedFrom = null, Exercises.ExerciseDto? Exercise = null);

/// <param name="Finished">The summary once the client pressed Finish (they can still log and finish again).</param>
public sealed record TodayWorkout(DateOnly Date, string? ProgramId, string? ProgramName, string Status, string? DayTitle, IReadOnlyList<TodayExercise> Exercises, string Message,
    WorkoutSummary? Finished = null);

public sealed record Achievement(string Id, string Type, string Title, string? Description, DateTimeOffset GrantedAt);

/// <param name="EstimatedOneRepMax">One point per workout day, oldest first.</param>
public sealed record ExerciseHistory(string ExerciseId, string ExerciseName, IReadOnlyList<SetLog> Sets, IReadOnlyList<HistoryPoint> EstimatedOneRepMax);

/// <summary>One workout day of an exercise: the best estimated 1RM of its sets, and what they lifted.</summary>
/// <param name="VolumeKg">Weight × reps, summed over the day's sets.</param>
/// <param name="Sets">How many sets were logged that day.</param>
public sealed record HistoryPoint(DateOnly Date, double EstimatedOneRepMaxKg, double VolumeKg, int Sets);

/// <summary>An exercise a client has logged, for their PT to pick one to chart.</summary>
/// <param name="Sessions">How many workout days have at least one set of it.</param>
public sealed record LoggedExercise(string ExerciseId, string ExerciseName, DateOnly LastLoggedDate, int Sessions);

public sealed record Adherence(DateOnly From, DateOnly To, int PrescribedSessions, int CompletedSessions, double? Percent);

/// <summary>Epley: 1RM ≈ w × (1 + reps / 30); a single is its own 1RM.</summary>
public static class OneRepMax
{
    public static double Epley(double weightKg, int reps) => reps <= 0 ? 0 : reps == 1 ? weightKg : Math.Round(weightKg * (1 + reps / 30.0), 1);
}
