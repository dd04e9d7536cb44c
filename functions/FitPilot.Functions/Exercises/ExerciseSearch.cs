using FitPilot.Functions.Search;

namespace FitPilot.Functions.Exercises;

/// <summary>
/// What exercise search knows about gyms: the abbreviations and common names PTs type, and which parts
/// of an exercise are searched (name; muscles, equipment and category as keywords; instructions and
/// description as text). Hyphens, spaces and joined words ("push-up", "push up", "pushups") and plurals
/// need no entry here: <see cref="SearchAnalysis"/> handles them for every domain.
/// </summary>
public static class ExerciseSearch
{
    /// <summary>Each group means the same; phrases are analysed like names (so "dumbbell" covers "dumbbells").</summary>
    public static readonly IReadOnlyList<IReadOnlyList<string>> Synonyms =
    [
        // Equipment abbreviations.
        ["db", "dumbbell"],
        ["bb", "barbell"],
        ["kb", "kettlebell"],
        ["ez", "e z"],                                   // the library's equipment "e-z curl bar"
        ["bw", "bodyweight", "body weight", "body only"], // the library's equipment "body only"
        // Lift abbreviations and the names PTs use for library exercises.
        ["rdl", "romanian deadlift", "romanian dl"],
        ["dl", "deadlift"],
        ["ohp", "overhead press", "military press"],
        ["ghr", "glute ham raise"],
        ["skullcrusher", "lying triceps press", "lying triceps extension"],
        ["pec deck", "butterfly"],
        ["farmer walk", "farmer carry"],
        ["leg curl", "hamstring curl"],
        ["back extension", "hyperextension"],
        ["fly", "flye"],
        ["one arm", "single arm"],
        ["one leg", "single leg"],
        // Muscle nicknames, for the keywords.
        ["ab", "abdominal"],
        ["quad", "quadricep"],
        ["ham", "hamstring"],
        ["pec", "pectoral", "chest"],
        ["lat", "latissimus"],
        ["delt", "deltoid"],
    ];

    public static SearchAnalysis Analysis { get; } = new(Synonyms);

    public static SearchDocument ToDocument(ExerciseEntity e) => new(
        e.RowKey,
        e.Name,
        string.Join(' ', ExerciseEntity.Split(e.PrimaryMuscles).Concat(ExerciseEntity.Split(e.SecondaryMuscles)).Append(e.Equipment ?? "").Append(e.Category)),
        string.Join(' ', ExerciseEntity.Split(e.Instructions).Prepend(e.Description ?? "")));
}
