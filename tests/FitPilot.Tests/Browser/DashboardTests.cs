using FitPilot.Contracts.Training;
using FitPilot.Functions.CheckIns;
using FitPilot.Functions.ClientSummaries;
using FitPilot.Functions.Measurements;
using FitPilot.Functions.Training;
using FitPilot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FitPilot.Tests.Browser;

/// <summary>
/// The PT compliance dashboard on a desk (1280) and a phone (390×844): a client at risk with the reason, a check-in to review,
/// the client list sorted by a column (aria-sort) and filtered; nothing scrolls sideways. Screenshots under TestResults/screenshots/dashboard-*.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class DashboardTests(HostFixture host, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_pt_sees_who_is_at_risk_and_why_what_to_review_and_a_sortable_client_list_on_a_desk_and_a_phone()
    {
        var api = host.NewClient();
        var pt = await api.RegisterTrainerAsync("Dash Coach");
        var client = await api.OnboardClientAsync(pt, host.Mailbox);
        var riley = await api.InviteAsync(pt, ApiClient.UniqueEmail("riley"), "Riley Quinn");
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var now = DateTimeOffset.UtcNow;
        var summaries = host.Services.GetRequiredService<ClientSummaryService>();
        foreach (var (id, stoppedAgo) in new[] { (client.Id, 0), (riley.Id, 7) })
        {
            await summaries.HandleAsync(new ProgramScheduleChanged(pt.Id, id, "p1", new ScheduledProgram("active", today.AddDays(-60), null, 0, 0b111_1111, now.AddDays(-60))), default);
            for (var ago = stoppedAgo; ago < 30; ago += id == client.Id ? 2 : 1)
                await summaries.HandleAsync(new WorkoutFinished(pt.Id, new WorkoutSummary(id, today.AddDays(-ago), "p1", "Block", null, 3, 9, 2400, 50,
                    ago == 0 ? ["New PB: Barbell Squat, heaviest ever at 120 kg × 5."] : [], 7, null, now), null), default);
        }
        await summaries.HandleAsync(new CheckInSubmitted(pt.Id, client.Id, "Test Client", "ci-1", today.AddDays(-1), false), default);
        await summaries.HandleAsync(new MeasurementSaved(pt.Id, client.Id, 84, 82.5, "m1", today.AddDays(-20), 83.4), default);
        await summaries.HandleAsync(new MeasurementSaved(pt.Id, client.Id, 84, 82.5, "m2", today, 82.5), default);

        foreach (var phone in new[] { false, true })
        {
            await using var s = await BrowserSession.OpenAsync(browser.Browser, phone ? "dashboard-phone" : "dashboard-desktop", phone);
            var p = s.Page;
            await p.GotoAsync(host.BrowserUrl + "/login");
            await Expect(p.GetByLabel("Email")).ToBeVisibleAsync(new() { Timeout = 90_000 });
            await s.LogInAsync(host.BrowserUrl, pt.Email, pt.Password);
            var risk = p.GetByTestId("at-risk-client");
            await Expect(risk).ToContainTextAsync("Riley Quinn");
            await Expect(risk).ToContainTextAsync("Workouts 0 % this week vs 77 % this month");
            await Expect(p.GetByTestId("awaiting-review").GetByRole(AriaRole.Link, new() { Name = "Test Client" })).ToHaveAttributeAsync("href", $"pt/check-ins/{client.Id}/ci-1");
            await Expect(p.GetByTestId("new-pbs")).ToContainTextAsync("heaviest ever at 120 kg");
            if (!phone)
            {
                var workouts = p.Locator("[data-testid=compliance-table] th", new() { HasText = "Workouts" });
                await workouts.GetByRole(AriaRole.Button).ClickAsync();
                await Expect(workouts).ToHaveAttributeAsync("aria-sort", "ascending");
                await Expect(p.Locator("[data-testid=compliance-table] tbody tr").First).ToContainTextAsync("Riley Quinn");
            }
            else
            {
                await Expect(p.GetByTestId("compliance-table")).ToBeHiddenAsync();
                await Expect(p.GetByTestId("compliance-cards")).ToBeVisibleAsync();
            }
            await s.ShotAsync("dashboard");
            await p.GetByRole(AriaRole.Button, new() { Name = "Awaiting review (1)" }).ClickAsync();
            await Expect(p.GetByRole(AriaRole.Button, new() { Name = "Awaiting review (1)" })).ToHaveAttributeAsync("aria-pressed", "true");
            await s.ShotAsync("awaiting-review");
            Assert.True(await p.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "the page scrolls sideways");
            Assert.Empty(s.Errors);
        }
    }
}
