using System.Text.RegularExpressions;
using FitPilot.Contracts.Nutrition;
using FitPilot.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FitPilot.Tests.Browser;

/// <summary>
/// Nutrition end to end (issue 13): at a desk the PT sets a client's targets with the calculator, starts a meal plan for
/// them, has the generator draft a day within ±5 % of those targets, edits it and saves it as the client's plan; on a
/// phone the client sees today's meals and ticks one eaten.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class NutritionTests(HostFixture host, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string NoSidewaysScroll = "() => document.documentElement.scrollWidth <= window.innerWidth";

    [Fact]
    public async Task The_PT_sets_targets_generates_edits_and_saves_a_plan_and_the_client_ticks_a_meal_on_a_phone()
    {
        var api = host.NewClient();
        var pt = await api.RegisterTrainerAsync("Nutrition Coach");
        var client = await api.OnboardClientAsync(pt, host.Mailbox);

        await using var desk = await BrowserSession.OpenAsync(browser.Browser, "nutrition-pt-desk");
        var d = desk.Page;
        await desk.LogInAsync(host.BrowserUrl, pt.Email, pt.Password);
        await Expect(d.GetByRole(AriaRole.Heading, new() { Name = "Welcome, Nutrition Coach" })).ToBeVisibleAsync();
        await d.GotoAsync($"{host.BrowserUrl}/pt/clients/{client.Id}/nutrition");
        await Expect(d.GetByTestId("no-targets")).ToBeVisibleAsync();

        // Targets: a 38-year-old woman, 168 cm, 64 kg, moderately active, maintaining → Mifflin-St Jeor.
        await d.Locator("#tc-sex-female").CheckAsync();
        await d.Locator("#tc-dob").FillAsync("1988-04-12");
        await d.Locator("#tc-height").FillAsync("168");
        await d.Locator("#tc-weight").FillAsync("64");
        await d.Locator("#tc-weight").PressAsync("Tab"); // number fields commit on change, as a person leaving the field does
        await d.Locator("#tc-activity").SelectOptionAsync(ActivityLevels.Moderate);
        await d.Locator("#tc-goal").SelectOptionAsync(NutritionGoals.Maintain);
        await Expect(d.GetByTestId("formula")).ToContainTextAsync("Mifflin");
        await desk.AssertInputsLabelledAsync();
        await d.GetByTestId("save-targets").ClickAsync();
        await Expect(d.GetByTestId("targets-saved")).ToBeVisibleAsync();
        await Expect(d.GetByTestId("current-targets")).ToBeVisibleAsync();
        await desk.ShotAsync("targets");
        var targets = await ApiClient.ReadAsync<NutritionTargets>(await api.GetAsync($"/api/clients/{client.Id}/nutrition/targets", pt.Token));
        Assert.Equal(BmrFormulas.MifflinStJeor, targets.Calculated.Formula);
        Assert.InRange(targets.Kcal, 1900, 2250); // BMR ≈ 1,340 kcal × 1.55

        // A plan for her: the generator drafts the day against her targets.
        await d.GetByTestId("create-meal-plan").ClickAsync();
        await d.WaitForURLAsync(new Regex("/pt/nutrition/plans/new"));
        await d.Locator("#plan-name").FillAsync("Maintenance week");
        await d.GetByRole(AriaRole.Button, new() { Name = "Generate a day" }).ClickAsync();
        await Expect(d.Locator("#gen-kcal")).Not.ToHaveValueAsync("");
        await desk.AssertInputsLabelledAsync();
        await d.GetByTestId("generator").GetByRole(AriaRole.Button, new() { Name = "Generate", Exact = true }).ClickAsync();
        await Expect(d.GetByTestId("meal-item").First).ToBeVisibleAsync(new() { Timeout = 60_000 });
        var energy = d.GetByTestId("day-totals").GetByTestId("macro-energy");
        await Expect(energy).ToContainTextAsync("on target");
        await desk.ShotAsync("generated");
        // At the top of the page (not a full-page capture, where sticky parts sit where the scroll left them): the
        // search panel and the day's totals start side by side, the save bar above them.
        await d.EvaluateAsync("() => window.scrollTo(0, 0)");
        var side = (await d.Locator("#nutri-side").BoundingBoxAsync())!;
        var totals = (await d.Locator("section.day-totals").BoundingBoxAsync())!;
        var bar = (await d.GetByTestId("builder-bar").BoundingBoxAsync())!;
        Assert.True(Math.Abs(side.Y - totals.Y) < 40, $"search panel at y={side.Y}, totals at y={totals.Y}");
        Assert.True(bar.Y + bar.Height <= Math.Min(side.Y, totals.Y) + 1, $"save bar ends at {bar.Y + bar.Height}, content starts at {Math.Min(side.Y, totals.Y)}");
        await d.ScreenshotAsync(new() { Path = Path.Combine(TestPaths.Results(Path.Combine("screenshots", "nutrition-pt-desk")), "02b-builder-top.png") });

        // The PT edits the draft (one more item's grams), then saves it as her plan.
        var firstItem = d.GetByTestId("meal-item").First;
        var grams = firstItem.GetByLabel("Grams");
        var before = double.Parse(await grams.InputValueAsync(), System.Globalization.CultureInfo.InvariantCulture);
        await grams.FillAsync((before + 10).ToString(System.Globalization.CultureInfo.InvariantCulture));
        await grams.PressAsync("Tab");
        await Expect(d.GetByText("Unsaved changes")).ToBeVisibleAsync();
        await d.GetByRole(AriaRole.Button, new() { Name = "Save plan" }).ClickAsync();
        await d.WaitForURLAsync(new Regex("/pt/nutrition/plans/[A-Za-z0-9-]+$"));
        await Expect(d.GetByText("Unsaved changes")).Not.ToBeVisibleAsync();
        await desk.ShotAsync("saved");

        // The same plan on a tablet: one column, the food search a button away, nothing scrolls sideways.
        await using (var tablet = await BrowserSession.OpenAsync(browser.Browser, "nutrition-pt-tablet"))
        {
            var t = tablet.Page;
            await t.SetViewportSizeAsync(820, 1180);
            await tablet.LogInAsync(host.BrowserUrl, pt.Email, pt.Password);
            await Expect(t.GetByRole(AriaRole.Heading, new() { Name = "Welcome, Nutrition Coach" })).ToBeVisibleAsync();
            await t.GotoAsync(d.Url);
            await Expect(t.GetByTestId("meal-item").First).ToBeVisibleAsync();
            Assert.True(await t.EvaluateAsync<bool>(NoSidewaysScroll), "The meal plan builder scrolls sideways on a tablet.");
            await t.GetByRole(AriaRole.Button, new() { Name = "Food search" }).First.ClickAsync();
            await t.GetByLabel("Search foods").FillAsync("banana");
            await Expect(t.GetByTestId("food-result").First).ToContainTextAsync("Banana");
            await tablet.ShotAsync("builder-search");
        }
        var plans = await ApiClient.ReadAsync<List<MealPlanSummary>>(await api.GetAsync($"/api/meal-plans?clientId={client.Id}", pt.Token));
        var plan = Assert.Single(plans);
        Assert.Equal(("Maintenance week", MealPlanStatuses.Active, false), (plan.Name, plan.Status, plan.IsTemplate));
        var saved = await ApiClient.ReadAsync<MealPlanDto>(await api.GetAsync($"/api/meal-plans/{plan.Id}", pt.Token));
        Assert.Equal(before + 10, saved.Days[0].Meals.SelectMany(m => m.Items).First().Grams);

        // On her phone: today's meals, and one ticked eaten.
        await using var phone = await BrowserSession.OpenAsync(browser.Browser, "nutrition-client-phone", phone: true);
        var c = phone.Page;
        await phone.LogInAsync(host.BrowserUrl, client.Email, client.Password);
        await Expect(c.GetByTestId("meals-today")).ToBeVisibleAsync();
        await phone.ShotAsync("home");
        await c.GetByRole(AriaRole.Link, new() { Name = "Nutrition" }).ClickAsync();
        await Expect(c.GetByRole(AriaRole.Heading, new() { Name = "Nutrition", Exact = true })).ToBeVisibleAsync();
        var meals = c.GetByTestId("meal");
        await Expect(meals).ToHaveCountAsync(saved.Days[0].Meals.Count);
        var tick = meals.First.GetByTestId("tick-meal");
        await tick.ClickAsync();
        await Expect(tick).ToHaveAttributeAsync("aria-pressed", "true");
        Assert.True(await c.EvaluateAsync<bool>(NoSidewaysScroll), "The nutrition page scrolls sideways on a phone.");
        await phone.AssertInputsLabelledAsync();
        await phone.ShotAsync("ticked");
        var day = await ApiClient.ReadAsync<NutritionDay>(await api.GetAsync("/api/me/nutrition/day", client.Token));
        Assert.Equal([true], day.Meals.Take(1).Select(m => m.Eaten));
        Assert.True(day.Eaten.EnergyKcal > 0 && day.Eaten.EnergyKcal < day.Planned.EnergyKcal);
    }
}
