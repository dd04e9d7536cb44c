using System.Diagnostics;
using System.Net;
using System.Text;
using Azure.Data.Tables;
using FitPilot.Contracts.Programs;
using FitPilot.Functions.Storage;
using FitPilot.LocalHost;
using FitPilot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace FitPilot.Tests.Storage;

/// <summary>
/// A host on its own Azurite, which the test stops, pauses and restarts: during an outage every call
/// answers 503 with Retry-After within a bounded time, nothing is half-written, the host stays up,
/// and everything works again when storage is back.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class StorageOutageTests(HostFixture shared, ITestOutputHelper output) : IAsyncLifetime
{
    /// <summary>What the issue asks: a storage outage is reported within 10 s.</summary>
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    private readonly string _data = Path.Combine(Path.GetTempPath(), "fitpilot-outage-" + Guid.NewGuid().ToString("N")[..8]);
    private readonly int[] _ports = [DevServices.FreePort(), DevServices.FreePort(), DevServices.FreePort()];
    private Process? _azurite;
    private LocalHostApp _host = null!;

    public async Task InitializeAsync()
    {
        await StartAzuriteAsync();
        _host = await HostFixture.StartHostAsync(Path.Combine(_data, "host"), new Dictionary<string, string?>(),
            new DevServices.Ports(_ports[0], _ports[1], _ports[2], shared.Host.Services.Used.Smtp, shared.Host.Services.Used.Mailbox));
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        StopAzurite(kill: true);
        try { Directory.Delete(_data, recursive: true); } catch (IOException) { }
    }

    [Fact]
    public async Task Stopped_or_hung_storage_answers_503_with_Retry_After_in_bounded_time_and_the_host_recovers()
    {
        var api = new ApiClient(_host.Url);
        var pt = await api.RegisterTrainerAsync();
        var program = await TrainingSetup.CreateAsync(api, pt, null);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/health")).StatusCode);

        // Stopped: connections are refused, nothing can be written.
        var before = await StorageSnapshot.TakeAsync(_host.App.Services, queues: true);
        StopAzurite(kill: false);
        var stopped = Calls(api, pt, program);
        await AssertAllUnavailableAsync("stopped", stopped);
        await StartAzuriteAsync();
        await WaitForAsync(async () => (await api.GetAsync("/api/health")).StatusCode == HttpStatusCode.OK);
        Assert.Equal(before, await StorageSnapshot.TakeAsync(_host.App.Services, queues: true));
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/me", pt.Token)).StatusCode);

        // Hung (the process paused): requests already sent may still be carried out when it wakes up,
        // so what matters is that each ends whole or not at all, and a retry finishes the job.
        Signal("STOP");
        var paused = Calls(api, pt, program);
        await AssertAllUnavailableAsync("paused", paused);
        Signal("CONT");
        await WaitForAsync(async () => (await api.GetAsync("/api/health")).StatusCode == HttpStatusCode.OK);
        await Task.Delay(2000); // let Azurite finish what was queued while it was paused

        // The sign-up tried during the outage is either a whole account or none: a retry makes it whole.
        var retry = await api.PostAsync("/api/auth/register", new { name = "Late", email = paused.RegisterEmail, password = "long enough password" });
        Assert.True(retry.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict, $"{(int)retry.StatusCode}");
        var login = await ApiClient.ReadAsync<Contracts.Auth.SessionResponse>(await api.PostAsync("/api/auth/login", new { email = paused.RegisterEmail, password = "long enough password" }));
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/me", login.Token)).StatusCode);
        // The program created during the outage with a device id: retrying returns it (or creates it), once.
        var created = await api.PostAsync("/api/programs", paused.NewProgram, pt.Token);
        Assert.True(created.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, $"{(int)created.StatusCode}");
        var list = await ApiClient.ReadAsync<List<ProgramSummary>>(await api.GetAsync("/api/programs", pt.Token));
        Assert.Single(list, p => p.Name == "During outage");
        // The edit is there or not; reading and saving again work.
        var edited = await api.GetAsync($"/api/programs/{program.Id}", pt.Token);
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        var invite = await api.PostAsync("/api/clients", new { name = "Sam", email = paused.InviteEmail }, pt.Token);
        Assert.True(invite.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict, $"{(int)invite.StatusCode}");

        // Everything works again, writes included.
        var after = await ApiClient.ReadAsync<ProgramDto>(await api.PostAsync("/api/programs", new { name = "After the outage", isTemplate = true, days = TrainingSetup.Days() }, pt.Token), HttpStatusCode.Created);
        Assert.Equal("After the outage", after.Name);
    }

    private sealed record CallSet(string RegisterEmail, string InviteEmail, object NewProgram, (string Name, Func<Task<HttpResponseMessage>> Call)[] Calls);

    private static CallSet Calls(ApiClient api, ApiClient.Trainer pt, ProgramDto program)
    {
        var registerEmail = ApiClient.UniqueEmail("late");
        var inviteEmail = ApiClient.UniqueEmail("sam");
        var newProgram = new { id = Guid.NewGuid().ToString(), name = "During outage", isTemplate = true, days = TrainingSetup.Days() };
        return new CallSet(registerEmail, inviteEmail, newProgram,
        [
            ("health", () => api.GetAsync("/api/health")),
            ("me", () => api.GetAsync("/api/me", pt.Token)),
            ("login", () => api.PostAsync("/api/auth/login", new { email = pt.Email, password = pt.Password })),
            ("register", () => api.PostAsync("/api/auth/register", new { name = "Late", email = registerEmail, password = "long enough password" })),
            ("create program", () => api.PostAsync("/api/programs", newProgram, pt.Token)),
            ("edit program", () => api.PutAsync($"/api/programs/{program.Id}", new { name = "Changed during outage", isTemplate = true }, pt.Token)),
            ("invite", () => api.PostAsync("/api/clients", new { name = "Sam", email = inviteEmail }, pt.Token)),
            ("exercises", () => api.GetAsync("/api/exercises?q=squat", pt.Token)),
        ]);
    }

    private async Task AssertAllUnavailableAsync(string outage, CallSet calls)
    {
        var results = await Task.WhenAll(calls.Calls.Select(async c =>
        {
            var watch = Stopwatch.StartNew();
            var response = await c.Call();
            return (c.Name, Response: response, Elapsed: watch.Elapsed);
        }));
        foreach (var (name, response, elapsed) in results)
        {
            output.WriteLine($"storage {outage}: {name} → {(int)response.StatusCode} in {elapsed.TotalSeconds:0.0} s");
            await ApiClient.ProblemAsync(response, HttpStatusCode.ServiceUnavailable);
            Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero, $"{name}: no Retry-After");
            Assert.True(elapsed < Bound, $"{name} took {elapsed.TotalSeconds:0.0} s with storage {outage}");
        }
    }

    private async Task StartAzuriteAsync()
    {
        var script = Path.Combine(TestPaths.Repo, "node_modules", "azurite", "dist", "src", "azurite.js");
        Assert.True(File.Exists(script), "Azurite is installed by the shared host fixture (npm ci)");
        Directory.CreateDirectory(Path.Combine(_data, "azurite"));
        var info = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { script, "--silent", "--location", Path.Combine(_data, "azurite"), "--skipApiVersionCheck", "--loose", "--disableTelemetry",
            "--blobHost", "127.0.0.1", "--blobPort", _ports[0].ToString(), "--queueHost", "127.0.0.1", "--queuePort", _ports[1].ToString(),
            "--tableHost", "127.0.0.1", "--tablePort", _ports[2].ToString() })
            info.ArgumentList.Add(a);
        _azurite = Process.Start(info)!;
        _azurite.BeginOutputReadLine();
        _azurite.BeginErrorReadLine();
        await WaitForAsync(async () => await DevServices.IsListeningAsync(_ports[0]) && await DevServices.IsListeningAsync(_ports[1]) && await DevServices.IsListeningAsync(_ports[2]));
    }

    /// <summary>Stops Azurite: SIGTERM lets it save its data (a real restart), a kill is for clean-up.</summary>
    private void StopAzurite(bool kill)
    {
        if (_azurite is null || _azurite.HasExited) return;
        if (kill) { Signal("CONT"); _azurite.Kill(entireProcessTree: true); }
        else Signal("TERM");
        _azurite.WaitForExit(15_000);
        _azurite = null;
    }

    private void Signal(string signal)
    {
        if (_azurite is null) return;
        using var kill = Process.Start("kill", $"-{signal} {_azurite.Id}");
        kill.WaitForExit();
    }

    private static async Task WaitForAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            try { if (await condition()) return; } catch (HttpRequestException) { }
            await Task.Delay(200);
        }
        throw new TimeoutException("Storage did not come back within 60 s.");
    }
}
