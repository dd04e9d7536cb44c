using System.Net;
using FitPilot.Contracts.Common;
using FitPilot.Contracts.Engagement;
using FitPilot.Functions.CheckIns;
using FitPilot.Functions.Events;
using FitPilot.Functions.Storage;
using FitPilot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace FitPilot.Tests.Notifications;

/// <summary>The notification centre: what the check-in events notify, unread count, read, read all, tenants, email preferences.</summary>
[Collection(HostCollection.Name)]
public sealed class NotificationTests(HostFixture host)
{
    private readonly ApiClient _api = host.NewClient();
    private static readonly DateOnly Due = new(2026, 3, 9);

    private EventBus Bus => host.Services.GetRequiredService<EventBus>();

    private static string Envelope<T>(T domainEvent) where T : IDomainEvent =>
        StoredJson.Serialize(new EventBus.Envelope(typeof(T).Name, DateTimeOffset.UtcNow, StoredJson.SerializeToElement(domainEvent)));

    private async Task<Page<Notification>> ListAsync(string token, string query = "") =>
        await ApiClient.ReadAsync<Page<Notification>>(await _api.GetAsync("/api/notifications" + query, token));

    private async Task<int> UnreadAsync(string token) =>
        (await ApiClient.ReadAsync<UnreadCount>(await _api.GetAsync("/api/notifications/unread-count", token))).Unread;

    [Fact]
    public async Task Check_in_events_notify_the_client_and_the_PT_once_each_with_their_links()
    {
        var pt = await _api.RegisterTrainerAsync();
        var client = await _api.OnboardClientAsync(pt, host.Mailbox);
        var due = Envelope(new CheckInDue(pt.Id, client.Id, "ci-1", Due));
        await Bus.DeliverAsync(due, default);
        await Bus.DeliverAsync(due, default);
        await Bus.DeliverAsync(Envelope(new CheckInSubmitted(pt.Id, client.Id, "Test Client", "ci-1", Due, Late: true)), default);
        await Bus.DeliverAsync(Envelope(new CheckInReviewed(pt.Id, client.Id, "ci-1", Due)), default);

        var mine = (await ListAsync(client.Token)).Items;
        Assert.Equal([NotificationKinds.CheckInReviewed, NotificationKinds.CheckInDue], mine.Select(n => n.Kind));
        Assert.Equal(("Your weekly check-in is due", "app/check-in"), (mine[1].Title, mine[1].Link));
        Assert.Equal("app/check-in", mine[0].Link);
        Assert.Equal(2, await UnreadAsync(client.Token));
        var theirs = Assert.Single((await ListAsync(pt.Token)).Items);
        Assert.Equal(("Test Client submitted a check-in (late)", $"pt/check-ins/{client.Id}/ci-1"), (theirs.Title, theirs.Link));
        Assert.Equal(1, await UnreadAsync(pt.Token));

        // The PT wants check-in emails (the default): one arrives, however often the event is delivered.
        await Bus.DeliverAsync(Envelope(new CheckInSubmitted(pt.Id, client.Id, "Test Client", "ci-1", Due, Late: true)), default);
        var email = await host.Mailbox.WaitForAsync(pt.Email, "submitted a check-in");
        Assert.Contains($"/pt/check-ins/{client.Id}/ci-1", email.Text);
        Assert.Single((await ListAsync(pt.Token)).Items);
    }

    [Fact]
    public async Task List_read_and_read_all_keep_the_unread_count_and_pages_go_newest_first()
    {
        var pt = await _api.RegisterTrainerAsync();
        var client = await _api.OnboardClientAsync(pt, host.Mailbox);
        for (var i = 1; i <= 3; i++) await Bus.DeliverAsync(Envelope(new CheckInDue(pt.Id, client.Id, $"ci-{i}", Due.AddDays(7 * i))), default);
        Assert.Equal(3, await UnreadAsync(client.Token));

        var first = await ListAsync(client.Token, "?limit=2");
        Assert.Equal(2, first.Items.Count);
        Assert.NotNull(first.NextCursor);
        var second = await ListAsync(client.Token, "?limit=2&cursor=" + Uri.EscapeDataString(first.NextCursor!));
        var all = first.Items.Concat(second.Items).ToList();
        Assert.Equal(3, all.Count);
        Assert.Equal(all.OrderByDescending(n => n.CreatedAt).Select(n => n.Id), all.Select(n => n.Id));

        var one = all[1];
        Assert.Equal(HttpStatusCode.NoContent, (await _api.PostAsync($"/api/notifications/{one.Id}/read", null, client.Token)).StatusCode);
        Assert.Equal(2, await UnreadAsync(client.Token));
        // Reading it again changes nothing.
        Assert.Equal(HttpStatusCode.NoContent, (await _api.PostAsync($"/api/notifications/{one.Id}/read", null, client.Token)).StatusCode);
        Assert.Equal(2, await UnreadAsync(client.Token));
        Assert.NotNull((await ListAsync(client.Token)).Items.Single(n => n.Id == one.Id).ReadAt);

        // Another user (their PT, another client) cannot read or mark it.
        var other = await _api.OnboardClientAsync(pt, host.Mailbox);
        await ApiClient.ProblemAsync(await _api.PostAsync($"/api/notifications/{all[0].Id}/read", null, other.Token), HttpStatusCode.NotFound);
        await ApiClient.ProblemAsync(await _api.PostAsync($"/api/notifications/{all[0].Id}/read", null, pt.Token), HttpStatusCode.NotFound);
        Assert.Empty((await ListAsync(other.Token)).Items);
        Assert.Equal(2, await UnreadAsync(client.Token));

        Assert.Equal(HttpStatusCode.NoContent, (await _api.PostAsync("/api/notifications/read-all", null, client.Token)).StatusCode);
        Assert.Equal(0, await UnreadAsync(client.Token));
        Assert.All((await ListAsync(client.Token)).Items, n => Assert.NotNull(n.ReadAt));
        Assert.Equal(HttpStatusCode.NoContent, (await _api.PostAsync("/api/notifications/read-all", null, client.Token)).StatusCode);
        Assert.Equal(0, await UnreadAsync(other.Token));

        // The unread count is one point read.
        Assert.True(ApiClient.RoundTrips(await _api.GetAsync("/api/notifications/unread-count", client.Token)) <= 1);
    }

    [Fact]
    public async Task An_email_goes_only_to_a_user_who_enabled_it()
    {
        var pt = await _api.RegisterTrainerAsync();
        var client = await _api.OnboardClientAsync(pt, host.Mailbox);
        var before = await host.Mailbox.CountToAsync(client.Email);
        await _api.PutAsync("/api/settings/notifications", new { emailOnCheckIn = false }, client.Token);
        await Bus.DeliverAsync(Envelope(new CheckInReviewed(pt.Id, client.Id, "ci-off", Due)), default);
        // An achievement is in-app only.
        await Bus.DeliverAsync(Envelope(new Functions.Achievements.AchievementGranted(pt.Id, client.Id, "workouts-1", "First workout", null)), default);
        await _api.PutAsync("/api/settings/notifications", new { emailOnCheckIn = true }, client.Token);
        await Bus.DeliverAsync(Envelope(new CheckInReviewed(pt.Id, client.Id, "ci-on", Due.AddDays(7))), default);

        await host.Mailbox.WaitForAsync(client.Email, "reviewed your check-in");
        // Both outbox messages would have been queued before the last one: only the enabled one was.
        Assert.Equal(before + 1, await host.Mailbox.CountToAsync(client.Email));
        Assert.Equal(3, (await ListAsync(client.Token)).Items.Count);
    }
}
