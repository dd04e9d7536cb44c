using System.Text;
using FitPilot.Contracts.Clients;
using FitPilot.Contracts.Dashboard;
using FitPilot.Contracts.Training;
using FitPilot.Functions.CheckIns;
using FitPilot.Functions.ClientSummaries;
using FitPilot.Functions.Clients;
using FitPilot.Functions.Measurements;
using FitPilot.Functions.Training;
using FitPilot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace FitPilot.Tests.Dashboard;

/// <summary>
/// Storage round trips of the PT dashboard for a PT with 5 and with 200 clients: the same number (a page of each partition).
/// Client rows are added through their owner (<see cref="ClientStore"/>: inviting 200 would need 200 emails and a bigger
/// plan); the summary rows are built by the event handlers from each client's program, workouts, a check-in and a weigh-in.
/// Prints and writes TestResults/benchmarks/dashboard-round-trips.md.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class DashboardRoundTripBenchmark(HostFixture host, ITestOutputHelper output)
{
    private readonly ApiClient _api = host.NewClient();

    [Fact]
    public async Task The_dashboard_costs_the_same_round_trips_for_5_and_200_clients()
    {
        var figures = new List<(int Clients, int Dashboard, int Compliance, int Rows, int AtRisk)>();
        foreach (var count in new[] { 5, 200 })
        {
            var pt = await _api.RegisterTrainerAsync();
            await SeedAsync(pt.Id, count);
            await _api.GetAsync("/api/me", pt.Token); // the session is cached from here, as for a PT who is signed in
            var dashboard = await _api.GetAsync("/api/dashboard", pt.Token);
            var compliance = await _api.GetAsync("/api/dashboard/clients", pt.Token);
            var body = await ApiClient.ReadAsync<ComplianceDashboard>(compliance);
            Assert.Equal(count, body.Clients.Count);
            figures.Add((count, ApiClient.RoundTrips(dashboard), ApiClient.RoundTrips(compliance), body.Clients.Count, body.AtRisk.Count));
        }

        var table = new StringBuilder("# PT dashboard: storage round trips by number of clients\n\n")
            .AppendLine("Summary rows built by the event handlers (a program, a month of Monday/Wednesday/Friday workouts — every other client stopped a week ago —, a check-in, a weigh-in per client); the session cached.\n")
            .AppendLine("| clients | GET /api/dashboard | GET /api/dashboard/clients | rows listed | at risk |")
            .AppendLine("|---|---|---|---|---|");
        foreach (var f in figures) table.AppendLine($"| {f.Clients} | {f.Dashboard} | {f.Compliance} | {f.Rows} | {f.AtRisk} |");
        output.WriteLine(table.ToString());
        await File.WriteAllTextAsync(Path.Combine(TestPaths.Results("benchmarks"), "dashboard-round-trips.md"), table.ToString());
        Assert.Equal(figures[0].Compliance, figures[1].Compliance);
        Assert.True(figures[1].Compliance <= 3, $"GET /api/dashboard/clients: {figures[1].Compliance}");
    }

    /// <summary>Clients through <see cref="ClientStore"/>; their summaries through the handlers, 20 clients at a time. Every other client stopped training a week ago.</summary>
    private async Task SeedAsync(string trainerId, int count)
    {
        var clients = host.Services.GetRequiredService<ClientStore>();
        var summaries = host.Services.GetRequiredService<ClientSummaryService>();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var now = DateTimeOffset.UtcNow;
        var ids = Enumerable.Range(0, count).Select(i => $"bench{i:D3}{Guid.NewGuid():N}"[..32]).ToList();
        foreach (var batch in ids.Select((id, i) => (id, i)).Chunk(20))
            await Task.WhenAll(batch.Select(async c =>
            {
                await clients.AddAsync(new ClientEntity
                {
                    PartitionKey = trainerId, RowKey = c.id, Name = $"Client {c.i:D3}", Email = $"{c.id}@example.com", Status = ClientStatuses.Active,
                    TimeZone = "UTC", CreatedAt = now, UpdatedAt = now,
                }, default);
                await summaries.HandleAsync(new ProgramScheduleChanged(trainerId, c.id, "p1", new ScheduledProgram("active", today.AddDays(-60), null, 0, 0b010_1010, now.AddDays(-60))), default);
                var stoppedAgo = c.i % 2 == 0 ? 7 : 0;
                for (var ago = stoppedAgo; ago < 30; ago++)
                    if ((today.AddDays(-ago).DayOfWeek is DayOfWeek.Monday or DayOfWeek.Wednesday or DayOfWeek.Friday))
                        await summaries.HandleAsync(new WorkoutFinished(trainerId, new WorkoutSummary(c.id, today.AddDays(-ago), "p1", "Block", null, 3, 9, 2400, 50, [], 7, null, now), null), default);
                await summaries.HandleAsync(new CheckInSubmitted(trainerId, c.id, $"Client {c.i:D3}", "ci-1", today.AddDays(-2), false), default);
                await summaries.HandleAsync(new MeasurementSaved(trainerId, c.id, 82, 80.4, "m1", today.AddDays(-1), 80.4), default);
            }));
    }
}
