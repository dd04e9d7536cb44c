using System.Net;
using System.Text.RegularExpressions;
using FitPilot.Contracts.Programs;
using FitPilot.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FitPilot.Tests.Browser;

/// <summary>The PT's progress charts for a client, on a phone and at a desk: readable, and nothing scrolls sideways.</summary>
[Collection(HostCollection.Name)]
public sealed class ProgressChartsTests(HostFixture host, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string NoSidewaysScroll = "() => document.documentElement.scrollWidth <= window.innerWidth";

    [Fact]
    public async Task A_PT_follows_a_clients_squat_over_three_months_on_a_phone_and_at_a_desk()
    {
        var api = host.NewClient();
        var pt = await api.RegisterTrainerAsync("Chart Coach");
        var client = await api.OnboardClientAsync(pt, host.Mailbox);
        var monday = TrainingSetup.Last(DayOfWeek.Monday);
        var program = await TrainingSetup.CreateAsync(api, pt, client.Id, start: monday.AddDays(-7 * 13));
        var entries = program.Days.Single(d => d.DayOfWeek == 1).Exercises;
        // Thirteen Mondays of squats, 90 kg × 5 up to 120 kg × 5 (Epley 105 to 140 kg), three sets each; bench the three Mondays before the last.
        for (var week = 12; week >= 0; week--)
        {
            var date = monday.AddDays(-7 * week);
            for (var set = 1; set <= 3; set++)
                await LogAsync(api, client, program, entries[0], date, set, 90 + 2.5 * (12 - week), 5);
            if (week is >= 1 and <= 3) await LogAsync(api, client, program, entries[1], date, 1, 60 + 2.5 * (3 - week), 8);
        }

        await using (var phone = await BrowserSession.OpenAsync(browser.Browser, "progress-charts-phone", phone: true))
        {
            var p = phone.Page;
            await phone.LogInAsync(host.BrowserUrl, pt.Email, pt.Password);
            await Expect(p.GetByRole(AriaRole.Heading, new() { Name = "Welcome, Chart Coach" })).ToBeVisibleAsync();
            await p.GotoAsync($"{host.BrowserUrl}/pt/clients/{client.Id}");
            await p.GetByRole(AriaRole.Link, new() { Name = "Progress charts" }).ClickAsync();

            await Expect(p.GetByLabel("Exercise")).ToHaveValueAsync("Barbell_Squat"); // the most recently logged first
            await Expect(p.GetByTestId("e1rm-chart")).ToHaveAttributeAsync("aria-label", new Regex("^Estimated 1RM from .* kg on .* to 140 kg on"));
            await Expect(p.GetByTestId("volume-chart")).ToBeVisibleAsync();
            await Expect(p.Locator("[data-testid=chart-summary]").First).ToContainTextAsync("140 kg");
            Assert.True(await p.EvaluateAsync<bool>(NoSidewaysScroll), "the progress page scrolls sideways on a phone");
            await phone.ShotAsync("squat-3-months");
            await AssertDateLabelsApartAsync(p);

            await p.GetByRole(AriaRole.Button, new() { Name = "4 weeks" }).ClickAsync();
            await Expect(p.Locator("[data-testid=chart-summary]").First).ToContainTextAsync(new Regex("in [34] weeks")); // the Mondays of the last 28 days
            await p.GetByLabel("Exercise").SelectOptionAsync(entries[1].ExerciseId);
            await Expect(p.GetByTestId("e1rm-chart")).ToHaveAttributeAsync("aria-label", new Regex("^Estimated 1RM from 76 kg .* to 82.3 kg"));
            Assert.True(await p.EvaluateAsync<bool>(NoSidewaysScroll), "the progress page scrolls sideways on a phone (4 weeks)");
            await phone.ShotAsync("bench-4-weeks");
            await AssertDateLabelsApartAsync(p);
            Assert.Empty(phone.Errors);
        }

        await using var desk = await BrowserSession.OpenAsync(browser.Browser, "progress-charts-desktop");
        await desk.LogInAsync(host.BrowserUrl, pt.Email, pt.Password);
        await Expect(desk.Page.GetByRole(AriaRole.Heading, new() { Name = "Welcome, Chart Coach" })).ToBeVisibleAsync();
        await desk.Page.GotoAsync($"{host.BrowserUrl}/pt/clients/{client.Id}/progress");
        await Expect(desk.Page.GetByTestId("e1rm-chart")).ToBeVisibleAsync();
        await desk.Page.GetByRole(AriaRole.Button, new() { Name = "All" }).ClickAsync();
        await Expect(desk.Page.GetByTestId("e1rm-chart")).ToHaveAttributeAsync("aria-label", new Regex("^Estimated 1RM from 105 kg .* to 140 kg"));
        Assert.True(await desk.Page.EvaluateAsync<bool>(NoSidewaysScroll));
        await desk.ShotAsync("squat-all");
        await AssertDateLabelsApartAsync(desk.Page);
        Assert.Empty(desk.Errors);
    }

    /// <summary>The date labels of every chart, as drawn: none overlaps the next, none sticks out of its chart.</summary>
    private static async Task AssertDateLabelsApartAsync(IPage page)
    {
        var problems = await page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('.line-chart')].flatMap(chart => {
                const box = chart.getBoundingClientRect();
                const labels = [...chart.querySelectorAll('[data-testid=date-tick]')].map(l => ({ text: l.textContent, r: l.getBoundingClientRect() }));
                const out = labels.filter(l => l.r.left < box.left || l.r.right > box.right).map(l => `${l.text} outside its chart`);
                const overlaps = labels.slice(1).filter((l, i) => l.r.left < labels[i].r.right).map((l, i) => `${labels[i].text} overlaps ${l.text}`);
                return labels.length < 2 ? ['fewer than two date labels'] : [...out, ...overlaps];
            })
            """);
        Assert.True(problems.Length == 0, string.Join("; ", problems));
    }

    private static async Task LogAsync(ApiClient api, ApiClient.ClientAccount client, ProgramDto program, ProgramExercise entry, DateOnly date, int set, double kg, int reps) =>
        Assert.Equal(HttpStatusCode.Created, (await api.PostAsync("/api/logs", new
        {
            id = Guid.NewGuid().ToString(), programId = program.Id, programExerciseId = entry.Id, exerciseId = entry.ExerciseId,
            setNumber = set, weightKg = kg, reps, workoutDate = date, performedAt = date.ToDateTime(new TimeOnly(7, set)),
        }, client.Token)).StatusCode);
}
