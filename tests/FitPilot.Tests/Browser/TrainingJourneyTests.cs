using System.Net;
using FitPilot.Contracts.Programs;
using FitPilot.Contracts.Training;
using FitPilot.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FitPilot.Tests.Browser;

/// <summary>Programs and training in the browser: build from the library, assign a template, train offline, see a PB.</summary>
[Collection(HostCollection.Name)]
public sealed class TrainingJourneyTests(HostFixture host, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static readonly DayOfWeek Today = DateTime.Now.DayOfWeek;

    [Fact]
    public async Task A_PT_builds_a_template_from_the_library_assigns_it_to_two_clients_and_a_client_logs_a_whole_workout_offline()
    {
        var api = host.NewClient();
        var pt = await api.RegisterTrainerAsync("Builder Coach");
        var sam = await api.OnboardClientAsync(pt, host.Mailbox);
        var kim = await api.OnboardClientAsync(pt, host.Mailbox);
        var day = (int)Today;

        // The PT builds a template in the browser: one exercise dragged from the library, one added with the keyboard-friendly button.
        await using (var s = await BrowserSession.OpenAsync(browser.Browser, "program-builder"))
        {
            var p = s.Page;
            await s.LogInAsync(host.BrowserUrl, pt.Email, pt.Password);
            await p.GetByRole(AriaRole.Link, new() { Name = "Programs", Exact = true }).ClickAsync();
            await p.GetByRole(AriaRole.Link, new() { Name = "New template" }).ClickAsync();
            await p.GetByLabel("Name", new() { Exact = true }).FillAsync("Full body A");
            var library = p.GetByRole(AriaRole.Complementary);
            await library.GetByLabel("Search", new() { Exact = true }).FillAsync("barbell squat");
            var squat = library.GetByTestId("library-item").Filter(new() { HasText = "Barbell Squat" }).First;
            await Expect(squat).ToBeVisibleAsync();
            await squat.DragToAsync(p.GetByTestId($"day-{day}"));
            var entries = p.GetByTestId($"day-{day}").GetByTestId("entry");
            await Expect(entries).ToHaveCountAsync(1);

            await library.GetByLabel("Search", new() { Exact = true }).FillAsync("bench press medium grip");
            await library.GetByLabel("Add to").SelectOptionAsync(day.ToString());
            await library.GetByTestId("library-item").Filter(new() { HasText = "Barbell Bench Press - Medium Grip" }).GetByRole(AriaRole.Button, new() { Name = "Add" }).ClickAsync();
            await Expect(entries).ToHaveCountAsync(2);

            // Inline edits: 2 sets of 5 for the whole day, then squat at 60 kg with 3 s rest (short, for the test), bench in order first.
            await p.GetByLabel("All sets").First.FillAsync("2");
            await p.GetByLabel("All reps").First.FillAsync("5");
            await p.GetByRole(AriaRole.Button, new() { Name = "Apply to day" }).ClickAsync();
            await entries.Nth(0).GetByLabel("kg", new() { Exact = true }).FillAsync("60");
            await entries.Nth(0).GetByLabel("Rest s").FillAsync("3");
            await entries.Nth(1).GetByLabel("kg", new() { Exact = true }).FillAsync("40");
            await entries.Nth(1).GetByLabel("Rest s").FillAsync("3");
            await p.GetByRole(AriaRole.Button, new() { Name = "Move Barbell Bench Press - Medium Grip up" }).ClickAsync();
            await s.AssertInputsLabelledAsync();
            await p.GetByRole(AriaRole.Button, new() { Name = "Save program" }).ClickAsync();
            await Expect(p.GetByRole(AriaRole.Heading, new() { Name = "Full body A" })).ToBeVisibleAsync();
            await s.ShotAsync("template-saved");

            await p.GetByRole(AriaRole.Tab, new() { Name = "Assign" }).ClickAsync(); // the side panel: library or assign
            await p.GetByRole(AriaRole.Group, new() { Name = "Clients" }).GetByLabel("Test Client").First.CheckAsync();
            await p.GetByRole(AriaRole.Group, new() { Name = "Clients" }).GetByLabel("Test Client").Nth(1).CheckAsync();
            await p.GetByRole(AriaRole.Button, new() { Name = "Assign to 2 clients" }).ClickAsync();
            await Expect(p.GetByText("Assigned to 2 clients.")).ToBeVisibleAsync();
            await s.ShotAsync("assigned");

            // Two tabs on one template: the second save is refused with a clear message, not silently lost.
            var secondTab = await p.Context.NewPageAsync();
            await secondTab.GotoAsync(p.Url);
            await Expect(secondTab.GetByRole(AriaRole.Heading, new() { Name = "Full body A" })).ToBeVisibleAsync();
            await p.GetByLabel("Name", new() { Exact = true }).FillAsync("Full body A (tab one)");
            await p.GetByRole(AriaRole.Button, new() { Name = "Save program" }).ClickAsync();
            await Expect(p.GetByRole(AriaRole.Heading, new() { Name = "Full body A (tab one)" })).ToBeVisibleAsync();
            await secondTab.GetByLabel("Name", new() { Exact = true }).FillAsync("Full body A (tab two)");
            await secondTab.GetByRole(AriaRole.Button, new() { Name = "Save program" }).ClickAsync();
            await Expect(secondTab.GetByTestId("save-problem")).ToContainTextAsync("Someone else changed this in the meantime.");
            await secondTab.ScreenshotAsync(new() { Path = Path.Combine(TestPaths.Results("screenshots/program-builder"), "03-second-tab-conflict.png") });
            await secondTab.GetByRole(AriaRole.Button, new() { Name = "Reload the latest version" }).ClickAsync();
            await Expect(secondTab.GetByLabel("Name", new() { Exact = true })).ToHaveValueAsync("Full body A (tab one)");

            // On a tablet in portrait the builder still fits the screen (no sideways scrolling).
            await p.SetViewportSizeAsync(820, 1180);
            Assert.True(await p.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "the builder overflows a tablet screen");
            await s.ShotAsync("tablet");
        }
        var programs = await ApiClient.ReadAsync<List<ProgramSummary>>(await api.GetAsync("/api/programs?templates=false", pt.Token));
        Assert.Equal(new[] { sam.Id, kim.Id }.Order(), programs.Select(x => x.ClientId!).Order());

        // Sam trains on a phone; the service worker caches the app so it reloads without a network.
        await using var c = await BrowserSession.OpenAsync(browser.Browser, "offline-workout", phone: true, serviceWorker: true);
        var page = c.Page;
        await c.LogInAsync(host.BrowserUrl, sam.Email, sam.Password);
        await Expect(page.GetByTestId("today-exercise")).ToHaveCountAsync(2);
        await page.EvaluateAsync("async () => { await navigator.serviceWorker.ready; }");
        await page.ReloadAsync(); // now controlled by the service worker
        await Expect(page.GetByTestId("today-exercise")).ToHaveCountAsync(2);
        var bench = page.GetByTestId("today-exercise").Nth(0);
        var squat2 = page.GetByTestId("today-exercise").Nth(1);
        await Expect(bench.GetByRole(AriaRole.Heading)).ToHaveTextAsync("Barbell Bench Press - Medium Grip");

        await bench.GetByRole(AriaRole.Button, new() { Name = "Log set 1" }).ClickAsync();
        await Expect(bench.GetByTestId("logged-set")).ToHaveCountAsync(1);
        await Expect(page.GetByTestId("rest-timer")).ToBeVisibleAsync();
        await c.ShotAsync("first-set-and-rest-timer");

        await page.Context.SetOfflineAsync(true);
        await bench.GetByRole(AriaRole.Button, new() { Name = "Log set 2" }).ClickAsync();
        await squat2.GetByRole(AriaRole.Button, new() { Name = "Log set 1" }).ClickAsync();
        await Expect(page.GetByTestId("sync-status")).ToContainTextAsync("You're offline. 2 sets saved on this phone");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sync now" })).ToHaveCountAsync(0); // nothing to press while offline
        await page.ReloadAsync();
        await Expect(page.GetByTestId("sync-status")).ToContainTextAsync("You're offline.");
        await Expect(page.GetByTestId("today-exercise")).ToHaveCountAsync(2);
        squat2 = page.GetByTestId("today-exercise").Nth(1);
        await Expect(squat2.GetByTestId("logged-set")).ToHaveCountAsync(1);
        await squat2.GetByLabel("Weight (kg)").FillAsync("62.5");
        await squat2.GetByRole(AriaRole.Button, new() { Name = "Log set 2" }).ClickAsync();
        await Expect(page.GetByTestId("sync-status")).ToContainTextAsync("3 sets saved on this phone");
        // A correction made offline queues like a log: set 1 of the bench (synced before going offline) gets 6 reps and a note.
        bench = page.GetByTestId("today-exercise").Nth(0);
        await bench.GetByRole(AriaRole.Button, new() { Name = "Edit set 1" }).ClickAsync();
        await bench.GetByLabel("Reps", new() { Exact = true }).First.FillAsync("6");
        await bench.GetByLabel("Notes", new() { Exact = true }).FillAsync("Felt easy");
        await bench.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(bench.GetByTestId("logged-set").First).ToContainTextAsync("Felt easy");
        await Expect(page.GetByTestId("sync-status")).ToContainTextAsync("4 changes saved on this phone");
        await c.ShotAsync("offline-after-reload");

        await page.Context.SetOfflineAsync(false);
        await page.EvaluateAsync("() => window.dispatchEvent(new Event('online'))");
        await Expect(page.GetByTestId("sync-status")).ToHaveCountAsync(0, new() { Timeout = 20_000 });
        await Expect(page.GetByText("All sets done")).ToHaveCountAsync(2);
        await c.ShotAsync("synced");

        // Every set arrived exactly once.
        var logs = await ApiClient.ReadAsync<List<SetLog>>(await api.GetAsync($"/api/clients/{sam.Id}/logs", pt.Token));
        Assert.Equal(4, logs.Count);
        Assert.Equal(4, logs.Select(l => l.Id).Distinct().Count());
        Assert.Equal([1, 2], logs.Where(l => l.ExerciseId == "Barbell_Squat").Select(l => l.SetNumber).Order());
        Assert.Contains(logs, l => l.ExerciseId == "Barbell_Squat" && l.WeightKg == 62.5);
        var corrected = logs.Single(l => l.ExerciseId != "Barbell_Squat" && l.SetNumber == 1);
        Assert.Equal((6, "Felt easy"), (corrected.Reps, corrected.Notes));
        Assert.Empty(c.Errors);
    }

    [Fact]
    public async Task Beating_last_weeks_best_shows_the_new_PB_and_the_history_chart()
    {
        var api = host.NewClient();
        var pt = await api.RegisterTrainerAsync("PB Coach");
        var client = await api.OnboardClientAsync(pt, host.Mailbox);
        var today = DateOnly.FromDateTime(DateTime.Now);
        var program = await ApiClient.ReadAsync<ProgramDto>(await api.PostAsync("/api/programs", new
        {
            name = "Squat focus", clientId = client.Id, startDate = today.AddDays(-14),
            days = new[] { new { dayOfWeek = (int)Today, title = "Squat day", exercises = new[] { TrainingSetup.Exercise("Barbell_Squat", sets: 1, reps: 5, weightKg: 100, rest: 2) } } },
        }, pt.Token), HttpStatusCode.Created);
        var entry = program.Days[0].Exercises[0];
        foreach (var (weight, date) in new[] { (90.0, today.AddDays(-14)), (95.0, today.AddDays(-7)) })
            await api.PostAsync("/api/logs", new { id = Guid.NewGuid().ToString(), programId = program.Id, programExerciseId = entry.Id, exerciseId = entry.ExerciseId, weightKg = weight, reps = 5, workoutDate = date }, client.Token);

        await using var s = await BrowserSession.OpenAsync(browser.Browser, "personal-best", phone: true);
        await s.LogInAsync(host.BrowserUrl, client.Email, client.Password);
        var card = s.Page.GetByTestId("today-exercise");
        await Expect(card.GetByTestId("last-time")).ToContainTextAsync("95×5");
        await Expect(card.GetByLabel("Weight (kg)")).ToHaveValueAsync("100");
        await card.GetByRole(AriaRole.Button, new() { Name = "Log set 1" }).ClickAsync();
        await Expect(s.Page.GetByTestId("personal-best").First).ToContainTextAsync("New PB: Barbell Squat, heaviest ever at 100 kg × 5.");
        await s.ShotAsync("new-pb");

        await card.GetByRole(AriaRole.Link, new() { Name = "History" }).ClickAsync();
        await Expect(s.Page.GetByRole(AriaRole.Heading, new() { Name = "Barbell Squat" })).ToBeVisibleAsync();
        await Expect(s.Page.GetByTestId("e1rm-chart")).ToHaveAttributeAsync("aria-label", new System.Text.RegularExpressions.Regex("from 105 kg .* to 116.7 kg"));
        await Expect(s.Page.Locator("table tbody tr")).ToHaveCountAsync(3);
        await Expect(s.Page.GetByTestId("volume-chart")).ToBeVisibleAsync();
        Assert.True(await s.Page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "the history page scrolls sideways on a phone");
        await s.ShotAsync("history");

        // 95 kg beat 90 kg last week; 100 kg today beat both: two PRs, newest first.
        var achievements = await ApiClient.ReadAsync<List<Achievement>>(await api.GetAsync("/api/achievements", client.Token));
        Assert.Equal(2, achievements.Count);
        Assert.All(achievements, a => Assert.Equal("pr", a.Type));
        Assert.Contains("100 kg × 5", achievements[0].Title);
    }

    [Fact]
    public async Task A_client_adds_a_note_then_corrects_and_deletes_a_logged_set()
    {
        var api = host.NewClient();
        var pt = await api.RegisterTrainerAsync("Edit Coach");
        var client = await api.OnboardClientAsync(pt, host.Mailbox);
        await api.PostAsync("/api/programs", new
        {
            name = "Edit test", clientId = client.Id, startDate = DateOnly.FromDateTime(DateTime.Now).AddDays(-1),
            days = new[] { new { dayOfWeek = (int)Today, exercises = new[] { TrainingSetup.Exercise("Pullups", sets: 2, reps: 8, rest: 1) } } },
        }, pt.Token);

        await using var s = await BrowserSession.OpenAsync(browser.Browser, "edit-set", phone: true);
        await s.LogInAsync(host.BrowserUrl, client.Email, client.Password);
        var card = s.Page.GetByTestId("today-exercise");
        await card.GetByLabel("Weight (kg)").FillAsync("0");
        await card.GetByLabel("Notes (optional)").FillAsync("Felt easy");
        await card.GetByRole(AriaRole.Button, new() { Name = "Log set 1" }).ClickAsync();
        await Expect(card.GetByTestId("logged-set")).ToContainTextAsync("0 kg × 8");
        await Expect(card.GetByTestId("logged-set")).ToContainTextAsync("Felt easy");

        await card.GetByRole(AriaRole.Button, new() { Name = "Edit set 1" }).ClickAsync();
        var editor = card.GetByRole(AriaRole.Form, new() { Name = "Edit set 1" });
        await editor.GetByLabel("reps").FillAsync("10");
        await editor.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(card.GetByTestId("logged-set")).ToContainTextAsync("0 kg × 10");
        await s.ShotAsync("edited");

        await card.GetByRole(AriaRole.Button, new() { Name = "Delete" }).ClickAsync();
        await card.GetByRole(AriaRole.Button, new() { Name = "Delete" }).Last.ClickAsync();
        await Expect(card.GetByTestId("logged-set")).ToHaveCountAsync(0);
        var history = await ApiClient.ReadAsync<ExerciseHistory>(await api.GetAsync("/api/exercises/Pullups/history", client.Token));
        Assert.Empty(history.Sets);
    }
}
