using System.Net;
using FitPilot.Contracts.Messages;
using FitPilot.Functions.Messages;
using FitPilot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace FitPilot.Tests.Messages;

/// <summary>
/// The unread messages email (<see cref="MessageDigest"/>, timer <c>SendMessageDigests</c>) against real Azurite and smtp4dev:
/// the pass runs for any moment, so the delay is crossed by passing a later one, never by waiting.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class MessageDigestTests(HostFixture host)
{
    private readonly ApiClient _api = host.NewClient();
    private MessageDigest Timer => host.Services.GetRequiredService<MessageDigest>();
    private MessageStore Store => host.Services.GetRequiredService<MessageStore>();
    private const string Subject = "unread message";

    private async Task<(ApiClient.Trainer Pt, ApiClient.ClientAccount Client)> PairAsync(string ptName = "Digest Coach")
    {
        var pt = await _api.RegisterTrainerAsync(ptName);
        return (pt, await _api.OnboardClientAsync(pt, host.Mailbox));
    }

    private async Task<Message> SendAsync(ApiClient.ClientAccount client, string token, string text) =>
        await ApiClient.ReadAsync<Message>(await _api.PostAsync($"/api/conversations/{client.Id}/messages", new { id = Guid.NewGuid().ToString(), text }, token),
            HttpStatusCode.Created);

    private async Task<ConversationEntity> ConversationAsync(ApiClient.ClientAccount client) =>
        (await Store.FindConversationAsync(client.TrainerId, client.Id, default))!;

    [Fact]
    public async Task Unread_messages_make_one_digest_each_way_after_the_delay_never_again_and_a_new_one_for_later_messages()
    {
        var (pt, client) = await PairAsync();
        var first = await SendAsync(client, client.Token, "Legs done");
        await SendAsync(client, client.Token, "Knee felt fine");
        var third = await SendAsync(client, client.Token, "Same again Thursday?");
        await SendAsync(client, pt.Token, "Great work");
        await SendAsync(client, pt.Token, "Yes, Thursday");

        // Before the delay has passed since the oldest unread message: nothing is claimed, nothing sent.
        await Timer.RunAsync(first.SentAt + MessageDigest.Delay - TimeSpan.FromMinutes(1), default);
        var before = await ConversationAsync(client);
        Assert.Equal((null, null), (before.TrainerDigestKey, before.ClientDigestKey));

        // Two overlapping runs, then a later one: one email to each side.
        var after = third.SentAt + MessageDigest.Delay + TimeSpan.FromMinutes(1);
        await Task.WhenAll(Timer.RunAsync(after, default), Timer.RunAsync(after, default));
        await Timer.RunAsync(after + TimeSpan.FromMinutes(5), default);
        var ptEmail = await host.Mailbox.WaitForAsync(pt.Email, "You have 3 unread messages from Test Client");
        Assert.Contains($"/pt/messages/{client.Id}", ptEmail.Text);
        Assert.Contains($"/pt/messages/{client.Id}", ptEmail.Html);
        var clientEmail = await host.Mailbox.WaitForAsync(client.Email, "You have 2 unread messages from Digest Coach");
        Assert.Contains("/app/messages", clientEmail.Text);
        Assert.DoesNotContain("Great work", clientEmail.Text); // the email says who and how many, not what

        // A message later: its own digest after its own delay (not at once because older ones were waiting), counting every unread one.
        var later = await SendAsync(client, client.Token, "Actually Friday");
        var notified = (await ConversationAsync(client)).TrainerDigestKey;
        await Timer.RunAsync(later.SentAt + TimeSpan.FromMinutes(1), default);
        Assert.Equal(notified, (await ConversationAsync(client)).TrainerDigestKey);
        await Timer.RunAsync(later.SentAt + MessageDigest.Delay + TimeSpan.FromMinutes(1), default);
        await host.Mailbox.WaitForAsync(pt.Email, "You have 4 unread messages from Test Client");

        // Every email came once: two to the PT (3, then 4), one to the client.
        Assert.Equal(2, await host.Mailbox.CountToAsync(pt.Email, Subject));
        Assert.Equal(1, await host.Mailbox.CountToAsync(client.Email, Subject));
    }

    [Fact]
    public async Task A_read_conversation_and_a_user_who_turned_the_email_off_get_no_digest()
    {
        var (readPt, readClient) = await PairAsync();
        var (offPt, offClient) = await PairAsync();
        var (controlPt, controlClient) = await PairAsync();
        await SendAsync(readClient, readClient.Token, "One");
        var read = await SendAsync(readClient, readClient.Token, "Two");
        Assert.Equal(HttpStatusCode.OK, (await _api.PostAsync($"/api/conversations/{readClient.Id}/read", new { upToMessageId = read.Id }, readPt.Token)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _api.PutAsync("/api/settings/notifications",
            new { emailOnNewMessage = false, emailOnCheckIn = true, emailOnBooking = true, checkInReminders = true, weeklySummary = false }, offPt.Token)).StatusCode);
        await SendAsync(offClient, offClient.Token, "Three");
        var last = await SendAsync(controlClient, controlClient.Token, "Four");

        await Timer.RunAsync(last.SentAt + MessageDigest.Delay + TimeSpan.FromMinutes(1), default);
        await host.Mailbox.WaitForAsync(controlPt.Email, "You have 1 unread message from Test Client");
        Assert.Equal(0, await host.Mailbox.CountToAsync(readPt.Email, Subject));
        Assert.Equal(0, await host.Mailbox.CountToAsync(offPt.Email, Subject));
        // The opted-out PT's messages count as handled: turning the email back on later does not send them.
        Assert.NotNull((await ConversationAsync(offClient)).TrainerDigestKey);
    }

    [Fact]
    public async Task The_timer_reads_an_index_of_conversations_with_messages_to_email_which_a_conversation_leaves_once_nothing_is_left()
    {
        var (pt, client) = await PairAsync();
        var key = MessageRows.UnreadIndexKey(pt.Id, client.Id);
        async Task<UnreadIndexEntity?> RowAsync()
        {
            await foreach (var row in Store.UnreadIndexAsync(default)) if (row.RowKey == key) return row;
            return null;
        }
        Assert.Null(await RowAsync());
        var first = await SendAsync(client, client.Token, "Morning!");
        Assert.NotNull(await RowAsync());

        await Timer.RunAsync(first.SentAt + TimeSpan.FromMinutes(1), default); // not yet due: it stays
        Assert.NotNull(await RowAsync());
        var after = first.SentAt + MessageDigest.Delay + TimeSpan.FromMinutes(1);
        await Timer.RunAsync(after, default);
        await host.Mailbox.WaitForAsync(pt.Email, "You have 1 unread message from Test Client");
        await Timer.RunAsync(after + TimeSpan.FromMinutes(5), default); // emailed, nothing new: it leaves
        Assert.Null(await RowAsync());

        // A run that read the row before a message was sent cannot remove the mark that message made.
        await SendAsync(client, client.Token, "Still there?");
        var read = await RowAsync();
        Assert.NotNull(read);
        await SendAsync(client, pt.Token, "Yes");
        Assert.False(await Store.TryUnmarkAsync(read!, default));
        Assert.NotNull(await RowAsync());

        Assert.Equal(HttpStatusCode.NoContent, (await _api.DeleteAsync($"/api/clients/{client.Id}", pt.Token)).StatusCode);
        await Eventually.HoldsAsync(async () => Assert.Null(await RowAsync()));
        Assert.Equal(1, await host.Mailbox.CountToAsync(pt.Email, Subject));
    }
}
