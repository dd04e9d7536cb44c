using System.Globalization;
using FitPilot.Contracts.Nutrition;

namespace FitPilot.Functions.NutritionTargets;

/// <summary>
/// A client's energy and macro targets from their body, activity and goal (pure rules, no storage):
/// BMR by Katch-McArdle (370 + 21.6 × lean kg) when a body-fat % is known, else Mifflin-St Jeor
/// (10 × kg + 6.25 × cm − 5 × age + 5 for men, − 161 for women); TDEE = BMR × the activity factor;
/// the goal adds the weekly rate × 7,700 kcal per kg ÷ 7 days; protein = g/kg × body weight, fat = its share
/// of the kcal, carbs the rest. The PT may override any of the four numbers (<see cref="Apply"/>).
/// </summary>
public static class TargetCalculator
{
    public const double KcalPerKgBodyWeight = 7700;
    public const int MinAge = 14;
    public const int MaxAge = 100;
    public const double MinCarbsG = 50;
    public const double MinKcalFemale = 1200;
    public const double MinKcalMale = 1500;

    /// <summary>Completed years on <paramref name="today"/> (a 29 February birthday turns over on 1 March).</summary>
    public static int AgeOn(DateOnly dateOfBirth, DateOnly today)
    {
        var age = today.Year - dateOfBirth.Year;
        if ((today.Month, today.Day).CompareTo((dateOfBirth.Month, dateOfBirth.Day)) < 0) age--;
        return age;
    }

    /// <summary>What the annotations cannot check: the age the formulas are for, on the client's today.</summary>
    public static Dictionary<string, string[]> Validate(TargetInputs inputs, DateOnly today, string prefix = "")
    {
        var errors = new Dictionary<string, string[]>();
        if (inputs.DateOfBirth > today) errors[prefix + "dateOfBirth"] = ["The date of birth is in the future."];
        else if (AgeOn(inputs.DateOfBirth, today) is var age && (age < MinAge || age > MaxAge))
            errors[prefix + "dateOfBirth"] = [$"The formulas are for ages {MinAge}–{MaxAge}; this date of birth gives {age}."];
        return errors;
    }

    public static double ActivityFactor(string level) =>
        ActivityLevels.All.First(a => a.Id == level).Factor;

    public static TargetCalculation Calculate(TargetInputs inputs, DateOnly today)
    {
        var age = AgeOn(inputs.DateOfBirth, today);
        var katch = inputs.BodyFatPercent is not null;
        var bmr = inputs.BodyFatPercent is { } bodyFat
            ? 370 + 21.6 * inputs.WeightKg * (1 - bodyFat / 100)
            : 10 * inputs.WeightKg + 6.25 * inputs.HeightCm - 5 * age + (inputs.Sex == Sexes.Male ? 5 : -161);
        var factor = ActivityFactor(inputs.ActivityLevel);
        var tdee = bmr * factor;
        var adjustment = inputs.RateKgPerWeek * KcalPerKgBodyWeight / 7;
        var kcal = Math.Round(tdee + adjustment);
        var protein = Math.Round(inputs.ProteinGPerKg * inputs.WeightKg);
        var fat = Math.Round(kcal * inputs.FatPercent / 100 / 9);
        var rest = (kcal - protein * 4 - fat * 9) / 4;
        var carbs = Math.Max(0, Math.Round(rest));
        var calculation = new TargetCalculation(katch ? BmrFormulas.KatchMcArdle : BmrFormulas.MifflinStJeor, age, Math.Round(bmr), factor, Math.Round(tdee),
            Math.Round(adjustment), kcal, protein, fat, carbs, []);
        return calculation with { Warnings = Warnings(inputs, calculation, rest < 0) };
    }

    /// <summary>The numbers the client aims at: each override, else the calculated number; carbs stay "the rest" of an overridden kcal, protein or fat.</summary>
    public static (double Kcal, double ProteinG, double FatG, double CarbsG, IReadOnlyList<string> Overridden) Apply(
        TargetCalculation calculated, TargetInputs inputs, double? kcal, double? proteinG, double? fatG, double? carbsG)
    {
        var k = kcal ?? calculated.Kcal;
        var p = proteinG ?? calculated.ProteinG;
        var f = fatG ?? (kcal is null ? calculated.FatG : Math.Round(k * inputs.FatPercent / 100 / 9));
        var c = carbsG ?? (kcal is null && proteinG is null && fatG is null ? calculated.CarbsG : Math.Max(0, Math.Round((k - p * 4 - f * 9) / 4)));
        var overridden = new List<string>();
        if (kcal is not null) overridden.Add("kcal");
        if (proteinG is not null) overridden.Add("proteinG");
        if (fatG is not null) overridden.Add("fatG");
        if (carbsG is not null) overridden.Add("carbsG");
        return (k, p, f, c, overridden);
    }

    private static List<string> Warnings(TargetInputs inputs, TargetCalculation c, bool macrosExceedKcal)
    {
        static string N(double v) => v.ToString("N0", CultureInfo.InvariantCulture);
        var warnings = new List<string>();
        if (c.Kcal < c.BmrKcal)
            warnings.Add($"The target of {N(c.Kcal)} kcal is below the BMR of {N(c.BmrKcal)} kcal: a slower rate keeps it above.");
        var floor = inputs.Sex == Sexes.Male ? MinKcalMale : MinKcalFemale;
        if (c.Kcal < floor)
            warnings.Add($"{N(c.Kcal)} kcal is below {N(floor)} kcal a day, the usual floor for {(inputs.Sex == Sexes.Male ? "men" : "women")} without medical supervision.");
        if (macrosExceedKcal)
            warnings.Add("Protein and fat alone exceed the calorie target: carbs are 0 g. Lower the protein or the fat share.");
        else if (c.CarbsG < MinCarbsG)
            warnings.Add($"Carbs are only {N(c.CarbsG)} g, below {N(MinCarbsG)} g a day.");
        if (Math.Abs(inputs.RateKgPerWeek) > 0.01 * inputs.WeightKg)
            warnings.Add($"{Math.Abs(inputs.RateKgPerWeek).ToString("0.##", CultureInfo.InvariantCulture)} kg a week is more than 1 % of body weight a week.");
        if (c.AgeYears < 18)
            warnings.Add("The formulas are for adults: check a teenager's targets with a health professional.");
        return warnings;
    }
}
