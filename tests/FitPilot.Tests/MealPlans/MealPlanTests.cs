using System.Net;
using System.Net.Http.Json;
using FitPilot.Contracts.Nutrition;
using FitPilot.Functions.Common;
using FitPilot.Functions.Foods;
using FitPilot.Functions.MealPlans;
using FitPilot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace FitPilot.Tests.MealPlans;

/// <summary>Meal plans through the API against real Azurite: the PT's builder routes, the client's day, ticks and swaps, logs, shopping lists, tenants.</summary>
[Collection(HostCollection.Name)]
public sealed class MealPlanTests(HostFixture host, ITestOutputHelper output)
{
    public const string Egg = "F003729", Rice = "F007661", Banana = "F000262", Milk = "F005634";
    private static readonly FoodCatalog Catalog = new();
    private readonly ApiClient _api = host.NewClient();

    private sealed record Setup(ApiClient.Trainer Pt, ApiClient.ClientAccount Client, DateOnly Today);

    private async Task<Setup> ArrangeAsync()
    {
        var pt = await _api.RegisterTrainerAsync("Meal Coach");
        var client = await _api.OnboardClientAsync(pt, host.Mailbox);
        await _api.PutAsync("/api/settings/time-zone", new { timeZone = "UTC" }, client.Token);
        return new Setup(pt, client, UserTime.Today("UTC", DateTimeOffset.UtcNow));
    }

    /// <summary>One standard day: breakfast 100 g egg (or milk instead) and lunch 200 g rice.</summary>
    public static object[] OneDay() =>
    [
        new
        {
            meals = new object[]
            {
                new { type = "breakfast", items = new[] { new { foodId = Egg, grams = 100.0, alternatives = new[] { new { foodId = Milk } } } } },
                new { type = "lunch", name = "Big lunch", items = new[] { new { foodId = Rice, grams = 200.0, alternatives = Array.Empty<object>() } } },
            },
        },
    ];

    private async Task<HttpResponseMessage> CreateRawAsync(Setup s, object body) => await _api.PostAsync("/api/meal-plans", body, s.Pt.Token);

    private async Task<MealPlanDto> CreatePlanAsync(Setup s, DateOnly? start = null, DateOnly? end = null, string name = "Lean week") =>
        await ApiClient.ReadAsync<MealPlanDto>(await CreateRawAsync(s, new { name, clientId = s.Client.Id, startDate = start, endDate = end, rotation = "single", days = OneDay() }), HttpStatusCode.Created);

    private async Task<MealPlanDto> CreateTemplateAsync(Setup s, string name = "Template") =>
        await ApiClient.ReadAsync<MealPlanDto>(await CreateRawAsync(s, new { name, isTemplate = true, rotation = "single", days = OneDay() }), HttpStatusCode.Created);

    private Task<HttpResponseMessage> DayAsync(Setup s, DateOnly? date = null) =>
        _api.GetAsync("/api/me/nutrition/day" + (date is { } d ? $"?date={d:yyyy-MM-dd}" : ""), s.Client.Token);

    private Task<HttpResponseMessage> TickAsync(Setup s, DateOnly date, string mealId, bool eaten = true) =>
        _api.PutAsync($"/api/me/nutrition/days/{date:yyyy-MM-dd}/meals/{mealId}", new { eaten }, s.Client.Token);

    private Task<HttpResponseMessage> SwapAsync(Setup s, DateOnly date, string itemId, string? foodId) =>
        _api.PutAsync($"/api/me/nutrition/days/{date:yyyy-MM-dd}/items/{itemId}/swap", new { foodId }, s.Client.Token);

    private static double Kcal(string foodId, double grams) => Catalog.Find(foodId)!.Per100g.EnergyKj!.Value * grams / 100 / Nutrients.KjPerKcal;

    [Fact]
    public async Task A_PT_creates_a_plan_with_server_totals_and_foods_and_edits_it_with_its_ETag()
    {
        var s = await ArrangeAsync();
        var id = Guid.NewGuid().ToString();
        var body = new { id, name = "Lean week", clientId = s.Client.Id, startDate = s.Today, rotation = "single", days = OneDay() };
        var created = await CreateRawAsync(s, body);
        var plan = await ApiClient.ReadAsync<MealPlanDto>(created, HttpStatusCode.Created);
        Assert.Equal((id, "Test Client", MealPlanStatuses.Active, s.Today), (plan.Id, plan.ClientName, plan.Status, plan.StartDate));
        var breakfast = plan.Days[0].Meals[0];
        Assert.Equal(("Breakfast", "Egg, chicken, whole, raw", "Milk, cow, fluid, regular fat (3.5% fat)"),
            (breakfast.Name, breakfast.Items[0].FoodName, breakfast.Items[0].Alternatives[0].FoodName));
        Assert.False(string.IsNullOrEmpty(breakfast.Id));
        Assert.False(string.IsNullOrEmpty(breakfast.Items[0].Id));
        Assert.Equal([Egg, Milk, Rice], plan.Foods.Select(f => f.Id).Order());
        var day = Assert.Single(plan.Totals.Days);
        Assert.Equal(Kcal(Egg, 100), day.Meals[0].EnergyKcal, 3);
        Assert.Equal(Kcal(Egg, 100) + Kcal(Rice, 200), day.Day.EnergyKcal, 3);
        Assert.Equal(7 * day.Day.EnergyKcal, plan.Totals.Week.EnergyKcal, 3);

        // A retry with the device's id returns the first plan (200), and there is one plan.
        var retry = await ApiClient.ReadAsync<MealPlanDto>(await CreateRawAsync(s, body));
        Assert.Equal(plan.Id, retry.Id);
        var list = await ApiClient.ReadAsync<List<MealPlanSummary>>(await _api.GetAsync($"/api/meal-plans?clientId={s.Client.Id}", s.Pt.Token));
        Assert.Equal(Math.Round(day.Day.EnergyKcal, 1), Assert.Single(list).AverageDayKcal, 1);
        Assert.Empty(await ApiClient.ReadAsync<List<MealPlanSummary>>(await _api.GetAsync("/api/meal-plans?templates=true", s.Pt.Token)));

        // Edit with the ETag read: ids kept; a second edit with the old ETag is refused.
        var get = await _api.GetAsync($"/api/meal-plans/{id}", s.Pt.Token);
        var etag = get.Headers.ETag!;
        var edit = new
        {
            name = "Lean week v2", clientId = s.Client.Id, startDate = s.Today, rotation = "single",
            days = new[] { new { meals = new[] { new { id = breakfast.Id, type = "breakfast", items = new[] { new { id = breakfast.Items[0].Id, foodId = Egg, grams = 150.0 } } } } } },
        };
        var saved = await ApiClient.ReadAsync<MealPlanDto>(await PutAsync($"/api/meal-plans/{id}", edit, s.Pt.Token, etag));
        Assert.Equal(("Lean week v2", breakfast.Id, breakfast.Items[0].Id, 150.0), (saved.Name, saved.Days[0].Meals[0].Id, saved.Days[0].Meals[0].Items[0].Id, saved.Days[0].Meals[0].Items[0].Grams));
        await ApiClient.ProblemAsync(await PutAsync($"/api/meal-plans/{id}", edit, s.Pt.Token, etag), HttpStatusCode.Conflict);
        Assert.Equal("Lean week v2", (await ApiClient.ReadAsync<MealPlanDto>(await _api.GetAsync($"/api/meal-plans/{id}", s.Pt.Token))).Name);
    }

    [Fact]
    public async Task Bad_input_is_a_problem_naming_the_field_and_writes_nothing()
    {
        var s = await ArrangeAsync();
        object Plan(object item) => new { name = "Bad", isTemplate = true, rotation = "single", days = new[] { new { meals = new[] { new { type = "lunch", items = new[] { item } } } } } };
        var negative = await ApiClient.ProblemAsync(await CreateRawAsync(s, Plan(new { foodId = Egg, grams = -5.0 })), HttpStatusCode.BadRequest);
        Assert.True(negative.GetProperty("errors").TryGetProperty("days[0].meals[0].items[0].grams", out _), negative.ToString());
        var hundredKilos = await ApiClient.ProblemAsync(await CreateRawAsync(s, Plan(new { foodId = Rice, grams = 100_000.0 })), HttpStatusCode.BadRequest);
        Assert.True(hundredKilos.GetProperty("errors").TryGetProperty("days[0].meals[0].items[0].grams", out _), hundredKilos.ToString());
        var unknown = await ApiClient.ProblemAsync(await CreateRawAsync(s, Plan(new { foodId = "F999999", grams = 10.0 })), HttpStatusCode.BadRequest);
        Assert.Contains("F999999", unknown.GetProperty("errors").GetProperty("days[0].meals[0].items[0].foodId")[0].GetString());
        var serving = await ApiClient.ProblemAsync(await CreateRawAsync(s, Plan(new { foodId = Egg, servingName = "cup", servingCount = 1.0 })), HttpStatusCode.BadRequest);
        Assert.True(serving.GetProperty("errors").TryGetProperty("days[0].meals[0].items[0].servingName", out _), serving.ToString());
        var badAlternative = await ApiClient.ProblemAsync(await CreateRawAsync(s, Plan(new { foodId = Egg, grams = 10.0, alternatives = new[] { new { foodId = "nope" } } })), HttpStatusCode.BadRequest);
        Assert.True(badAlternative.GetProperty("errors").TryGetProperty("days[0].meals[0].items[0].alternatives[0].foodId", out _), badAlternative.ToString());
        var weeklyTwice = await ApiClient.ProblemAsync(await CreateRawAsync(s, new { name = "W", isTemplate = true, rotation = "weekly", days = new[] { new { dayOfWeek = 1 }, new { dayOfWeek = 1 } } }), HttpStatusCode.BadRequest);
        Assert.True(weeklyTwice.GetProperty("errors").TryGetProperty("days", out _));

        // Another PT's client is no client.
        var other = await _api.RegisterTrainerAsync();
        var otherClient = await _api.OnboardClientAsync(other, host.Mailbox);
        var foreign = await ApiClient.ProblemAsync(await CreateRawAsync(s, new { name = "X", clientId = otherClient.Id, rotation = "single", days = OneDay() }), HttpStatusCode.BadRequest);
        Assert.True(foreign.GetProperty("errors").TryGetProperty("clientId", out _));
        Assert.Empty(await ApiClient.ReadAsync<List<MealPlanSummary>>(await _api.GetAsync("/api/meal-plans", s.Pt.Token)));
        // A bad date in the route or the query.
        await ApiClient.ProblemAsync(await _api.PutAsync("/api/me/nutrition/days/2026-02-30/meals/x", new { eaten = true }, s.Client.Token), HttpStatusCode.BadRequest);
        await ApiClient.ProblemAsync(await _api.GetAsync($"/api/clients/{s.Client.Id}/nutrition/log?from=2026-01-01&to=2026-06-01", s.Pt.Token), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Another_PTs_plan_or_client_is_404_and_stays_as_it_was()
    {
        var s = await ArrangeAsync();
        var plan = await CreatePlanAsync(s, s.Today);
        var template = await CreateTemplateAsync(s);
        var intruder = await _api.RegisterTrainerAsync();
        var theirClient = await _api.OnboardClientAsync(intruder, host.Mailbox);
        foreach (var (method, path, body) in new (HttpMethod, string, object?)[]
        {
            (HttpMethod.Get, $"/api/meal-plans/{plan.Id}", null),
            (HttpMethod.Put, $"/api/meal-plans/{template.Id}", new { name = "Stolen", isTemplate = true, rotation = "single" }),
            (HttpMethod.Delete, $"/api/meal-plans/{plan.Id}", null),
            (HttpMethod.Post, $"/api/meal-plans/{template.Id}/duplicate", new { id = Guid.NewGuid().ToString(), asTemplate = true }),
            (HttpMethod.Post, $"/api/meal-plans/{template.Id}/assign", new { clientIds = new[] { theirClient.Id }, startDate = s.Today }),
            (HttpMethod.Post, $"/api/meal-plans/{plan.Id}/end", null),
            (HttpMethod.Get, $"/api/meal-plans/{plan.Id}/shopping-list", null),
            (HttpMethod.Get, $"/api/clients/{s.Client.Id}/nutrition/log", null),
        })
            await ApiClient.ProblemAsync(await _api.SendAsync(method, path, intruder.Token, body), HttpStatusCode.NotFound);
        Assert.Empty(await ApiClient.ReadAsync<List<MealPlanSummary>>(await _api.GetAsync("/api/meal-plans", intruder.Token)));
        // Assigning to another PT's client is a field error, before anything is written.
        var assign = await ApiClient.ProblemAsync(await _api.PostAsync($"/api/meal-plans/{template.Id}/assign", new { clientIds = new[] { s.Client.Id, theirClient.Id }, startDate = s.Today }, s.Pt.Token), HttpStatusCode.BadRequest);
        Assert.True(assign.GetProperty("errors").TryGetProperty("clientIds[1]", out _), assign.ToString());
        Assert.Equal(2, (await ApiClient.ReadAsync<List<MealPlanSummary>>(await _api.GetAsync("/api/meal-plans", s.Pt.Token))).Count);
        // Their client sees no plan of ours.
        var theirDay = await ApiClient.ReadAsync<NutritionDay>(await _api.GetAsync("/api/me/nutrition/day", theirClient.Token));
        Assert.Null(theirDay.PlanId);
        await ApiClient.ProblemAsync(await _api.GetAsync("/api/me/nutrition/plan", theirClient.Token), HttpStatusCode.NotFound);
        Assert.Equal("Lean week", (await ApiClient.ReadAsync<MealPlanDto>(await _api.GetAsync($"/api/meal-plans/{plan.Id}", s.Pt.Token))).Name);
    }

    [Fact]
    public async Task The_client_sees_the_day_ticks_today_and_yesterday_not_tomorrow_and_swaps_for_a_listed_alternative_in_few_round_trips()
    {
        var s = await ArrangeAsync();
        var plan = await CreatePlanAsync(s, s.Today.AddDays(-5));
        await _api.GetAsync("/api/me", s.Client.Token);
        var first = await DayAsync(s);
        var day = await ApiClient.ReadAsync<NutritionDay>(first);
        Assert.Equal((plan.Id, 2, 0.0), (day.PlanId, day.Meals.Count, day.Eaten.EnergyKcal));
        Assert.Equal(Kcal(Egg, 100) + Kcal(Rice, 200), day.Planned.EnergyKcal, 3);
        var breakfast = day.Meals[0];
        var egg = breakfast.Items[0];

        var tick = await TickAsync(s, s.Today, breakfast.Id);
        var ticked = await ApiClient.ReadAsync<NutritionDay>(tick);
        Assert.True(ticked.Meals[0].Eaten);
        Assert.Equal(Kcal(Egg, 100), ticked.Eaten.EnergyKcal, 3);
        var again = await TickAsync(s, s.Today, breakfast.Id);
        Assert.Equal(Kcal(Egg, 100), (await ApiClient.ReadAsync<NutritionDay>(again)).Eaten.EnergyKcal, 3);
        output.WriteLine($"GET /api/me/nutrition/day: {ApiClient.RoundTrips(first)} storage round trips");
        output.WriteLine($"PUT /api/me/nutrition/days/{{date}}/meals/{{mealId}} (tick): {ApiClient.RoundTrips(tick)}; the same tick again: {ApiClient.RoundTrips(again)}");
        Assert.True(ApiClient.RoundTrips(first) <= 3, $"day: {ApiClient.RoundTrips(first)}");
        Assert.True(ApiClient.RoundTrips(tick) <= 3, $"tick: {ApiClient.RoundTrips(tick)}");
        Assert.True(ApiClient.RoundTrips(again) <= 2, $"tick again: {ApiClient.RoundTrips(again)}");

        // Yesterday is fine; tomorrow and the day before yesterday are not; an unknown meal is 404.
        Assert.True((await ApiClient.ReadAsync<NutritionDay>(await TickAsync(s, s.Today.AddDays(-1), day.Meals[1].Id))).Meals[1].Eaten);
        foreach (var date in new[] { s.Today.AddDays(1), s.Today.AddDays(-2) })
        {
            var problem = await ApiClient.ProblemAsync(await TickAsync(s, date, breakfast.Id), HttpStatusCode.BadRequest);
            Assert.True(problem.GetProperty("errors").TryGetProperty("date", out _), problem.ToString());
        }
        await ApiClient.ProblemAsync(await TickAsync(s, s.Today, "no-such-meal"), HttpStatusCode.NotFound);

        // Swap the egg for milk: the grams with the egg's energy.
        var swap = await SwapAsync(s, s.Today, egg.Id, Milk);
        var swapped = (await ApiClient.ReadAsync<NutritionDay>(swap)).Meals[0];
        output.WriteLine($"PUT /api/me/nutrition/days/{{date}}/items/{{itemId}}/swap: {ApiClient.RoundTrips(swap)}");
        Assert.True(ApiClient.RoundTrips(swap) <= 3);
        var milk = swapped.Items[0];
        var expectedGrams = Math.Round(100 * Catalog.Find(Egg)!.Per100g.EnergyKj!.Value / Catalog.Find(Milk)!.Per100g.EnergyKj!.Value, 1);
        Assert.Equal((Milk, true, "Egg, chicken, whole, raw", expectedGrams), (milk.FoodId, milk.Swapped, milk.OriginalFoodName, milk.Grams));
        Assert.Equal(Kcal(Egg, 100), swapped.Totals.EnergyKcal, 0);
        Assert.True(swapped.Eaten);
        // Rice is not one of the egg's alternatives; null undoes.
        var refused = await ApiClient.ProblemAsync(await SwapAsync(s, s.Today, egg.Id, Rice), HttpStatusCode.BadRequest);
        Assert.True(refused.GetProperty("errors").TryGetProperty("foodId", out _));
        await ApiClient.ProblemAsync(await SwapAsync(s, s.Today, "no-such-item", Milk), HttpStatusCode.NotFound);
        await ApiClient.ProblemAsync(await SwapAsync(s, s.Today.AddDays(1), egg.Id, Milk), HttpStatusCode.BadRequest);
        var undone = (await ApiClient.ReadAsync<NutritionDay>(await SwapAsync(s, s.Today, egg.Id, null))).Meals[0].Items[0];
        Assert.Equal((Egg, false, 100.0), (undone.FoodId, undone.Swapped, undone.Grams));

        // Untick; the PT's log counts per day.
        await TickAsync(s, s.Today, breakfast.Id, eaten: false);
        var log = await ApiClient.ReadAsync<List<NutritionLogDay>>(await _api.GetAsync($"/api/clients/{s.Client.Id}/nutrition/log?from={s.Today.AddDays(-2):yyyy-MM-dd}&to={s.Today:yyyy-MM-dd}", s.Pt.Token));
        Assert.Equal([(2, 0), (2, 1), (2, 0)], log.Select(l => (l.MealsPlanned, l.MealsEaten)));
        Assert.Equal(Math.Round(Kcal(Rice, 200)), log[1].KcalEaten);
        Assert.Equal(14, (await ApiClient.ReadAsync<List<NutritionLogDay>>(await _api.GetAsync($"/api/clients/{s.Client.Id}/nutrition/log", s.Pt.Token))).Count);

        // The client's own plan.
        var mine = await ApiClient.ReadAsync<MealPlanDto>(await _api.GetAsync("/api/me/nutrition/plan", s.Client.Token));
        Assert.Equal((plan.Id, "Test Client"), (mine.Id, mine.ClientName));
    }

    [Fact]
    public async Task No_meals_before_the_start_after_the_end_or_once_ended_and_a_weekly_plan_follows_the_weekday()
    {
        var s = await ArrangeAsync();
        var later = await CreatePlanAsync(s, s.Today.AddDays(3), s.Today.AddDays(10));
        Assert.Null((await ApiClient.ReadAsync<NutritionDay>(await DayAsync(s))).PlanId);
        await ApiClient.ProblemAsync(await _api.GetAsync("/api/me/nutrition/plan", s.Client.Token), HttpStatusCode.NotFound);
        await ApiClient.ProblemAsync(await TickAsync(s, s.Today, "any"), HttpStatusCode.NotFound);
        Assert.Equal(later.Id, (await ApiClient.ReadAsync<NutritionDay>(await DayAsync(s, s.Today.AddDays(3)))).PlanId);
        Assert.Null((await ApiClient.ReadAsync<NutritionDay>(await DayAsync(s, s.Today.AddDays(11)))).PlanId);

        // A weekly plan (it replaces the later one: one active plan per client) with Monday and Wednesday only.
        var weekly = await ApiClient.ReadAsync<MealPlanDto>(await CreateRawAsync(s, new
        {
            name = "Weekly", clientId = s.Client.Id, startDate = s.Today.AddDays(-14), rotation = "weekly",
            days = new object[]
            {
                new { dayOfWeek = 1, meals = new[] { new { type = "dinner", items = new[] { new { foodId = Rice, grams = 100.0 } } } } },
                new { dayOfWeek = 3, meals = new[] { new { type = "snack", items = new[] { new { foodId = Banana, grams = 120.0 } } } } },
            },
        }), HttpStatusCode.Created);
        var laterNow = await ApiClient.ReadAsync<MealPlanDto>(await _api.GetAsync($"/api/meal-plans/{later.Id}", s.Pt.Token));
        Assert.Equal(MealPlanStatuses.Ended, laterNow.Status);
        var monday = s.Today.AddDays(((int)DayOfWeek.Monday - (int)s.Today.DayOfWeek + 7) % 7 - 7);
        Assert.Equal("dinner", Assert.Single((await ApiClient.ReadAsync<NutritionDay>(await DayAsync(s, monday))).Meals).Type);
        Assert.Equal("snack", Assert.Single((await ApiClient.ReadAsync<NutritionDay>(await DayAsync(s, monday.AddDays(2)))).Meals).Type);
        var tuesday = await ApiClient.ReadAsync<NutritionDay>(await DayAsync(s, monday.AddDays(1)));
        Assert.Equal((weekly.Id, 0), (tuesday.PlanId, tuesday.Meals.Count));
        Assert.Equal(Kcal(Rice, 100) + Kcal(Banana, 120), weekly.Totals.Week.EnergyKcal, 3);

        // Ended: from today no meals; yesterday still shows (the log keeps its history).
        var ended = await ApiClient.ReadAsync<MealPlanDto>(await _api.PostAsync($"/api/meal-plans/{weekly.Id}/end", null, s.Pt.Token));
        Assert.Equal((MealPlanStatuses.Ended, s.Today.AddDays(-1)), (ended.Status, ended.EndDate));
        Assert.Null((await ApiClient.ReadAsync<NutritionDay>(await DayAsync(s))).PlanId);
        Assert.Equal(weekly.Id, (await ApiClient.ReadAsync<NutritionDay>(await DayAsync(s, s.Today.AddDays(-1)))).PlanId);
        await ApiClient.ProblemAsync(await _api.PostAsync($"/api/meal-plans/{weekly.Id}/end", null, s.Pt.Token), HttpStatusCode.Conflict);
        var template = await CreateTemplateAsync(s);
        await ApiClient.ProblemAsync(await _api.PostAsync($"/api/meal-plans/{template.Id}/end", null, s.Pt.Token), HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Assigning_gives_each_client_their_own_plan_and_ends_the_previous_one_the_day_before()
    {
        var s = await ArrangeAsync();
        var second = await _api.OnboardClientAsync(s.Pt, host.Mailbox);
        var current = await CreatePlanAsync(s, s.Today.AddDays(-10));
        var template = await CreateTemplateAsync(s, "Cut template");
        var result = await ApiClient.ReadAsync<AssignMealPlanResult>(await _api.PostAsync($"/api/meal-plans/{template.Id}/assign",
            new { clientIds = new[] { s.Client.Id, second.Id, s.Client.Id }, startDate = s.Today.AddDays(3) }, s.Pt.Token));
        Assert.Equal(2, result.Plans.Count);
        Assert.All(result.Plans, p => Assert.Equal(("Cut template", false, s.Today.AddDays(3)), (p.Name, p.IsTemplate, p.StartDate)));
        Assert.Equal(2, result.Plans.Select(p => p.Id).Distinct().Count());

        var previous = await ApiClient.ReadAsync<MealPlanDto>(await _api.GetAsync($"/api/meal-plans/{current.Id}", s.Pt.Token));
        Assert.Equal((MealPlanStatuses.Active, s.Today.AddDays(2)), (previous.Status, previous.EndDate));
        Assert.Equal(current.Id, (await ApiClient.ReadAsync<NutritionDay>(await DayAsync(s, s.Today.AddDays(2)))).PlanId);
        var mine = result.Plans.Single(p => p.ClientId == s.Client.Id);
        var onStart = await ApiClient.ReadAsync<NutritionDay>(await DayAsync(s, s.Today.AddDays(3)));
        Assert.Equal(mine.Id, onStart.PlanId);
        // Each copy has its own ids, never the template's.
        var copy = await ApiClient.ReadAsync<MealPlanDto>(await _api.GetAsync($"/api/meal-plans/{mine.Id}", s.Pt.Token));
        Assert.NotEqual(template.Days[0].Meals[0].Id, copy.Days[0].Meals[0].Id);
        Assert.Equal(template.Totals.Week.EnergyKcal, copy.Totals.Week.EnergyKcal, 6);

        // Assigned from today: the previous one ended yesterday.
        await _api.PostAsync($"/api/meal-plans/{template.Id}/assign", new { clientIds = new[] { second.Id }, startDate = s.Today }, s.Pt.Token);
        var secondsPlans = await ApiClient.ReadAsync<List<MealPlanSummary>>(await _api.GetAsync($"/api/meal-plans?clientId={second.Id}", s.Pt.Token));
        Assert.Equal(2, secondsPlans.Count);
        Assert.Single(secondsPlans, p => p.Status == MealPlanStatuses.Active);
        Assert.Single(secondsPlans, p => p.Status == MealPlanStatuses.Ended);
    }

    [Fact]
    public async Task Duplicate_save_as_template_delete_shopping_list_food_usage_and_client_removal()
    {
        var s = await ArrangeAsync();
        var plan = await CreatePlanAsync(s, s.Today.AddDays(-1));
        var copyId = Guid.NewGuid().ToString();
        var asTemplate = await ApiClient.ReadAsync<MealPlanDto>(await _api.PostAsync($"/api/meal-plans/{plan.Id}/duplicate", new { id = copyId, name = "Saved template", asTemplate = true }, s.Pt.Token), HttpStatusCode.Created);
        Assert.Equal((copyId, true, null, (DateOnly?)null), (asTemplate.Id, asTemplate.IsTemplate, asTemplate.ClientId, asTemplate.StartDate));
        // A retry returns the first copy.
        Assert.Equal(copyId, (await ApiClient.ReadAsync<MealPlanDto>(await _api.PostAsync($"/api/meal-plans/{plan.Id}/duplicate", new { id = copyId, name = "Saved template", asTemplate = true }, s.Pt.Token))).Id);
        var forClient = await ApiClient.ReadAsync<MealPlanDto>(await _api.PostAsync($"/api/meal-plans/{asTemplate.Id}/duplicate", new { id = Guid.NewGuid().ToString(), clientId = s.Client.Id }, s.Pt.Token), HttpStatusCode.Created);
        Assert.Equal(("Saved template (copy)", s.Today), (forClient.Name, forClient.StartDate));

        // Shopping: 7 days of 100 g egg and 200 g rice, by food group.
        var list = await ApiClient.ReadAsync<ShoppingList>(await _api.GetAsync($"/api/meal-plans/{asTemplate.Id}/shopping-list?from={s.Today:yyyy-MM-dd}", s.Pt.Token));
        Assert.Equal((s.Today, s.Today.AddDays(6)), (list.From, list.To));
        Assert.Equal(["Cereals and cereal products", "Eggs"], list.Groups.Select(g => g.Name));
        Assert.Equal((Rice, 1400.0), (list.Groups[0].Items[0].FoodId, list.Groups[0].Items[0].Grams));
        Assert.Equal(700, list.Groups[1].Items[0].Grams);
        // The client's week: their plan runs from today, so 7 days too.
        var theirs = await ApiClient.ReadAsync<ShoppingList>(await _api.GetAsync("/api/me/nutrition/shopping-list", s.Client.Token));
        Assert.Equal((forClient.Id, 700.0), (theirs.PlanId, theirs.Groups.Single(g => g.Name == "Eggs").Items[0].Grams));
        // A plan that ends mid-week buys only its days.
        var ends = await CreatePlanAsync(s, s.Today.AddDays(20), s.Today.AddDays(21));
        var short_ = await ApiClient.ReadAsync<ShoppingList>(await _api.GetAsync($"/api/meal-plans/{ends.Id}/shopping-list?from={s.Today.AddDays(20):yyyy-MM-dd}", s.Pt.Token));
        Assert.Equal(200, short_.Groups.Single(g => g.Name == "Eggs").Items[0].Grams);

        // Foods know where they are used.
        var usage = host.Services.GetRequiredService<IFoodUsage>();
        Assert.Contains("Saved template", await usage.WhereUsedAsync(s.Pt.Id, Milk, default));
        Assert.Empty(await usage.WhereUsedAsync(s.Pt.Id, Banana, default));
        Assert.Empty(await usage.WhereUsedAsync((await _api.RegisterTrainerAsync()).Id, Egg, default));

        // Delete.
        Assert.Equal(HttpStatusCode.NoContent, (await _api.DeleteAsync($"/api/meal-plans/{ends.Id}", s.Pt.Token)).StatusCode);
        await ApiClient.ProblemAsync(await _api.GetAsync($"/api/meal-plans/{ends.Id}", s.Pt.Token), HttpStatusCode.NotFound);

        // Removing the client removes their plans and days; templates stay.
        var day = await ApiClient.ReadAsync<NutritionDay>(await DayAsync(s));
        await TickAsync(s, s.Today, day.Meals[0].Id);
        await host.Services.GetRequiredService<MealPlanService>().HandleAsync(new Functions.Clients.ClientRemoved(s.Pt.Id, s.Client.Id), default);
        var left = await ApiClient.ReadAsync<List<MealPlanSummary>>(await _api.GetAsync("/api/meal-plans", s.Pt.Token));
        Assert.Equal([asTemplate.Id], left.Select(p => p.Id));
        var store = host.Services.GetRequiredService<MealPlanStore>();
        Assert.Empty(await store.DaysAsync(s.Client.Id, s.Today.AddDays(-30), s.Today.AddDays(30), default));
    }

    private async Task<HttpResponseMessage> PutAsync(string path, object body, string token, System.Net.Http.Headers.EntityTagHeaderValue etag)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, path) { Content = JsonContent.Create(body, options: ApiClient.Json) };
        request.Headers.Authorization = new("Bearer", token);
        request.Headers.IfMatch.Add(etag);
        return await _api.Http.SendAsync(request);
    }
}
