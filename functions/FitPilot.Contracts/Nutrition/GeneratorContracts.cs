using System.ComponentModel.DataAnnotations;

namespace FitPilot.Contracts.Nutrition;

public static class Diets
{
    public const string Vegetarian = "vegetarian";
    public const string Vegan = "vegan";
    public const string DairyFree = "dairy-free";
    public const string GlutenFree = "gluten-free";
    public static readonly IReadOnlyList<string> All = [Vegetarian, Vegan, DairyFree, GlutenFree];
}

/// <summary>One meal of the generated day and its share of the day's energy.</summary>
public sealed record MealSlot
{
    [Required, AllowedValues(MealTypes.Breakfast, MealTypes.Lunch, MealTypes.Dinner, MealTypes.Snack, MealTypes.Custom, ErrorMessage = "Choose a meal type.")] public required string Type { get; init; }
    [StringLength(60)] public string? Name { get; init; }
    [Range(5.0, 60.0, ErrorMessage = "Give the meal 5–60 % of the day.")] public double SharePercent { get; init; }
}

/// <summary>
/// Ask the in-process generator (a linear/CP-SAT model) for one day that lands each of kcal, protein,
/// fat and carbs within ±5 % of these targets, from the allowed foods, with sensible portions.
/// </summary>
public sealed record GenerateMealPlanRequest : IValidatableObject
{
    [Range(800.0, 6000.0)] public double Kcal { get; init; }
    [Range(20.0, 500.0)] public double ProteinG { get; init; }
    [Range(10.0, 300.0)] public double FatG { get; init; }
    [Range(0.0, 900.0)] public double CarbsG { get; init; }
    /// <summary>Meals of the day in order; empty: breakfast, lunch, dinner and a snack.</summary>
    [MaxLength(6)] public IReadOnlyList<MealSlot> Meals { get; init; } = [];
    /// <summary>Only these foods (catalogue, own foods, recipes); empty: a built-in everyday selection of the catalogue.</summary>
    [MaxLength(300)] public IReadOnlyList<string> AllowedFoodIds { get; init; } = [];
    /// <summary>Only these AFCD groups (two-digit codes); empty: any.</summary>
    [MaxLength(30)] public IReadOnlyList<string> Groups { get; init; } = [];
    /// <summary>Food-name keywords to leave out (allergens: "peanut", "prawn").</summary>
    [MaxLength(20)] public IReadOnlyList<string> ExcludeKeywords { get; init; } = [];
    /// <summary>Any of <see cref="Diets.All"/>.</summary>
    [MaxLength(4)] public IReadOnlyList<string> Diets { get; init; } = [];
    [Range(1, 6)] public int MaxItemsPerMeal { get; init; } = 4;
    /// <summary>Vary the plan between calls (same seed, same plan).</summary>
    [Range(0, int.MaxValue)] public int Seed { get; init; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Meals.Count > 0 && Math.Abs(Meals.Sum(m => m.SharePercent) - 100) > 0.5) yield return new("The meals' shares add up to 100 %.", [nameof(Meals)]);
        foreach (var d in Diets.Where(d => !Nutrition.Diets.All.Contains(d))) yield return new($"Unknown diet '{d}'.", [nameof(Diets)]);
        if (ExcludeKeywords.Any(k => string.IsNullOrWhiteSpace(k) || k.Length > 40)) yield return new("Each exclusion is 1–40 characters.", [nameof(ExcludeKeywords)]);
        var macroKcal = ProteinG * 4 + CarbsG * 4 + FatG * 9;
        if (Kcal > 0 && Math.Abs(macroKcal - Kcal) > 0.25 * Kcal) yield return new($"The macros make {macroKcal:0} kcal, far from {Kcal:0}.", [nameof(Kcal)]);
    }
}

public sealed record MacroDeviation(string Nutrient, double Target, double Actual, double PercentOff);

/// <summary>
/// The generated day (a draft for the builder), its totals and how far each macro is from target; or, when it
/// cannot be done, no day and the reasons ("Cannot meet protein 250 g because …").
/// </summary>
public sealed record GeneratedMealPlan(bool Success, MealPlanDay? Day, IReadOnlyList<Food> Foods, NutrientTotals? Totals,
    IReadOnlyList<MacroDeviation> Deviations, IReadOnlyList<string> Problems);
