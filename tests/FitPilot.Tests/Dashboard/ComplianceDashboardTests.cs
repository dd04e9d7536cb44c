using System.Net;
using FitPilot.Contracts.Dashboard;
using FitPilot.Contracts.Engagement;
using FitPilot.Contracts.Training;
using FitPilot.Functions.CheckIns;
using FitPilot.Functions.ClientSummaries;
using FitPilot.Functions.Events;
using FitPilot.Functions.Storage;
using FitPilot.Functions.Training;
using FitPilot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace FitPilot.Tests.Dashboard;

/// <summary>
/// The PT's compliance dashboard end to end: the app's own events (a program assigned, workouts finished with a PB, a habit
/// ticked) and delivered ones (check-ins, a month of workouts) → the client's summary row → <c>GET /api/dashboard/clients</c>;
/// a replayed event changes nothing; another PT sees none of it; a removed client disappears.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class ComplianceDashboardTests(HostFixture host)
{
    private readonly ApiClient _api = host.NewClient();

    private async Task<ComplianceDashboard> DashboardAsync(string token, string query = "") =>
        await ApiClient.ReadAsync<ComplianceDashboard>(await _api.GetAsync("/api/dashboard/clients" + query, token));

    private static string Envelope<T>(T domainEvent) where T : IDomainEvent =>
        StoredJson.Serialize(new EventBus.Envelope(typeof(T).Name, DateTimeOffset.UtcNow, StoredJson.SerializeToElement(domainEvent)));

    [Fact]
    public async Task Events_keep_the_summary_rows_and_the_dashboard_shows_figures_risks_reviews_and_pbs_to_their_pt_only()
    {
        var pt = await _api.RegisterTrainerAsync();
        var client = await _api.OnboardClientAsync(pt, host.Mailbox);
        Assert.Equal(HttpStatusCode.OK, (await _api.PutAsync("/api/settings/time-zone", new { timeZone = "UTC" }, client.Token)).StatusCode);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var monday = TrainingSetup.Last(DayOfWeek.Monday);
        var program = await TrainingSetup.CreateAsync(_api, pt, client.Id, start: monday.AddDays(-28));
        await TrainingSetup.FinishWorkoutAsync(_api, client, program, monday.AddDays(-7), 60);
        await TrainingSetup.FinishWorkoutAsync(_api, client, program, monday, 65);
        var habit = await ApiClient.ReadAsync<Habit>(await _api.PostAsync($"/api/clients/{client.Id}/habits", new { title = "Walk 8k" }, pt.Token), HttpStatusCode.Created);
        await _api.PostAsync($"/api/habits/{habit.Id}/ticks", new { date = today }, client.Token);
        var bus = host.Services.GetRequiredService<EventBus>();
        await bus.DeliverAsync(Envelope(new CheckInDue(pt.Id, client.Id, "ci-1", today.AddDays(-1))), default);
        await bus.DeliverAsync(Envelope(new CheckInSubmitted(pt.Id, client.Id, "Test Client", "ci-1", today.AddDays(-1), false)), default);

        // A second client (invited) trained every day for a month, then stopped a week ago: at risk on workouts.
        var riley = await _api.InviteAsync(pt, ApiClient.UniqueEmail("riley"), "Riley Quinn");
        await bus.DeliverAsync(Envelope(new ProgramScheduleChanged(pt.Id, riley.Id, "p-riley",
            new ScheduledProgram("active", today.AddDays(-60), null, 0, 0b111_1111, DateTimeOffset.UtcNow.AddDays(-60)))), default);
        for (var ago = 7; ago < 30; ago++)
            await bus.DeliverAsync(Envelope(new WorkoutFinished(pt.Id, new WorkoutSummary(riley.Id, today.AddDays(-ago), "p-riley", "Daily", null, 1, 3, 300, 40, [], 7, null, DateTimeOffset.UtcNow), null)), default);

        ComplianceDashboard dashboard = null!;
        await Eventually.HoldsAsync(async () =>
        {
            dashboard = await DashboardAsync(pt.Token);
            var row = Assert.Single(dashboard.Clients, c => c.ClientId == client.Id);
            Assert.Equal(monday, row.LastWorkoutOn);
            Assert.NotNull(row.Workouts.Month);
            Assert.Equal(100, row.Habits.Week);
            Assert.Single(dashboard.NewPersonalBests, b => b.ClientId == client.Id && b.Date == monday && b.Title.Contains("PB"));
        });
        var awaiting = Assert.Single(dashboard.AwaitingReview);
        Assert.Equal(("ci-1", client.Id, 1), (awaiting.CheckInId, awaiting.ClientId, dashboard.AwaitingReviewCount));
        var risk = Assert.Single(dashboard.AtRisk);
        Assert.Equal("Riley Quinn", risk.Name);
        Assert.Equal(ComplianceMetrics.Workouts, Assert.Single(risk.Risks).Metric);
        Assert.Equal((0, 76.7), (risk.Workouts.Week, risk.Workouts.Month));
        Assert.Equal("Workouts 0 % this week vs 77 % this month", risk.Risks[0].Text);
        Assert.Equal(["Riley Quinn"], (await DashboardAsync(pt.Token, "?filter=at-risk")).Clients.Select(c => c.Name));
        Assert.Equal([client.Id], (await DashboardAsync(pt.Token, "?filter=awaiting-review")).Clients.Select(c => c.ClientId));
        Assert.Equal(["Riley Quinn"], (await DashboardAsync(pt.Token, "?filter=invited")).Clients.Select(c => c.Name));
        var byName = await DashboardAsync(pt.Token, "?sort=name&dir=desc");
        Assert.Equal(byName.Clients.Select(c => c.Name).OrderDescending(StringComparer.CurrentCultureIgnoreCase), byName.Clients.Select(c => c.Name));

        // Replayed events change nothing; the review clears the awaiting list.
        var summaries = host.Services.GetRequiredService<ClientSummaryStore>();
        var before = (await summaries.FindAsync(pt.Id, riley.Id, default))!;
        await bus.DeliverAsync(Envelope(new WorkoutFinished(pt.Id, new WorkoutSummary(riley.Id, today.AddDays(-7), "p-riley", "Daily", null, 1, 3, 300, 40, [], 7, null, DateTimeOffset.UtcNow), null)), default);
        Assert.Equal(before.ETag, (await summaries.FindAsync(pt.Id, riley.Id, default))!.ETag);
        await bus.DeliverAsync(Envelope(new CheckInReviewed(pt.Id, client.Id, "ci-1", today.AddDays(-1))), default);
        Assert.Equal(0, (await DashboardAsync(pt.Token)).AwaitingReviewCount);

        // Another PT sees none of it.
        var other = await _api.RegisterTrainerAsync();
        var theirs = await DashboardAsync(other.Token);
        Assert.Empty(theirs.Clients);
        Assert.Empty(theirs.AtRisk);
        Assert.Empty(theirs.NewPersonalBests);

        // A removed client disappears, summary row and all.
        Assert.Equal(HttpStatusCode.NoContent, (await _api.DeleteAsync($"/api/clients/{riley.Id}", pt.Token)).StatusCode);
        Assert.DoesNotContain((await DashboardAsync(pt.Token)).Clients, c => c.ClientId == riley.Id);
        await Eventually.HoldsAsync(async () => Assert.Null(await summaries.FindAsync(pt.Id, riley.Id, default)));
    }

    [Fact]
    public async Task Bad_sort_or_filter_is_a_problem_and_a_client_may_not_read_it()
    {
        var pt = await _api.RegisterTrainerAsync();
        await ApiClient.ProblemAsync(await _api.GetAsync("/api/dashboard/clients?sort=shoe-size", pt.Token), HttpStatusCode.BadRequest);
        await ApiClient.ProblemAsync(await _api.GetAsync("/api/dashboard/clients?filter=everyone", pt.Token), HttpStatusCode.BadRequest);
        var client = await _api.OnboardClientAsync(pt, host.Mailbox);
        await ApiClient.ProblemAsync(await _api.GetAsync("/api/dashboard/clients", client.Token), HttpStatusCode.Forbidden);
    }
}
