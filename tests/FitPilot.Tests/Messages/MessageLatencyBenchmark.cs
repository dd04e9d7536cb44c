using System.Diagnostics;
using System.Net;
using FitPilot.Contracts.Messages;
using FitPilot.Tests.Infrastructure;
using Xunit.Abstractions;

namespace FitPilot.Tests.Messages;

/// <summary>
/// Delivery latency through the local host: 50 conversations (five PTs with ten clients each) each with the PT's page waiting on the
/// long poll, while the clients send; measured from the send's start to the waiting page's answer. Prints p50/p99 and
/// writes TestResults/benchmarks/messaging-latency.md. Figures only: it asserts arrival, never a time.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class MessageLatencyBenchmark(HostFixture host, ITestOutputHelper output)
{
    private const int Conversations = 50, Rounds = 4, SteadyRounds = 2;

    [Fact]
    public async Task Messages_reach_waiting_pages_in_50_open_conversations()
    {
        var api = host.NewClient();
        // Five PTs with ten clients each (the trial's plan allows ten).
        var pts = new List<ApiClient.Trainer>();
        var clients = new List<ApiClient.ClientAccount>();
        for (var i = 0; i < Conversations; i++)
        {
            if (i % 10 == 0) pts.Add(await api.RegisterTrainerAsync($"Latency Coach {i / 10}"));
            clients.Add(await api.OnboardClientAsync(pts[^1], host.Mailbox));
        }
        string PtToken(int i) => pts[i / 10].Token;
        var cursors = new string[Conversations];
        for (var i = 0; i < Conversations; i++)
            cursors[i] = (await ApiClient.ReadAsync<MessagePage>(await api.GetAsync($"/api/conversations/{clients[i].Id}/messages", PtToken(i)))).ChangesCursor;

        var samples = new List<double>();
        for (var round = 0; round < Rounds; round++)
        {
            // Every conversation's page waits (its own connection, as each open page has).
            var waits = Enumerable.Range(0, Conversations).Select(i => WaitAsync(clients[i].Id, cursors[i], PtToken(i))).ToArray();
            await Task.Delay(300); // the polls are in and waiting
            var sends = Enumerable.Range(0, Conversations).Select(async i =>
            {
                var clock = Stopwatch.StartNew();
                var send = api.PostAsync($"/api/conversations/{clients[i].Id}/messages", new { id = Guid.NewGuid().ToString(), text = $"round {round}" }, clients[i].Token);
                var (changes, arrivedAt) = await waits[i].ContinueWith(t => (t.Result, clock.Elapsed.TotalMilliseconds));
                Assert.Equal(HttpStatusCode.Created, (await send).StatusCode);
                return (i, changes, arrivedAt);
            });
            foreach (var (i, changes, ms) in await Task.WhenAll(sends))
            {
                Assert.Equal($"round {round}", Assert.Single(changes.Messages).Text);
                cursors[i] = changes.Cursor;
                samples.Add(ms);
            }
        }

        // Steady: the same 50 pages wait, and messages arrive one after another (a busy afternoon, not 50 at the same instant).
        var steady = new List<double>();
        var afterSend = new List<double>();
        for (var round = 0; round < SteadyRounds; round++)
        {
            var waits = Enumerable.Range(0, Conversations).Select(i => WaitAsync(clients[i].Id, cursors[i], PtToken(i))).ToArray();
            await Task.Delay(300);
            for (var i = 0; i < Conversations; i++)
            {
                var clock = Stopwatch.StartNew();
                var send = await api.PostAsync($"/api/conversations/{clients[i].Id}/messages", new { id = Guid.NewGuid().ToString(), text = $"steady {round}" }, clients[i].Token);
                var sent = clock.Elapsed.TotalMilliseconds;
                Assert.Equal(HttpStatusCode.Created, send.StatusCode);
                var changes = await waits[i];
                var arrived = clock.Elapsed.TotalMilliseconds;
                Assert.Equal($"steady {round}", Assert.Single(changes.Messages).Text);
                cursors[i] = changes.Cursor;
                steady.Add(arrived);
                afterSend.Add(Math.Max(0, arrived - sent));
            }
        }

        static string Row(string name, List<double> xs)
        {
            xs.Sort();
            double P(double q) => xs[(int)Math.Min(xs.Count - 1, Math.Ceiling(q * xs.Count) - 1)];
            return $"| {name} | {xs.Count} | {P(0.5):F0} ms | {P(0.99):F0} ms | {xs[^1]:F0} ms |";
        }
        var lines = new[]
        {
            "# Messaging delivery latency (local host, long poll)", "",
            $"{Conversations} open conversations (five PTs with ten clients each); the PT's page of each waits on `GET /api/conversations/{{clientId}}/changes`.",
            "Measured from the start of the send to the waiting page's answer, through HTTP on 127.0.0.1 with Azurite, on a shared 2-core machine.",
            $"Burst: {Rounds} rounds in which all {Conversations} clients send at the same instant (each send queues behind the others' storage transactions). " +
            $"Steady: {SteadyRounds} rounds in which the {Conversations} clients send one after another while all {Conversations} pages wait; \"after the send\" is the time from the send's answer to the waiting page's answer (the push itself).", "",
            "| case | messages | p50 | p99 | max |", "|---|---|---|---|---|",
            Row("burst: 50 sends at once", samples),
            Row("steady: send to arrival", steady),
            Row("steady: after the send", afterSend), "",
            $"Measured {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC.",
        };
        foreach (var line in lines) output.WriteLine(line);
        await File.WriteAllLinesAsync(Path.Combine(TestPaths.Results("benchmarks"), "messaging-latency.md"), lines);
    }

    private async Task<ConversationChanges> WaitAsync(string clientId, string cursor, string token)
    {
        var http = host.NewClient(); // its own connection, as each open page has
        return await ApiClient.ReadAsync<ConversationChanges>(await http.GetAsync($"/api/conversations/{clientId}/changes?cursor={Uri.EscapeDataString(cursor)}", token));
    }
}
