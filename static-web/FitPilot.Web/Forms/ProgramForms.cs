using FitPilot.Contracts.Programs;

namespace FitPilot.Web.Forms;

// The program builder's document: a program, its days and their entries, edited in place and sent as one SaveProgramRequest.

/// <summary>A program (for a client) or a template, as the builder edits it; days are kept even when emptied.</summary>
public sealed class ProgramForm : FormModel<SaveProgramRequest>
{
    public string Name { get; set; } = "";
    public string? ClientId { get; set; }
    public bool IsTemplate { get; set; }
    public DateOnly? StartDate { get; set; }
    public DateOnly? EndDate { get; set; }
    public string? Notes { get; set; }
    public List<ProgramDayForm> Days { get; set; } = [];

    public static ProgramForm From(ProgramDto p) => new()
    {
        Name = p.Name, ClientId = p.ClientId, IsTemplate = p.IsTemplate, StartDate = p.StartDate, EndDate = p.EndDate, Notes = p.Notes,
        Days = p.Days.Select(ProgramDayForm.From).ToList(),
    };

    /// <summary>The days sent (and numbered by the API's field errors, "days[1]…"): those with entries or a title, Sunday first.</summary>
    public List<ProgramDayForm> DaysToSave() => Days.Where(d => d.Exercises.Count > 0 || d.Title is not null).OrderBy(d => d.DayOfWeek).ToList();

    /// <summary>Without an id: the builder gives a new program the id it made (a retry is then safe).</summary>
    public override SaveProgramRequest ToContract() => new()
    {
        Name = Name, ClientId = ClientId, IsTemplate = IsTemplate, StartDate = StartDate, EndDate = EndDate, Notes = Notes,
        Days = DaysToSave().Select(d => d.ToContract()).ToList(),
    };

    /// <summary>"days[i]" is the i-th day sent, not the i-th day edited.</summary>
    public override IReadOnlyList<object>? Items(string property) =>
        property == nameof(Days) ? DaysToSave() : base.Items(property);
}

/// <summary>One day of the week (0 = Sunday … 6).</summary>
public sealed class ProgramDayForm : FormModel<ProgramDay>
{
    public int DayOfWeek { get; set; }
    public string? Title { get; set; }
    public List<ProgramEntryForm> Exercises { get; set; } = [];

    public static ProgramDayForm From(ProgramDay d) => new() { DayOfWeek = d.DayOfWeek, Title = d.Title, Exercises = d.Exercises.Select(ProgramEntryForm.From).ToList() };

    public override ProgramDay ToContract() => new() { DayOfWeek = DayOfWeek, Title = Title, Exercises = Exercises.Select(e => e.ToContract()).ToList() };
}

/// <summary>One exercise of a day, with its prescription.</summary>
public sealed class ProgramEntryForm : FormModel<ProgramExercise>
{
    public string? Id { get; set; }
    public string ExerciseId { get; set; } = "";
    public string? ExerciseName { get; set; }
    public int Sets { get; set; } = 3;
    public int Reps { get; set; } = 10;
    public int? RepsMax { get; set; }
    public double? WeightKg { get; set; }
    public double? PercentOf1Rm { get; set; }
    public int? RestSeconds { get; set; }
    public int DropSets { get; set; }
    public string? SupersetGroup { get; set; }
    public string? Tempo { get; set; }
    public int? TutSeconds { get; set; }
    public int? Rir { get; set; }
    public string? Notes { get; set; }

    public static ProgramEntryForm From(ProgramExercise e) => new()
    {
        Id = e.Id, ExerciseId = e.ExerciseId, ExerciseName = e.ExerciseName, Sets = e.Sets, Reps = e.Reps, RepsMax = e.RepsMax,
        WeightKg = e.WeightKg, PercentOf1Rm = e.PercentOf1Rm, RestSeconds = e.RestSeconds, DropSets = e.DropSets,
        SupersetGroup = e.SupersetGroup, Tempo = e.Tempo, TutSeconds = e.TutSeconds, Rir = e.Rir, Notes = e.Notes,
    };

    public override ProgramExercise ToContract() => new()
    {
        Id = Id, ExerciseId = ExerciseId, ExerciseName = ExerciseName, Sets = Sets, Reps = Reps, RepsMax = RepsMax,
        WeightKg = WeightKg, PercentOf1Rm = PercentOf1Rm, RestSeconds = RestSeconds, DropSets = DropSets,
        SupersetGroup = SupersetGroup, Tempo = Tempo, TutSeconds = TutSeconds, Rir = Rir, Notes = Notes,
    };
}
