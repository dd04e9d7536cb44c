using FitPilot.Contracts.Nutrition;
using FitPilot.Functions.Common;
using FitPilot.Functions.Storage;

namespace FitPilot.Functions.MealPlans;

/// <summary>
/// Turns the days a PT sent into what is stored: every food (items and alternatives) checked against the foods
/// this PT can see, servings turned into grams, names filled in, stable ids kept and new ones given, and a
/// snapshot of the foods used. Any problem is a field error naming the item; nothing is stored then.
/// </summary>
public static class MealPlanContent
{
    public const double MaxItemGrams = 3000;

    /// <summary>Every food id the request names (items and alternatives), to look up in one call.</summary>
    public static IReadOnlyCollection<string> FoodIds(IEnumerable<MealPlanDay> days) =>
        days.SelectMany(d => d.Meals).SelectMany(m => m.Items)
            .SelectMany(i => i.Alternatives.Select(a => a.FoodId).Prepend(i.FoodId))
            .ToHashSet(StringComparer.Ordinal);

    public static StoredMealPlan Build(IReadOnlyList<MealPlanDay> days, IReadOnlyDictionary<string, Food> foods, Func<string> newId)
    {
        var errors = new Dictionary<string, string[]>();
        var usedIds = new HashSet<string>(StringComparer.Ordinal);
        string IdFor(string? given)
        {
            if (given is not null && TenantTable.IsValidKey(given) && !given.Contains('|') && usedIds.Add(given)) return given;
            string id;
            do id = newId(); while (!usedIds.Add(id));
            return id;
        }
        var used = new Dictionary<string, Food>(StringComparer.Ordinal);
        Food? Resolve(string foodId, string field, string what)
        {
            if (foods.TryGetValue(foodId, out var food)) { used[food.Id] = food; return food; }
            errors[field] = [$"{what}: no such food in the catalogue or your foods ('{foodId}')."];
            return null;
        }

        var stored = days.Select((day, d) => new StoredMealDay(day.DayOfWeek, day.Meals.Select((meal, m) =>
        {
            var mealId = IdFor(meal.Id);
            var items = meal.Items.Select((item, i) =>
            {
                var path = $"days[{d}].meals[{m}].items[{i}]";
                var food = Resolve(item.FoodId, $"{path}.foodId", $"Item {i + 1} of {MealName(meal)}");
                var grams = item.Grams ?? 0;
                if (food is not null && item.ServingName is { } servingName && item.ServingCount is { } count)
                {
                    var serving = food.Servings.FirstOrDefault(s => string.Equals(s.Name, servingName.Trim(), StringComparison.OrdinalIgnoreCase));
                    if (serving is null)
                        errors[$"{path}.servingName"] = [$"{food.Name} has no serving \"{servingName}\": choose one of {ServingList(food)} or enter grams."];
                    else grams = Math.Round(count * serving.Grams, 1);
                }
                if (grams > MaxItemGrams) errors[$"{path}.servingCount"] = [$"That is {grams:0} g of {food?.Name}: at most {MaxItemGrams:#,0} g per item."];
                var alternatives = item.Alternatives.Select((alt, a) =>
                {
                    var altFood = Resolve(alt.FoodId, $"{path}.alternatives[{a}].foodId", $"Alternative {a + 1} of item {i + 1} of {MealName(meal)}");
                    return new StoredAlternative(alt.FoodId, altFood?.Name ?? alt.FoodId, alt.Grams);
                }).ToList();
                if (item.Alternatives.Any(a => a.FoodId == item.FoodId))
                    errors[$"{path}.alternatives"] = ["An alternative is a different food from the item."];
                return new StoredMealItem(IdFor(item.Id), item.FoodId, food?.Name ?? item.FoodId, grams,
                    item.ServingName?.Trim(), item.ServingName is null ? null : item.ServingCount, alternatives, item.Note);
            }).ToList();
            return new StoredMeal(mealId, meal.Type, string.IsNullOrWhiteSpace(meal.Name) ? MealPlanRules.DefaultMealName(meal.Type) : meal.Name.Trim(), items);
        }).ToList())).OrderBy(d => d.DayOfWeek).ToList();

        if (errors.Count > 0) throw DomainException.Invalid(errors);
        return new StoredMealPlan(stored, used.Values.OrderBy(f => f.Id, StringComparer.Ordinal).Select(StoredFood.From).ToList());
    }

    private static string MealName(Meal meal) => string.IsNullOrWhiteSpace(meal.Name) ? MealPlanRules.DefaultMealName(meal.Type).ToLowerInvariant() : meal.Name.Trim();

    private static string ServingList(Food food) =>
        food.Servings.Count == 0 ? "none (this food has no servings yet)" : string.Join(", ", food.Servings.Select(s => $"\"{s.Name}\""));
}
