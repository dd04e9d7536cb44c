using FitPilot.Contracts.Nutrition;

namespace FitPilot.Web.Nutrition;

/// <summary>
/// The builder's live totals: each item's grams (a serving × its grams on the food) scaled by <see cref="NutrientMath"/>,
/// the same math the API uses, over the foods the builder knows (the plan's, and those added from search or the generator).
/// </summary>
public sealed class PlanTotals(IReadOnlyDictionary<string, Food> foods)
{
    /// <summary>The item's grams: typed, or its servings × the serving's grams; null while unknown or not given.</summary>
    public double? GramsOf(MealItemForm item)
    {
        if (!item.ByServing) return item.Grams;
        var serving = foods.GetValueOrDefault(item.FoodId)?.Servings.FirstOrDefault(s => s.Name == item.ServingName);
        return serving is null || item.ServingCount is not { } count ? null : serving.Grams * count;
    }

    /// <summary>The item's nutrients; an unknown food or amount counts as unreported (never as zero).</summary>
    public Nutrients Of(MealItemForm item) =>
        foods.GetValueOrDefault(item.FoodId) is { } food && GramsOf(item) is { } grams ? NutrientMath.Scale(food.Per100g, grams) : new Nutrients();

    public NutrientTotals Of(MealForm meal) => NutrientMath.Total(meal.Items.Select(Of));

    public NutrientTotals Of(MealDayForm day) => NutrientMath.Sum(day.Meals.Select(Of));
}

/// <summary>How an actual amount compares with its target: within ±5 % is on target (the API's tolerance).</summary>
public enum TargetState { OnTarget, Under, Over }

public static class TargetCheck
{
    public static TargetState State(double actual, double target) =>
        NutrientMath.WithinTolerance(actual, target) ? TargetState.OnTarget : actual < target ? TargetState.Under : TargetState.Over;

    /// <summary>Words for the state, so it is never told by colour alone: "on target", "12 % under".</summary>
    public static string Describe(double actual, double target) => State(actual, target) switch
    {
        TargetState.OnTarget => "on target",
        var s => $"{NutritionText.Number(target <= 0 ? 100 : Math.Abs(actual - target) / target * 100)} % {(s == TargetState.Under ? "under" : "over")}",
    };
}
