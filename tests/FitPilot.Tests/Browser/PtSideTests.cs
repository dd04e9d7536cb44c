using System.Net;
using System.Text.RegularExpressions;
using FitPilot.Contracts.Activity;
using FitPilot.Contracts.Common;
using FitPilot.Contracts.Programs;
using FitPilot.Contracts.Training;
using FitPilot.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FitPilot.Tests.Browser;

/// <summary>
/// The PT's side on a phone, a tablet and a desk: what clients logged (notes, RIR, swaps), their finished workouts, the phone
/// menu; and a client who trains in pounds.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class PtSideTests(HostFixture host, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string NoSidewaysScroll = "() => document.documentElement.scrollWidth <= window.innerWidth";

    [Fact]
    public async Task A_client_switches_to_pounds_and_today_and_the_steppers_follow_while_the_API_keeps_kilograms()
    {
        var api = host.NewClient();
        var pt = await api.RegisterTrainerAsync("Pound Coach");
        var client = await api.OnboardClientAsync(pt, host.Mailbox);
        var today = DateOnly.FromDateTime(DateTime.Now);
        var program = await ApiClient.ReadAsync<ProgramDto>(await api.PostAsync("/api/programs", new
        {
            name = "Pounds block", clientId = client.Id, isTemplate = false, startDate = today.AddDays(-7),
            days = new[] { new { dayOfWeek = (int)today.DayOfWeek, title = "Squat day", exercises = new[] { TrainingSetup.Exercise("Barbell_Squat", weightKg: 100) } } },
        }, pt.Token), HttpStatusCode.Created);

        await using var s = await BrowserSession.OpenAsync(browser.Browser, "client-pounds", phone: true);
        var p = s.Page;
        await LogInColdAsync(s, client.Email, client.Password);
        await Expect(p.GetByLabel("Weight (kg)")).ToBeVisibleAsync();
        await p.GetByRole(AriaRole.Link, new() { Name = "Profile", Exact = true }).ClickAsync();
        var picker = p.GetByTestId("unit-picker");
        await Expect(picker.GetByRole(AriaRole.Button, new() { Name = "Kilograms (kg)" })).ToHaveAttributeAsync("aria-pressed", "true");
        await picker.GetByRole(AriaRole.Button, new() { Name = "Pounds (lb)" }).ClickAsync();
        await Expect(p.GetByText("Saved: weights now show in lb.")).ToBeVisibleAsync();
        await Expect(picker.GetByRole(AriaRole.Button, new() { Name = "Pounds (lb)" })).ToHaveAttributeAsync("aria-pressed", "true");
        await s.ShotAsync("profile-pounds");

        await p.GetByRole(AriaRole.Link, new() { Name = "Home" }).ClickAsync();
        await Expect(p.GetByLabel("Weight (lb)")).ToHaveValueAsync("220.5"); // 100 kg
        await Expect(p.Locator(".prescription").First).ToContainTextAsync("220.5 lb");
        await p.GetByRole(AriaRole.Button, new() { Name = "5 lb more" }).ClickAsync();
        await Expect(p.GetByLabel("Weight (lb)")).ToHaveValueAsync("225.5");
        await p.GetByRole(AriaRole.Button, new() { Name = "5 lb less" }).ClickAsync();
        await p.GetByRole(AriaRole.Button, new() { Name = "5 lb more" }).ClickAsync();
        await s.ShotAsync("today-in-pounds");
        await p.GetByRole(AriaRole.Button, new() { Name = "Log set 1" }).ClickAsync();
        await Expect(p.Locator(".set-numbers").First).ToHaveTextAsync("225.5 lb × 5");
        await s.ShotAsync("logged-in-pounds");
        Assert.True(await p.EvaluateAsync<bool>(NoSidewaysScroll));
        Assert.Empty(s.Errors);

        // Stored in kilograms: 225.5 lb = 102.285 kg; the unit is the client's, and reloading keeps it.
        var logs = await ApiClient.ReadAsync<List<SetLog>>(await api.GetAsync($"/api/clients/{client.Id}/logs", pt.Token));
        Assert.Equal(102.285, Assert.Single(logs).WeightKg, 3);
        var me = await ApiClient.ReadAsync<FitPilot.Contracts.Auth.MeResponse>(await api.GetAsync("/api/me", client.Token));
        Assert.Equal(WeightUnits.Lb, me.WeightUnit);
        await p.ReloadAsync();
        await Expect(p.GetByLabel("Weight (lb)")).ToHaveValueAsync("225.5");
        Assert.Equal(program.Id, logs[0].ProgramId);
    }

    [Fact]
    public async Task The_PT_sees_a_clients_notes_RIR_swap_and_finished_workout_on_a_phone_a_tablet_and_a_desk()
    {
        var api = host.NewClient();
        var pt = await api.RegisterTrainerAsync("Feed Coach");
        var client = await api.OnboardClientAsync(pt, host.Mailbox);
        var monday = TrainingSetup.Last(DayOfWeek.Monday);
        var program = await TrainingSetup.CreateAsync(api, pt, client.Id, start: monday.AddDays(-14));
        var day = program.Days.Single(d => d.DayOfWeek == 1).Exercises;
        var (squat, bench) = (day[0], day[1]);
        await ApiClient.ReadAsync<TodayWorkout>(await api.PutAsync("/api/today/swap",
            new { date = monday, programId = program.Id, programExerciseId = squat.Id, exerciseId = "Leg_Press" }, client.Token));
        await LogAsync(api, client, program, squat, monday, 1, 180, 10, 3, "Squat rack taken", "Leg_Press");
        await LogAsync(api, client, program, squat, monday, 2, 180, 10, 2, null, "Leg_Press");
        await LogAsync(api, client, program, bench, monday, 1, 80, 5, 1, "Left shoulder pinched on the last rep");
        await ApiClient.ReadAsync<WorkoutSummary>(await api.PostAsync("/api/workouts/finish",
            new { date = monday, programId = program.Id, rpe = 8, comment = "Tough but good" }, client.Token));
        await Eventually.HoldsAsync(async () =>
            Assert.NotEmpty((await ApiClient.ReadAsync<Page<ActivityItem>>(await api.GetAsync("/api/activity", pt.Token))).Items));

        await using var s = await BrowserSession.OpenAsync(browser.Browser, "pt-side-phone", phone: true);
        var p = s.Page;
        await LogInColdAsync(s, pt.Email, pt.Password);
        await Expect(p.GetByRole(AriaRole.Heading, new() { Name = "Welcome, Feed Coach" })).ToBeVisibleAsync();

        // The phone bar: brand, this page and Menu, no taller than 64 px.
        var bar = await p.Locator(".pt-header").BoundingBoxAsync();
        Assert.True(bar!.Height <= 64, $"the PT's bar is {bar.Height} px tall on a phone");
        await Expect(p.GetByTestId("current-page")).ToHaveTextAsync("Dashboard");
        var item = p.GetByTestId("activity-item").First;
        await Expect(item).ToContainTextAsync("Test Client");
        await Expect(item).ToContainTextAsync("finished Lower + push · Strength block");
        await Expect(item).ToContainTextAsync("RPE 8/10");
        await Expect(item).ToContainTextAsync("Tough but good");
        await Expect(item).ToContainTextAsync("3 sets");
        await Expect(item.Locator(".avatar")).ToHaveTextAsync("TC");
        await AssertNoSidewaysScrollAsync(p, "the dashboard on a phone");
        await s.ShotAsync("dashboard");

        var menu = p.GetByRole(AriaRole.Button, new() { Name = "Menu" });
        await Expect(menu).ToHaveAttributeAsync("aria-expanded", "false");
        await Expect(p.GetByRole(AriaRole.Link, new() { Name = "Clients", Exact = true })).ToBeHiddenAsync();
        await menu.ClickAsync();
        await Expect(menu).ToHaveAttributeAsync("aria-expanded", "true");
        await Expect(p.GetByRole(AriaRole.Link, new() { Name = "Dashboard", Exact = true })).ToBeFocusedAsync();
        await s.ShotAsync("menu-open");
        await p.Keyboard.PressAsync("Escape");
        await Expect(menu).ToHaveAttributeAsync("aria-expanded", "false");
        await Expect(menu).ToBeFocusedAsync();
        await menu.ClickAsync();
        await p.GetByRole(AriaRole.Link, new() { Name = "Clients", Exact = true }).ClickAsync();
        await Expect(p.GetByTestId("current-page")).ToHaveTextAsync("Clients");
        await Expect(menu).ToHaveAttributeAsync("aria-expanded", "false");
        await Expect(p.GetByTestId("client-row").Locator(".avatar")).ToHaveTextAsync("TC");
        await s.ShotAsync("clients");

        await p.GetByTestId("client-row").GetByRole(AriaRole.Link).ClickAsync();
        var swapped = p.GetByTestId("logged-exercise").Filter(new() { HasText = "Leg Press" });
        await Expect(swapped.GetByTestId("swapped-from")).ToHaveTextAsync(new Regex(@"instead of Barbell Squat"));
        await Expect(swapped.GetByTestId("logged-set").First).ToContainTextAsync("180 kg × 10");
        await Expect(swapped.GetByTestId("logged-set").First).ToContainTextAsync("RIR 3");
        await Expect(swapped.GetByTestId("set-note")).ToHaveTextAsync("“Squat rack taken”");
        await Expect(p.GetByTestId("logged-exercise").Filter(new() { HasText = "Bench" }).GetByTestId("set-note")).ToContainTextAsync("Left shoulder pinched");
        await Expect(p.GetByTestId("activity-item")).ToContainTextAsync("Tough but good");
        await AssertNoSidewaysScrollAsync(p, "the client page on a phone");
        await s.ShotAsync("client-page");

        await p.GotoAsync(host.BrowserUrl + "/pt/settings");
        await Expect(p.GetByTestId("unit-picker")).ToBeVisibleAsync();
        await AssertNoSidewaysScrollAsync(p, "the settings on a phone");
        await s.ShotAsync("settings");
        Assert.Empty(s.Errors);

        // The PT works in pounds: the client's page follows; then the tablet and the desk keep the side navigation.
        await p.GetByRole(AriaRole.Button, new() { Name = "Pounds (lb)" }).ClickAsync();
        await Expect(p.GetByText("Saved: weights now show in lb.")).ToBeVisibleAsync();
        foreach (var (name, width, height) in new[] { ("tablet", 820, 1180), ("desktop", 1366, 768) })
        {
            await using var wide = await BrowserSession.OpenAsync(browser.Browser, $"pt-side-{name}");
            var w = wide.Page;
            await w.SetViewportSizeAsync(width, height);
            await LogInColdAsync(wide, pt.Email, pt.Password);
            await Expect(w.GetByTestId("activity-item").First).ToContainTextAsync("Tough but good");
            await Expect(w.GetByRole(AriaRole.Button, new() { Name = "Menu" })).ToBeHiddenAsync();
            await Expect(w.GetByRole(AriaRole.Navigation, new() { Name = "Trainer" }).GetByRole(AriaRole.Link, new() { Name = "Clients", Exact = true })).ToBeVisibleAsync();
            await AssertNoSidewaysScrollAsync(w, $"the dashboard on a {name}");
            await wide.ShotAsync("dashboard");
            await w.GetByRole(AriaRole.Link, new() { Name = "Clients", Exact = true }).ClickAsync();
            await Expect(w.GetByTestId("client-row")).ToHaveCountAsync(1);
            await AssertNoSidewaysScrollAsync(w, $"the clients on a {name}");
            await wide.ShotAsync("clients");
            await w.GetByTestId("client-row").GetByRole(AriaRole.Link).ClickAsync();
            await Expect(w.GetByTestId("logged-exercise").Filter(new() { HasText = "Leg Press" }).GetByTestId("logged-set").First).ToContainTextAsync("396.8 lb × 10");
            await AssertNoSidewaysScrollAsync(w, $"the client page on a {name}");
            await wide.ShotAsync("client-page");
            await w.GetByRole(AriaRole.Link, new() { Name = "Settings", Exact = true }).ClickAsync();
            await Expect(w.GetByTestId("unit-picker").GetByRole(AriaRole.Button, new() { Name = "Pounds (lb)" })).ToHaveAttributeAsync("aria-pressed", "true");
            await AssertNoSidewaysScrollAsync(w, $"the settings on a {name}");
            await wide.ShotAsync("settings");
            Assert.Empty(wide.Errors);
        }
    }

    [Fact]
    public async Task A_new_PT_is_shown_what_to_do_first_on_the_dashboard_and_the_clients_page()
    {
        var pt = await host.NewClient().RegisterTrainerAsync("Empty Coach");
        await using var s = await BrowserSession.OpenAsync(browser.Browser, "pt-side-empty", phone: true);
        var p = s.Page;
        await LogInColdAsync(s, pt.Email, pt.Password);
        await Expect(p.GetByTestId("no-clients").GetByRole(AriaRole.Link, new() { Name = "Invite your first client" })).ToBeVisibleAsync();
        await s.ShotAsync("dashboard");
        await p.GetByTestId("no-clients").GetByRole(AriaRole.Link, new() { Name = "Invite your first client" }).ClickAsync();
        await p.GetByTestId("no-clients").GetByRole(AriaRole.Button, new() { Name = "Invite your first client" }).ClickAsync();
        await Expect(p.GetByRole(AriaRole.Heading, new() { Name = "Invite a client" })).ToBeFocusedAsync();
        await s.ShotAsync("clients");
        Assert.True(await p.EvaluateAsync<bool>(NoSidewaysScroll));
        Assert.Empty(s.Errors);
    }

    /// <summary>Logs in from a new browser context: the first load downloads and starts the app (slow when the machine is busy), so it may take longer than a click.</summary>
    private async Task LogInColdAsync(BrowserSession s, string email, string password)
    {
        await s.Page.GotoAsync(host.BrowserUrl + "/login");
        await Expect(s.Page.GetByLabel("Email")).ToBeVisibleAsync(new() { Timeout = 90_000 });
        await s.LogInAsync(host.BrowserUrl, email, password);
    }

    /// <summary>Nothing scrolls sideways; else which elements stick out.</summary>
    private static async Task AssertNoSidewaysScrollAsync(IPage page, string where)
    {
        var wide = await page.EvaluateAsync<string[]>("""
            () => document.documentElement.scrollWidth <= window.innerWidth ? [] :
                [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)
                    .slice(0, 5).map(e => e.tagName + '.' + e.className + ': ' + (e.textContent || '').slice(0, 40))
            """);
        Assert.True(wide.Length == 0, $"{where} scrolls sideways: {string.Join("; ", wide)}");
    }

    private static async Task LogAsync(ApiClient api, ApiClient.ClientAccount client, ProgramDto program, ProgramExercise entry, DateOnly date, int set, double kg, int reps, int rir,
        string? notes, string? exerciseId = null) =>
        Assert.Equal(HttpStatusCode.Created, (await api.PostAsync("/api/logs", new
        {
            id = Guid.NewGuid().ToString(), programId = program.Id, programExerciseId = entry.Id, exerciseId = exerciseId ?? entry.ExerciseId,
            setNumber = set, weightKg = kg, reps, rir, notes, workoutDate = date, performedAt = date.ToDateTime(new TimeOnly(7, set)),
        }, client.Token)).StatusCode);
}
