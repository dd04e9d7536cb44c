using FitPilot.Contracts.Training;

namespace FitPilot.Web.Training;

/// <summary>A set the client entered for <paramref name="Exercise"/>, weight in kg (not yet numbered: the page numbers it after the highest logged).</summary>
public sealed record SetEntered(TodayExercise Exercise, double WeightKg, int Reps, int? Rir, string? Notes);

/// <summary>A logged set, corrected (weight in kg).</summary>
public sealed record SetCorrected(SetLog Set, double WeightKg, int Reps, int? Rir, string? Notes);
