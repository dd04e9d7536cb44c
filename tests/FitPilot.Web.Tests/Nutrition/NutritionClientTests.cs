using System.Net;
using FitPilot.Contracts.Auth;
using FitPilot.Contracts.Clients;
using FitPilot.Contracts.Nutrition;
using FitPilot.Web.Auth;
using FitPilot.Web.Nutrition;
using FitPilot.Web.Pages.Client;

namespace FitPilot.Web.Tests.Nutrition;

/// <summary>The client's Nutrition tab, home card and shopping list (issue 13), over a fake API.</summary>
public sealed class NutritionClientTests : WebTest
{
    // The clock stands at 2026-11-23 07:00 UTC; the client's zone is UTC.
    private static readonly DateOnly Today = new(2026, 11, 23);
    private static readonly ClientProfile Sam = new("c1", "t1", "Sam Client", "sam@example.com", ClientStatuses.Active, 34, 180, 85, 82, 18, null, null, null, null, null,
        DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch);

    private void SignedInClient() => Get<Session>().Set(new MeResponse("c1", Roles.Client, Sam.Email, Sam.Name, null, Sam));

    private static Nutrients N(double kcal, double p, double f, double c, double? sodium = null) =>
        new() { EnergyKj = kcal * Nutrients.KjPerKcal, ProteinG = p, FatG = f, CarbsG = c, FibreG = 2, SodiumMg = sodium };

    private static TodayMealItem Oats(bool swapped = false) => swapped
        ? new("i1", "F2", "Muesli", 70, null, null, N(260, 7, 6, 42), true, "Rolled oats", [new MealAlternative { FoodId = "F2", FoodName = "Muesli" }, new MealAlternative { FoodId = "F3", FoodName = "Weet-Bix" }], null)
        : new("i1", "F1", "Rolled oats", 60, null, null, N(230, 8, 5, 38), false, null, [new MealAlternative { FoodId = "F2", FoodName = "Muesli" }, new MealAlternative { FoodId = "F3", FoodName = "Weet-Bix", Grams = 45 }], "With cinnamon");

    internal static NutritionDay Day(DateOnly date, bool breakfastEaten = false, bool swapped = false)
    {
        var milk = new TodayMealItem("i2", "F9", "Milk, reduced fat", 250, "cup", 1, N(120, 9, 3, 13), false, null, [], null);
        var breakfast = new TodayMeal("m1", MealTypes.Breakfast, "Breakfast", [Oats(swapped), milk], NutrientMath.Total([Oats(swapped).Nutrients, milk.Nutrients]), breakfastEaten);
        var chicken = new TodayMealItem("i3", "F5", "Chicken breast", 150, null, null, N(240, 45, 5, 0), false, null, [], null);
        var lunch = new TodayMeal("m2", MealTypes.Lunch, "Lunch", [chicken], NutrientMath.Total([chicken.Nutrients]), false);
        var planned = NutrientMath.Sum([breakfast.Totals, lunch.Totals]);
        return new NutritionDay(date, "p1", "Lean bulk", [breakfast, lunch], planned, breakfastEaten ? breakfast.Totals : NutrientTotals.Zero);
    }

    private void Routes()
    {
        Api.On("GET", "/api/me/nutrition/targets", HttpStatusCode.NotFound, FakeApi.Problem(404, "No targets yet"), "application/problem+json")
           .On("GET", "/api/me/nutrition/day", HttpStatusCode.OK, FakeApi.Json(Day(Today)))
           .On("GET", "/api/me/nutrition/day?date=2026-11-24", HttpStatusCode.OK, FakeApi.Json(Day(Today.AddDays(1))));
    }

    [Fact]
    public void Today_a_meal_is_ticked_eaten_and_tomorrow_shows_no_tick()
    {
        SignedInClient();
        Routes();
        Api.On("PUT", "/api/me/nutrition/days/2026-11-23/meals/m1", HttpStatusCode.OK, FakeApi.Json(Day(Today, breakfastEaten: true)));
        var cut = Render<NutritionPage>();

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=meal]").Count));
        Assert.Contains("GET /api/me/nutrition/day?date=2026-11-23", Api.Requests);
        Assert.Equal("true", cut.Find("[data-testid=day-2026-11-23]").GetAttribute("aria-pressed"));
        // Items in grams or servings, with their numbers.
        Assert.Contains("60 g", cut.FindAll("[data-testid=meal-item]")[0].TextContent);
        Assert.Contains("1 × cup (250 g)", cut.FindAll("[data-testid=meal-item]")[1].TextContent);
        Assert.Contains("230 kcal · P 8 g · F 5 g · C 38 g", cut.FindAll("[data-testid=meal-item]")[0].TextContent);
        var tick = cut.FindAll("[data-testid=tick-meal]")[0];
        Assert.Equal("false", tick.GetAttribute("aria-pressed"));
        Assert.Null(tick.GetAttribute("aria-label")); // the visible words are the name (WCAG 2.5.3 label in name)
        Assert.Equal("Mark eaten: Breakfast", tick.TextContent.Trim());

        tick.Click();

        cut.WaitForAssertion(() => Assert.Equal("true", cut.FindAll("[data-testid=tick-meal]")[0].GetAttribute("aria-pressed")));
        var sent = Api.Sent.Single(r => r.Method == "PUT");
        Assert.Equal("/api/me/nutrition/days/2026-11-23/meals/m1", sent.PathAndQuery);
        Assert.True(sent.Json.GetProperty("eaten").GetBoolean());
        Assert.Contains("Eaten", cut.FindAll("[data-testid=tick-meal]")[0].TextContent);
        Assert.Contains("350 kcal eaten of 590 kcal planned", cut.Find("[data-testid=macro-kcal]").TextContent);

        // Tomorrow: read-only, no tick or swap.
        cut.Find("[data-testid=day-2026-11-24]").Click();
        cut.WaitForAssertion(() => Assert.Contains("GET /api/me/nutrition/day?date=2026-11-24", Api.Requests));
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=meal]").Count));
        Assert.Empty(cut.FindAll("[data-testid=tick-meal]"));
        Assert.Empty(cut.FindAll("[data-testid=swap-item]"));
        Assert.Contains("tick these meals on the day", cut.Find("[data-testid=read-only]").TextContent);
    }

    [Fact]
    public void An_item_is_swapped_for_one_of_its_alternatives_and_back()
    {
        SignedInClient();
        Routes();
        Api.On("PUT", "/api/me/nutrition/days/2026-11-23/items/i1/swap", HttpStatusCode.OK, FakeApi.Json(Day(Today, swapped: true)));
        var cut = Render<NutritionPage>();
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=meal]").Count));
        // Only items with alternatives can be swapped.
        Assert.Single(cut.FindAll("[data-testid=swap-item]"));

        var swap = cut.Find("[data-testid=swap-item]");
        Assert.Equal("false", swap.GetAttribute("aria-expanded"));
        swap.Click();
        Assert.Equal(["Muesli", "Weet-Bix, 45 g"], cut.FindAll("[data-testid=swap-choice]").Select(b => b.TextContent.Trim()));
        cut.FindAll("[data-testid=swap-choice]")[0].Click();

        cut.WaitForAssertion(() => Assert.Contains("(instead of Rolled oats)", cut.FindAll("[data-testid=meal-item]")[0].TextContent));
        Assert.Equal("F2", Api.Sent.Single(r => r.Method == "PUT").Json.GetProperty("foodId").GetString());
        Assert.Empty(cut.FindAll("[data-testid=swap-choice]")); // the choices close

        // Back to the planned food: the swap is undone with no food.
        Api.On("PUT", "/api/me/nutrition/days/2026-11-23/items/i1/swap", HttpStatusCode.OK, FakeApi.Json(Day(Today)));
        cut.Find("[data-testid=swap-item]").Click();
        Assert.Equal(["Weet-Bix"], cut.FindAll("[data-testid=swap-choice]").Select(b => b.TextContent.Trim()));
        cut.Find("[data-testid=swap-undo]").Click();
        cut.WaitForAssertion(() => Assert.DoesNotContain("instead of", cut.FindAll("[data-testid=meal-item]")[0].TextContent));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, Api.Sent.Last(r => r.Method == "PUT").Json.GetProperty("foodId").ValueKind);
    }

    [Fact]
    public void Targets_turn_a_macro_green_in_words_within_5_percent_and_unreported_values_are_counted()
    {
        SignedInClient();
        var sodiumless = Day(Today, breakfastEaten: true);
        Api.On("GET", "/api/me/nutrition/day", HttpStatusCode.OK, FakeApi.Json(sodiumless with { Planned = sodiumless.Planned with { Unreported = new Dictionary<string, int> { ["sodium"] = 3 } } }))
           .On("GET", "/api/me/nutrition/targets", HttpStatusCode.OK, FakeApi.Json(new NutritionTargets("c1",
               new TargetInputs { Sex = Sexes.Male, DateOfBirth = new(1992, 1, 1), HeightCm = 180, WeightKg = 82, ActivityLevel = ActivityLevels.Moderate, Goal = NutritionGoals.Maintain },
               new TargetCalculation(BmrFormulas.MifflinStJeor, 34, 1800, 1.55, 2790, 0, 600, 17, 40, 60, []), 600, 17, 40, 60, [], null, DateTimeOffset.UnixEpoch)));
        var cut = Render<NutritionPage>();

        // Eaten 350 kcal of a 600 target: "to go"; protein 17 of 17: on target, in words and a class.
        cut.WaitForAssertion(() => Assert.Contains("target 600 kcal", cut.Find("[data-testid=macro-kcal]").TextContent));
        Assert.Contains("250 kcal to go", cut.Find("[data-testid=macro-kcal] [data-testid=macro-status]").TextContent);
        Assert.Contains("On target", cut.Find("[data-testid=macro-protein] [data-testid=macro-status]").TextContent);
        Assert.Contains("within", cut.Find("[data-testid=macro-protein]").ClassList);
        Assert.DoesNotContain("within", cut.Find("[data-testid=macro-kcal]").ClassList);
        Assert.Contains("sodium: 3 items unreported", cut.Find("[data-testid=unreported]").TextContent);
    }

    [Fact]
    public void The_home_card_shows_the_next_uneaten_meal_and_ticks_it()
    {
        SignedInClient();
        Api.On("GET", "/api/me/nutrition/day", HttpStatusCode.OK, FakeApi.Json(Day(Today, breakfastEaten: true)))
           .On("PUT", "/api/me/nutrition/days/2026-11-23/meals/m2", HttpStatusCode.OK,
               FakeApi.Json(Day(Today, breakfastEaten: true) is var d ? d with { Meals = d.Meals.Select(m => m with { Eaten = true }).ToList() } : null));
        var cut = Render<ClientMealsHomeCard>();

        cut.WaitForAssertion(() => Assert.Contains("Next: Lunch", cut.Find("[data-testid=meals-today]").TextContent));
        Assert.Contains("1 of 2 meals eaten", cut.Find("[data-testid=meals-today]").TextContent);
        cut.Find("[data-testid=home-tick-meal]").Click();

        cut.WaitForAssertion(() => Assert.Contains("All of today's meals are ticked.", cut.Find("[data-testid=meals-today]").TextContent));
        Assert.True(Api.Sent.Single(r => r.Method == "PUT").Json.GetProperty("eaten").GetBoolean());
    }

    [Fact]
    public void Without_a_plan_the_home_card_stays_away_and_the_tab_says_so()
    {
        SignedInClient();
        Api.On("GET", "/api/me/nutrition/day", HttpStatusCode.OK, FakeApi.Json(new NutritionDay(Today, null, null, [], NutrientTotals.Zero, NutrientTotals.Zero)));
        var card = Render<ClientMealsHomeCard>();
        Assert.Empty(card.FindAll("[data-testid=meals-today]"));

        var page = Render<NutritionPage>();
        page.WaitForAssertion(() => Assert.Contains("No meal plan yet.", page.Find("[data-testid=no-meal-plan]").TextContent));
    }

    [Fact]
    public void The_shopping_list_groups_sums_shows_kg_over_1000_g_and_moves_by_week()
    {
        var list = new ShoppingList("p1", "Lean bulk", Today, Today.AddDays(6),
        [
            new ShoppingGroup("Cereals and cereal products", [new ShoppingItem("F1", "Rolled oats", 560)]),
            new ShoppingGroup("Milk products and dishes", [new ShoppingItem("F9", "Milk, reduced fat", 1750), new ShoppingItem("F8", "Yoghurt, Greek", 1000), new ShoppingItem("F7", "Cheese", 62.5)]),
        ]);
        Api.On("GET", "/api/meal-plans/p1/shopping-list", HttpStatusCode.OK, FakeApi.Json(list));
        var cut = Render<ShoppingListView>(ps => ps.Add(p => p.PlanId, "p1").Add(p => p.From, Today));

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=shopping-group]").Count));
        Assert.Contains("GET /api/meal-plans/p1/shopping-list?from=2026-11-23", Api.Requests);
        Assert.Equal(["Cereals and cereal products", "Milk products and dishes"], cut.FindAll("[data-testid=shopping-group] h2").Select(h => h.TextContent));
        Assert.Equal(["560 g", "1.75 kg", "1 kg", "63 g"], cut.FindAll(".shopping-amount").Select(a => a.TextContent));
        Assert.Contains("Mon 23 Nov – Sun 29 Nov 2026", cut.Find("[data-testid=shopping-range]").TextContent);

        cut.Find("button[aria-label='Next week']").Click();
        cut.WaitForAssertion(() => Assert.Contains("GET /api/meal-plans/p1/shopping-list?from=2026-11-30", Api.Requests));
        cut.Find("#shopping-from").Change("2026-12-14");
        cut.WaitForAssertion(() => Assert.Contains("GET /api/meal-plans/p1/shopping-list?from=2026-12-14", Api.Requests));

        // Print goes through the module (the CSP forbids inline script).
        var module = JSInterop.SetupModule("./js/print.js");
        module.SetupVoid("print");
        cut.WaitForAssertion(() => Assert.False(cut.Find("[data-testid=print]").HasAttribute("disabled")));
        cut.Find("[data-testid=print]").Click();
        cut.WaitForAssertion(() => Assert.Single(module.Invocations["print"]));
    }

    [Theory]
    [InlineData(999.4, "999 g")]
    [InlineData(1000, "1 kg")]
    [InlineData(1250, "1.25 kg")]
    [InlineData(12345, "12.35 kg")]
    [InlineData(8.25, "8.3 g")]
    public void Amounts_switch_to_kg_from_1000_g(double grams, string shown) => Assert.Equal(shown, NutritionNumbers.Amount(grams));
}

/// <summary>The About page names the food data's source and licence and says the values are estimates.</summary>
public sealed class NutritionAboutTests : WebTest
{
    [Fact]
    public void About_carries_the_FSANZ_attribution_and_the_disclaimer()
    {
        var cut = Render<FitPilot.Web.Pages.Public.About>();
        Assert.Contains("© Food Standards Australia New Zealand (FSANZ)", cut.Find("[data-testid=fsanz-attribution]").TextContent);
        Assert.Contains("CC BY-SA 3.0 AU", cut.Markup);
        Assert.Contains("not dietary or medical advice", cut.Find("[data-testid=nutrition-disclaimer]").TextContent);
    }
}
