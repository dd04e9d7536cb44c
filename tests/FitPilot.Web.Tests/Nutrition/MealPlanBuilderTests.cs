using System.Net;
using Bunit.TestDoubles;
using FitPilot.Contracts.Clients;
using FitPilot.Contracts.Common;
using FitPilot.Contracts.Nutrition;
using FitPilot.Web.Pages.Trainer.Nutrition;
using Microsoft.AspNetCore.Components;

namespace FitPilot.Web.Tests.Nutrition;

/// <summary>The PT's meal plan builder: food search, items in grams or servings, live totals against targets, saving, the generator.</summary>
public sealed class MealPlanBuilderTests : WebTest
{
    /// <summary>100 kcal, 20 g protein, 2 g fat, 0 g carbs per 100 g; sodium not reported; "1 breast" is 150 g.</summary>
    private static readonly Food Chicken = new("F000001", FoodSources.Afcd, "Chicken, breast, lean, grilled", "18", "Poultry",
        new Nutrients { EnergyKj = 418.4, ProteinG = 20, FatG = 2, CarbsG = 0, FibreG = 0, SodiumMg = null }, [new ServingSize { Name = "1 breast", Grams = 150 }]);

    /// <summary>400 kcal, 10 g protein, 5 g fat, 80 g carbs per 100 g.</summary>
    private static readonly Food Oats = new("F000002", FoodSources.Afcd, "Oats, rolled, uncooked", "12", "Cereal products",
        new Nutrients { EnergyKj = 1673.6, ProteinG = 10, FatG = 5, CarbsG = 80, FibreG = 10, SodiumMg = 5 }, []);

    public MealPlanBuilderTests()
    {
        Api.On("GET", "/api/clients?limit=100", HttpStatusCode.OK, FakeApi.Json(new Page<ClientProfile>([Client("c1", "Sam Client")], null)))
            .On("GET", "/api/foods/groups", HttpStatusCode.OK, FakeApi.Json(new[] { new FoodGroup("12", "Cereal products"), new FoodGroup("18", "Poultry") }))
            .On("GET", "/api/foods?q=chicken", HttpStatusCode.OK, FakeApi.Json(new FoodSearchResults([Chicken])))
            .On("GET", "/api/foods?q=oats", HttpStatusCode.OK, FakeApi.Json(new FoodSearchResults([Oats])))
            .On("GET", "/api/clients/c1/nutrition/targets", HttpStatusCode.NotFound, FakeApi.Problem(404, "No targets yet"), "application/problem+json");
    }

    [Fact]
    public void Adding_a_food_by_click_puts_100_g_in_the_chosen_meal_and_the_totals_follow_with_unreported_values_counted()
    {
        var cut = RenderForClient();
        cut.WaitForAssertion(() => Assert.Contains("No nutrition targets for this client yet", cut.Find("[data-testid=targets-note]").TextContent));

        SearchAndAdd(cut, "chicken", Chicken, "Lunch");

        var item = Assert.Single(cut.FindAll("[data-testid=meal-1] [data-testid=meal-item]"));
        Assert.Contains(Chicken.Name, item.TextContent);
        Assert.Equal("100", cut.Find("#amount-s-1-0").GetAttribute("value"));
        Assert.Empty(cut.FindAll("[data-testid=meal-0] [data-testid=meal-item]"));
        Assert.StartsWith("100 kcal · P 20 g · F 2 g · C 0 g", cut.Find("[data-testid=meal-1] [data-testid=meal-totals]").TextContent.Trim());
        Assert.Contains("100 kcal", cut.Find("[data-testid=macro-energy]").TextContent);
        Assert.Contains("sodium: 1 item unreported", cut.Find("[data-testid=unreported]").TextContent);
        Assert.Empty(cut.FindAll("progress")); // no targets: totals only
        Assert.Contains("Unsaved changes", cut.Markup);

        cut.Find("#amount-s-1-0").Change("250");
        cut.WaitForAssertion(() => Assert.Contains("250 kcal", cut.Find("[data-testid=macro-energy]").TextContent));
        Assert.Contains("50 g", cut.Find("[data-testid=macro-protein]").TextContent);
    }

    [Fact]
    public void A_food_result_shows_a_dash_for_a_value_not_reported_and_the_footer_carries_the_FSANZ_attribution()
    {
        var cut = RenderForClient();
        cut.Find("#food-q").Input("chicken");
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=food-result]")));

        Assert.Contains("100 kcal · P 20 g · F 2 g · C 0 g", cut.Find("[data-testid=food-result]").TextContent);
        Assert.Equal(FitPilot.Web.Nutrition.FoodAttribution.Text, cut.Find("[data-testid=food-attribution]").TextContent);
        Assert.Contains("Values are estimates.", cut.Find("[data-testid=food-attribution]").TextContent);
        Assert.Contains("GET /api/foods?q=chicken&limit=20", Api.Requests);
        Assert.Equal("— · P — · F — · C —", FitPilot.Web.Nutrition.FoodSearchPanel.FoodLine(new Nutrients()));
    }

    [Fact]
    public void An_item_in_a_serving_counts_the_servings_grams_and_is_saved_as_the_serving_not_as_grams()
    {
        Api.On("POST", "/api/meal-plans", HttpStatusCode.Created, FakeApi.Json(Plan("new-1", "Sam's plan")), etag: "\"v1\"");
        var cut = RenderForClient();
        SearchAndAdd(cut, "chicken", Chicken, "Breakfast");

        cut.Find("#unit-s-0-0").Change("s:1 breast");
        cut.WaitForAssertion(() => Assert.Equal("1", cut.Find("#amount-s-0-0").GetAttribute("value")));
        Assert.Equal("How many", cut.Find("label[for=amount-s-0-0]").TextContent);
        Assert.Contains("150 kcal", cut.Find("[data-testid=macro-energy]").TextContent);
        cut.Find("#amount-s-0-0").Change("2");
        cut.WaitForAssertion(() => Assert.Contains("300 kcal", cut.Find("[data-testid=macro-energy]").TextContent));

        cut.Find("#plan-name").Input("Sam's plan");
        cut.FindAll("button").Single(b => b.TextContent == "Save plan").Click();

        cut.WaitForAssertion(() => Assert.EndsWith("/pt/nutrition/plans/new-1", Services.GetService<NavigationManager>()!.Uri));
        var sent = Api.Sent.Single(r => r.Method == "POST").Json;
        Assert.Equal("c1", sent.GetProperty("clientId").GetString());
        Assert.False(sent.GetProperty("isTemplate").GetBoolean());
        var item = sent.GetProperty("days")[0].GetProperty("meals")[0].GetProperty("items")[0];
        Assert.Equal(("1 breast", 2.0), (item.GetProperty("servingName").GetString(), item.GetProperty("servingCount").GetDouble()));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, item.GetProperty("grams").ValueKind);
    }

    [Fact]
    public void Switching_an_item_from_a_serving_back_to_grams_keeps_the_amount_in_grams()
    {
        var cut = RenderForClient();
        SearchAndAdd(cut, "chicken", Chicken, "Breakfast");
        cut.Find("#unit-s-0-0").Change("s:1 breast");
        cut.WaitForAssertion(() => Assert.Equal("How many", cut.Find("label[for=amount-s-0-0]").TextContent));
        cut.Find("#amount-s-0-0").Change("2");
        cut.WaitForAssertion(() => Assert.Contains("300 kcal", cut.Find("[data-testid=macro-energy]").TextContent));

        cut.Find("#unit-s-0-0").Change("g");

        cut.WaitForAssertion(() => Assert.Equal("300", cut.Find("#amount-s-0-0").GetAttribute("value")));
        Assert.Equal("Grams", cut.Find("label[for=amount-s-0-0]").TextContent);
        Assert.Contains("300 kcal", cut.Find("[data-testid=macro-energy]").TextContent);
    }

    [Theory]
    [InlineData("100", "on-target", "on target")]
    [InlineData("104", "on-target", "on target")]
    [InlineData("96", "on-target", "on target")]
    [InlineData("106", "near-target", "6 % over")]
    [InlineData("94", "near-target", "6 % under")]
    [InlineData("150", "off-target", "50 % over")]
    public void The_energy_bar_is_green_within_5_percent_of_the_target_and_says_how_far_off_it_is_otherwise(string grams, string cssClass, string words)
    {
        Api.On("GET", "/api/clients/c1/nutrition/targets", HttpStatusCode.OK, FakeApi.Json(Targets(kcal: 100, protein: 20, fat: 10, carbs: 0)));
        var cut = RenderForClient();
        SearchAndAdd(cut, "chicken", Chicken, "Breakfast");

        cut.Find("#amount-s-0-0").Change(grams);

        cut.WaitForAssertion(() => Assert.Contains($"{grams} kcal", cut.Find("[data-testid=macro-energy]").TextContent));
        var energy = cut.Find("[data-testid=macro-energy]");
        Assert.Contains(cssClass, energy.QuerySelector("progress")!.ClassList);
        Assert.Contains(cssClass, energy.QuerySelector(".macro-state")!.ClassList);
        Assert.EndsWith(words, energy.QuerySelector(".macro-state")!.TextContent);
        Assert.Contains("/ 100 kcal", energy.TextContent);
        Assert.Equal("100", energy.QuerySelector("progress")!.GetAttribute("max"));
        // Fat: 2 g (at 100 g) against 10 g is far under, and says so in words.
        Assert.Contains("off-target", cut.Find("[data-testid=macro-fat] .macro-state").ClassList);
        Assert.Contains("under", cut.Find("[data-testid=macro-fat] .macro-state").TextContent);
    }

    [Fact]
    public void A_save_refused_because_someone_else_saved_first_says_so_and_reloads_the_latest_version()
    {
        Api.On("GET", "/api/meal-plans/p1", HttpStatusCode.OK, FakeApi.Json(Plan("p1", "Cut week")), etag: "\"v1\"")
            .On("PUT", "/api/meal-plans/p1", HttpStatusCode.Conflict,
                FakeApi.Problem(409, "Conflict", "Someone else changed this in the meantime. Reload to see their version."), "application/problem+json");
        var cut = Render<MealPlanBuilder>(ps => ps.Add(p => p.PlanId, "p1"));
        cut.WaitForAssertion(() => Assert.Equal("Cut week", cut.Find("#plan-name").GetAttribute("value")));

        cut.Find("#plan-name").Input("Cut week (tab two)");
        cut.FindAll("button").Single(b => b.TextContent == "Save plan").Click();

        cut.WaitForAssertion(() => Assert.Contains("Someone else changed this in the meantime.", cut.Find("[data-testid=save-problem]").TextContent));
        var put = Api.Sent.Single(r => r.Method == "PUT");
        Assert.Equal("\"v1\"", put.IfMatch);
        Assert.Equal("Cut week (tab two)", put.Json.GetProperty("name").GetString());
        Assert.Contains("Unsaved changes", cut.Markup);

        Api.On("GET", "/api/meal-plans/p1", HttpStatusCode.OK, FakeApi.Json(Plan("p1", "Cut week (their version)")), etag: "\"v2\"");
        cut.Find("[data-testid=reload-latest]").Click();

        cut.WaitForAssertion(() => Assert.Equal("Cut week (their version)", cut.Find("#plan-name").GetAttribute("value")));
        Assert.Empty(cut.FindAll("[data-testid=save-problem]"));
        Assert.DoesNotContain("Unsaved changes", cut.Markup);
    }

    [Fact]
    public void The_generator_starts_from_the_clients_targets_and_lists_why_it_cannot_make_a_day()
    {
        Api.On("GET", "/api/clients/c1/nutrition/targets", HttpStatusCode.OK, FakeApi.Json(Targets(kcal: 2400, protein: 400, fat: 60, carbs: 100)))
            .On("POST", "/api/meal-plans/generate", HttpStatusCode.OK, FakeApi.Json(new GeneratedMealPlan(false, null, [], null, [],
                ["Cannot meet protein 400 g because the allowed foods top out at 260 g within the portion limits."])));
        var cut = RenderForClient();
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("progress")));

        cut.FindAll("button").Single(b => b.TextContent == "Generate a day").Click();
        cut.WaitForAssertion(() => Assert.Equal("2400", cut.Find("#gen-kcal").GetAttribute("value")));
        Assert.Equal("400", cut.Find("#gen-protein").GetAttribute("value"));
        cut.Find("#gen-exclude").Change("peanut, prawn");
        cut.FindAll("[data-testid=generator] input[type=checkbox]")[0].Change(true);
        cut.WaitForAssertion(() => Assert.True(cut.FindAll("[data-testid=generator] input[type=checkbox]")[0].HasAttribute("checked")));
        cut.WaitForAssertion(() => Assert.Equal("peanut, prawn", cut.Find("#gen-exclude").GetAttribute("value")));
        cut.Find("[data-testid=generator] .button").Click();

        cut.WaitForAssertion(() => Assert.Contains("Cannot meet protein 400 g because", cut.Find("[data-testid=generator-problems]").TextContent));
        var sent = Api.Sent.Single(r => r.Method == "POST").Json;
        Assert.Equal(["peanut", "prawn"], sent.GetProperty("excludeKeywords").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal([Diets.Vegetarian], sent.GetProperty("diets").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(4, sent.GetProperty("meals").GetArrayLength());
        Assert.DoesNotContain("Unsaved changes", cut.Markup); // nothing replaced
    }

    [Fact]
    public void A_generated_day_replaces_the_day_as_an_unsaved_draft_with_its_totals()
    {
        var day = new MealPlanDay
        {
            Meals =
            [
                new Meal { Id = "m1", Type = MealTypes.Breakfast, Items = [new MealItem { Id = "i1", FoodId = Oats.Id, FoodName = Oats.Name, Grams = 50 }] },
                new Meal { Id = "m2", Type = MealTypes.Dinner, Items = [new MealItem { Id = "i2", FoodId = Chicken.Id, FoodName = Chicken.Name, Grams = 200 }] },
            ],
        };
        Api.On("POST", "/api/meal-plans/generate", HttpStatusCode.OK, FakeApi.Json(new GeneratedMealPlan(true, day, [Oats, Chicken], null, [], [])));
        var cut = RenderForClient();
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=targets-note]")));

        cut.FindAll("button").Single(b => b.TextContent == "Generate a day").Click();
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("#gen-kcal")));
        cut.Find("#gen-kcal").Change("400"); cut.Find("#gen-protein").Change("50"); cut.Find("#gen-fat").Change("7"); cut.Find("#gen-carbs").Change("40");
        cut.WaitForAssertion(() => Assert.Equal("40", cut.Find("#gen-carbs").GetAttribute("value")));
        cut.Find("[data-testid=generator] .button").Click();

        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=generator]")));
        Assert.Equal(2, cut.FindAll("[data-testid^=meal-]").Count(e => e.TagName == "SECTION"));
        Assert.Contains("400 kcal", cut.Find("[data-testid=macro-energy]").TextContent); // 50 g oats 200 + 200 g chicken 200
        Assert.Contains("Unsaved changes", cut.Markup);
    }

    [Fact]
    public void Leaving_with_unsaved_changes_asks_first_and_stays_when_the_PT_says_no()
    {
        var nav = Get<BunitNavigationManager>();
        var confirm = JSInterop.Setup<bool>("confirm", _ => true);
        confirm.SetResult(false);
        var cut = Render<MealPlanBuilder>();
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("#plan-name")));

        nav.NavigateTo("pt/nutrition"); // nothing changed: no question
        Assert.Empty(confirm.Invocations);
        Assert.Equal(NavigationState.Succeeded, nav.History.First().State);

        cut.Find("#plan-name").Input("Template A");
        cut.WaitForAssertion(() => Assert.Contains("Unsaved changes", cut.Markup));
        nav.NavigateTo("pt/clients");
        Assert.Equal("Leave without saving? Your changes to this meal plan will be lost.", Assert.Single(confirm.Invocations).Arguments[0]);
        Assert.Equal(NavigationState.Prevented, nav.History.First().State);
    }

    [Fact]
    public void Items_reorder_with_buttons_and_alt_arrows_and_a_meal_copies_to_another_meal()
    {
        var cut = Render<MealPlanBuilder>();
        SearchAndAdd(cut, "chicken", Chicken, "Breakfast");
        SearchAndAdd(cut, "oats", Oats, "Breakfast");

        cut.Find("button[aria-label='Move Oats, rolled, uncooked up']").Click();
        cut.WaitForAssertion(() => Assert.Equal([Oats.Name, Chicken.Name], Names(cut, 0)));
        cut.FindAll("[data-testid=meal-0] [data-testid=meal-item]")[0].KeyDown(new Microsoft.AspNetCore.Components.Web.KeyboardEventArgs { Key = "ArrowDown", AltKey = true });
        cut.WaitForAssertion(() => Assert.Equal([Chicken.Name, Oats.Name], Names(cut, 0)));

        cut.Find("#copy-s-0").Change("s|2");
        cut.WaitForAssertion(() => Assert.Equal([Chicken.Name, Oats.Name], Names(cut, 2)));
        cut.FindAll("button[aria-label='Remove Chicken, breast, lean, grilled']")[0].Click();
        cut.WaitForAssertion(() => Assert.Equal([Oats.Name], Names(cut, 0)));
    }

    [Fact]
    public void A_weekly_rotation_starts_every_day_as_the_standard_day_and_a_day_copies_to_others()
    {
        Api.On("POST", "/api/meal-plans", HttpStatusCode.Created, FakeApi.Json(Plan("new-1", "Week")), etag: "\"v1\"");
        var cut = Render<MealPlanBuilder>();
        SearchAndAdd(cut, "chicken", Chicken, "Breakfast");

        cut.FindAll("input[name=rotation]")[1].Change(true);
        cut.WaitForAssertion(() => Assert.Equal(7, cut.FindAll("[data-testid=day-tab]").Count));
        cut.Find("#daytab-3").Click();
        cut.WaitForAssertion(() => Assert.Equal("true", cut.Find("#daytab-3").GetAttribute("aria-selected")));
        Assert.Equal([Chicken.Name], Names(cut, 0));
        SearchAndAdd(cut, "oats", Oats, "Lunch");
        cut.FindAll(".copy-day input[type=checkbox]")[0].Change(true); // Monday
        cut.WaitForAssertion(() => Assert.Null(cut.FindAll("button").Single(b => b.TextContent == "Copy day").GetAttribute("disabled")));
        cut.FindAll("button").Single(b => b.TextContent == "Copy day").Click();
        cut.Find("#daytab-1").Click();
        cut.WaitForAssertion(() => Assert.Equal([Oats.Name], Names(cut, 1)));

        cut.Find("#plan-name").Input("Week");
        cut.FindAll("button").Single(b => b.TextContent == "Save plan").Click();
        cut.WaitForAssertion(() => Assert.Single(Api.Sent, r => r.Method == "POST"));
        var sent = Api.Sent.Single(r => r.Method == "POST").Json;
        Assert.Equal("weekly", sent.GetProperty("rotation").GetString());
        Assert.Equal([0, 1, 2, 3, 4, 5, 6], sent.GetProperty("days").EnumerateArray().Select(d => d.GetProperty("dayOfWeek").GetInt32()));
        Assert.True(sent.GetProperty("isTemplate").GetBoolean());
    }

    [Fact]
    public void An_alternative_is_picked_from_the_search_and_sent_with_the_item()
    {
        var cut = Render<MealPlanBuilder>();
        SearchAndAdd(cut, "chicken", Chicken, "Dinner");

        cut.FindAll("[data-testid=meal-2] .item-alternatives button").Single().Click();
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=picking-alternative]")));
        Assert.Contains(Chicken.Name, cut.Find("[data-testid=picking-alternative]").TextContent);
        cut.Find("#food-q").Input("oats");
        cut.WaitForAssertion(() => cut.Find($"button[aria-label='Add {Oats.Name} as an alternative to {Chicken.Name}']").Click());

        cut.WaitForAssertion(() => Assert.Contains(Oats.Name, cut.Find("[data-testid=meal-2] .alt-chip").TextContent));
        Assert.Empty(cut.FindAll("[data-testid=picking-alternative]"));
    }

    /// <summary>"New plan for a client": the client comes in the address (/pt/nutrition/plans/new?clientId=c1).</summary>
    private IRenderedComponent<MealPlanBuilder> RenderForClient()
    {
        Get<NavigationManager>().NavigateTo("pt/nutrition/plans/new?clientId=c1");
        return Render<MealPlanBuilder>();
    }

    private static List<string> Names(IRenderedComponent<MealPlanBuilder> cut, int meal) =>
        cut.FindAll($"[data-testid=meal-{meal}] .item-name strong").Select(s => s.TextContent).ToList();

    private static void SearchAndAdd(IRenderedComponent<MealPlanBuilder> cut, string text, Food food, string meal)
    {
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("#food-q")));
        cut.Find("#food-q").Input(text);
        cut.WaitForAssertion(() => Assert.Contains(food.Name, cut.Find("[data-testid=food-results]").TextContent));
        var index = cut.FindAll("#food-meal option").Select(o => o.TextContent).ToList().IndexOf(meal);
        cut.Find("#food-meal").Change(index.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var items = cut.FindAll("[data-testid=meal-item]").Count;
        // The renderer may still be busy with the search's answer: wait for the choice to show, and for the item to land.
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find($"button[aria-label='Add {food.Name} to {meal}']")));
        cut.Find($"button[aria-label='Add {food.Name} to {meal}']").Click();
        cut.WaitForAssertion(() => Assert.Equal(items + 1, cut.FindAll("[data-testid=meal-item]").Count));
    }

    private static NutritionTargets Targets(double kcal, double protein, double fat, double carbs) => new("c1",
        new TargetInputs { Sex = Sexes.Female, DateOfBirth = new DateOnly(1990, 1, 1), HeightCm = 170, WeightKg = 70, ActivityLevel = ActivityLevels.Moderate, Goal = NutritionGoals.Maintain },
        new TargetCalculation(BmrFormulas.MifflinStJeor, 36, 1400, 1.55, 2170, 0, kcal, protein, fat, carbs, []),
        kcal, protein, fat, carbs, [], null, DateTimeOffset.UnixEpoch);

    private static MealPlanDto Plan(string id, string name) => new(id, name, "c1", "Sam Client", false, MealPlanStatuses.Active, null, null,
        MealPlanRotations.Single, null,
        [new MealPlanDay { Meals = [new Meal { Id = "m1", Type = MealTypes.Breakfast, Items = [new MealItem { Id = "i1", FoodId = Oats.Id, FoodName = Oats.Name, Grams = 50 }] }] }],
        [Oats], new MealPlanTotals([], NutrientTotals.Zero), DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch);

    private static ClientProfile Client(string id, string name) =>
        new(id, "t", name, $"{id}@example.com", ClientStatuses.Active, null, null, null, null, null, null, null, null, null, null, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch);
}
