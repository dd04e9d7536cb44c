using FitPilot.Contracts.Nutrition;

namespace FitPilot.Functions.MealPlans;

/// <summary>
/// The rules of meal plans as plain functions: which day of a plan is eaten on a date, how much of an
/// alternative replaces an item, totals per meal, day and week (<see cref="NutrientMath"/>), and the
/// shopping list's sums.
/// </summary>
public static class MealPlanRules
{
    public const string OtherGroup = "Other";

    /// <summary>Whether dates from <paramref name="start"/> to <paramref name="end"/> (either open) include <paramref name="date"/>.</summary>
    public static bool Covers(DateOnly? start, DateOnly? end, DateOnly date) =>
        (start is not { } s || s <= date) && (end is not { } e || date <= e);

    /// <summary>The plan's day on a date: a one-day plan repeats; a weekly one takes the date's weekday (null when that weekday has no day).</summary>
    public static StoredMealDay? DayOn(string rotation, IReadOnlyList<StoredMealDay> days, DateOnly date) =>
        rotation == MealPlanRotations.Weekly
            ? days.FirstOrDefault(d => d.DayOfWeek == (int)date.DayOfWeek)
            : days.FirstOrDefault();

    /// <summary>The grams of an alternative eaten instead of an item: the PT's grams, else the grams with the item's energy (else the item's grams).</summary>
    public static double SwapGrams(double itemGrams, Nutrients itemPer100g, StoredAlternative alternative, Nutrients alternativePer100g)
    {
        if (alternative.Grams is { } grams) return grams;
        if (itemPer100g.EnergyKj is { } itemKj && alternativePer100g.EnergyKj is { } altKj && altKj > 0)
            return Math.Round(Math.Min(3000, itemGrams * itemKj / altKj), 1);
        return itemGrams;
    }

    /// <summary>The nutrients of an amount of a food from the plan's snapshot (an unknown food counts as nothing reported).</summary>
    public static Nutrients NutrientsOf(IReadOnlyDictionary<string, StoredFood> foods, string foodId, double grams) =>
        NutrientMath.Scale(foods.TryGetValue(foodId, out var food) ? food.Per100g.ToContract() : new Nutrients(), grams);

    public static NutrientTotals MealTotals(StoredMeal meal, IReadOnlyDictionary<string, StoredFood> foods) =>
        NutrientMath.Total(meal.Items.Select(i => NutrientsOf(foods, i.FoodId, i.Grams)));

    public static DayTotals DayTotals(StoredMealDay day, IReadOnlyDictionary<string, StoredFood> foods)
    {
        var meals = day.Meals.Select(m => MealTotals(m, foods)).ToList();
        return new DayTotals(day.DayOfWeek, meals, NutrientMath.Sum(meals));
    }

    /// <summary>Each day's totals and the week's: a one-day plan's week is seven of its day; a weekly plan's the days it has.</summary>
    public static MealPlanTotals Totals(string rotation, StoredMealPlan plan)
    {
        var foods = plan.FoodsById();
        var days = plan.Days.Select(d => DayTotals(d, foods)).ToList();
        var week = rotation == MealPlanRotations.Single
            ? NutrientMath.Sum(days.SelectMany(d => Enumerable.Repeat(d.Day, 7)))
            : NutrientMath.Sum(days.Select(d => d.Day));
        return new MealPlanTotals(days, week);
    }

    /// <summary>
    /// Grams per food over a shopping week: recipes become their ingredients (in proportion to the recipe's
    /// total grams), the same food is summed, and foods are grouped by their food group ("Other" without one).
    /// </summary>
    public static IReadOnlyList<ShoppingGroup> Shopping(
        IEnumerable<(string FoodId, double Grams)> eaten,
        IReadOnlyDictionary<string, Food> foods,
        IReadOnlyDictionary<string, IReadOnlyList<RecipeIngredient>> recipes)
    {
        var grams = new Dictionary<string, double>(StringComparer.Ordinal);
        void Add(string id, double g) => grams[id] = grams.GetValueOrDefault(id) + g;
        foreach (var (foodId, g) in eaten)
        {
            if (recipes.TryGetValue(foodId, out var ingredients) && ingredients.Sum(i => i.Grams) is var total and > 0)
                foreach (var ingredient in ingredients) Add(ingredient.FoodId, g * ingredient.Grams / total);
            else Add(foodId, g);
        }
        return grams
            .Select(kv => (Food: foods.GetValueOrDefault(kv.Key), Id: kv.Key, Grams: kv.Value))
            .GroupBy(x => x.Food?.GroupName ?? OtherGroup)
            .OrderBy(g => g.Key == OtherGroup).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new ShoppingGroup(g.Key, g
                .Select(x => new ShoppingItem(x.Id, x.Food?.Name ?? x.Id, Math.Round(x.Grams, 1)))
                .OrderBy(i => i.Name, StringComparer.OrdinalIgnoreCase).ToList()))
            .ToList();
    }

    public static string DefaultMealName(string type) => type switch
    {
        MealTypes.Breakfast => "Breakfast",
        MealTypes.Lunch => "Lunch",
        MealTypes.Dinner => "Dinner",
        MealTypes.Snack => "Snack",
        _ => "Meal",
    };
}

/// <summary>A client's day from their plan and their ticks and swaps: what <c>/me/nutrition/day</c> shows and the PT's log counts.</summary>
public static class NutritionDays
{
    /// <summary>The plan that runs on a date: of the client's plans covering it, the one that started last.</summary>
    public static MealPlanEntity? PlanOn(IEnumerable<MealPlanEntity> plans, DateOnly date) =>
        plans.Where(p => p.Covers(date)).OrderByDescending(p => p.StartDate ?? DateOnly.MinValue).ThenByDescending(p => p.CreatedAt).FirstOrDefault();

    public static NutritionDay Build(DateOnly date, MealPlanEntity? plan, StoredMealPlan? content, MealDayEntity? row)
    {
        if (plan is null || content is null) return new NutritionDay(date, null, null, [], NutrientTotals.Zero, NutrientTotals.Zero);
        var day = MealPlanRules.DayOn(plan.Rotation, content.Days, date);
        var own = row is not null && row.PlanId == plan.Id;
        var eaten = own ? row!.EatenMealIds : new HashSet<string>();
        var swaps = own ? row!.SwappedItems : new Dictionary<string, string>();
        var foods = content.FoodsById();
        var meals = (day?.Meals ?? []).Select(m =>
        {
            var items = m.Items.Select(i => Item(i, swaps, foods)).ToList();
            return new TodayMeal(m.Id, m.Type, m.Name, items, NutrientMath.Total(items.Select(x => x.Nutrients)), eaten.Contains(m.Id));
        }).ToList();
        return new NutritionDay(date, plan.Id, plan.Name, meals, NutrientMath.Sum(meals.Select(m => m.Totals)), NutrientMath.Sum(meals.Where(m => m.Eaten).Select(m => m.Totals)));
    }

    private static TodayMealItem Item(StoredMealItem item, IReadOnlyDictionary<string, string> swaps, IReadOnlyDictionary<string, StoredFood> foods)
    {
        var alternatives = item.Alternatives.Select(a => a.ToContract()).ToList();
        if (swaps.TryGetValue(item.Id, out var foodId) && item.Alternatives.FirstOrDefault(a => a.FoodId == foodId) is { } alt)
        {
            var grams = MealPlanRules.SwapGrams(item.Grams, Per100g(foods, item.FoodId), alt, Per100g(foods, alt.FoodId));
            return new TodayMealItem(item.Id, alt.FoodId, alt.FoodName, grams, null, null, MealPlanRules.NutrientsOf(foods, alt.FoodId, grams),
                true, item.FoodName, alternatives, item.Note);
        }
        return new TodayMealItem(item.Id, item.FoodId, item.FoodName, item.Grams, item.ServingName, item.ServingCount,
            MealPlanRules.NutrientsOf(foods, item.FoodId, item.Grams), false, null, alternatives, item.Note);
    }

    private static Nutrients Per100g(IReadOnlyDictionary<string, StoredFood> foods, string id) =>
        foods.TryGetValue(id, out var f) ? f.Per100g.ToContract() : new Nutrients();
}
