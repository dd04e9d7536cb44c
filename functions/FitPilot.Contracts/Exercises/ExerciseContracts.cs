using System.ComponentModel.DataAnnotations;
using FitPilot.Contracts.Common;

namespace FitPilot.Contracts.Exercises;

/// <summary>The exercise vocabulary of free-exercise-db, used for filters and validation on both sides.</summary>
public static class ExerciseVocabulary
{
    public static readonly string[] Muscles =
    [
        "abdominals", "abductors", "adductors", "biceps", "calves", "chest", "forearms", "glutes", "hamstrings",
        "lats", "lower back", "middle back", "neck", "quadriceps", "shoulders", "traps", "triceps",
    ];
    public static readonly string[] Equipment =
    [
        "barbell", "dumbbell", "body only", "cable", "machine", "kettlebells", "bands", "medicine ball",
        "exercise ball", "e-z curl bar", "foam roll", "other",
    ];
    public static readonly string[] Levels = ["beginner", "intermediate", "expert"];
    public static readonly string[] Categories =
        ["strength", "stretching", "plyometrics", "powerlifting", "olympic weightlifting", "strongman", "cardio"];
    public static readonly string[] Forces = ["push", "pull", "static"];
    public static readonly string[] Mechanics = ["compound", "isolation"];
}

public static class ExerciseSources
{
    /// <summary>The global library everyone shares.</summary>
    public const string Library = "library";
    /// <summary>Exercises the signed-in PT created.</summary>
    public const string Own = "own";
}

/// <param name="VideoProvider">"youtube", "vimeo" or "other" when a video URL is set.</param>
/// <param name="VideoEmbedUrl">An embeddable player URL for YouTube (privacy-enhanced) and Vimeo links.</param>
/// <param name="Images">Pictures of the start and end position (same-origin paths; library exercises have both, a PT's own none).</param>
public sealed record ExerciseDto(
    string Id, string Source, string Name, string? Description, IReadOnlyList<string> Instructions,
    string? VideoUrl, string? VideoProvider, string? VideoEmbedUrl,
    IReadOnlyList<string> PrimaryMuscles, IReadOnlyList<string> SecondaryMuscles,
    string? Equipment, string? Level, string Category, string? Force, string? Mechanic,
    DateTimeOffset? CreatedAt, DateTimeOffset? UpdatedAt, IReadOnlyList<string> Images);

public sealed record SaveExerciseRequest : IValidatableObject
{
    [Required, StringLength(120, MinimumLength = 2)] public required string Name { get; init; }
    [StringLength(2000), MultiLine] public string? Description { get; init; }
    [ListLimits(30, 1000)] public IReadOnlyList<string>? Instructions { get; init; }
    [HttpsUrl] public string? VideoUrl { get; init; }
    [Required, MinLength(1), MaxLength(5)] public required IReadOnlyList<string> PrimaryMuscles { get; init; }
    [MaxLength(10)] public IReadOnlyList<string>? SecondaryMuscles { get; init; }
    public string? Equipment { get; init; }
    public string? Level { get; init; }
    [Required] public required string Category { get; init; }
    public string? Force { get; init; }
    public string? Mechanic { get; init; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        static string List(string[] values) => "Must be one of: " + string.Join(", ", values) + ".";
        if (PrimaryMuscles.Any(m => !ExerciseVocabulary.Muscles.Contains(m)))
            yield return new(List(ExerciseVocabulary.Muscles), [nameof(PrimaryMuscles)]);
        if (SecondaryMuscles?.Any(m => !ExerciseVocabulary.Muscles.Contains(m)) == true)
            yield return new(List(ExerciseVocabulary.Muscles), [nameof(SecondaryMuscles)]);
        if (Equipment is not null && !ExerciseVocabulary.Equipment.Contains(Equipment))
            yield return new(List(ExerciseVocabulary.Equipment), [nameof(Equipment)]);
        if (Level is not null && !ExerciseVocabulary.Levels.Contains(Level))
            yield return new(List(ExerciseVocabulary.Levels), [nameof(Level)]);
        if (!ExerciseVocabulary.Categories.Contains(Category))
            yield return new(List(ExerciseVocabulary.Categories), [nameof(Category)]);
        if (Force is not null && !ExerciseVocabulary.Forces.Contains(Force))
            yield return new(List(ExerciseVocabulary.Forces), [nameof(Force)]);
        if (Mechanic is not null && !ExerciseVocabulary.Mechanics.Contains(Mechanic))
            yield return new(List(ExerciseVocabulary.Mechanics), [nameof(Mechanic)]);
    }
}
