using System.Net;
using System.Text.Json;
using FitPilot.Contracts.Auth;
using FitPilot.Contracts.Clients;
using FitPilot.Contracts.Nutrition;
using FitPilot.Contracts.Trainers;
using FitPilot.Web.Auth;
using FitPilot.Web.Nutrition;
using FitPilot.Web.Pages.Trainer;

namespace FitPilot.Web.Tests.Nutrition;

/// <summary>The PT's side of nutrition (issue 13): a client's targets, the weigh-in suggestion, their own foods and recipes.</summary>
public sealed class NutritionTrainerTests : WebTest
{
    private static readonly ClientProfile Sam = new("c1", "t1", "Sam Client", "sam@example.com", ClientStatuses.Active, 34, 180, 85, 82, 18, null, null, null, null, null,
        DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch);

    private static readonly TargetInputs Inputs = new()
    {
        Sex = Sexes.Male, DateOfBirth = new(1992, 5, 1), HeightCm = 180, WeightKg = 82, BodyFatPercent = 18, ActivityLevel = ActivityLevels.Moderate,
        Goal = NutritionGoals.Cut, RateKgPerWeek = -0.5,
    };

    private static readonly TargetCalculation Katch = new(BmrFormulas.KatchMcArdle, 34, 1822, 1.55, 2824, -550, 2274, 148, 63, 276,
        ["Protein 1.8 g/kg of a body weight with 18 % fat: consider lean mass."]);

    private void SignedInTrainer()
    {
        var pt = new TrainerProfile("t1", "Pat Coach", "pat@example.com", null, null, null, null, null, null, null, null, "Solo", "trial", DateTimeOffset.UnixEpoch, 14, null,
            DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch);
        Get<Session>().Set(new MeResponse("t1", Roles.Trainer, pt.Email, pt.Name, pt, null));
    }

    private void ClientRoutes()
    {
        Api.On("GET", "/api/clients/c1", HttpStatusCode.OK, FakeApi.Json(Sam))
           .On("GET", "/api/clients/c1/nutrition/log", HttpStatusCode.OK, FakeApi.Json(new[]
           {
               new NutritionLogDay(new(2026, 11, 22), 4, 3, 2200, 1650), new NutritionLogDay(new(2026, 11, 23), 4, 1, 2200, 500),
           }));
    }

    [Fact]
    public void The_targets_calculator_prefills_from_the_profile_shows_the_formula_and_warnings_and_saves_overrides()
    {
        SignedInTrainer();
        ClientRoutes();
        Api.On("GET", "/api/clients/c1/nutrition/targets", HttpStatusCode.NotFound, FakeApi.Problem(404, "No targets yet"), "application/problem+json")
           .On("POST", "/api/nutrition/targets/calculate", HttpStatusCode.OK, FakeApi.Json(Katch))
           .On("PUT", "/api/clients/c1/nutrition/targets", HttpStatusCode.OK, FakeApi.Json(new NutritionTargets("c1", Inputs, Katch, 2100, 148, 63, 233, ["kcal"], null, DateTimeOffset.UnixEpoch)));
        var cut = Render<ClientNutrition>(ps => ps.Add(p => p.ClientId, "c1"));

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=targets-form]")));
        Assert.Contains("No targets yet", cut.Find("[data-testid=no-targets]").TextContent);
        Assert.Equal("pt/nutrition/plans/new?clientId=c1", cut.Find("[data-testid=create-meal-plan]").GetAttribute("href"));
        // Prefilled from the profile: height, current weight, body fat, a birth date from the age.
        Assert.Equal("180", cut.Find("#tc-height").GetAttribute("value"));
        Assert.Equal("82", cut.Find("#tc-weight").GetAttribute("value"));
        Assert.Equal("18", cut.Find("#tc-bodyfat").GetAttribute("value"));
        Assert.Equal("1992-11-23", cut.Find("#tc-dob").GetAttribute("value"));
        // Nothing is calculated before the sex is chosen, and saving waits for it.
        Assert.DoesNotContain(Api.Sent, r => r.Method == "POST");
        Assert.True(cut.Find("[data-testid=save-targets]").HasAttribute("disabled"));

        cut.Find("#tc-sex-male").Change(true);
        cut.WaitForAssertion(() => Assert.Contains("Katch-McArdle", cut.Find("[data-testid=formula]").TextContent));
        var calc = Api.Sent.Single(r => r.Method == "POST").Json;
        Assert.Equal("male", calc.GetProperty("sex").GetString());
        Assert.Equal(18, calc.GetProperty("bodyFatPercent").GetDouble());
        Assert.Contains("1,822 kcal", cut.Find("[data-testid=bmr]").TextContent);
        Assert.Contains("−550 kcal a day", cut.Find("[data-testid=targets-calculation]").TextContent);
        Assert.Contains("consider lean mass", cut.Find("[data-testid=targets-warnings]").TextContent);
        Assert.Equal("2,274", cut.Find("[data-testid=calculated-kcal]").TextContent);

        // A cut recalculates with a negative rate.
        cut.Find("#tc-goal").Change(NutritionGoals.Cut);
        cut.WaitForAssertion(() => Assert.Equal(2, Api.Sent.Count(r => r.Method == "POST")));
        Assert.Equal(-0.5, Api.Sent.Last(r => r.Method == "POST").Json.GetProperty("rateKgPerWeek").GetDouble());
        Assert.Equal("-0.5", cut.Find("#tc-rate").GetAttribute("value"));

        // Override the energy and the carbs; protein and fat stay as calculated.
        cut.Find("#tc-override-kcal").Change("2100");
        cut.Find("#tc-override-carbs").Change("233");
        cut.Find("form").Submit();

        cut.WaitForAssertion(() => Assert.Contains("Saved.", cut.Find("[data-testid=targets-saved]").TextContent));
        var saved = Api.Sent.Single(r => r.Method == "PUT").Json;
        Assert.Equal(2100, saved.GetProperty("kcal").GetDouble());
        Assert.Equal(233, saved.GetProperty("carbsG").GetDouble());
        Assert.Equal(JsonValueKind.Null, saved.GetProperty("proteinG").ValueKind);
        Assert.Equal(JsonValueKind.Null, saved.GetProperty("fatG").ValueKind);
        Assert.Equal("cut", saved.GetProperty("inputs").GetProperty("goal").GetString());
        Assert.Contains("2,100 kcal", cut.Find("[data-testid=current-targets]").TextContent);
        // The log of the last 14 days, newest first.
        Assert.Contains("GET /api/clients/c1/nutrition/log?from=2026-11-10&to=2026-11-23", Api.Requests);
        Assert.Equal(["today", "yesterday"], cut.FindAll("[data-testid=log-day] th").Select(t => t.TextContent));
    }

    [Fact]
    public void A_field_the_contract_refuses_is_named_next_to_it_and_nothing_is_calculated()
    {
        SignedInTrainer();
        ClientRoutes();
        Api.On("GET", "/api/clients/c1/nutrition/targets", HttpStatusCode.OK, FakeApi.Json(new NutritionTargets("c1", Inputs, Katch, 2274, 148, 63, 276, [], null, DateTimeOffset.UnixEpoch)))
           .On("POST", "/api/nutrition/targets/calculate", HttpStatusCode.OK, FakeApi.Json(Katch));
        var cut = Render<ClientNutrition>(ps => ps.Add(p => p.ClientId, "c1"));
        cut.WaitForAssertion(() => Assert.Single(Api.Sent, r => r.Method == "POST"));

        cut.Find("#tc-height").Change("20");

        Assert.Equal("Enter a height between 100 and 250 cm.", cut.Find("#tc-HeightCm-error").TextContent);
        Assert.Contains("tc-HeightCm-error", cut.Find("#tc-height").GetAttribute("aria-describedby"));
        Assert.Single(Api.Sent, r => r.Method == "POST");
        Assert.True(cut.Find("[data-testid=save-targets]").HasAttribute("disabled"));
    }

    [Fact]
    public void A_weigh_in_suggestion_is_accepted_and_becomes_the_targets()
    {
        SignedInTrainer();
        ClientRoutes();
        var suggestion = new TargetSuggestion(80, new(2026, 11, 21), Katch with { Kcal = 2050, ProteinG = 144 }, DateTimeOffset.UnixEpoch);
        var accepted = new NutritionTargets("c1", Inputs with { WeightKg = 80 }, Katch with { Kcal = 2050, ProteinG = 144 }, 2050, 144, 63, 250, [], null, DateTimeOffset.UnixEpoch.AddDays(1));
        Api.On("GET", "/api/clients/c1/nutrition/targets", HttpStatusCode.OK, FakeApi.Json(new NutritionTargets("c1", Inputs, Katch, 2274, 148, 63, 276, [], suggestion, DateTimeOffset.UnixEpoch)))
           .On("POST", "/api/nutrition/targets/calculate", HttpStatusCode.OK, FakeApi.Json(Katch))
           .On("POST", "/api/clients/c1/nutrition/targets/suggestion/accept", HttpStatusCode.OK, FakeApi.Json(accepted));
        var cut = Render<ClientNutrition>(ps => ps.Add(p => p.ClientId, "c1"));

        cut.WaitForAssertion(() => Assert.Contains("80 kg", cut.Find("[data-testid=targets-suggestion]").TextContent));
        Assert.Contains("Suggested: 2,050 kcal", cut.Find("[data-testid=targets-suggestion]").TextContent);
        // Saved inputs fill the form (the weight the targets used).
        Assert.Equal("82", cut.Find("#tc-weight").GetAttribute("value"));

        cut.Find("[data-testid=accept-suggestion]").Click();

        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=targets-suggestion]")));
        Assert.Contains("POST /api/clients/c1/nutrition/targets/suggestion/accept", Api.Requests);
        Assert.Contains("2,050 kcal", cut.Find("[data-testid=current-targets]").TextContent);
        Assert.Equal("80", cut.Find("#tc-weight").GetAttribute("value"));
    }

    [Fact]
    public void A_custom_food_entered_per_serving_is_sent_as_typed_with_blanks_as_not_reported()
    {
        SignedInTrainer();
        var bar = new Food("own-1", FoodSources.Custom, "Protein bar", "31", "Confectionery and cereal/nut/fruit/seed bars",
            new Nutrients { EnergyKj = 1667, ProteinG = 33.3 }, [new ServingSize { Name = "bar", Grams = 60 }]);
        Api.On("GET", "/api/foods/mine", HttpStatusCode.OK, FakeApi.Json(new MyFoods([], [])))
           .On("GET", "/api/foods/groups", HttpStatusCode.OK, FakeApi.Json(new[] { new FoodGroup("31", "Confectionery and cereal/nut/fruit/seed bars") }))
           .On("POST", "/api/foods/custom", HttpStatusCode.Created, FakeApi.Json(bar));
        var cut = Render<FoodLibrary>();
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=no-foods]")));

        cut.Find("[data-testid=new-food]").Click();
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("#food-group option").Count));
        foreach (var input in cut.FindAll("[data-testid=food-editor] input, [data-testid=food-editor] select"))
            Assert.True(input.GetAttribute("aria-label") is not null || input.Closest("label") is not null || cut.FindAll($"label[for='{input.Id}']").Count == 1, $"{input.Id} has a label");
        cut.Find("#food-name").Change("Protein bar");
        cut.Find("#food-group").Change("31");
        cut.Find("#food-basis-serving").Change(true);
        cut.Find("#food-serving-grams").Change("60");
        cut.Find("#food-energy").Change("1000");
        cut.Find("#food-protein").Change("20");
        cut.Find("#food-fat").Change("8");
        cut.Find("#food-carbs").Change("15");
        Assert.Contains("Per 100 g: 398 kcal · P 33 g · F 13 g · C 25 g", cut.Find("[data-testid=per-100g-preview]").TextContent);
        cut.FindAll("button").Single(b => b.TextContent.Contains("Add a measure")).Click();
        cut.Find("#serving-0-name").Change("bar");
        cut.Find("#serving-0-grams").Change("60");

        cut.Find("[data-testid=food-editor]").Submit();

        cut.WaitForAssertion(() => Assert.Contains("Saved Protein bar.", cut.Markup));
        var body = Api.Sent.Single(r => r.Method == "POST").Json;
        Assert.Equal("perServing", body.GetProperty("basis").GetString());
        Assert.Equal(60, body.GetProperty("servingGrams").GetDouble());
        Assert.Equal("31", body.GetProperty("groupCode").GetString());
        var n = body.GetProperty("nutrients");
        Assert.Equal(1000, n.GetProperty("energyKj").GetDouble());
        Assert.Equal(20, n.GetProperty("proteinG").GetDouble());
        Assert.Equal(JsonValueKind.Null, n.GetProperty("sodiumMg").ValueKind); // blank = not reported, not 0
        Assert.Equal(JsonValueKind.Null, n.GetProperty("fibreG").ValueKind);
        Assert.Equal("bar", body.GetProperty("servings")[0].GetProperty("name").GetString());
        Assert.Matches("^[A-Za-z0-9-]{8,40}$", body.GetProperty("id").GetString());
    }

    [Fact]
    public void A_custom_food_without_energy_is_not_sent_and_says_why()
    {
        SignedInTrainer();
        Api.On("GET", "/api/foods/mine", HttpStatusCode.OK, FakeApi.Json(new MyFoods([], [])));
        var cut = Render<FoodLibrary>();
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=new-food]")));
        cut.Find("[data-testid=new-food]").Click();
        cut.Find("#food-name").Change("Mystery");
        cut.Find("[data-testid=food-editor]").Submit();

        Assert.Contains("Give the energy", cut.Find("#food-energy-error").TextContent);
        Assert.DoesNotContain(Api.Sent, r => r.Method == "POST");
    }

    [Fact]
    public void The_recipe_editor_totals_per_serving_live_with_a_dash_and_a_note_for_unreported_values()
    {
        SignedInTrainer();
        var oats = new Food("F1", FoodSources.Afcd, "Oats, rolled, uncooked", "12", "Cereals", new Nutrients { EnergyKj = 1600, ProteinG = 12.5, FatG = 8, CarbsG = 60 }, []);
        var milk = new Food("F9", FoodSources.Afcd, "Milk, cow, regular fat", "19", "Milk products", new Nutrients { EnergyKj = 270, ProteinG = 3.2, FatG = 3.4, CarbsG = 4.8, SodiumMg = 40 }, [new ServingSize { Name = "cup", Grams = 250 }]);
        var stew = new Food("R1", FoodSources.Recipe, "Oat stew", null, null, new Nutrients { EnergyKj = 400 }, []);
        Api.On("GET", "/api/foods?q=oat", HttpStatusCode.OK, FakeApi.Json(new FoodSearchResults([oats, stew])))
           .On("GET", "/api/foods?q=milk", HttpStatusCode.OK, FakeApi.Json(new FoodSearchResults([milk])))
           .On("POST", "/api/recipes", HttpStatusCode.Created, FakeApi.Json(new Recipe("R2", "Porridge", [], 2, null, 330, 165, new Nutrients(), new Nutrients(), [], DateTimeOffset.UnixEpoch)));
        var cut = Render<FoodLibraryRecipeEditor>();

        cut.Find("#recipe-name").Change("Porridge");
        cut.Find("#recipe-search").Input("oat");
        // Recipes cannot go into recipes.
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=ingredient-result]")));
        Assert.Contains("GET /api/foods?q=oat&limit=10", Api.Requests);
        Assert.Contains("Food Standards Australia New Zealand", cut.Find(".food-attribution").TextContent);
        cut.Find("[data-testid=ingredient-result]").Click();
        cut.Find("#ingredient-0-grams").Change("80");
        cut.Find("#recipe-search").Input("milk");
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=ingredient-result]")));
        cut.Find("[data-testid=ingredient-result]").Click();
        Assert.Equal("250", cut.Find("#ingredient-1-grams").GetAttribute("value")); // a cup, its first measure
        cut.Find("#recipe-servings").Change("2");

        // (1600 × 0.8 + 270 × 2.5) kJ / 4.184 / 2 servings = 234 kcal; protein (10 + 8) / 2 = 9 g.
        Assert.Equal("234 kcal", cut.Find("[data-testid=per-serving-kcal]").TextContent);
        Assert.Equal("9 g", cut.Find("[data-testid=per-serving-protein]").TextContent);
        Assert.Equal("50 mg", cut.Find("[data-testid=per-serving-sodium]").TextContent);
        Assert.Equal("—", cut.Find("[data-testid=per-serving-fibre]").TextContent); // neither reports fibre
        var note = cut.Find("[data-testid=recipe-unreported]").TextContent;
        Assert.Contains("fibre: 2 ingredients unreported", note);
        Assert.Contains("sodium: 1 ingredient unreported", note);

        cut.Find("#recipe-servings").Change("1");
        Assert.Equal("467 kcal", cut.Find("[data-testid=per-serving-kcal]").TextContent);

        cut.Find("[data-testid=save-recipe]").Click();
        cut.WaitForAssertion(() => Assert.Single(Api.Sent, r => r.Method == "POST"));
        var body = Api.Sent.Single(r => r.Method == "POST").Json;
        Assert.Equal(1, body.GetProperty("servings").GetInt32());
        Assert.Equal(["F1:80", "F9:250"], body.GetProperty("ingredients").EnumerateArray().Select(i => $"{i.GetProperty("foodId").GetString()}:{i.GetProperty("grams").GetDouble()}"));
    }
}
