using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using FitPilot.Contracts.Programs;
using FitPilot.Contracts.Training;

namespace FitPilot.Functions.Training;

/// <summary>
/// A client's training data, all in table <c>training</c> under PartitionKey = client id, so the hot
/// paths (today's workout, logging a set) are one query plus at most one transaction:
/// <c>prog|{programId}</c> copies of their programs (<see cref="Programs.ProgramEntity"/>), <c>stat|{exerciseId}</c> bests and recent sets,
/// <c>log|{logId}</c> set logs, <c>ach|{id}</c> achievements.
/// </summary>
public static class TrainingRows
{
    public const string Program = "prog|";
    public const string Stat = "stat|";
    public const string Log = "log|";
    public const string Achievement = "ach|";
}

/// <summary>One exercise's personal bests and the sets of its two latest workout days.</summary>
public sealed class ExerciseStatEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }
    public double BestWeightKg { get; set; }
    public double BestE1rmKg { get; set; }
    /// <summary>Weight (kg, as text) → most reps done at it.</summary>
    public string RepsAtWeightJson { get; set; } = "{}";
    public string? LatestDate { get; set; }
    public string LatestSetsJson { get; set; } = "[]";
    public string? PreviousDate { get; set; }
    public string PreviousSetsJson { get; set; } = "[]";

    public Dictionary<string, int> RepsAtWeight() => JsonSerializer.Deserialize<Dictionary<string, int>>(RepsAtWeightJson)!;
    public List<SetLog> LatestSets() => JsonSerializer.Deserialize<List<SetLog>>(LatestSetsJson, JsonSerializerOptions.Web)!;
    public List<SetLog> PreviousSets() => JsonSerializer.Deserialize<List<SetLog>>(PreviousSetsJson, JsonSerializerOptions.Web)!;
}

public sealed class SetLogEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }
    public string ProgramId { get; set; } = "";
    public string ProgramExerciseId { get; set; } = "";
    public string ExerciseId { get; set; } = "";
    public string ExerciseName { get; set; } = "";
    public int SetNumber { get; set; }
    public double WeightKg { get; set; }
    public int Reps { get; set; }
    public int? Rir { get; set; }
    public string? Notes { get; set; }
    public DateTimeOffset PerformedAt { get; set; }
    public string WorkoutDate { get; set; } = "";

    public string Id => RowKey[TrainingRows.Log.Length..];

    public SetLog ToDto() => new(Id, ProgramId, ProgramExerciseId, ExerciseId, ExerciseName, SetNumber, WeightKg, Reps, Rir, Notes,
        PerformedAt, DateOnly.Parse(WorkoutDate), OneRepMax.Epley(WeightKg, Reps));
}

public sealed class AchievementEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }
    public string Type { get; set; } = "pr";
    public string Title { get; set; } = "";
    public string? Description { get; set; }
    public DateTimeOffset GrantedAt { get; set; }

    public Achievement ToDto() => new(RowKey[TrainingRows.Achievement.Length..], Type, Title, Description, GrantedAt);
}
