using System.Net;
using System.Text.Json;
using FitPilot.Contracts.Nutrition;
using FitPilot.Tests.Infrastructure;

namespace FitPilot.Tests.Nutrition;

/// <summary>Targets and the generator through the API against real Azurite: every route, tenants apart, bad input refused.</summary>
[Collection(HostCollection.Name)]
public sealed class NutritionTargetTests(HostFixture host)
{
    private readonly ApiClient _api = host.NewClient();
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    private static object Inputs(double weightKg = 80, string goal = "cut", double rate = -0.5, double? bodyFat = null, object? dateOfBirth = null, string activity = "moderate") => new
    {
        sex = "male", dateOfBirth = dateOfBirth ?? new DateOnly(1990, 1, 1), heightCm = 180, weightKg, bodyFatPercent = bodyFat, activityLevel = activity, goal,
        rateKgPerWeek = rate, proteinGPerKg = 2.0, fatPercent = 25,
    };

    private static string Targets(string clientId) => $"/api/clients/{clientId}/nutrition/targets";

    private static IEnumerable<string> ErrorFields(JsonElement problem) => problem.GetProperty("errors").EnumerateObject().Select(p => p.Name);

    [Fact]
    public async Task The_calculator_shows_each_step_and_stores_nothing()
    {
        var pt = await _api.RegisterTrainerAsync();
        var c = await ApiClient.ReadAsync<TargetCalculation>(await _api.PostAsync("/api/nutrition/targets/calculate", Inputs(), pt.Token));
        var age = Today.Year - 1990 - (Today < new DateOnly(Today.Year, 1, 1) ? 1 : 0);
        Assert.Equal((BmrFormulas.MifflinStJeor, age), (c.Formula, c.AgeYears));
        Assert.Equal(10 * 80 + 6.25 * 180 - 5 * age + 5, c.BmrKcal, 0);
        Assert.Equal(-550, c.GoalAdjustmentKcal);
        Assert.Equal(Math.Round(c.TdeeKcal - 550), c.Kcal, 0);
        Assert.Equal(160, c.ProteinG);

        var katch = await ApiClient.ReadAsync<TargetCalculation>(await _api.PostAsync("/api/nutrition/targets/calculate", Inputs(bodyFat: 15), pt.Token));
        Assert.Equal(BmrFormulas.KatchMcArdle, katch.Formula);
        Assert.Equal(Math.Round(370 + 21.6 * 68), katch.BmrKcal);
    }

    [Fact]
    public async Task The_calculator_refuses_bad_input_with_field_errors()
    {
        var pt = await _api.RegisterTrainerAsync();
        async Task<IEnumerable<string>> Refused(object body) =>
            ErrorFields(await ApiClient.ProblemAsync(await _api.PostAsync("/api/nutrition/targets/calculate", body, pt.Token), HttpStatusCode.BadRequest));

        Assert.Contains("rateKgPerWeek", await Refused(Inputs(goal: "cut", rate: 0.5))); // a cut that gains
        Assert.Contains("rateKgPerWeek", await Refused(Inputs(goal: "gain", rate: -0.25))); // a gain that loses
        Assert.Contains("rateKgPerWeek", await Refused(Inputs(goal: "cut", rate: -10))); // 10 kg a week
        Assert.Contains("rateKgPerWeek", await Refused(Inputs(goal: "maintain", rate: 0.5)));
        Assert.Contains("activityLevel", await Refused(Inputs(activity: "couch")));
        Assert.Contains("weightKg", await Refused(Inputs(weightKg: -80)));
        Assert.Contains("dateOfBirth", await Refused(Inputs(dateOfBirth: Today.AddDays(3))));
        Assert.Contains("dateOfBirth", await Refused(Inputs(dateOfBirth: Today.AddYears(-6))));
    }

    [Fact]
    public async Task A_PT_saves_targets_with_overrides_and_the_client_sees_them()
    {
        var pt = await _api.RegisterTrainerAsync();
        var client = await _api.OnboardClientAsync(pt, host.Mailbox);
        var none = await ApiClient.ProblemAsync(await _api.GetAsync(Targets(client.Id), pt.Token), HttpStatusCode.NotFound);
        Assert.Equal("No targets yet", none.GetProperty("title").GetString());
        await ApiClient.ProblemAsync(await _api.GetAsync("/api/me/nutrition/targets", client.Token), HttpStatusCode.NotFound);

        var saved = await ApiClient.ReadAsync<NutritionTargets>(await _api.PutAsync(Targets(client.Id), new { inputs = Inputs(), proteinG = 180 }, pt.Token));
        Assert.Equal(client.Id, saved.ClientId);
        Assert.Equal(["proteinG"], saved.Overridden);
        Assert.Equal((saved.Calculated.Kcal, 180.0, saved.Calculated.FatG), (saved.Kcal, saved.ProteinG, saved.FatG));
        Assert.Equal(Math.Round((saved.Kcal - 180 * 4 - saved.FatG * 9) / 4), saved.CarbsG); // carbs stay the rest
        Assert.Null(saved.Suggestion);

        var mine = await ApiClient.ReadAsync<NutritionTargets>(await _api.GetAsync("/api/me/nutrition/targets", client.Token));
        Assert.Equal((saved.Kcal, saved.ProteinG, saved.FatG, saved.CarbsG), (mine.Kcal, mine.ProteinG, mine.FatG, mine.CarbsG));
        var got = await ApiClient.ReadAsync<NutritionTargets>(await _api.GetAsync(Targets(client.Id), pt.Token));
        Assert.Equal(saved.Calculated, got.Calculated with { Warnings = saved.Calculated.Warnings });
        Assert.Equal(80, got.Inputs.WeightKg);

        // Saving without the override goes back to the calculated number.
        var plain = await ApiClient.ReadAsync<NutritionTargets>(await _api.PutAsync(Targets(client.Id), new { inputs = Inputs() }, pt.Token));
        Assert.Empty(plain.Overridden);
        Assert.Equal(160, plain.ProteinG);
    }

    [Fact]
    public async Task Saving_targets_refuses_bad_input_and_writes_nothing()
    {
        var pt = await _api.RegisterTrainerAsync();
        var client = await _api.OnboardClientAsync(pt, host.Mailbox);
        async Task<IEnumerable<string>> Refused(object body) =>
            ErrorFields(await ApiClient.ProblemAsync(await _api.PutAsync(Targets(client.Id), body, pt.Token), HttpStatusCode.BadRequest));

        Assert.Contains(await Refused(new { inputs = Inputs(goal: "gain", rate: -0.5) }), f => f.EndsWith("rateKgPerWeek", StringComparison.Ordinal));
        Assert.Contains(await Refused(new { inputs = Inputs(rate: -10) }), f => f.EndsWith("rateKgPerWeek", StringComparison.Ordinal));
        Assert.Contains("kcal", await Refused(new { inputs = Inputs(), kcal = 100 }));
        Assert.Contains("proteinG", await Refused(new { inputs = Inputs(), proteinG = -5 }));
        Assert.Contains("inputs.dateOfBirth", await Refused(new { inputs = Inputs(dateOfBirth: Today.AddYears(-3)) }));
        await ApiClient.ProblemAsync(await _api.GetAsync(Targets(client.Id), pt.Token), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_new_weigh_in_leaves_a_suggestion_that_the_PT_accepts_keeping_their_overrides()
    {
        var pt = await _api.RegisterTrainerAsync();
        var client = await _api.OnboardClientAsync(pt, host.Mailbox);
        var saved = await ApiClient.ReadAsync<NutritionTargets>(await _api.PutAsync(Targets(client.Id), new { inputs = Inputs(), fatG = 70 }, pt.Token));

        Assert.Equal(HttpStatusCode.Created, (await _api.PostAsync("/api/progress/measurements",
            new { id = Guid.NewGuid().ToString(), measuredOn = Today.AddDays(-1), weightKg = 76.4 }, client.Token)).StatusCode);
        NutritionTargets pending = null!;
        await Eventually.HoldsAsync(async () =>
        {
            pending = await ApiClient.ReadAsync<NutritionTargets>(await _api.GetAsync(Targets(client.Id), pt.Token));
            Assert.NotNull(pending.Suggestion);
        });
        var suggestion = pending.Suggestion!;
        Assert.Equal(76.4, suggestion.WeightKg);
        Assert.Equal(Math.Round(2.0 * 76.4), suggestion.Calculation.ProteinG);
        Assert.True(suggestion.Calculation.Kcal < saved.Calculated.Kcal);
        Assert.Equal(saved.Kcal, pending.Kcal); // nothing changes until the PT accepts

        var accepted = await ApiClient.ReadAsync<NutritionTargets>(await _api.PostAsync(Targets(client.Id) + "/suggestion/accept", null, pt.Token));
        Assert.Null(accepted.Suggestion);
        Assert.Equal(76.4, accepted.Inputs.WeightKg);
        Assert.Equal(suggestion.Calculation.Kcal, accepted.Kcal);
        Assert.Equal(suggestion.Calculation.ProteinG, accepted.ProteinG);
        Assert.Equal(70, accepted.FatG); // the PT's override stays
        Assert.Equal(["fatG"], accepted.Overridden);
        await ApiClient.ProblemAsync(await _api.PostAsync(Targets(client.Id) + "/suggestion/accept", null, pt.Token), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_dismissed_suggestion_leaves_the_targets_as_they_were()
    {
        var pt = await _api.RegisterTrainerAsync();
        var client = await _api.OnboardClientAsync(pt, host.Mailbox);
        var saved = await ApiClient.ReadAsync<NutritionTargets>(await _api.PutAsync(Targets(client.Id), new { inputs = Inputs() }, pt.Token));
        Assert.Equal(HttpStatusCode.Created, (await _api.PostAsync($"/api/clients/{client.Id}/progress/measurements",
            new { id = Guid.NewGuid().ToString(), measuredOn = Today.AddDays(-1), weightKg = 83 }, pt.Token)).StatusCode);
        await Eventually.HoldsAsync(async () =>
            Assert.NotNull((await ApiClient.ReadAsync<NutritionTargets>(await _api.GetAsync(Targets(client.Id), pt.Token))).Suggestion));

        Assert.Equal(HttpStatusCode.NoContent, (await _api.DeleteAsync(Targets(client.Id) + "/suggestion", pt.Token)).StatusCode);
        var after = await ApiClient.ReadAsync<NutritionTargets>(await _api.GetAsync(Targets(client.Id), pt.Token));
        Assert.Null(after.Suggestion);
        Assert.Equal((saved.Kcal, 80.0), (after.Kcal, after.Inputs.WeightKg));
        Assert.Equal(HttpStatusCode.NoContent, (await _api.DeleteAsync(Targets(client.Id) + "/suggestion", pt.Token)).StatusCode);
    }

    [Fact]
    public async Task Another_PTs_client_is_a_404_on_every_targets_route_and_nothing_changes()
    {
        var owner = await _api.RegisterTrainerAsync();
        var intruder = await _api.RegisterTrainerAsync();
        var client = await _api.OnboardClientAsync(owner, host.Mailbox);
        var saved = await ApiClient.ReadAsync<NutritionTargets>(await _api.PutAsync(Targets(client.Id), new { inputs = Inputs() }, owner.Token));

        await ApiClient.ProblemAsync(await _api.GetAsync(Targets(client.Id), intruder.Token), HttpStatusCode.NotFound);
        await ApiClient.ProblemAsync(await _api.PutAsync(Targets(client.Id), new { inputs = Inputs(weightKg: 120), kcal = 5000 }, intruder.Token), HttpStatusCode.NotFound);
        await ApiClient.ProblemAsync(await _api.PostAsync(Targets(client.Id) + "/suggestion/accept", null, intruder.Token), HttpStatusCode.NotFound);
        await ApiClient.ProblemAsync(await _api.DeleteAsync(Targets(client.Id) + "/suggestion", intruder.Token), HttpStatusCode.NotFound);
        // The client's own route reads only their own targets; a PT cannot use it.
        await ApiClient.ProblemAsync(await _api.GetAsync("/api/me/nutrition/targets", owner.Token), HttpStatusCode.Forbidden);
        // A client cannot use the PT's routes.
        await ApiClient.ProblemAsync(await _api.GetAsync(Targets(client.Id), client.Token), HttpStatusCode.Forbidden);

        var after = await ApiClient.ReadAsync<NutritionTargets>(await _api.GetAsync(Targets(client.Id), owner.Token));
        Assert.Equal((saved.Kcal, 80.0), (after.Kcal, after.Inputs.WeightKg));
    }

    [Fact]
    public async Task Removing_the_client_removes_their_targets()
    {
        var pt = await _api.RegisterTrainerAsync();
        var client = await _api.OnboardClientAsync(pt, host.Mailbox);
        await ApiClient.ReadAsync<NutritionTargets>(await _api.PutAsync(Targets(client.Id), new { inputs = Inputs() }, pt.Token));
        var service = (Functions.NutritionTargets.NutritionTargetStore)host.Services.GetService(typeof(Functions.NutritionTargets.NutritionTargetStore))!;
        Assert.NotNull(await service.FindAsync(client.Id, default));

        Assert.Equal(HttpStatusCode.NoContent, (await _api.DeleteAsync($"/api/clients/{client.Id}", pt.Token)).StatusCode);
        await Eventually.HoldsAsync(async () => Assert.Null(await service.FindAsync(client.Id, default)));
    }

    [Fact]
    public async Task The_generator_returns_a_day_within_five_percent_or_says_why_not()
    {
        var pt = await _api.RegisterTrainerAsync();
        var plan = await ApiClient.ReadAsync<GeneratedMealPlan>(await _api.PostAsync("/api/meal-plans/generate",
            new { kcal = 2200, proteinG = 150, fatG = 70, carbsG = 242, diets = new[] { "vegetarian" }, excludeKeywords = new[] { "peanut" }, seed = 4 }, pt.Token));
        Assert.True(plan.Success, string.Join(" ", plan.Problems));
        Assert.Equal(4, plan.Day!.Meals.Count);
        Assert.All(plan.Deviations, d => Assert.InRange(d.PercentOff, -5, 5));
        Assert.All(plan.Foods, f => Assert.DoesNotContain(f.GroupCode, new[] { "15", "18" }));
        Assert.All(plan.Day.Meals.SelectMany(m => m.Items), i => Assert.Contains(plan.Foods, f => f.Id == i.FoodId));

        var allowed = new[] { "F002593", "F007661", "F001900", "F006177", "F009694", "F000262", "F001844", "F005614", "F003721", "F006081" };
        var fromAllowed = await ApiClient.ReadAsync<GeneratedMealPlan>(await _api.PostAsync("/api/meal-plans/generate",
            new { kcal = 2000, proteinG = 140, fatG = 60, carbsG = 225, allowedFoodIds = allowed, meals = new[] { new { type = "breakfast", sharePercent = 30 }, new { type = "lunch", sharePercent = 35 }, new { type = "dinner", sharePercent = 35 } } }, pt.Token));
        Assert.True(fromAllowed.Success, string.Join(" ", fromAllowed.Problems));
        Assert.All(fromAllowed.Foods, f => Assert.Contains(f.Id, allowed));

        var impossible = await ApiClient.ReadAsync<GeneratedMealPlan>(await _api.PostAsync("/api/meal-plans/generate",
            new { kcal = 2000, proteinG = 400, fatG = 30, carbsG = 30, groups = new[] { "16", "24" } }, pt.Token));
        Assert.False(impossible.Success);
        Assert.Null(impossible.Day);
        Assert.StartsWith("Cannot meet", Assert.Single(impossible.Problems));
        Assert.Contains(" because ", impossible.Problems[0]);
    }

    [Fact]
    public async Task The_generator_refuses_bad_requests_with_field_errors()
    {
        var pt = await _api.RegisterTrainerAsync();
        async Task<IEnumerable<string>> Refused(object body) =>
            ErrorFields(await ApiClient.ProblemAsync(await _api.PostAsync("/api/meal-plans/generate", body, pt.Token), HttpStatusCode.BadRequest));

        Assert.Contains("diets", await Refused(new { kcal = 2000, proteinG = 130, fatG = 65, carbsG = 220, diets = new[] { "carnivore" } }));
        Assert.Contains("meals", await Refused(new { kcal = 2000, proteinG = 130, fatG = 65, carbsG = 220, meals = new[] { new { type = "breakfast", sharePercent = 40 }, new { type = "dinner", sharePercent = 40 } } }));
        Assert.Contains("kcal", await Refused(new { kcal = 2000, proteinG = 20, fatG = 10, carbsG = 50 })); // the macros make 330 kcal
        Assert.Contains("proteinG", await Refused(new { kcal = 2000, proteinG = -130, fatG = 65, carbsG = 220 }));
        Assert.Contains("allowedFoodIds", await Refused(new { kcal = 2000, proteinG = 130, fatG = 65, carbsG = 220, allowedFoodIds = new[] { "F002593", "no-such-food" } }));
        Assert.Contains("maxItemsPerMeal", await Refused(new { kcal = 2000, proteinG = 130, fatG = 65, carbsG = 220, maxItemsPerMeal = 40 }));
        var client = await _api.OnboardClientAsync(pt, host.Mailbox);
        await ApiClient.ProblemAsync(await _api.PostAsync("/api/meal-plans/generate", new { kcal = 2000, proteinG = 130, fatG = 65, carbsG = 220 }, client.Token), HttpStatusCode.Forbidden);
    }
}
