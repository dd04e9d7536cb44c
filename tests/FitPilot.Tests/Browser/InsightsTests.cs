using FitPilot.Contracts.Training;
using FitPilot.Functions.CheckIns;
using FitPilot.Functions.Invitations;
using FitPilot.Functions.Reporting;
using FitPilot.Functions.Training;
using FitPilot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FitPilot.Tests.Browser;

/// <summary>
/// The PT's Insights page on a desk (1280), a tablet (820×1180) and a phone (390×844): eight weeks of a client's training
/// and check-ins as four charts, this week's figures and the CSV link; nothing scrolls sideways. Screenshots under
/// TestResults/screenshots/insights-*.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class InsightsTests(HostFixture host, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_pt_sees_weekly_charts_and_a_csv_link_on_a_desk_a_tablet_and_a_phone()
    {
        var api = host.NewClient();
        var pt = await api.RegisterTrainerAsync("Insight Coach");
        var reporting = host.Services.GetRequiredService<ReportingProjection>();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var now = DateTimeOffset.UtcNow;
        foreach (var (id, weeksAgo) in new[] { ("c-ins-1", 8), ("c-ins-2", 5), ("c-ins-3", 2) })
        {
            await reporting.HandleAsync(new ClientJoined(pt.Id, id, now.AddDays(-7 * weeksAgo)), default);
            await reporting.HandleAsync(new ProgramScheduleChanged(pt.Id, id, "p1", new ScheduledProgram("active", today.AddDays(-7 * weeksAgo), null, 0, 0b010_1010, now.AddDays(-7 * weeksAgo))), default);
            for (var ago = 7 * weeksAgo; ago >= 0; ago -= id == "c-ins-1" ? 2 : 3)
                await reporting.HandleAsync(new WorkoutFinished(pt.Id, new WorkoutSummary(id, today.AddDays(-ago), "p1", "Block", null, 3, 9, 2400, 50,
                    ago % 9 == 0 ? ["New PB"] : [], 7, null, now), null), default);
            for (var week = weeksAgo; week >= 1; week--)
            {
                var due = today.AddDays(-7 * week);
                await reporting.HandleAsync(new CheckInSubmitted(pt.Id, id, "Client", $"{due:yyyy-MM-dd}", due, false, now.AddDays(-7 * week)), default);
                await reporting.HandleAsync(new CheckInReviewed(pt.Id, id, $"{due:yyyy-MM-dd}", due, now.AddDays(-7 * week).AddHours(4 + 3 * week)), default);
            }
        }

        foreach (var (screen, width, height) in new[] { ("desktop", 1280, 860), ("tablet", 820, 1180), ("phone", 390, 844) })
        {
            await using var s = await BrowserSession.OpenAsync(browser.Browser, $"insights-{screen}", screen == "phone");
            var p = s.Page;
            await p.SetViewportSizeAsync(width, height);
            await p.GotoAsync(host.BrowserUrl + "/login");
            await Expect(p.GetByLabel("Email")).ToBeVisibleAsync(new() { Timeout = 90_000 });
            await s.LogInAsync(host.BrowserUrl, pt.Email, pt.Password);
            await Expect(p.GetByRole(AriaRole.Heading, new() { Name = "Welcome, Insight Coach" })).ToBeVisibleAsync();
            var menu = p.GetByRole(AriaRole.Button, new() { Name = "Menu" });
            if (await menu.IsVisibleAsync()) await menu.ClickAsync();
            await p.GetByRole(AriaRole.Navigation, new() { Name = "Trainer" }).GetByRole(AriaRole.Link, new() { Name = "Insights" }).ClickAsync();
            await Expect(p.GetByRole(AriaRole.Heading, new() { Name = "Insights", Exact = true })).ToBeVisibleAsync();
            await Expect(p.GetByTestId("insights-this-week")).ToContainTextAsync("3");
            foreach (var chart in new[] { "adherence-chart", "active-chart", "pbs-chart", "response-chart" })
                await Expect(p.GetByTestId(chart)).ToBeVisibleAsync();
            await Expect(p.GetByTestId("insights-csv")).ToHaveAttributeAsync("href", "api/insights/weekly.csv?weeks=12");
            await s.ShotAsync("weeks-12");
            await p.GetByRole(AriaRole.Button, new() { Name = "4 weeks" }).ClickAsync();
            await Expect(p.GetByTestId("insights-csv")).ToHaveAttributeAsync("href", "api/insights/weekly.csv?weeks=4");
            await Expect(p.GetByTestId("active-chart").Locator("[data-testid=chart-point]")).ToHaveCountAsync(4);
            await s.ShotAsync("weeks-4");
            Assert.True(await p.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), $"the page scrolls sideways on the {screen}");
            Assert.Empty(s.Errors);
        }
    }
}
