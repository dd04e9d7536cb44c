using System.Net;
using FitPilot.Contracts.Auth;
using FitPilot.Contracts.Clients;
using FitPilot.Contracts.Trainers;
using FitPilot.Contracts.Training;
using FitPilot.Web.Auth;
using FitPilot.Web.Pages.Client;
using FitPilot.Web.Pages.Trainer;
using FitPilot.Web.Units;

namespace FitPilot.Web.Tests.Training;

/// <summary>History charts: the client's history page and the PT's progress page for a client.</summary>
public sealed class ProgressTests : WebTest
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.Now);
    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd");

    private static readonly ClientProfile Sam = new("c1", "t1", "Sam Client", "sam@example.com", ClientStatuses.Active, null, null, null, null, null, null, null, null, null, null,
        DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch);

    private static ExerciseHistory History(string id, string name, params (int DaysAgo, double Kg, int Reps)[] sets)
    {
        var logs = sets.Select((s, i) => new SetLog($"l{i}", "p1", "pe1", id, name, 1, s.Kg, s.Reps, null, null, DateTimeOffset.UnixEpoch, Today.AddDays(-s.DaysAgo), OneRepMax.Epley(s.Kg, s.Reps))).ToList();
        var points = logs.GroupBy(l => l.WorkoutDate).OrderBy(g => g.Key)
            .Select(g => new HistoryPoint(g.Key, g.Max(l => l.EstimatedOneRepMaxKg), g.Sum(l => l.WeightKg * l.Reps), g.Count())).ToList();
        return new ExerciseHistory(id, name, logs, points);
    }

    private void SignedInTrainer(string unit = "kg")
    {
        var pt = new TrainerProfile("t1", "Pat Coach", "pat@example.com", null, null, null, null, null, null, null, null, "Solo", "trialing", DateTimeOffset.UnixEpoch, 14, null,
            DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, WeightUnit: unit);
        Get<Session>().Set(new MeResponse("t1", Roles.Trainer, pt.Email, pt.Name, pt, null));
    }

    [Fact]
    public void The_PT_picks_an_exercise_and_a_range_and_the_charts_follow()
    {
        SignedInTrainer();
        Api.On("GET", "/api/clients/c1", HttpStatusCode.OK, FakeApi.Json(Sam))
            .On("GET", "/api/clients/c1/exercises", HttpStatusCode.OK, FakeApi.Json(new[]
            {
                new LoggedExercise("Barbell_Squat", "Barbell Squat", Today.AddDays(-1), 5),
                new LoggedExercise("Bench", "Bench Press", Today.AddDays(-20), 1),
            }))
            .On("GET", "/api/clients/c1/exercises/Barbell_Squat/history", HttpStatusCode.OK, FakeApi.Json(History("Barbell_Squat", "Barbell Squat", (29, 90, 5), (15, 95, 5), (1, 100, 5))))
            .On("GET", "/api/clients/c1/exercises/Bench/history", HttpStatusCode.OK, FakeApi.Json(History("Bench", "Bench Press", (20, 60, 8))));

        var cut = Render<ClientProgress>(ps => ps.Add(p => p.ClientId, "c1"));

        // The most recent exercise, over the default 3 months.
        cut.WaitForAssertion(() => Assert.Contains("116.7 kg", cut.Find("[data-testid=e1rm-chart]").GetAttribute("aria-label")));
        Assert.Contains($"GET /api/clients/c1/exercises/Barbell_Squat/history?from={Iso(Today.AddMonths(-3))}", Api.Requests);
        Assert.Contains("Sam Client", cut.Find("h1").TextContent);
        Assert.Equal(["Barbell Squat · 5 sessions · last yesterday", $"Bench Press · 1 session · last {Dates.Near(Today.AddDays(-20), Today)}"],
            cut.FindAll("#exercise option").Select(o => o.TextContent));
        Assert.Equal("3 months", cut.Find("button[aria-pressed=true]").TextContent);
        Assert.Equal("116.7 kg · +11.7 kg in 4 weeks", cut.Find("[data-testid=e1rm-chart]").ParentElement!.QuerySelector("[data-testid=chart-summary]")!.TextContent);
        Assert.Equal("500 kg · +50 kg in 4 weeks", cut.Find("[data-testid=volume-chart]").ParentElement!.QuerySelector("[data-testid=chart-summary]")!.TextContent);

        cut.Find("#exercise").Change("Bench");
        cut.WaitForAssertion(() => Assert.Contains("Estimated 1RM 76 kg", cut.Find("[data-testid=e1rm-chart]").GetAttribute("aria-label")));
        Assert.Contains($"GET /api/clients/c1/exercises/Bench/history?from={Iso(Today.AddMonths(-3))}", Api.Requests);

        cut.FindAll("button").Single(b => b.TextContent == "4 weeks").Click();
        cut.WaitForAssertion(() => Assert.Equal("4 weeks", cut.Find("button[aria-pressed=true]").TextContent));
        Assert.Contains($"GET /api/clients/c1/exercises/Bench/history?from={Iso(Today.AddDays(-28))}", Api.Requests);
        cut.FindAll("button").Single(b => b.TextContent == "All").Click();
        cut.WaitForAssertion(() => Assert.Equal("GET /api/clients/c1/exercises/Bench/history", Api.Requests[^1]));
    }

    [Fact]
    public void A_client_with_nothing_logged_gets_a_sentence_and_the_next_step_not_empty_charts()
    {
        SignedInTrainer();
        Api.On("GET", "/api/clients/c1", HttpStatusCode.OK, FakeApi.Json(Sam))
            .On("GET", "/api/clients/c1/exercises", HttpStatusCode.OK, "[]");
        var cut = Render<ClientProgress>(ps => ps.Add(p => p.ClientId, "c1"));
        cut.WaitForAssertion(() => Assert.Contains("No sets logged yet — once Sam logs a workout, their progress shows here.", cut.Find("[data-testid=progress-empty]").TextContent));
        Assert.Empty(cut.FindAll("[role=img]"));
        Assert.DoesNotContain(Api.Requests, r => r.Contains("/history"));
    }

    [Fact]
    public void An_unknown_client_says_so_and_links_to_the_client_list_rather_than_offering_a_retry()
    {
        SignedInTrainer();
        Api.On("GET", "/api/clients/c1", HttpStatusCode.NotFound, FakeApi.Problem(404, "Not found", "No such client."), "application/problem+json");
        var cut = Render<ClientProgress>(ps => ps.Add(p => p.ClientId, "c1"));
        cut.WaitForAssertion(() => Assert.Contains("This client isn't in your list", cut.Find("[role=alert]").TextContent));
        Assert.Equal("No such client", cut.Find("h1").TextContent);
        Assert.Equal("pt/clients", cut.Find("[role=alert] a").GetAttribute("href"));
        Assert.DoesNotContain(cut.FindAll("button"), b => b.TextContent == "Try again");
    }

    [Fact]
    public void The_client_sees_their_history_in_their_unit_over_three_months_then_all()
    {
        var me = Sam with { WeightUnit = "lb" };
        Get<Session>().Set(new MeResponse("c1", Roles.Client, me.Email, me.Name, null, me));
        Api.On("GET", "/api/exercises/Barbell_Squat/history", HttpStatusCode.OK, FakeApi.Json(History("Barbell_Squat", "Barbell Squat", (14, 100, 1), (0, 100, 5))));

        var cut = Render<History>(ps => ps.Add(p => p.ExerciseId, "Barbell_Squat"));

        cut.WaitForAssertion(() => Assert.Equal("Barbell Squat", cut.Find("h1").TextContent));
        Assert.Equal($"GET /api/exercises/Barbell_Squat/history?from={Iso(Today.AddMonths(-3))}", Api.Requests[0]);
        // 100 kg = 220.5 lb; Epley 116.7 kg = 257.3 lb.
        Assert.Matches("from 220.5 lb .* to 257.3 lb", cut.Find("[data-testid=e1rm-chart]").GetAttribute("aria-label"));
        Assert.Contains("lb", cut.Find("[data-testid=volume-chart] .chart-unit").TextContent);
        Assert.Equal(["257.3 lb", "220.5 lb"], cut.FindAll("tbody tr td:last-child").Select(td => td.TextContent));

        cut.FindAll("button").Single(b => b.TextContent == "All").Click();
        cut.WaitForAssertion(() => Assert.Equal("GET /api/exercises/Barbell_Squat/history", Api.Requests[^1]));
    }
}
