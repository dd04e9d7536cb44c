using System.Globalization;
using FitPilot.Contracts.Nutrition;

namespace FitPilot.Web.Nutrition;

/// <summary>How the nutrition pages write foods, amounts and nutrients.</summary>
public static class NutritionText
{
    /// <summary>The FSANZ attribution and the "estimates" disclaimer (the API's FoodCatalog.Attribution, word for word).</summary>
    public const string Attribution =
        "Contains data from the Australian Food Composition Database – Release 2, © Food Standards Australia New Zealand (FSANZ), " +
        "used under a licence based on CC BY-SA 3.0 AU. Values are estimates.";

    /// <summary>0 = Sunday … 6 = Saturday, as the contracts number them.</summary>
    public static readonly string[] DayNames = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

    /// <summary>Monday first, as a PT's week reads.</summary>
    public static readonly int[] WeekOrder = [1, 2, 3, 4, 5, 6, 0];

    public static string MealTypeName(string type) => type switch
    {
        MealTypes.Breakfast => "Breakfast",
        MealTypes.Lunch => "Lunch",
        MealTypes.Dinner => "Dinner",
        MealTypes.Snack => "Snack",
        _ => "Custom",
    };

    public static string DietName(string diet) => diet switch
    {
        Diets.Vegetarian => "Vegetarian",
        Diets.Vegan => "Vegan",
        Diets.DairyFree => "Dairy-free",
        Diets.GlutenFree => "Gluten-free",
        _ => diet,
    };

    /// <summary>A value with its unit, or "—" when the source does not report it (never 0).</summary>
    public static string Amount(double? value, string unit, string format = "0") =>
        value is { } v ? v.ToString(format, CultureInfo.InvariantCulture) + unit : "—";

    public static string Kcal(double? kj) => Amount(kj / Nutrients.KjPerKcal, " kcal");

    /// <summary>"sodium: 3 items unreported; fibre: 1 item unreported", or null when everything was reported.</summary>
    public static string? Unreported(NutrientTotals totals) =>
        totals.Unreported.Count == 0 ? null
            : string.Join("; ", NutrientMath.TotalledNames.Where(totals.Unreported.ContainsKey)
                .Select(n => $"{n}: {totals.Unreported[n]} item{(totals.Unreported[n] == 1 ? "" : "s")} unreported"));

    public static string Number(double value, string format = "0") => value.ToString(format, CultureInfo.InvariantCulture);
}
