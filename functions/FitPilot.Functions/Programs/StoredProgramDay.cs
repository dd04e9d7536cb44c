using FitPilot.Contracts.Programs;

namespace FitPilot.Functions.Programs;

/// <summary>
/// How one day of a program is stored (JSON in a <c>Day0</c>…<c>Day6</c> column), version
/// <see cref="Version"/>. Its own type, not the API contract: a change to the contract cannot silently
/// change stored data, and a new version reads the old ones here. Version 1 is the shape written since
/// the first program was saved (the contract's camelCase names), so every stored program reads as is.
/// </summary>
public sealed record StoredProgramDay(int DayOfWeek, string? Title, IReadOnlyList<StoredProgramEntry> Exercises)
{
    public const int Version = 1;

    /// <summary>The stored form of a day the PT sent; <paramref name="identify"/> gives each entry (and its index) its id and exercise name.</summary>
    public static StoredProgramDay From(ProgramDay day, Func<ProgramExercise, int, (string Id, string Name)> identify) =>
        new(day.DayOfWeek, day.Title, day.Exercises.Select((e, i) =>
        {
            var (id, name) = identify(e, i);
            return new StoredProgramEntry(id, e.ExerciseId, name, e.Sets, e.Reps, e.RepsMax, e.WeightKg, e.PercentOf1Rm, e.RestSeconds, e.DropSets,
                e.SupersetGroup, e.Tempo, e.TutSeconds, e.Rir, e.Notes);
        }).ToList());

    public ProgramDay ToContract() => new()
    {
        DayOfWeek = DayOfWeek, Title = Title, Exercises = Exercises.Select(e => e.ToContract()).ToList(),
    };
}

/// <summary>One exercise of a stored program day (see <see cref="StoredProgramDay"/>).</summary>
public sealed record StoredProgramEntry(
    string Id, string ExerciseId, string? ExerciseName, int Sets, int Reps, int? RepsMax, double? WeightKg, double? PercentOf1Rm,
    int? RestSeconds, int DropSets, string? SupersetGroup, string? Tempo, int? TutSeconds, int? Rir, string? Notes)
{
    public ProgramExercise ToContract() => new()
    {
        Id = Id, ExerciseId = ExerciseId, ExerciseName = ExerciseName, Sets = Sets, Reps = Reps, RepsMax = RepsMax, WeightKg = WeightKg,
        PercentOf1Rm = PercentOf1Rm, RestSeconds = RestSeconds, DropSets = DropSets, SupersetGroup = SupersetGroup, Tempo = Tempo,
        TutSeconds = TutSeconds, Rir = Rir, Notes = Notes,
    };
}
