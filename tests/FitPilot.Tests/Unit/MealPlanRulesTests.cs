using FitPilot.Contracts.Nutrition;
using FitPilot.Functions.Common;
using FitPilot.Functions.MealPlans;

namespace FitPilot.Tests.Unit;

public sealed class MealPlanRulesTests
{
    private static Food Food(string id, double? kj, double? protein = 10, double? sodium = 100, string? group = "Eggs", string source = FoodSources.Afcd,
        params ServingSize[] servings) =>
        new(id, source, $"Food {id}", group is null ? null : "17", group, new Nutrients { EnergyKj = kj, ProteinG = protein, FatG = 5, CarbsG = 20, FibreG = 1, SodiumMg = sodium }, servings);

    private static StoredMealItem Item(string id, string foodId, double grams, params StoredAlternative[] alternatives) =>
        new(id, foodId, $"Food {foodId}", grams, null, null, alternatives, null);

    private static StoredMealDay Day(int? dayOfWeek, params StoredMealItem[] items) => new(dayOfWeek, [new StoredMeal($"m{dayOfWeek}", MealTypes.Lunch, "Lunch", items)]);

    [Fact]
    public void A_single_day_plan_repeats_and_a_weekly_plan_takes_the_dates_weekday()
    {
        var monday = new DateOnly(2026, 11, 23);
        Assert.Equal(DayOfWeek.Monday, monday.DayOfWeek);
        var single = new[] { Day(null, Item("a", "F1", 100)) };
        for (var d = 0; d < 14; d++) Assert.Same(single[0], MealPlanRules.DayOn(MealPlanRotations.Single, single, monday.AddDays(d)));

        var weekly = new[] { Day(1, Item("a", "F1", 100)), Day(3, Item("b", "F1", 50)) };
        Assert.Equal(1, MealPlanRules.DayOn(MealPlanRotations.Weekly, weekly, monday)!.DayOfWeek);
        Assert.Equal(1, MealPlanRules.DayOn(MealPlanRotations.Weekly, weekly, monday.AddDays(7))!.DayOfWeek);
        Assert.Equal(3, MealPlanRules.DayOn(MealPlanRotations.Weekly, weekly, monday.AddDays(2))!.DayOfWeek);
        Assert.Null(MealPlanRules.DayOn(MealPlanRotations.Weekly, weekly, monday.AddDays(1)));
        Assert.Null(MealPlanRules.DayOn(MealPlanRotations.Single, [], monday));
    }

    [Fact]
    public void A_plan_covers_its_dates_only_and_the_one_started_last_runs()
    {
        var d = new DateOnly(2026, 11, 23);
        Assert.True(MealPlanRules.Covers(null, null, d));
        Assert.False(MealPlanRules.Covers(d.AddDays(1), null, d));
        Assert.False(MealPlanRules.Covers(null, d.AddDays(-1), d));
        Assert.True(MealPlanRules.Covers(d, d, d));
        var old = new MealPlanEntity { RowKey = "old", ClientId = "c", StartDate = d.AddDays(-30) };
        var newer = new MealPlanEntity { RowKey = "new", ClientId = "c", StartDate = d.AddDays(-2) };
        var template = new MealPlanEntity { RowKey = "t", IsTemplate = true };
        Assert.Equal("new", NutritionDays.PlanOn([old, newer, template], d)!.Id);
        Assert.Equal("old", NutritionDays.PlanOn([old, newer, template], d.AddDays(-3))!.Id);
        Assert.Null(NutritionDays.PlanOn([template], d));
    }

    [Fact]
    public void A_swap_takes_the_alternatives_grams_else_the_grams_with_the_items_energy()
    {
        var item = new Nutrients { EnergyKj = 600 };
        Assert.Equal(80, MealPlanRules.SwapGrams(150, item, new StoredAlternative("B", "B", 80), new Nutrients { EnergyKj = 300 }));
        // 150 g at 600 kJ/100 g = 900 kJ; at 300 kJ/100 g that is 300 g.
        Assert.Equal(300, MealPlanRules.SwapGrams(150, item, new StoredAlternative("B", "B", null), new Nutrients { EnergyKj = 300 }));
        // Energy not reported (or zero) on either side: the item's grams.
        Assert.Equal(150, MealPlanRules.SwapGrams(150, item, new StoredAlternative("B", "B", null), new Nutrients()));
        Assert.Equal(150, MealPlanRules.SwapGrams(150, new Nutrients(), new StoredAlternative("B", "B", null), new Nutrients { EnergyKj = 300 }));
        Assert.Equal(150, MealPlanRules.SwapGrams(150, item, new StoredAlternative("B", "B", null), new Nutrients { EnergyKj = 0 }));
        // Never beyond 3 kg of a food.
        Assert.Equal(3000, MealPlanRules.SwapGrams(2000, item, new StoredAlternative("B", "B", null), new Nutrients { EnergyKj = 10 }));
    }

    [Fact]
    public void Totals_count_unreported_values_instead_of_zero_and_a_single_days_week_is_seven_of_it()
    {
        var foods = new[] { StoredFood.From(Food("A", 1000, sodium: 200)), StoredFood.From(Food("B", 500, sodium: null)) };
        var plan = new StoredMealPlan([Day(null, Item("x", "A", 50), Item("y", "B", 200), Item("z", "B", 100))], foods);
        var totals = MealPlanRules.Totals(MealPlanRotations.Single, plan);
        var day = Assert.Single(totals.Days).Day;
        Assert.Equal(500 + 1000 + 500, day.EnergyKj, 6);
        Assert.Equal(2000 / Nutrients.KjPerKcal, day.EnergyKcal, 6);
        Assert.Equal(100, day.SodiumMg, 6); // only A's 50 g reported
        Assert.Equal(2, day.Unreported["sodium"]);
        Assert.False(day.Unreported.ContainsKey("energy"));
        Assert.Equal(7 * 2000, totals.Week.EnergyKj, 6);
        Assert.Equal(14, totals.Week.Unreported["sodium"]);

        var weekly = MealPlanRules.Totals(MealPlanRotations.Weekly, plan with { Days = [Day(1, Item("x", "A", 100)), Day(2, Item("y", "B", 100))] });
        Assert.Equal(1500, weekly.Week.EnergyKj, 6);
        Assert.Equal(1, weekly.Week.Unreported["sodium"]);
    }

    [Fact]
    public void A_shopping_list_sums_grams_per_food_expands_recipes_and_groups_by_food_group()
    {
        var foods = new Dictionary<string, Food>
        {
            ["EGG"] = Food("EGG", 500, group: "Eggs"),
            ["RICE"] = Food("RICE", 600, group: "Cereals and cereal products"),
            ["OWN"] = Food("OWN", 100, group: null, source: FoodSources.Custom),
            ["R1"] = Food("R1", 400, group: null, source: FoodSources.Recipe),
        };
        // Recipe R1: 300 g in all, 200 g rice and 100 g egg.
        var recipes = new Dictionary<string, IReadOnlyList<RecipeIngredient>>
        {
            ["R1"] = [new RecipeIngredient { FoodId = "RICE", Grams = 200 }, new RecipeIngredient { FoodId = "EGG", Grams = 100 }],
        };
        var groups = MealPlanRules.Shopping([("EGG", 100), ("EGG", 50), ("R1", 150), ("OWN", 30), ("RICE", 80)], foods, recipes);
        Assert.Equal(["Cereals and cereal products", "Eggs", "Other"], groups.Select(g => g.Name));
        Assert.Equal(80 + 100, Assert.Single(groups[0].Items).Grams);
        Assert.Equal(100 + 50 + 50, Assert.Single(groups[1].Items).Grams);
        Assert.Equal(("OWN", 30.0), (Assert.Single(groups[2].Items).FoodId, groups[2].Items[0].Grams));
        Assert.DoesNotContain(groups.SelectMany(g => g.Items), i => i.FoodId == "R1");
    }

    [Fact]
    public void Saving_turns_servings_into_grams_fills_names_keeps_ids_and_snapshots_the_foods()
    {
        var foods = new Dictionary<string, Food>
        {
            ["EGG"] = Food("EGG", 533, servings: new ServingSize { Name = "large egg", Grams = 58 }),
            ["RICE"] = Food("RICE", 659),
            ["BANANA"] = Food("BANANA", 394),
        };
        var n = 0;
        var day = new MealPlanDay
        {
            Meals =
            [
                new Meal { Id = "keep-me", Type = MealTypes.Breakfast, Items = [
                    new MealItem { FoodId = "EGG", ServingName = "Large Egg", ServingCount = 2 },
                    new MealItem { Id = "item-1", FoodId = "RICE", Grams = 150, Alternatives = [new MealAlternative { FoodId = "BANANA" }] },
                ] },
                new Meal { Id = "keep-me", Type = MealTypes.Custom, Name = " Pre-workout ", Items = [new MealItem { Id = "item-1", FoodId = "RICE", Grams = 10 }] },
            ],
        };
        var stored = MealPlanContent.Build([day], foods, () => $"new{++n}");
        var meals = stored.Days[0].Meals;
        Assert.Equal(("keep-me", "Breakfast"), (meals[0].Id, meals[0].Name));
        Assert.NotEqual("keep-me", meals[1].Id); // a duplicated id (a copied meal) gets a new one
        Assert.Equal("Pre-workout", meals[1].Name);
        Assert.Equal((116.0, "Large Egg", 2.0, "Food EGG"), (meals[0].Items[0].Grams, meals[0].Items[0].ServingName, meals[0].Items[0].ServingCount, meals[0].Items[0].FoodName));
        Assert.Equal("item-1", meals[0].Items[1].Id);
        Assert.NotEqual("item-1", meals[1].Items[0].Id);
        Assert.Equal("Food BANANA", meals[0].Items[1].Alternatives[0].FoodName);
        Assert.Equal(["BANANA", "EGG", "RICE"], stored.Foods.Select(f => f.Id));
        Assert.Equal(533, stored.Foods.Single(f => f.Id == "EGG").Per100g.EnergyKj);
    }

    [Fact]
    public void Saving_names_each_unknown_food_serving_or_too_large_amount_and_builds_nothing()
    {
        var foods = new Dictionary<string, Food> { ["EGG"] = Food("EGG", 533, servings: [new ServingSize { Name = "large egg", Grams = 58 }, new ServingSize { Name = "tray", Grams = 600 }]) };
        var day = new MealPlanDay
        {
            Meals = [new Meal { Type = MealTypes.Lunch, Items = [
                new MealItem { FoodId = "NOPE", Grams = 100 },
                new MealItem { FoodId = "EGG", ServingName = "cup", ServingCount = 1 },
                new MealItem { FoodId = "EGG", Grams = 10, Alternatives = [new MealAlternative { FoodId = "GONE" }, new MealAlternative { FoodId = "EGG" }] },
                new MealItem { FoodId = "EGG", ServingName = "tray", ServingCount = 6 },
            ] }],
        };
        var e = Assert.Throws<DomainException>(() => MealPlanContent.Build([day], foods, Ids.NewShort));
        Assert.Equal(DomainErrorKind.Invalid, e.Kind);
        Assert.Contains("NOPE", e.Errors!["days[0].meals[0].items[0].foodId"][0]);
        Assert.Contains("Item 1 of lunch", e.Errors["days[0].meals[0].items[0].foodId"][0]);
        Assert.Contains("large egg", e.Errors["days[0].meals[0].items[1].servingName"][0]);
        Assert.Contains("GONE", e.Errors["days[0].meals[0].items[2].alternatives[0].foodId"][0]);
        Assert.True(e.Errors.ContainsKey("days[0].meals[0].items[2].alternatives"));
        Assert.Contains("3600 g", e.Errors["days[0].meals[0].items[3].servingCount"][0]);
    }

    [Fact]
    public void A_plan_document_is_split_over_columns_and_reads_back_whole()
    {
        var note = new string('é', 400);
        var items = Enumerable.Range(0, 20).Select(i => new StoredMealItem($"i{i}", "F1", "Food", 100, null, null,
            Enumerable.Range(0, 5).Select(a => new StoredAlternative($"A{a}", "Alt", 50)).ToList(), note)).ToList();
        var content = new StoredMealPlan(Enumerable.Range(0, 7).Select(d => new StoredMealDay(d, Enumerable.Range(0, 3).Select(m => new StoredMeal($"m{d}{m}", MealTypes.Lunch, "Lunch", items)).ToList())).ToList(), []);
        var entity = new MealPlanEntity { Content = content };
        Assert.NotNull(entity.Doc1);
        Assert.True(entity.Doc0!.Length <= MealPlanEntity.ChunkChars);
        Assert.Equal(StoredJsonOf(content), StoredJsonOf(entity.Content));

        var huge = content with { Days = Enumerable.Range(0, 7).Select(d => new StoredMealDay(d, Enumerable.Range(0, 10).Select(m => new StoredMeal($"m{d}{m}", MealTypes.Lunch, "Lunch", items)).ToList())).ToList() };
        Assert.Equal(DomainErrorKind.Invalid, Assert.Throws<DomainException>(() => new MealPlanEntity { Content = huge }).Kind);
    }

    private static string StoredJsonOf(StoredMealPlan plan) => Functions.Storage.StoredJson.Serialize(plan);
}
