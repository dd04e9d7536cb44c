using System.Globalization;
using System.Text.RegularExpressions;
using FitPilot.Contracts.Programs;
using FitPilot.Web.Api;
using FitPilot.Web.Components;
using FitPilot.Web.Forms;

namespace FitPilot.Web.Pages.Trainer.Programs;

/// <summary>
/// The builder's problems in plain words, each next to the field it is about: the program's (name, dates), a day's
/// (too many exercises) and an entry's (sets, reps, …). The builder's own checks run as the PT types; after a refused save
/// the API's field errors ("days[0].exercises[1].reps") land on the same fields, in the builder's words when it has some.
/// </summary>
public sealed partial class BuilderProblems
{
    /// <summary>A message about a whole entry or day (not one of its fields).</summary>
    public const string Whole = "";

    private static readonly FieldLimits Sets = ContractLimits.For((ProgramExercise e) => e.Sets);
    private static readonly FieldLimits Reps = ContractLimits.For((ProgramExercise e) => e.Reps);
    private static readonly FieldLimits RepsMax = ContractLimits.For((ProgramExercise e) => e.RepsMax);
    private static readonly FieldLimits WeightKg = ContractLimits.For((ProgramExercise e) => e.WeightKg);
    private static readonly FieldLimits Percent = ContractLimits.For((ProgramExercise e) => e.PercentOf1Rm);
    private static readonly FieldLimits Rest = ContractLimits.For((ProgramExercise e) => e.RestSeconds);
    private static readonly FieldLimits DropSets = ContractLimits.For((ProgramExercise e) => e.DropSets);
    private static readonly FieldLimits Rir = ContractLimits.For((ProgramExercise e) => e.Rir);
    private static readonly FieldLimits Tut = ContractLimits.For((ProgramExercise e) => e.TutSeconds);
    private static readonly FieldLimits DayExercises = ContractLimits.For((ProgramDay d) => d.Exercises);
    private static readonly FieldLimits Name = ContractLimits.For((SaveProgramRequest p) => p.Name);

    private readonly List<(object Form, string Field, string Message)> _messages = [];

    /// <summary>What the API refused that no field of the builder shows (said above the week instead).</summary>
    public List<string> Elsewhere { get; } = [];

    public int Count => _messages.Count + Elsewhere.Count;

    /// <summary>Every message placed on a field, in the order the builder shows the fields.</summary>
    public IReadOnlyList<(object Form, string Field, string Message)> All => _messages;

    /// <summary>The message for <paramref name="field"/> of a program, day or entry form (or <see cref="Whole"/>), if any.</summary>
    public string? For(object form, string field) => _messages.FirstOrDefault(m => ReferenceEquals(m.Form, form) && m.Field == field).Message;

    /// <summary>Whether anything is wrong with <paramref name="form"/>, e.g. to open an entry's "more" fields.</summary>
    public bool Any(object form, params string[] fields) => _messages.Any(m => ReferenceEquals(m.Form, form) && (fields.Length == 0 || fields.Contains(m.Field)));

    /// <summary>The first field with a problem, in the order the builder shows them.</summary>
    public (object Form, string Field)? First => _messages.Count == 0 ? null : (_messages[0].Form, _messages[0].Field);

    private void Add(object form, string field, string message)
    {
        if (For(form, field) is null) _messages.Add((form, field, message));
    }

    /// <summary>
    /// The builder's own checks: each entry's numbers and letters, a day's length, and (when <paramref name="saving"/>) the
    /// program's name and dates, which are only wrong once the PT tries to save.
    /// </summary>
    public static BuilderProblems Check(ProgramForm program, bool saving)
    {
        var problems = new BuilderProblems();
        if (saving && string.IsNullOrWhiteSpace(program.Name)) problems.Add(program, nameof(ProgramForm.Name), "Give the program a name.");
        if (saving && program.Name.Length > Name.MaxLength) problems.Add(program, nameof(ProgramForm.Name), $"Keep the name to {Name.MaxLength} characters.");
        if (program.StartDate is { } start && program.EndDate is { } end && end < start)
            problems.Add(program, nameof(ProgramForm.EndDate), "The end date is before the start date. Pick a later end date.");
        foreach (var day in program.Days.OrderBy(d => Array.IndexOf(ProgramWeek.Order, d.DayOfWeek)))
        {
            if (DayExercises.MaxLength is { } max && day.Exercises.Count > max)
                problems.Add(day, nameof(ProgramDayForm.Exercises), $"A day holds at most {max} exercises. Move some to another day.");
            foreach (var entry in day.Exercises)
                foreach (var (field, message) in Entry(entry)) problems.Add(entry, field, message);
        }
        return problems;
    }

    /// <summary>What is wrong with one entry, field by field, in plain words.</summary>
    public static IEnumerable<(string Field, string Message)> Entry(ProgramEntryForm e)
    {
        if (!Sets.Allows(e.Sets)) yield return (nameof(e.Sets), Between("Sets", Sets));
        if (!Reps.Allows(e.Reps)) yield return (nameof(e.Reps), Between("Reps", Reps));
        if (e.RepsMax is { } top && !RepsMax.Allows(top)) yield return (nameof(e.RepsMax), Between("The top of the rep range", RepsMax));
        else if (e.RepsMax is { } max && max < e.Reps) yield return (nameof(e.RepsMax), "The top of the rep range must be at least the reps.");
        if (e.WeightKg is { } kg && !WeightKg.Allows(kg)) yield return (nameof(e.WeightKg), Between("Weight", WeightKg, " kg"));
        if (e.PercentOf1Rm is { } pct && !Percent.Allows(pct)) yield return (nameof(e.PercentOf1Rm), Between("% of 1RM", Percent));
        else if (e.PercentOf1Rm is not null && e.WeightKg is not null) yield return (nameof(e.PercentOf1Rm), "Give a weight or a % of 1RM, not both.");
        if (e.RestSeconds is { } rest && !Rest.Allows(rest)) yield return (nameof(e.RestSeconds), Between("Rest", Rest, " seconds"));
        if (!DropSets.Allows(e.DropSets)) yield return (nameof(e.DropSets), Between("Drop sets", DropSets));
        if (e.Rir is { } rir && !Rir.Allows(rir)) yield return (nameof(e.Rir), Between("RIR", Rir));
        if (e.TutSeconds is { } tut && !Tut.Allows(tut)) yield return (nameof(e.TutSeconds), Between("Time under tension", Tut, " seconds"));
        if (e.SupersetGroup is { } group && !SupersetPattern().IsMatch(group)) yield return (nameof(e.SupersetGroup), "Use one capital letter for a superset (A, B, …).");
        if (e.Tempo is { } tempo && !TempoPattern().IsMatch(tempo)) yield return (nameof(e.Tempo), "Write the tempo as four numbers, e.g. 3-1-1-0.");
    }

    private static string Between(string what, FieldLimits limits, string unit = "") =>
        string.Create(CultureInfo.InvariantCulture, $"{what} must be between {limits.Min} and {limits.Max}{unit}.");

    /// <summary>
    /// Puts the API's field errors on the builder's fields: "name", "endDate", "days[i].title", "days[i].exercises",
    /// "days[i].exercises[j].reps" (days numbered as sent: <see cref="ProgramForm.DaysToSave"/>). Where the builder has its
    /// own words for the same field, those are shown; what matches no field is kept in <see cref="Elsewhere"/>.
    /// </summary>
    public static BuilderProblems FromServer(ProgramForm program, ApiProblem problem)
    {
        var problems = new BuilderProblems();
        var own = Check(program, saving: true);
        var days = program.DaysToSave();
        foreach (var (key, messages) in problem.Errors)
        {
            var text = string.Join(" ", messages);
            var m = FieldPath().Match(key);
            object? form = null;
            var field = Whole;
            if (m.Success)
            {
                var dayIndex = int.Parse(m.Groups["day"].Value, CultureInfo.InvariantCulture);
                var day = dayIndex < days.Count ? days[dayIndex] : null;
                form = day;
                field = Pascal(m.Groups["field"].Value);
                if (day is not null && m.Groups["entry"].Success)
                {
                    var entryIndex = int.Parse(m.Groups["entry"].Value, CultureInfo.InvariantCulture);
                    form = entryIndex < day.Exercises.Count ? day.Exercises[entryIndex] : null;
                    if (!EntryFields.Contains(field)) field = Whole;
                }
                else if (field is not (nameof(ProgramDayForm.Title) or nameof(ProgramDayForm.Exercises))) field = nameof(ProgramDayForm.Exercises);
            }
            else if (Pascal(key) is nameof(ProgramForm.Name) or nameof(ProgramForm.StartDate) or nameof(ProgramForm.EndDate))
            {
                form = program;
                field = Pascal(key);
            }
            if (form is null) { problems.Elsewhere.Add(text); continue; }
            problems.Add(form, field, own.For(form, field) ?? text);
        }
        if (problem.Errors.Count == 0) problems.Elsewhere.Add(problem.Message);
        return problems;
    }

    /// <summary>The entry fields the builder shows (others are said about the whole entry).</summary>
    public static readonly string[] EntryFields =
    [
        nameof(ProgramEntryForm.Sets), nameof(ProgramEntryForm.Reps), nameof(ProgramEntryForm.RepsMax), nameof(ProgramEntryForm.WeightKg),
        nameof(ProgramEntryForm.PercentOf1Rm), nameof(ProgramEntryForm.RestSeconds), nameof(ProgramEntryForm.DropSets), nameof(ProgramEntryForm.SupersetGroup),
        nameof(ProgramEntryForm.Tempo), nameof(ProgramEntryForm.TutSeconds), nameof(ProgramEntryForm.Rir), nameof(ProgramEntryForm.Notes),
    ];

    private static string Pascal(string name) => name.Length == 0 ? name : char.ToUpperInvariant(name[0]) + name[1..];

    [GeneratedRegex(@"^days\[(?<day>\d+)\](?:\.exercises\[(?<entry>\d+)\])?\.?(?<field>[A-Za-z0-9]*)$", RegexOptions.IgnoreCase)]
    private static partial Regex FieldPath();

    [GeneratedRegex("^[A-Z]$")]
    private static partial Regex SupersetPattern();

    [GeneratedRegex(@"^\d{1,2}-\d{1,2}-\d{1,2}-\d{1,2}$")]
    private static partial Regex TempoPattern();
}
