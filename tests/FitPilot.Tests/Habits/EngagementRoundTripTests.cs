using System.Net;
using FitPilot.Contracts.Engagement;
using FitPilot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace FitPilot.Tests.Habits;

/// <summary>
/// Storage round trips of every habit, achievement and notification endpoint (the X-Storage-Round-Trips header); prints
/// the table and writes TestResults/benchmarks/engagement-round-trips.md. The unread count is one point read.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class EngagementRoundTripTests(HostFixture host, ITestOutputHelper output)
{
    private readonly ApiClient _api = host.NewClient();

    [Fact]
    public async Task Each_engagement_endpoint_reports_its_storage_round_trips()
    {
        var pt = await _api.RegisterTrainerAsync();
        var client = await _api.OnboardClientAsync(pt, host.Mailbox);
        await _api.PutAsync("/api/settings/time-zone", new { timeZone = "UTC" }, client.Token);
        await _api.GetAsync("/api/me", pt.Token);
        await _api.GetAsync("/api/me", client.Token);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var trips = new RoundTripRecorder(output);
        var Measure = trips.Measure;

        var habit = await ApiClient.ReadAsync<Habit>(await Measure("POST /api/clients/{id}/habits", () => _api.PostAsync($"/api/clients/{client.Id}/habits", new { title = "Walk" }, pt.Token)), HttpStatusCode.Created);
        await Measure("PUT /api/clients/{id}/habits/{habitId}", () => _api.PutAsync($"/api/clients/{client.Id}/habits/{habit.Id}", new { title = "Walk 8k" }, pt.Token));
        await Measure("GET /api/clients/{id}/habits", () => _api.GetAsync($"/api/clients/{client.Id}/habits", pt.Token));
        await Measure("POST /api/habits/{habitId}/ticks (tick)", () => _api.PostAsync($"/api/habits/{habit.Id}/ticks", new { date = today }, client.Token));
        await Measure("POST /api/habits/{habitId}/ticks (same tick again)", () => _api.PostAsync($"/api/habits/{habit.Id}/ticks", new { date = today }, client.Token));
        await Measure("GET /api/habits", () => _api.GetAsync("/api/habits", client.Token));
        await Measure("GET /api/achievements", () => _api.GetAsync("/api/achievements", client.Token));
        await Measure("GET /api/clients/{id}/achievements", () => _api.GetAsync($"/api/clients/{client.Id}/achievements", pt.Token));
        await host.Services.GetRequiredService<Functions.Notifications.NotificationService>().HandleAsync(
            new Functions.CheckIns.CheckInDue(pt.Id, client.Id, "ci-rt", today), default);
        var page = await ApiClient.ReadAsync<Contracts.Common.Page<Notification>>(await Measure("GET /api/notifications", () => _api.GetAsync("/api/notifications", client.Token)));
        var unread = await Measure("GET /api/notifications/unread-count", () => _api.GetAsync("/api/notifications/unread-count", client.Token));
        await Measure("POST /api/notifications/{id}/read", () => _api.PostAsync($"/api/notifications/{page.Items[0].Id}/read", null, client.Token));
        await Measure("POST /api/notifications/read-all", () => _api.PostAsync("/api/notifications/read-all", null, client.Token));
        await Measure("DELETE /api/clients/{id}/habits/{habitId}", () => _api.DeleteAsync($"/api/clients/{client.Id}/habits/{habit.Id}", pt.Token));

        await trips.WriteAsync("engagement-round-trips.md", "Habits, achievements and notifications");
        Assert.Equal(1, ApiClient.RoundTrips(unread));
        trips.AssertReadsAtMost(3);
    }
}
