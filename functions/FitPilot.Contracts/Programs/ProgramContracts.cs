using System.ComponentModel.DataAnnotations;
using FitPilot.Contracts.Common;

namespace FitPilot.Contracts.Programs;

public static class ProgramStatuses
{
    public const string Active = "active";
    public const string Paused = "paused";
    public const string Ended = "ended";
}

/// <summary>One exercise of a program day (the data model's WorkoutExercise), in the order it is done.</summary>
public sealed record ProgramExercise : IValidatableObject
{
    /// <summary>Stable id within the program (logs point at it). Leave empty on new entries: the API assigns one.</summary>
    [StringLength(40)] public string? Id { get; init; }
    [Required, StringLength(120)] public required string ExerciseId { get; init; }
    /// <summary>Filled in by the API from the library.</summary>
    public string? ExerciseName { get; init; }
    [Range(1, 20)] public int Sets { get; init; } = 3;
    /// <summary>Reps, or the bottom of a rep range.</summary>
    [Range(1, 100)] public int Reps { get; init; } = 10;
    /// <summary>Top of a rep range (8–12): empty for a fixed number.</summary>
    [Range(1, 100)] public int? RepsMax { get; init; }
    /// <summary>Target load in kg, or …</summary>
    [Range(0.0, 1000.0)] public double? WeightKg { get; init; }
    /// <summary>… a percentage of the client's estimated 1RM (Epley).</summary>
    [Range(1.0, 150.0)] public double? PercentOf1Rm { get; init; }
    [Range(0, 3600)] public int? RestSeconds { get; init; }
    [Range(0, 5)] public int DropSets { get; init; }
    /// <summary>Exercises with the same group letter form a superset.</summary>
    [RegularExpression("^[A-Z]$", ErrorMessage = "Use one capital letter (A, B, …).")] public string? SupersetGroup { get; init; }
    /// <summary>Tempo (eccentric-pause-concentric-pause seconds), e.g. "3-1-1-0".</summary>
    [RegularExpression(@"^\d{1,2}-\d{1,2}-\d{1,2}-\d{1,2}$", ErrorMessage = "Write the tempo as four numbers, e.g. 3-1-1-0.")] public string? Tempo { get; init; }
    /// <summary>Time under tension per set, in seconds.</summary>
    [Range(0, 600)] public int? TutSeconds { get; init; }
    /// <summary>Reps in reserve to aim for.</summary>
    [Range(0, 10)] public int? Rir { get; init; }
    [StringLength(500), MultiLine] public string? Notes { get; init; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (RepsMax is { } max && max < Reps) yield return new("The top of the rep range must be at least the bottom.", [nameof(RepsMax)]);
        if (WeightKg is not null && PercentOf1Rm is not null) yield return new("Give a weight or a percentage of 1RM, not both.", [nameof(PercentOf1Rm)]);
    }
}

/// <summary>One day of the 7-day grid: 0 = Sunday … 6 = Saturday.</summary>
public sealed record ProgramDay
{
    [Range(0, 6)] public int DayOfWeek { get; init; }
    [StringLength(60)] public string? Title { get; init; }
    [MaxLength(15)] public IReadOnlyList<ProgramExercise> Exercises { get; init; } = [];
}

/// <summary>A program (for a client) or a template (for none): its name, dates and 7-day grid.</summary>
public sealed record SaveProgramRequest : IValidatableObject
{
    /// <summary>On create, an id made by the device: a retry with it returns the program made the first time. On update, the program's own id or nothing.</summary>
    [RegularExpression("^[A-Za-z0-9-]{8,40}$", ErrorMessage = "Use a GUID made on the device.")] public string? Id { get; init; }
    [Required, StringLength(100, MinimumLength = 1)] public required string Name { get; init; }
    /// <summary>The client it is for; empty for a template.</summary>
    [StringLength(40)] public string? ClientId { get; init; }
    public bool IsTemplate { get; init; }
    public DateOnly? StartDate { get; init; }
    public DateOnly? EndDate { get; init; }
    [StringLength(1000), MultiLine] public string? Notes { get; init; }
    [MaxLength(7)] public IReadOnlyList<ProgramDay> Days { get; init; } = [];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (IsTemplate == (ClientId is not null)) yield return new("A template has no client; a program has one.", [nameof(ClientId)]);
        if (StartDate is { } s && EndDate is { } e && e < s) yield return new("The end date is before the start date.", [nameof(EndDate)]);
        if (Days.Select(d => d.DayOfWeek).Distinct().Count() != Days.Count) yield return new("Each day of the week appears once.", [nameof(Days)]);
    }
}

public sealed record ProgramDto(
    string Id, string Name, string? ClientId, bool IsTemplate, string Status,
    DateOnly? StartDate, DateOnly? EndDate, int ScheduleOffsetDays, DateOnly? PausedOn, string? Notes,
    IReadOnlyList<ProgramDay> Days, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

public sealed record ProgramSummary(string Id, string Name, string? ClientId, bool IsTemplate, string Status,
    DateOnly? StartDate, DateOnly? EndDate, int TrainingDays, DateTimeOffset UpdatedAt);

/// <summary>Copy a program: as a template, or for a client.</summary>
public sealed record DuplicateProgramRequest
{
    [StringLength(100, MinimumLength = 1)] public string? Name { get; init; }
    [StringLength(40)] public string? ClientId { get; init; }
    public DateOnly? StartDate { get; init; }
}

/// <summary>Give a template to several clients at once: each gets their own copy.</summary>
public sealed record AssignTemplateRequest
{
    [Required, MinLength(1), MaxLength(50)] public required IReadOnlyList<string> ClientIds { get; init; }
    public DateOnly? StartDate { get; init; }
}

/// <summary>Push the schedule back by whole days (illness, travel).</summary>
public sealed record PushBackRequest
{
    [Range(1, 90)] public int Days { get; init; }
}
