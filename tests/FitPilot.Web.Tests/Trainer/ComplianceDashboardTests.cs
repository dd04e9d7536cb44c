using System.Net;
using FitPilot.Contracts.Auth;
using FitPilot.Contracts.Clients;
using FitPilot.Contracts.Dashboard;
using FitPilot.Contracts.Progress;
using FitPilot.Contracts.Trainers;
using FitPilot.Contracts.Activity;
using FitPilot.Contracts.Common;
using FitPilot.Web.Auth;
using FitPilot.Web.Engagement;

namespace FitPilot.Web.Tests.Trainer;

/// <summary>The PT's compliance dashboard (at-risk card, check-ins to review, PBs, the sortable and filterable client list) and the client's weight trend card.</summary>
public sealed class ComplianceDashboardTests : WebTest
{
    // The clock stands at Monday 23 Nov 2026, 07:00 UTC.
    private static readonly DateOnly Today = new(2026, 11, 23);

    private static ClientCompliance Row(string id, string name, double? workoutsWeek, double? workoutsMonth, string status = ClientStatuses.Active,
        int awaiting = 0, double? weightKg = null, DateOnly? lastWorkout = null)
    {
        var workouts = new AdherencePair(workoutsWeek, workoutsMonth);
        var risk = workoutsWeek is { } w && workoutsMonth is { } m && m - w >= 20
            ? new[] { new RiskReason(ComplianceMetrics.Workouts, w, m, $"Workouts {w:0} % this week vs {m:0} % this month") } : [];
        return new ClientCompliance(id, name, status, null, lastWorkout, workouts, new AdherencePair(null, null), new AdherencePair(100, 75),
            weightKg, weightKg is null ? null : -1.2, null, awaiting, risk);
    }

    private static readonly ClientCompliance[] Clients =
    [
        Row("c1", "Sam Client", 40, 85, weightKg: 84.3, lastWorkout: Today.AddDays(-5)),
        Row("c2", "Ann Other", 100, 90, awaiting: 1, weightKg: 61, lastWorkout: Today),
        Row("c3", "Bo Invited", null, null, status: ClientStatuses.Invited),
    ];

    private void SignedInTrainer(string unit = WeightUnits.Kg)
    {
        var pt = new TrainerProfile("t1", "Pat Coach", "pat@example.com", null, null, null, null, null, "Pat's Gym", null, null, "Solo", "active", DateTimeOffset.UnixEpoch, 14, null,
            DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, WeightUnit: unit);
        Get<Session>().Set(new MeResponse("t1", Roles.Trainer, pt.Email, pt.Name, pt, null));
    }

    [Fact]
    public void The_dashboard_shows_who_is_at_risk_and_why_the_check_ins_to_review_and_this_weeks_pbs()
    {
        SignedInTrainer();
        Api.On("GET", "/api/dashboard", HttpStatusCode.OK, FakeApi.Json(new TrainerDashboard(3, 2, 1, 0, "active", "Solo")))
            .On("GET", "/api/dashboard/clients", HttpStatusCode.OK, FakeApi.Json(new ComplianceDashboard([Clients[0]], 1,
                [new CheckInAwaitingReview("c2", "Ann Other", "ci9", Today.AddDays(-1), true)],
                [new RecentPersonalBest("c2", "Ann Other", Today, "New PB: Squat, heaviest ever at 100 kg × 5.")], Clients)))
            .On("GET", "/api/activity", HttpStatusCode.OK, FakeApi.Json(new Page<ActivityItem>([], null)));

        var cut = Render<FitPilot.Web.Pages.Trainer.Dashboard>();

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=at-risk-client]")));
        var risk = cut.Find("[data-testid=at-risk-client]");
        Assert.Contains("Sam Client", risk.TextContent);
        Assert.Contains("Workouts 40 % this week vs 85 % this month", risk.TextContent);
        Assert.Equal("pt/clients/c1", risk.QuerySelector("a")!.GetAttribute("href"));
        var review = cut.Find("[data-testid=awaiting-review] li a");
        Assert.Equal(("Ann Other", "pt/check-ins/c2/ci9"), (review.TextContent, review.GetAttribute("href")));
        Assert.Contains("yesterday · late", cut.Find("[data-testid=awaiting-review] li").TextContent);
        Assert.Contains("heaviest ever at 100 kg", cut.Find("[data-testid=new-pbs]").TextContent);
        // Phone cards carry the same reason in words, not colour alone.
        Assert.Contains("Workouts 40 % this week vs 85 % this month", cut.Find("[data-testid=compliance-cards]").TextContent);
    }

    [Fact]
    public void Nobody_at_risk_is_said_in_words()
    {
        var cut = Render<AtRiskCard>(p => p.Add(c => c.Clients, []));
        Assert.Contains("Nobody is slipping", cut.Find("[data-testid=at-risk-none]").TextContent);
    }

    private static List<string> Names(IRenderedComponent<ComplianceTable> cut) =>
        cut.FindAll("[data-testid=compliance-table] tbody tr .person a").Select(a => a.TextContent).ToList();

    private static AngleSharp.Dom.IElement Header(IRenderedComponent<ComplianceTable> cut, string label) =>
        cut.FindAll("[data-testid=compliance-table] th").Single(th => th.TextContent.StartsWith(label, StringComparison.Ordinal));

    [Fact]
    public void Column_buttons_sort_the_list_and_say_so_with_aria_sort_and_missing_figures_sort_last()
    {
        var cut = Render<ComplianceTable>(p => p.Add(c => c.Clients, Clients).Add(c => c.Today, Today));
        Assert.Equal(["Ann Other", "Bo Invited", "Sam Client"], Names(cut));
        Assert.Equal("ascending", Header(cut, "Client").GetAttribute("aria-sort"));
        Assert.Equal("none", Header(cut, "Workouts").GetAttribute("aria-sort"));

        Header(cut, "Workouts").QuerySelector("button")!.Click();
        Assert.Equal(["Sam Client", "Ann Other", "Bo Invited"], Names(cut));
        Assert.Equal("ascending", Header(cut, "Workouts").GetAttribute("aria-sort"));
        Assert.Equal("none", Header(cut, "Client").GetAttribute("aria-sort"));

        Header(cut, "Workouts").QuerySelector("button")!.Click();
        Assert.Equal(["Ann Other", "Sam Client", "Bo Invited"], Names(cut));
        Assert.Equal("descending", Header(cut, "Workouts").GetAttribute("aria-sort"));

        Header(cut, "Client").QuerySelector("button")!.Click();
        Header(cut, "Client").QuerySelector("button")!.Click();
        Assert.Equal(["Sam Client", "Bo Invited", "Ann Other"], Names(cut));
    }

    [Fact]
    public void The_filter_shows_all_at_risk_awaiting_review_or_invited_with_counts()
    {
        var cut = Render<ComplianceTable>(p => p.Add(c => c.Clients, Clients).Add(c => c.Today, Today));
        var buttons = cut.FindAll(".compliance-filters button");
        Assert.Equal(["All (3)", "At risk (1)", "Awaiting review (1)", "Invited (1)"], buttons.Select(b => b.TextContent));
        Assert.Equal("true", buttons[0].GetAttribute("aria-pressed"));

        buttons[1].Click();
        Assert.Equal(["Sam Client"], Names(cut));
        Assert.Equal("true", cut.FindAll(".compliance-filters button")[1].GetAttribute("aria-pressed"));
        cut.FindAll(".compliance-filters button")[2].Click();
        Assert.Equal(["Ann Other"], Names(cut));
        cut.FindAll(".compliance-filters button")[3].Click();
        Assert.Equal(["Bo Invited"], Names(cut));

        var none = Render<ComplianceTable>(p => p.Add(c => c.Clients, [Clients[1]]).Add(c => c.Today, Today));
        none.FindAll(".compliance-filters button")[1].Click();
        Assert.Contains("No clients match", none.Find("[data-testid=compliance-empty]").TextContent);
    }

    [Fact]
    public void Figures_are_written_in_the_pts_weight_unit_with_no_data_as_a_dash()
    {
        var cut = Render<ComplianceTable>(p => p.Add(c => c.Clients, Clients).Add(c => c.Today, Today).Add(c => c.WeightUnit, WeightUnits.Lb));
        var sam = cut.FindAll("[data-testid=compliance-table] tbody tr").Single(r => r.TextContent.Contains("Sam Client"));
        Assert.Contains("185.8 lb", sam.TextContent);
        Assert.Contains("−2.6 lb / 4 wk", sam.TextContent);
        Assert.Contains("40 % / 85 %", sam.TextContent);
        Assert.Contains("Wed", sam.TextContent);  // Wednesday 18th, 5 days before: its weekday.
        var bo = cut.FindAll("[data-testid=compliance-table] tbody tr").Single(r => r.TextContent.Contains("Bo Invited"));
        Assert.Equal("Workouts: nothing due yet", bo.QuerySelectorAll("td")[3].GetAttribute("aria-label"));
    }

    [Fact]
    public void The_clients_home_shows_the_weight_trend_in_their_unit_with_the_change_since_start_and_over_4_weeks()
    {
        var sam = new ClientProfile("c1", "t1", "Sam Client", "sam@example.com", ClientStatuses.Active, null, null, null, null, null, null, null, null, null, null,
            DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch);
        Get<Session>().Set(new MeResponse("c1", Roles.Client, sam.Email, sam.Name, null, sam));
        Measurement Weighed(int daysAgo, double kg) => new($"m{daysAgo}", Today.AddDays(-daysAgo), kg, null, null, null, null, null, null, null,
            new Dictionary<string, double>(), null, "client", "Sam", DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch);
        Api.On("GET", "/api/progress", HttpStatusCode.OK, FakeApi.Json(new ProgressData(
            [Weighed(70, 90), Weighed(40, 88), Weighed(27, 86.5), Weighed(14, 85.5), Weighed(0, 84.5)], [], WeightUnits.Lb, "cm")));

        var cut = Render<WeightTrendCard>();

        cut.WaitForAssertion(() => Assert.Equal("186.3 lb", cut.Find("[data-testid=weight-latest]").TextContent));
        Assert.Equal("−12.1 lb since you started", cut.Find("[data-testid=weight-since-start]").TextContent);
        Assert.Equal("−4.4 lb over 4 weeks", cut.Find("[data-testid=weight-4-weeks]").TextContent);
        Assert.Equal(5, cut.FindAll("[data-testid=weight-trend-chart] ~ * [data-testid=chart-point], [data-testid=chart-point]").Count);
    }

    [Fact]
    public void No_weigh_in_no_weight_card()
    {
        Api.On("GET", "/api/progress", HttpStatusCode.OK, FakeApi.Json(new ProgressData([], [], WeightUnits.Kg, "cm")));
        var cut = Render<WeightTrendCard>();
        Assert.Empty(cut.FindAll("[data-testid=weight-trend]"));
    }
}
