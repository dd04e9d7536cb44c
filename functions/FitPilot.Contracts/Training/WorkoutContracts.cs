using System.ComponentModel.DataAnnotations;
using FitPilot.Contracts.Common;

namespace FitPilot.Contracts.Training;

/// <summary>The client finishes the day's workout: how hard it felt (session RPE, 1–10) and a word for their PT.</summary>
public sealed record FinishWorkoutRequest
{
    /// <summary>The client's local date of the workout.</summary>
    [Required] public required DateOnly Date { get; init; }
    [Required, StringLength(40)] public required string ProgramId { get; init; }
    /// <summary>Session RPE: 1 (very easy) to 10 (maximal).</summary>
    [Range(1, 10)] public int? Rpe { get; init; }
    [StringLength(1000), MultiLine] public string? Comment { get; init; }
}

/// <summary>A finished workout: what was done, how long it took (first to last set), the bests set, how it felt.</summary>
public sealed record WorkoutSummary(
    string ClientId, DateOnly Date, string ProgramId, string ProgramName, string? DayTitle,
    int Exercises, int Sets, double VolumeKg, int? DurationMinutes, IReadOnlyList<string> PersonalBests,
    int? Rpe, string? Comment, DateTimeOffset FinishedAt);

/// <summary>
/// Do another exercise than the prescribed one today (the machine is taken, a niggle): the swap holds
/// for that day and that entry of the program; the PT sees it on the logged sets. No exercise undoes it.
/// </summary>
public sealed record SwapExerciseRequest
{
    [Required] public required DateOnly Date { get; init; }
    [Required, StringLength(40)] public required string ProgramId { get; init; }
    [Required, StringLength(40)] public required string ProgramExerciseId { get; init; }
    /// <summary>The exercise to do instead (library or the PT's own); null goes back to the prescription.</summary>
    [StringLength(120)] public string? ExerciseId { get; init; }
}
