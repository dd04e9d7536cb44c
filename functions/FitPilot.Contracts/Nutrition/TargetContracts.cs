using System.ComponentModel.DataAnnotations;

namespace FitPilot.Contracts.Nutrition;

public static class Sexes
{
    public const string Female = "female";
    public const string Male = "male";
}

/// <summary>Activity factors applied to BMR, named in words.</summary>
public static class ActivityLevels
{
    public const string Sedentary = "sedentary";
    public const string Light = "light";
    public const string Moderate = "moderate";
    public const string Active = "active";
    public const string VeryActive = "very-active";

    public static readonly IReadOnlyList<(string Id, double Factor, string Label)> All =
    [
        (Sedentary, 1.2, "Sedentary (desk job, little exercise)"),
        (Light, 1.375, "Lightly active (exercise 1–3 days a week)"),
        (Moderate, 1.55, "Moderately active (exercise 3–5 days a week)"),
        (Active, 1.725, "Very active (hard exercise 6–7 days a week)"),
        (VeryActive, 1.9, "Extremely active (physical job and training)"),
    ];
}

public static class NutritionGoals
{
    public const string Cut = "cut";
    public const string Maintain = "maintain";
    public const string Gain = "gain";
}

/// <summary>BMR formulas: Mifflin-St Jeor, or Katch-McArdle when a body-fat % is known.</summary>
public static class BmrFormulas
{
    public const string MifflinStJeor = "mifflin-st-jeor";
    public const string KatchMcArdle = "katch-mcardle";
}

/// <summary>What a client's targets are calculated from.</summary>
public sealed record TargetInputs : IValidatableObject
{
    [Required, AllowedValues(Sexes.Female, Sexes.Male, ErrorMessage = "Choose female or male.")] public required string Sex { get; init; }
    [Required, Common.BirthDate] public required DateOnly DateOfBirth { get; init; }
    [Range(100.0, 250.0, ErrorMessage = "Enter a height between 100 and 250 cm.")] public double HeightCm { get; init; }
    [Range(30.0, 300.0, ErrorMessage = "Enter a weight between 30 and 300 kg.")] public double WeightKg { get; init; }
    [Range(3.0, 60.0, ErrorMessage = "Enter a body fat between 3 and 60 %.")] public double? BodyFatPercent { get; init; }
    [Required, AllowedValues(ActivityLevels.Sedentary, ActivityLevels.Light, ActivityLevels.Moderate, ActivityLevels.Active, ActivityLevels.VeryActive, ErrorMessage = "Choose an activity level.")] public required string ActivityLevel { get; init; }
    [Required, AllowedValues(NutritionGoals.Cut, NutritionGoals.Maintain, NutritionGoals.Gain, ErrorMessage = "Choose cut, maintain or gain.")] public required string Goal { get; init; }
    /// <summary>kg per week: negative to cut, positive to gain, 0 to maintain.</summary>
    [Range(-1.0, 1.0, ErrorMessage = "Choose a rate between −1 and +1 kg a week.")] public double RateKgPerWeek { get; init; }
    [Range(1.2, 3.0, ErrorMessage = "Choose protein between 1.2 and 3.0 g per kg.")] public double ProteinGPerKg { get; init; } = 1.8;
    [Range(15.0, 45.0, ErrorMessage = "Choose a fat share between 15 and 45 %.")] public double FatPercent { get; init; } = 25;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Goal == NutritionGoals.Cut && RateKgPerWeek >= 0) yield return new("A cut loses weight: choose a negative rate.", [nameof(RateKgPerWeek)]);
        if (Goal == NutritionGoals.Gain && RateKgPerWeek <= 0) yield return new("A gain adds weight: choose a positive rate.", [nameof(RateKgPerWeek)]);
        if (Goal == NutritionGoals.Maintain && RateKgPerWeek != 0) yield return new("Maintaining keeps the rate at 0.", [nameof(RateKgPerWeek)]);
    }
}

/// <summary>The calculation, step by step, so the PT sees how a number came about.</summary>
public sealed record TargetCalculation(
    string Formula, int AgeYears, double BmrKcal, double ActivityFactor, double TdeeKcal, double GoalAdjustmentKcal,
    double Kcal, double ProteinG, double FatG, double CarbsG, IReadOnlyList<string> Warnings);

/// <summary>Save a client's targets: the inputs, and any number the PT overrides (blank = the calculated one).</summary>
public sealed record SaveTargetsRequest
{
    [Required] public required TargetInputs Inputs { get; init; }
    [Range(800.0, 8000.0)] public double? Kcal { get; init; }
    [Range(0.0, 600.0)] public double? ProteinG { get; init; }
    [Range(0.0, 400.0)] public double? FatG { get; init; }
    [Range(0.0, 1200.0)] public double? CarbsG { get; init; }
}

/// <summary>New targets suggested after a weigh-in (the PT accepts or dismisses them).</summary>
public sealed record TargetSuggestion(double WeightKg, DateOnly MeasuredOn, TargetCalculation Calculation, DateTimeOffset CreatedAt);

/// <summary>The four numbers a plan is measured against.</summary>
public sealed record MacroTargets(double Kcal, double ProteinG, double FatG, double CarbsG);

public sealed record NutritionTargets(
    string ClientId, TargetInputs Inputs, TargetCalculation Calculated,
    double Kcal, double ProteinG, double FatG, double CarbsG, IReadOnlyList<string> Overridden,
    TargetSuggestion? Suggestion, DateTimeOffset UpdatedAt)
{
    public MacroTargets Macros => new(Kcal, ProteinG, FatG, CarbsG);
}
