using FitPilot.Contracts.Nutrition;
using FitPilot.Functions.Clients;
using FitPilot.Functions.Common;
using FitPilot.Functions.Foods;
using FitPilot.Functions.Storage;

namespace FitPilot.Functions.MealPlans;

/// <summary>
/// The client's side of meal plans: their day (the plan's day for a date, in their time zone), ticking meals
/// eaten and swapping an item for one of its alternatives (today or yesterday, one row per date), their plan,
/// and shopping lists; and the PT's log of a client's eating. The day reads the plan row (whose food snapshot
/// gives the numbers) and the day's row: two storage round trips, three with a tick.
/// </summary>
public sealed class NutritionDayService(MealPlanStore store, IFoodLookup foods, ClientStore clients, PartitionLocks locks, TimeProvider clock)
{
    public const int MaxLogDays = 62;

    public async Task<NutritionDay> DayAsync(string trainerId, string clientId, DateOnly date, CancellationToken ct)
    {
        var plans = store.ClientPlansAsync(trainerId, clientId, date, date, ct);
        var row = store.FindDayAsync(clientId, date, ct);
        var plan = NutritionDays.PlanOn(await plans, date);
        return NutritionDays.Build(date, plan, plan?.Content, await row);
    }

    public async Task<Versioned<MealPlanDto>> ActivePlanAsync(string trainerId, string clientId, DateOnly today, CancellationToken ct)
    {
        var plan = NutritionDays.PlanOn(await store.ClientPlansAsync(trainerId, clientId, today, today, ct), today)
            ?? throw DomainException.NotFound("Your coach has not given you a meal plan yet.", "No meal plan");
        var client = await clients.FindAsync(trainerId, clientId, ct);
        return new Versioned<MealPlanDto>(MealPlanService.ToDto(plan, client?.Name), plan.ETag);
    }

    /// <summary>Ticks (or unticks) a meal of the day as eaten; the same tick again writes nothing.</summary>
    public Task<NutritionDay> MarkEatenAsync(string trainerId, string clientId, DateOnly today, DateOnly date, string mealId, bool eaten, CancellationToken ct) =>
        ChangeDayAsync(trainerId, clientId, today, date, ct, (day, row) =>
        {
            if (day.Meals.All(m => m.Id != mealId)) throw DomainException.NotFound("No such meal on this day.");
            var ids = row.EatenMealIds.ToHashSet(StringComparer.Ordinal);
            if (!(eaten ? ids.Add(mealId) : ids.Remove(mealId))) return false;
            row.EatenMealIds = ids;
            return true;
        });

    /// <summary>Eats one of an item's alternatives instead (null goes back to the planned food).</summary>
    public Task<NutritionDay> SwapAsync(string trainerId, string clientId, DateOnly today, DateOnly date, string itemId, string? foodId, CancellationToken ct) =>
        ChangeDayAsync(trainerId, clientId, today, date, ct, (day, row) =>
        {
            var item = day.Meals.SelectMany(m => m.Items).FirstOrDefault(i => i.Id == itemId) ?? throw DomainException.NotFound("No such item on this day.");
            if (foodId is not null && item.Alternatives.All(a => a.FoodId != foodId))
                throw DomainException.Invalid("foodId", $"Choose one of the alternatives your coach listed for {item.FoodName}.");
            var swaps = row.SwappedItems.ToDictionary(StringComparer.Ordinal);
            if (swaps.GetValueOrDefault(itemId) == foodId) return false;
            if (foodId is null) swaps.Remove(itemId); else swaps[itemId] = foodId;
            row.SwappedItems = swaps;
            return true;
        });

    /// <summary>The PT's view of a client's eating: meals planned and ticked per day (at most <see cref="MaxLogDays"/> days).</summary>
    public async Task<List<NutritionLogDay>> LogAsync(string trainerId, string clientId, DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        var client = await clients.GetAsync(trainerId, clientId, ct);
        var last = to ?? UserTime.Today(client.TimeZone, clock.GetUtcNow());
        var first = from ?? last.AddDays(-13);
        if (first > last) throw DomainException.Invalid("from", "from must be on or before to.");
        if (last.DayNumber - first.DayNumber + 1 > MaxLogDays) throw DomainException.Invalid("from", $"Ask for at most {MaxLogDays} days.");
        var plans = await store.ClientPlansAsync(trainerId, clientId, first, last, ct);
        var rows = (await store.DaysAsync(clientId, first, last, ct)).ToDictionary(r => r.RowKey, StringComparer.Ordinal);
        var contents = plans.ToDictionary(p => p.Id, p => p.Content, StringComparer.Ordinal);
        var log = new List<NutritionLogDay>();
        for (var date = first; date <= last; date = date.AddDays(1))
        {
            var plan = NutritionDays.PlanOn(plans, date);
            var day = NutritionDays.Build(date, plan, plan is null ? null : contents[plan.Id], rows.GetValueOrDefault(Iso.Format(date)));
            log.Add(new NutritionLogDay(date, day.Meals.Count, day.Meals.Count(m => m.Eaten), Math.Round(day.Planned.EnergyKcal), Math.Round(day.Eaten.EnergyKcal)));
        }
        return log;
    }

    /// <summary>A PT's shopping list for a week of one of their plans or templates.</summary>
    public async Task<ShoppingList> ShoppingListAsync(string trainerId, string planId, DateOnly from, CancellationToken ct) =>
        await ShoppingAsync(trainerId, await store.GetAsync(trainerId, planId, ct), from, ct);

    /// <summary>The client's shopping list: the plan running on <paramref name="from"/>, else the first that starts within the week.</summary>
    public async Task<ShoppingList> MyShoppingListAsync(string trainerId, string clientId, DateOnly from, CancellationToken ct)
    {
        var plans = await store.ClientPlansAsync(trainerId, clientId, from, from.AddDays(6), ct);
        var plan = NutritionDays.PlanOn(plans, from)
            ?? plans.Where(p => Enumerable.Range(0, 7).Any(d => p.Covers(from.AddDays(d)))).OrderBy(p => p.StartDate).FirstOrDefault()
            ?? throw DomainException.NotFound("You have no meal plan for this week.", "No meal plan");
        return await ShoppingAsync(trainerId, plan, from, ct);
    }

    private async Task<ShoppingList> ShoppingAsync(string trainerId, MealPlanEntity plan, DateOnly from, CancellationToken ct)
    {
        var content = plan.Content;
        var to = from.AddDays(6);
        var eaten = new List<(string FoodId, double Grams)>();
        for (var date = from; date <= to; date = date.AddDays(1))
        {
            if (!plan.IsTemplate && !plan.Covers(date)) continue;
            if (MealPlanRules.DayOn(plan.Rotation, content.Days, date) is { } day)
                eaten.AddRange(day.Meals.SelectMany(m => m.Items).Select(i => (i.FoodId, i.Grams)));
        }
        var known = content.Foods.ToDictionary(f => f.Id, f => f.ToContract(), StringComparer.Ordinal);
        var recipeIds = eaten.Select(e => e.FoodId).Distinct().Where(id => known.GetValueOrDefault(id)?.Source == FoodSources.Recipe).ToList();
        var recipes = recipeIds.Count == 0
            ? new Dictionary<string, IReadOnlyList<RecipeIngredient>>()
            : await foods.IngredientsAsync(trainerId, recipeIds, ct);
        var missing = recipes.Values.SelectMany(i => i).Select(i => i.FoodId).Where(id => !known.ContainsKey(id)).Distinct().ToList();
        if (missing.Count > 0)
            foreach (var (id, food) in await foods.FindAsync(trainerId, missing, ct)) known[id] = food;
        // An ingredient the look-up no longer knows keeps its name from the recipe.
        foreach (var ingredient in recipes.Values.SelectMany(i => i).Where(i => !known.ContainsKey(i.FoodId)))
            known[ingredient.FoodId] = new Food(ingredient.FoodId, FoodSources.Custom, ingredient.FoodName ?? ingredient.FoodId, null, null, new Nutrients(), []);
        return new ShoppingList(plan.Id, plan.Name, from, to, MealPlanRules.Shopping(eaten, known, recipes));
    }

    private static void RequireTickable(DateOnly today, DateOnly date)
    {
        if (date > today) throw DomainException.Invalid("date", "A day that has not come yet cannot be changed.");
        if (date < today.AddDays(-1)) throw DomainException.Invalid("date", "Only today or yesterday can be changed.");
    }

    /// <summary>
    /// Reads the plan running on the date and the day's row, applies <paramref name="change"/> (false: nothing changed) and saves the
    /// row over the version read. A row left from another plan starts empty. Three storage round trips at most.
    /// </summary>
    private async Task<NutritionDay> ChangeDayAsync(string trainerId, string clientId, DateOnly today, DateOnly date, CancellationToken ct,
        Func<StoredMealDay, MealDayEntity, bool> change)
    {
        RequireTickable(today, date);
        using var _ = await locks.EnterAsync(clientId, ct);
        var plans = store.ClientPlansAsync(trainerId, clientId, date, date, ct);
        var found = store.FindDayAsync(clientId, date, ct);
        var plan = NutritionDays.PlanOn(await plans, date) ?? throw DomainException.NotFound("You have no meal plan on this day.", "No meal plan");
        var content = plan.Content;
        var day = MealPlanRules.DayOn(plan.Rotation, content.Days, date) ?? throw DomainException.NotFound("Your plan has no meals on this day.");
        var row = await found;
        var isNew = row is null;
        row ??= new MealDayEntity { PartitionKey = clientId, RowKey = Iso.Format(date), PlanId = plan.Id };
        var reset = row.PlanId != plan.Id;
        if (reset) (row.PlanId, row.Eaten, row.Swaps) = (plan.Id, "", "{}");
        if (change(day, row) || reset && !isNew)
        {
            row.UpdatedAt = clock.GetUtcNow();
            await store.SaveDayAsync(row, isNew, ct);
        }
        return NutritionDays.Build(date, plan, content, row);
    }
}
