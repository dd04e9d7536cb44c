using System.Net;
using FitPilot.Contracts.Reporting;

namespace FitPilot.Web.Tests.Trainer;

/// <summary>The PT's Insights page: this week's figures, four weekly charts, the CSV link that follows the weeks chosen, and the empty state.</summary>
public sealed class InsightsPageTests : WebTest
{
    private static readonly DateOnly Monday = new(2026, 11, 23);

    private static WeeklyInsight Week(int weeksAgo, int active, int prescribed, int done, double? adherence, int pbs, double? hours) =>
        new($"2026-W{48 - weeksAgo}", Monday.AddDays(-7 * weeksAgo), active, 0, 0, prescribed, done, adherence, pbs, 1, hours is null ? 0 : 1, hours);

    [Fact]
    public void Weekly_figures_show_as_charts_with_this_weeks_numbers_and_a_CSV_link_for_the_weeks_chosen()
    {
        var weeks = Enumerable.Range(0, 12).Reverse().Select(ago => Week(ago, 3, 6, 5 - ago % 3, Math.Round(100.0 * (5 - ago % 3) / 6, 1), ago % 2, ago == 3 ? null : 10 + ago)).ToList();
        Api.On("GET", "/api/insights/weekly?weeks=12", HttpStatusCode.OK, FakeApi.Json(new WeeklyInsights(weeks)))
            .On("GET", "/api/insights/weekly?weeks=4", HttpStatusCode.OK, FakeApi.Json(new WeeklyInsights(weeks[^4..])));

        var cut = Render<FitPilot.Web.Pages.Trainer.Insights>();

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=insights-this-week]")));
        var thisWeek = cut.Find("[data-testid=insights-this-week]").TextContent;
        Assert.Contains("5 / 6", thisWeek);
        Assert.Contains("active clients this week", thisWeek);
        foreach (var chart in new[] { "adherence-chart", "active-chart", "pbs-chart", "response-chart" })
            Assert.NotNull(cut.Find($"[data-testid={chart}]"));
        Assert.Equal(12, cut.FindAll("[data-testid=adherence-chart] [data-testid=chart-point]").Count);
        // A week without a reviewed check-in has no response time: no point for it.
        Assert.Equal(11, cut.FindAll("[data-testid=response-chart] [data-testid=chart-point]").Count);
        Assert.Equal("api/insights/weekly.csv?weeks=12", cut.Find("[data-testid=insights-csv]").GetAttribute("href"));

        cut.FindAll(".segmented button").Single(b => b.TextContent == "4 weeks").Click();
        cut.WaitForAssertion(() => Assert.Equal(4, cut.FindAll("[data-testid=active-chart] [data-testid=chart-point]").Count));
        Assert.Equal("api/insights/weekly.csv?weeks=4", cut.Find("[data-testid=insights-csv]").GetAttribute("href"));
        Assert.Equal("true", cut.FindAll(".segmented button").Single(b => b.TextContent == "4 weeks").GetAttribute("aria-pressed"));
    }

    [Fact]
    public void Without_clients_or_training_the_page_says_what_to_do_next()
    {
        var empty = Enumerable.Range(0, 12).Reverse().Select(ago => new WeeklyInsight($"w{ago}", Monday.AddDays(-7 * ago), 0, 0, 0, 0, 0, null, 0, 0, 0, null)).ToList();
        Api.On("GET", "/api/insights/weekly", HttpStatusCode.OK, FakeApi.Json(new WeeklyInsights(empty)));

        var cut = Render<FitPilot.Web.Pages.Trainer.Insights>();

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=insights-empty]")));
        Assert.Equal("pt/clients", cut.Find("[data-testid=insights-empty] a").GetAttribute("href"));
        Assert.Empty(cut.FindAll("[data-testid=adherence-chart]"));
    }

    [Fact]
    public void A_failed_load_offers_a_retry()
    {
        Api.Fail("GET", "/api/insights/weekly");
        var cut = Render<FitPilot.Web.Pages.Trainer.Insights>();
        cut.WaitForAssertion(() => Assert.Contains("Try again", cut.Markup));
    }
}
