using System.Globalization;
using FitPilot.Contracts.Nutrition;

namespace FitPilot.Web.Nutrition;

/// <summary>How the nutrition pages write foods, amounts and nutrients.</summary>
public static class NutritionText
{
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

    /// <summary>"sodium: 3 items unreported; …" (<see cref="NutritionNumbers.Unreported"/>), or null when everything was reported.</summary>
    public static string? Unreported(NutrientTotals totals) => totals.Unreported.Count == 0 ? null : NutritionNumbers.Unreported(totals.Unreported);

    public static string Number(double value, string format = "0") => value.ToString(format, CultureInfo.InvariantCulture);
}
