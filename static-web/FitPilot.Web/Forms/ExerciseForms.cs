using FitPilot.Contracts.Exercises;

namespace FitPilot.Web.Forms;

/// <summary>One of the PT's own exercises, new or edited.</summary>
public sealed class SaveExerciseForm : FormModel<SaveExerciseRequest>
{
    public string Name { get; set; } = "";
    public string? Description { get; set; }
    public IReadOnlyList<string>? Instructions { get; set; }
    public string? VideoUrl { get; set; }
    public IReadOnlyList<string> PrimaryMuscles { get; set; } = [];
    public IReadOnlyList<string>? SecondaryMuscles { get; set; }
    public string? Equipment { get; set; }
    public string? Level { get; set; }
    public string Category { get; set; } = "strength";
    public string? Force { get; set; }
    public string? Mechanic { get; set; }

    public static SaveExerciseForm From(ExerciseDto e) => new()
    {
        Name = e.Name, Description = e.Description, Instructions = e.Instructions.ToArray(),
        VideoUrl = e.VideoUrl, PrimaryMuscles = e.PrimaryMuscles.ToArray(), SecondaryMuscles = e.SecondaryMuscles.ToArray(),
        Equipment = e.Equipment, Level = e.Level, Category = e.Category, Force = e.Force, Mechanic = e.Mechanic,
    };

    public override SaveExerciseRequest ToContract() => new()
    {
        Name = Name, Description = Description, Instructions = Instructions, VideoUrl = VideoUrl,
        PrimaryMuscles = PrimaryMuscles, SecondaryMuscles = SecondaryMuscles,
        Equipment = Equipment, Level = Level, Category = Category, Force = Force, Mechanic = Mechanic,
    };
}
