using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text;
using Azure.Data.Tables;
using FitPilot.Contracts.Auth;
using FitPilot.Contracts.Clients;
using FitPilot.Contracts.Programs;
using FitPilot.Functions.Auth;
using FitPilot.Functions.Clients;
using FitPilot.Functions.Storage;
using FitPilot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace FitPilot.Tests.Training;

/// <summary>
/// Benchmark, not a timed test: p50/p99 latency of "today" and "log a set" through the local host
/// with 50 concurrent simulated clients, next to the raw Azurite round trip measured in the same run,
/// plus the storage round trips of each call. Prints and writes TestResults/benchmarks/training-latency.md.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class TrainingLatencyBenchmark(HostFixture host, ITestOutputHelper output)
{
    private const int Clients = 50;
    private const int RoundsPerClient = 20;

    [Fact]
    public async Task Today_and_log_a_set_under_50_concurrent_clients()
    {
        var api = host.NewClient();
        var pt = await api.RegisterTrainerAsync("Load Coach");
        var storage = host.Services.GetRequiredService<StorageClients>();
        var monday = TrainingSetup.Last(DayOfWeek.Monday);
        var hash = host.Services.GetRequiredService<PasswordHasher>().Hash("load-client-pass");

        // 50 active clients written straight to storage (the invitation flow has its own tests), each with a program.
        // Set up 8 at a time: the setup is not what is measured, and 50 password hashes at once on a 2-core
        // machine starve the storage client's timeouts.
        using var setupSlots = new SemaphoreSlim(8);
        var clients = await Task.WhenAll(Enumerable.Range(0, Clients).Select(async i =>
        {
            await setupSlots.WaitAsync();
            try
            {
            var id = Guid.NewGuid().ToString("N");
            var email = $"load-{i}-{id[..8]}@example.com";
            await storage.Table(StorageNames.LoginsTable).AddEntityAsync(LoginEntity.For(email, Roles.Client, id, pt.Id, DateTimeOffset.UtcNow, hash));
            await storage.Table(StorageNames.ClientsTable).AddEntityAsync(new ClientEntity { PartitionKey = pt.Id, RowKey = id, Name = $"Load {i}", Email = email, Status = ClientStatuses.Active, CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow });
            var program = await TrainingSetup.CreateAsync(api, pt, id, start: monday.AddDays(-7));
            var session = await ApiClient.ReadAsync<SessionResponse>(await api.PostAsync("/api/auth/login", new { email, password = "load-client-pass" }));
            return (Token: session.Token, Program: program, Entry: program.Days.Single(d => d.DayOfWeek == 1).Exercises[0]);
            }
            finally { setupSlots.Release(); }
        }));

        // Raw Azurite: sequential point reads of one row, same process, same run.
        var table = storage.Table(StorageNames.TrainersTable);
        var raw = new List<double>();
        for (var i = 0; i < 200; i++)
        {
            var sw = Stopwatch.StartNew();
            await table.GetEntityIfExistsAsync<TableEntity>(pt.Id, "profile");
            raw.Add(sw.Elapsed.TotalMilliseconds);
        }

        var today = new ConcurrentBag<double>();
        var logs = new ConcurrentBag<double>();
        var roundTrips = new ConcurrentBag<(string Call, int Count)>();
        var http = new HttpClient { BaseAddress = new Uri(host.BaseUrl) };
        var wall = Stopwatch.StartNew();
        await Task.WhenAll(clients.Select(async c =>
        {
            for (var round = 0; round < RoundsPerClient; round++)
            {
                var sw = Stopwatch.StartNew();
                var t = await Send(http, HttpMethod.Get, $"/api/today?date={monday:yyyy-MM-dd}", c.Token, null);
                today.Add(sw.Elapsed.TotalMilliseconds);
                Assert.Equal(HttpStatusCode.OK, t.StatusCode);
                roundTrips.Add(("today", ApiClient.RoundTrips(t)));

                sw.Restart();
                var l = await Send(http, HttpMethod.Post, "/api/logs", c.Token, new
                {
                    id = Guid.NewGuid().ToString(), programId = c.Program.Id, programExerciseId = c.Entry.Id, exerciseId = c.Entry.ExerciseId,
                    setNumber = round % 20 + 1, weightKg = 60 + round, reps = 5, workoutDate = monday,
                });
                logs.Add(sw.Elapsed.TotalMilliseconds);
                Assert.Equal(HttpStatusCode.Created, l.StatusCode);
                roundTrips.Add(("log a set", ApiClient.RoundTrips(l)));
            }
        }));
        wall.Stop();

        var report = new StringBuilder($"{Clients} concurrent clients × {RoundsPerClient} rounds (today, then log a set), local host on loopback, Azurite, 2 cores.\n\n");
        report.AppendLine("| what | n | p50 | p99 | storage round trips |").AppendLine("|---|---|---|---|---|");
        report.AppendLine($"| raw Azurite point read (sequential) | {raw.Count} | {P(raw, 50):F1} ms | {P(raw, 99):F1} ms | 1 |");
        report.AppendLine($"| GET /api/today | {today.Count} | {P(today, 50):F1} ms | {P(today, 99):F1} ms | {Trips(roundTrips, "today")} |");
        report.AppendLine($"| POST /api/logs | {logs.Count} | {P(logs, 50):F1} ms | {P(logs, 99):F1} ms | {Trips(roundTrips, "log a set")} |");
        report.AppendLine().AppendLine($"Throughput: {(today.Count + logs.Count) / wall.Elapsed.TotalSeconds:F0} requests/s over {wall.Elapsed.TotalSeconds:F1} s.");
        output.WriteLine(report.ToString());
        await File.WriteAllTextAsync(Path.Combine(TestPaths.Results("benchmarks"), "training-latency.md"), report.ToString());

        Assert.Equal(Clients * RoundsPerClient, logs.Count);
        Assert.All(roundTrips, r => Assert.True(r.Count <= 2, $"{r.Call}: {r.Count} round trips"));
    }

    private static async Task<HttpResponseMessage> Send(HttpClient http, HttpMethod method, string path, string token, object? body)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new("Bearer", token);
        if (body is not null) request.Content = System.Net.Http.Json.JsonContent.Create(body, options: ApiClient.Json);
        return await http.SendAsync(request);
    }

    private static string Trips(IEnumerable<(string Call, int Count)> all, string call)
    {
        var counts = all.Where(r => r.Call == call).Select(r => r.Count).ToList();
        return counts.Min() == counts.Max() ? $"{counts.Max()}" : $"{counts.Min()}–{counts.Max()}";
    }

    private static double P(IEnumerable<double> values, int percentile)
    {
        var sorted = values.Order().ToArray();
        return sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(percentile / 100.0 * sorted.Length) - 1)];
    }
}
