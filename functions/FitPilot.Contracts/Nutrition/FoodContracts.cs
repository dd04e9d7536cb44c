using System.ComponentModel.DataAnnotations;
using FitPilot.Contracts.Common;

namespace FitPilot.Contracts.Nutrition;

/// <summary>Where a food comes from: the AFCD catalogue (shared), a PT's own food, or a PT's recipe.</summary>
public static class FoodSources
{
    public const string Afcd = "afcd";
    public const string Custom = "custom";
    public const string Recipe = "recipe";
}

/// <summary>
/// Nutrients of an amount of food (per 100 g on a food; per serving, meal, day or week in totals).
/// Null means "not reported" in the source — never zero. Energy is kJ including fibre; kcal = kJ / 4.184.
/// The ranges bound a serving; the API checks that a food's values per 100 g are physically possible.
/// </summary>
public sealed record Nutrients
{
    public const double KjPerKcal = 4.184;

    [Range(0.0, 40000.0)] public double? EnergyKj { get; init; }
    [Range(0.0, 2000.0)] public double? ProteinG { get; init; }
    [Range(0.0, 2000.0)] public double? FatG { get; init; }
    /// <summary>Available carbohydrate, without sugar alcohols.</summary>
    [Range(0.0, 2000.0)] public double? CarbsG { get; init; }
    [Range(0.0, 2000.0)] public double? FibreG { get; init; }
    [Range(0.0, 2000.0)] public double? SugarsG { get; init; }
    [Range(0.0, 40000.0)] public double? SodiumMg { get; init; }
    [Range(0.0, 40000.0)] public double? PotassiumMg { get; init; }
    [Range(0.0, 40000.0)] public double? CalciumMg { get; init; }
    [Range(0.0, 1000.0)] public double? IronMg { get; init; }
    [Range(0.0, 10000.0)] public double? VitaminCMg { get; init; }
    [Range(0.0, 1000.0)] public double? ThiaminMg { get; init; }
    [Range(0.0, 1000.0)] public double? RiboflavinMg { get; init; }
    [Range(0.0, 1000.0)] public double? NiacinMg { get; init; }

    public double? EnergyKcal => EnergyKj / KjPerKcal;
}

/// <summary>A household measure of a food: "1 cup" = 240 g, "1 slice" = 35 g.</summary>
public sealed record ServingSize
{
    [Required, StringLength(40, MinimumLength = 1)] public required string Name { get; init; }
    [Range(0.1, 2000.0)] public double Grams { get; init; }
}

/// <summary>An AFCD major food group (the classification's first two digits), e.g. "12" Cereal products.</summary>
public sealed record FoodGroup(string Code, string Name);

/// <summary>
/// A food as a plan or a search sees it: AFCD ids are the Public Food Key ("F003729"); a PT's own foods
/// and recipes have ids made by the API. <see cref="Per100g"/> is always per 100 g (a recipe's too).
/// </summary>
public sealed record Food(
    string Id, string Source, string Name, string? GroupCode, string? GroupName,
    Nutrients Per100g, IReadOnlyList<ServingSize> Servings);

/// <summary>Search results, best first.</summary>
public sealed record FoodSearchResults(IReadOnlyList<Food> Items);

/// <summary>The basis a PT typed a custom food's nutrients on.</summary>
public static class NutrientBases
{
    public const string Per100g = "per100g";
    public const string PerServing = "perServing";
}

/// <summary>A PT's own food (create with a device-made id; a retry returns the food made the first time).</summary>
public sealed record SaveCustomFoodRequest : IValidatableObject
{
    [RegularExpression("^[A-Za-z0-9-]{8,40}$", ErrorMessage = "Use a GUID made on the device.")] public string? Id { get; init; }
    [Required, StringLength(120, MinimumLength = 2)] public required string Name { get; init; }
    /// <summary>An AFCD group code (two digits) to file it under; optional.</summary>
    [RegularExpression("^[0-9]{2}$", ErrorMessage = "Choose a food group.")] public string? GroupCode { get; init; }
    [Required, AllowedValues(NutrientBases.Per100g, NutrientBases.PerServing, ErrorMessage = "Choose per 100 g or per serving.")] public required string Basis { get; init; }
    /// <summary>Grams in one serving when <see cref="Basis"/> is per serving.</summary>
    [Range(1.0, 2000.0)] public double? ServingGrams { get; init; }
    [Required] public required Nutrients Nutrients { get; init; }
    [MaxLength(10)] public IReadOnlyList<ServingSize> Servings { get; init; } = [];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Basis == NutrientBases.PerServing && ServingGrams is null) yield return new("Give the grams in one serving.", [nameof(ServingGrams)]);
        if (Nutrients.EnergyKj is null) yield return new("Give the energy.", [nameof(Nutrients)]);
    }
}

/// <summary>One ingredient of a recipe: a catalogue food or a PT's own food (not another recipe).</summary>
public sealed record RecipeIngredient
{
    [Required, StringLength(40, MinimumLength = 1)] public required string FoodId { get; init; }
    [Range(0.1, 5000.0)] public double Grams { get; init; }
    /// <summary>Filled in by the API.</summary>
    public string? FoodName { get; init; }
}

/// <summary>A PT's recipe: ingredients with grams and a yield in servings; nutrients per serving are computed (and recomputed when an ingredient changes).</summary>
public sealed record SaveRecipeRequest
{
    [RegularExpression("^[A-Za-z0-9-]{8,40}$", ErrorMessage = "Use a GUID made on the device.")] public string? Id { get; init; }
    [Required, StringLength(120, MinimumLength = 2)] public required string Name { get; init; }
    [Required, MinLength(1, ErrorMessage = "Add at least one ingredient."), MaxLength(40)] public required IReadOnlyList<RecipeIngredient> Ingredients { get; init; }
    [Range(1, 50)] public int Servings { get; init; } = 1;
    [StringLength(4000), MultiLine] public string? Method { get; init; }
}

public sealed record Recipe(
    string Id, string Name, IReadOnlyList<RecipeIngredient> Ingredients, int Servings, string? Method,
    double TotalGrams, double GramsPerServing, Nutrients PerServing, Nutrients Per100g,
    IReadOnlyList<string> Unreported, DateTimeOffset UpdatedAt);

/// <summary>The PT's own foods and recipes (for their library page).</summary>
public sealed record MyFoods(IReadOnlyList<Food> Foods, IReadOnlyList<Recipe> Recipes);

/// <summary>Household measures a PT adds to a catalogue food (for their tenant).</summary>
public sealed record SaveServingsRequest
{
    [MaxLength(10)] public IReadOnlyList<ServingSize> Servings { get; init; } = [];
}
