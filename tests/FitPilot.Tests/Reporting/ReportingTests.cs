using System.Net;
using FitPilot.Contracts.Reporting;
using FitPilot.Contracts.Training;
using FitPilot.Functions.CheckIns;
using FitPilot.Functions.Events;
using FitPilot.Functions.Invitations;
using FitPilot.Functions.Reporting;
using FitPilot.Functions.Storage;
using FitPilot.Functions.Training;
using FitPilot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FitPilot.Tests.Reporting;

/// <summary>
/// The SQL reporting store (the host's SQLite file under its data folder) end to end: the app's own events (a client
/// joins, a program is assigned, workouts finished with a PB, a check-in submitted and reviewed, a client removed) →
/// the PT's weeks → <c>GET /api/insights/weekly</c> and its CSV; a replay changes nothing; a rebuild from Table Storage
/// gives the same rows; another PT sees none of it; bad <c>weeks</c> are 400 problems.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class ReportingTests(HostFixture host)
{
    private readonly ApiClient _api = host.NewClient();

    private static string Envelope<T>(T domainEvent) where T : IDomainEvent =>
        StoredJson.Serialize(new EventBus.Envelope(typeof(T).Name, DateTimeOffset.UtcNow, StoredJson.SerializeToElement(domainEvent)));

    private async Task<WeeklyInsights> WeeklyAsync(string token, int weeks = 2) =>
        await ApiClient.ReadAsync<WeeklyInsights>(await _api.GetAsync($"/api/insights/weekly?weeks={weeks}", token));

    /// <summary>Everything the store holds for one PT, as comparable text (facts and weeks).</summary>
    private async Task<List<string>> RowsAsync(string trainerId)
    {
        await using var db = await host.Services.GetRequiredService<IDbContextFactory<ReportingDb>>().CreateDbContextAsync();
        var rows = new List<string>();
        rows.AddRange((await db.Clients.AsNoTracking().Where(x => x.TrainerId == trainerId).ToListAsync()).Select(x => $"client {x.ClientId} {x.JoinedOn} {x.RemovedOn}"));
        rows.AddRange((await db.Workouts.AsNoTracking().Where(x => x.TrainerId == trainerId).ToListAsync()).Select(x => $"workout {x.ClientId} {x.Date} {x.ProgramId} {x.PersonalBests}"));
        rows.AddRange((await db.Programs.AsNoTracking().Where(x => x.TrainerId == trainerId).ToListAsync()).Select(x => $"program {x.ClientId} {x.ProgramId} {x.Status} {x.Start} {x.End} {x.OffsetDays} {x.TrainingDays} {x.OrderTicks}"));
        rows.AddRange((await db.CheckIns.AsNoTracking().Where(x => x.TrainerId == trainerId).ToListAsync()).Select(x => $"checkin {x.ClientId} {x.CheckInId} {x.DueOn} {x.SubmittedAt?.UtcTicks / TimeSpan.TicksPerSecond} {x.ReviewedAt?.UtcTicks / TimeSpan.TicksPerSecond}"));
        rows.AddRange((await db.PtWeeks.AsNoTracking().Where(x => x.TrainerId == trainerId).ToListAsync()).Select(x => WeeklyRules.ToContract(x).ToString()));
        rows.Sort(StringComparer.Ordinal);
        return rows;
    }

    /// <summary>A PT (in <paramref name="ptZone"/>) with a client who trained last Monday and this one, and a check-in submitted and reviewed today.</summary>
    private async Task<(ApiClient.Trainer Pt, ApiClient.ClientAccount Client, string ProgramId, DateOnly Monday)> CoachedWeekAsync(string ptZone = "UTC")
    {
        var pt = await _api.RegisterTrainerAsync();
        Assert.Equal(HttpStatusCode.OK, (await _api.PutAsync("/api/settings/time-zone", new { timeZone = ptZone }, pt.Token)).StatusCode);
        var client = await _api.OnboardClientAsync(pt, host.Mailbox);
        Assert.Equal(HttpStatusCode.OK, (await _api.PutAsync("/api/settings/time-zone", new { timeZone = "UTC" }, client.Token)).StatusCode);
        var monday = TrainingSetup.Last(DayOfWeek.Monday);
        var program = await TrainingSetup.CreateAsync(_api, pt, client.Id, start: monday.AddDays(-7));
        await TrainingSetup.FinishWorkoutAsync(_api, client, program, monday.AddDays(-7), 60);
        await TrainingSetup.FinishWorkoutAsync(_api, client, program, monday, 65);
        // A check-in due today, submitted by the client and reviewed by the PT.
        var template = await ApiClient.ReadAsync<Contracts.Engagement.CheckInTemplate>(await _api.PostAsync("/api/check-in-templates",
            new { name = "Weekly", questions = new[] { new { id = "mood", type = "scale", text = "Mood" } } }, pt.Token), HttpStatusCode.Created);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        Assert.Equal(HttpStatusCode.OK, (await _api.PutAsync($"/api/clients/{client.Id}/check-in-schedule",
            new { templateId = template.Id, dayOfWeek = CheckInRules.IsoDay(today), localTime = "18:00" }, pt.Token)).StatusCode);
        var checkIn = await ApiClient.ReadAsync<Contracts.Engagement.CheckIn>(await _api.PostAsync("/api/check-ins/current/submit",
            new { answers = new object[] { new { questionId = "mood", number = 8 } } }, client.Token));
        Assert.Equal(HttpStatusCode.OK, (await _api.PostAsync($"/api/clients/{client.Id}/check-ins/{checkIn.Id}/review", new { responseText = "Great week" }, pt.Token)).StatusCode);
        return (pt, client, program.Id, monday);
    }

    [Fact]
    public async Task Events_fill_the_PTs_weeks_a_replay_changes_nothing_and_another_PT_sees_none_of_it()
    {
        var (pt, client, programId, monday) = await CoachedWeekAsync();
        var thisWeek = WeeklyRules.WeekStart(DateOnly.FromDateTime(DateTime.UtcNow));
        WeeklyInsights insights = null!;
        await Eventually.HoldsAsync(async () =>
        {
            insights = await WeeklyAsync(pt.Token);
            var week = insights.Weeks[^1];
            Assert.Equal((1, 1, 1, 1), (week.ActiveClients, week.NewClients, week.CheckInsSubmitted, week.CheckInsReviewed));
            Assert.Equal(2, insights.Weeks.Sum(w => w.SessionsDone));
            Assert.True(insights.Weeks.Sum(w => w.PersonalBests) >= 1);
        });
        Assert.Equal([thisWeek.AddDays(-7), thisWeek], insights.Weeks.Select(w => w.WeekStart));
        Assert.Equal(WeeklyRules.WeekName(thisWeek), insights.Weeks[^1].Week);
        var current = insights.Weeks[^1];
        Assert.Equal(1, current.SessionsDone);
        Assert.NotNull(current.ReviewResponseHours);
        Assert.True(current.ReviewResponseHours < 1);
        // The client joined today: Monday's session counts as prescribed only when today is Monday.
        var expectedPrescribed = monday == DateOnly.FromDateTime(DateTime.UtcNow) ? 1 : 0;
        Assert.Equal(expectedPrescribed, current.SessionsPrescribed);

        // Replays of every kind of event leave every row as it was.
        var before = await RowsAsync(pt.Id);
        var bus = host.Services.GetRequiredService<EventBus>();
        var summary = new WorkoutSummary(client.Id, monday, programId, "Strength block", null, 1, 1, 325, 40, ["Squat PB"], 7, null, DateTimeOffset.UtcNow);
        await using (var db = await host.Services.GetRequiredService<IDbContextFactory<ReportingDb>>().CreateDbContextAsync())
        {
            var joined = await db.Clients.SingleAsync(c => c.TrainerId == pt.Id);
            var stored = await db.Workouts.SingleAsync(w => w.TrainerId == pt.Id && w.Date == monday);
            var checkIn = await db.CheckIns.SingleAsync(c => c.TrainerId == pt.Id);
            summary = summary with { PersonalBests = Enumerable.Repeat("PB", stored.PersonalBests).ToList() };
            await bus.DeliverAsync(Envelope(new ClientJoined(pt.Id, client.Id, joined.JoinedOn!.Value.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc))), default);
            await bus.DeliverAsync(Envelope(new CheckInSubmitted(pt.Id, client.Id, "Client", checkIn.CheckInId, checkIn.DueOn, false, checkIn.SubmittedAt)), default);
            await bus.DeliverAsync(Envelope(new CheckInReviewed(pt.Id, client.Id, checkIn.CheckInId, checkIn.DueOn, checkIn.ReviewedAt)), default);
        }
        await bus.DeliverAsync(Envelope(new WorkoutFinished(pt.Id, summary, DateTimeOffset.UtcNow)), default);
        Assert.Equal(before, await RowsAsync(pt.Id));

        // Another PT: their own (empty) weeks only.
        var other = await _api.RegisterTrainerAsync();
        var theirs = await WeeklyAsync(other.Token, 12);
        Assert.Equal(12, theirs.Weeks.Count);
        Assert.All(theirs.Weeks, w => Assert.Equal((0, 0, 0, 0), (w.ActiveClients, w.SessionsDone, w.PersonalBests, w.CheckInsSubmitted)));
        Assert.Empty(await RowsAsync(other.Id) is var rows ? rows.Where(r => !r.StartsWith("WeeklyInsight", StringComparison.Ordinal)) : []);
    }

    [Fact]
    public async Task A_rebuild_from_table_storage_gives_the_rows_the_events_gave_and_a_removed_client_keeps_only_dates()
    {
        // A PT away from UTC: the rebuild dates joins and check-ins in the PT's zone as the events did.
        var (pt, _, _, _) = await CoachedWeekAsync("Australia/Sydney");
        var leaver = await _api.OnboardClientAsync(pt, host.Mailbox);
        await Eventually.HoldsAsync(async () => Assert.Equal(2, (await WeeklyAsync(pt.Token)).Weeks[^1].ActiveClients));
        Assert.Equal(HttpStatusCode.NoContent, (await _api.DeleteAsync($"/api/clients/{leaver.Id}", pt.Token)).StatusCode);
        await Eventually.HoldsAsync(async () =>
        {
            var week = (await WeeklyAsync(pt.Token)).Weeks[^1];
            Assert.Equal((2, 2, 1, 1, 1), (week.ActiveClients, week.NewClients, week.RemovedClients, week.CheckInsSubmitted, week.CheckInsReviewed));
        });
        var projected = await RowsAsync(pt.Id);
        Assert.Contains(projected, r => r.StartsWith($"client {leaver.Id} ", StringComparison.Ordinal));

        var rebuild = host.Services.GetRequiredService<ReportingRebuild>();
        await rebuild.RebuildTrainerAsync(pt.Id, default);
        Assert.Equal(projected, await RowsAsync(pt.Id));
        // Twice is the same as once.
        await rebuild.RebuildTrainerAsync(pt.Id, default);
        Assert.Equal(projected, await RowsAsync(pt.Id));
    }

    [Fact]
    public async Task The_CSV_holds_the_same_figures_with_a_header_row_and_RFC_4180_line_ends()
    {
        var (pt, _, _, _) = await CoachedWeekAsync();
        WeeklyInsights insights = null!;
        await Eventually.HoldsAsync(async () =>
        {
            insights = await WeeklyAsync(pt.Token, 3);
            Assert.Equal(1, insights.Weeks[^1].CheckInsReviewed);
        });
        var response = await _api.GetAsync("/api/insights/weekly.csv?weeks=3", pt.Token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("attachment", response.Content.Headers.ContentDisposition?.ToString());
        var text = (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF');
        Assert.EndsWith("\r\n", text);
        var lines = text[..^2].Split("\r\n");
        Assert.Equal(string.Join(',', InsightsFunctions.Columns), lines[0]);
        Assert.Equal(4, lines.Length);
        Assert.Equal(InsightsFunctions.Csv(insights), text);
        var last = lines[^1].Split(',');
        var week = insights.Weeks[^1];
        Assert.Equal([week.Week, week.WeekStart.ToString("yyyy-MM-dd"), week.ActiveClients.ToString(), "1"], last[..4]);
        Assert.Equal(InsightsFunctions.Columns.Length, last.Length);
    }

    [Theory]
    [InlineData("weeks=0")]
    [InlineData("weeks=abc")]
    [InlineData("weeks=105")]
    [InlineData("weeks=-1")]
    [InlineData("weeks=1&weeks=2")]
    public async Task Bad_weeks_are_400_problems_on_both_routes(string query)
    {
        var pt = await _api.RegisterTrainerAsync();
        foreach (var route in new[] { "/api/insights/weekly", "/api/insights/weekly.csv" })
        {
            var problem = await ApiClient.ProblemAsync(await _api.GetAsync($"{route}?{query}", pt.Token), HttpStatusCode.BadRequest);
            Assert.Contains("weeks", problem.ToString());
        }
    }

    [Fact]
    public async Task The_operator_report_counts_a_trial_and_its_conversion_and_MRR_by_tier()
    {
        // A month of 2001: the tests running beside this one sign PTs up and pay now, which would move today's month
        // between the two readings; nothing else happens in March 2001, so the difference is this test's alone.
        var trainerId = Functions.Common.Ids.New();
        var startedAt = new DateTimeOffset(2001, 3, 5, 9, 0, 0, TimeSpan.Zero);
        var paidAt = startedAt.AddDays(7);
        var bus = host.Services.GetRequiredService<EventBus>();
        var report = new OperatorReport(host.Services.GetRequiredService<IDbContextFactory<ReportingDb>>(),
            host.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Functions.Billing.BillingOptions>>(),
            new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2001, 3, 20, 0, 0, 0, TimeSpan.Zero)));
        var before = (await report.MonthsAsync(1, default))[0];
        await bus.DeliverAsync(Envelope(new Functions.Accounts.TrialStarted(trainerId, "Solo", startedAt)), default);
        await bus.DeliverAsync(Envelope(new Functions.Billing.SubscriptionChanged(trainerId, "active", "Studio", "month", paidAt, 1)), default);
        await bus.DeliverAsync(Envelope(new Functions.Billing.SubscriptionChanged(trainerId, "active", "Studio", "month", paidAt, 1)), default); // a replay
        OperatorReport.OperatorMonth after = null!;
        await Eventually.HoldsAsync(async () =>
        {
            after = (await report.MonthsAsync(1, default))[0];
            Assert.Equal(before.TrialsConverted + 1, after.TrialsConverted);
        });
        Assert.Equal("2001-03", after.Name);
        Assert.Equal(before.TrialsStarted + 1, after.TrialsStarted);
        var studio = host.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Functions.Billing.BillingOptions>>().Value.Tier("Studio").MonthlyPriceCents;
        Assert.Equal(before.MrrCentsByTier["Studio"] + studio, after.MrrCentsByTier["Studio"]);
        Assert.Contains("MRR Studio", OperatorReport.Format([after], "aud"));
    }
}
