using FitPilot.Contracts.Nutrition;

namespace FitPilot.Functions.Foods;

/// <summary>
/// The pure rules of own foods and recipes: a PT's figures per serving become figures per 100 g, those must
/// be physically possible, and a recipe's nutrients are the sum of its ingredients' (through
/// <see cref="NutrientMath.Scale"/>) divided by its yield.
/// </summary>
public static class FoodRules
{
    /// <summary>Energy of pure fat is about 3,700 kJ per 100 g; nothing edible holds more.</summary>
    public const double MaxKjPer100g = 3800;

    /// <summary>FSANZ energy factors, kJ per g: protein 17, fat 37, available carbohydrate 17, dietary fibre 8.</summary>
    public const double KjPerGProtein = 17, KjPerGFat = 37, KjPerGCarbs = 17, KjPerGFibre = 8;

    /// <summary>The names of every nutrient, as <see cref="Recipe.Unreported"/> lists them (the totals' names first).</summary>
    public static readonly IReadOnlyList<string> NutrientNames =
        ["energy", "protein", "fat", "carbs", "fibre", "sodium", "sugars", "potassium", "calcium", "iron", "vitaminC", "thiamin", "riboflavin", "niacin"];

    /// <summary>The food's nutrients per 100 g, whichever basis the PT typed them on.</summary>
    public static Nutrients Per100g(SaveCustomFoodRequest request) =>
        request.Basis == NutrientBases.PerServing && request.ServingGrams is { } grams
            ? NutrientMath.Scale(request.Nutrients, 100.0 * 100.0 / grams)
            : request.Nutrients;

    /// <summary>
    /// Field errors when values per 100 g cannot be real food: a macronutrient (or protein + fat + carbohydrate +
    /// fibre together) over 100 g, sugars over the carbohydrate, energy over <see cref="MaxKjPer100g"/>, minerals
    /// and vitamins over 100 g together, or energy well under what the macronutrients alone provide. On a per-serving
    /// basis the message says what the figure comes to per 100 g.
    /// </summary>
    public static Dictionary<string, string[]> Check(Nutrients per100g, string basis)
    {
        var errors = new Dictionary<string, string[]>();
        var perServing = basis == NutrientBases.PerServing;
        string Per100(double value, string unit) => perServing ? $" (that is {value:0.#} {unit} per 100 g)" : "";
        void Add(string field, string message) => errors.TryAdd("nutrients." + field, [message]);

        foreach (var (field, value) in new[] { ("proteinG", per100g.ProteinG), ("fatG", per100g.FatG), ("carbsG", per100g.CarbsG), ("fibreG", per100g.FibreG), ("sugarsG", per100g.SugarsG) })
            if (value > 100.05) Add(field, $"No food holds more than 100 g of it in 100 g{Per100(value.Value, "g")}.");
        var macros = (per100g.ProteinG ?? 0) + (per100g.FatG ?? 0) + (per100g.CarbsG ?? 0) + (per100g.FibreG ?? 0);
        if (macros > 105 && errors.Count == 0) // a little over 100 for analytical rounding: the AFCD itself has 102.1 g
            Add("proteinG", $"Protein, fat, carbohydrate and fibre add up to more than 100 g in 100 g{Per100(macros, "g")}.");
        if (per100g.SugarsG is { } sugars && per100g.CarbsG is { } carbs && sugars > carbs + 0.5 && !errors.ContainsKey("nutrients.sugarsG"))
            Add("sugarsG", "Sugars are part of the carbohydrate: they cannot be more than it.");
        var minerals = ((per100g.SodiumMg ?? 0) + (per100g.PotassiumMg ?? 0) + (per100g.CalciumMg ?? 0) + (per100g.IronMg ?? 0)
            + (per100g.VitaminCMg ?? 0) + (per100g.ThiaminMg ?? 0) + (per100g.RiboflavinMg ?? 0) + (per100g.NiacinMg ?? 0)) / 1000.0;
        if (minerals > 100.05) Add("sodiumMg", $"Minerals and vitamins add up to more than 100 g in 100 g{Per100(minerals, "g")}.");
        if (per100g.EnergyKj is { } kj)
        {
            if (kj > MaxKjPer100g) Add("energyKj", $"No food holds more than {MaxKjPer100g:N0} kJ in 100 g (pure fat is about 3,700){Per100(kj, "kJ")}.");
            var fromMacros = KjPerGProtein * (per100g.ProteinG ?? 0) + KjPerGFat * (per100g.FatG ?? 0) + KjPerGCarbs * (per100g.CarbsG ?? 0) + KjPerGFibre * (per100g.FibreG ?? 0);
            // Label rounding and other factors aside, the energy is at least what protein, fat and carbohydrate provide.
            if (fromMacros > kj * 1.25 + 100 && !errors.ContainsKey("nutrients.energyKj"))
                Add("energyKj", $"The energy is too low for the protein, fat and carbohydrate given: they alone provide about {fromMacros:N0} kJ per 100 g{(perServing ? $" ({kj:N0} kJ per 100 g given)" : "")}. Check the units (kJ, not kcal).");
        }
        return errors;
    }

    /// <summary>An ingredient with the food it is (its nutrients per 100 g).</summary>
    public sealed record Part(string FoodId, string FoodName, double Grams, Nutrients Per100g);

    public sealed record RecipeNutrients(double TotalGrams, double GramsPerServing, Nutrients PerServing, Nutrients Per100g, IReadOnlyList<string> Unreported);

    /// <summary>
    /// A recipe's nutrients: the sum of each ingredient's (<see cref="NutrientMath.Scale"/> of its grams), per serving
    /// (÷ servings) and per 100 g (÷ total grams × 100; no cooking loss or gain is assumed). A nutrient an ingredient
    /// does not report is null in the recipe (a partial sum would pass for the whole) and named in Unreported.
    /// </summary>
    public static RecipeNutrients Recipe(IReadOnlyList<Part> parts, int servings)
    {
        var total = parts.Sum(p => p.Grams);
        var sums = new double?[NutrientNames.Count];
        Array.Fill(sums, 0);
        foreach (var part in parts)
        {
            var values = Values(NutrientMath.Scale(part.Per100g, part.Grams));
            for (var i = 0; i < sums.Length; i++) sums[i] = sums[i] + values[i]; // null stays null
        }
        var whole = FromValues(sums);
        var unreported = NutrientNames.Where((_, i) => sums[i] is null).ToList();
        return new RecipeNutrients(total, total / servings, NutrientMath.Scale(whole, 100.0 / servings),
            total > 0 ? NutrientMath.Scale(whole, 100.0 * 100.0 / total) : new Nutrients(), unreported);
    }

    internal static double?[] Values(Nutrients n) =>
        [n.EnergyKj, n.ProteinG, n.FatG, n.CarbsG, n.FibreG, n.SodiumMg, n.SugarsG, n.PotassiumMg, n.CalciumMg, n.IronMg, n.VitaminCMg, n.ThiaminMg, n.RiboflavinMg, n.NiacinMg];

    private static Nutrients FromValues(double?[] v) => new()
    {
        EnergyKj = v[0], ProteinG = v[1], FatG = v[2], CarbsG = v[3], FibreG = v[4], SodiumMg = v[5], SugarsG = v[6],
        PotassiumMg = v[7], CalciumMg = v[8], IronMg = v[9], VitaminCMg = v[10], ThiaminMg = v[11], RiboflavinMg = v[12], NiacinMg = v[13],
    };
}
