using System.Net;
using FitPilot.Contracts.Engagement;
using FitPilot.Contracts.Messages;
using FitPilot.Functions.Messages;
using FitPilot.Functions.Storage;
using FitPilot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace FitPilot.Tests.Messages;

/// <summary>PT ↔ client messaging through the API against real Azurite: idempotent send, paging, receipts, unread, tenants, removal, rate limit, long poll.</summary>
[Collection(HostCollection.Name)]
public sealed class MessageTests(HostFixture host)
{
    private readonly ApiClient _api = host.NewClient();

    private sealed record Pair(ApiClient.Trainer Pt, ApiClient.ClientAccount Client)
    {
        public string Messages => $"/api/conversations/{Client.Id}/messages";
    }

    private async Task<Pair> ArrangeAsync() => await ArrangeAsync(await _api.RegisterTrainerAsync("Chat Coach"));

    private async Task<Pair> ArrangeAsync(ApiClient.Trainer pt) => new(pt, await _api.OnboardClientAsync(pt, host.Mailbox));

    private async Task<HttpResponseMessage> SendAsync(Pair p, string token, string text, string? id = null) =>
        await _api.PostAsync(p.Messages, new { id = id ?? Guid.NewGuid().ToString(), text }, token);

    private async Task<Message> SentAsync(Pair p, string token, string text, string? id = null) =>
        await ApiClient.ReadAsync<Message>(await SendAsync(p, token, text, id), HttpStatusCode.Created);

    private async Task<MessagePage> PageAsync(Pair p, string token, string query = "") =>
        await ApiClient.ReadAsync<MessagePage>(await _api.GetAsync(p.Messages + query, token));

    [Fact]
    public async Task A_retried_send_with_the_same_id_stores_one_message()
    {
        var p = await ArrangeAsync();
        var id = Guid.NewGuid().ToString();
        var first = await SentAsync(p, p.Client.Token, "See you at 6?", id);
        var again = await ApiClient.ReadAsync<Message>(await SendAsync(p, p.Client.Token, "See you at 6?", id), HttpStatusCode.OK);
        Assert.Equal((first.Id, first.SentAt), (again.Id, again.SentAt));
        // Ten retries at once: still one message, and one unread for the PT.
        await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => SendAsync(p, p.Client.Token, "See you at 6?", id)));
        var page = await PageAsync(p, p.Pt.Token);
        Assert.Equal(id, Assert.Single(page.Items).Id);
        Assert.Equal(1, page.Unread);
        Assert.Equal(SenderRoles.Client, page.Items[0].SenderRole);
    }

    [Fact]
    public async Task Pages_go_newest_first_and_the_cursor_walks_back_without_gaps()
    {
        var p = await ArrangeAsync();
        for (var i = 1; i <= MessageService.PageSize + 5; i++)
            await SentAsync(p, i % 2 == 0 ? p.Pt.Token : p.Client.Token, $"message {i}");
        var first = await PageAsync(p, p.Client.Token);
        Assert.Equal(MessageService.PageSize, first.Items.Count);
        Assert.Equal($"message {MessageService.PageSize + 5}", first.Items[0].Text);
        Assert.NotNull(first.NextCursor);
        var second = await PageAsync(p, p.Client.Token, "?cursor=" + Uri.EscapeDataString(first.NextCursor!));
        var all = first.Items.Concat(second.Items).Select(m => m.Text).ToList();
        Assert.Equal(Enumerable.Range(1, MessageService.PageSize + 5).Reverse().Select(i => $"message {i}"), all);
        Assert.Null(second.NextCursor);
        await ApiClient.ProblemAsync(await _api.GetAsync(p.Messages + "?cursor=%25%25%25", p.Client.Token), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Read_receipts_move_forward_and_unread_counts_follow()
    {
        var p = await ArrangeAsync();
        var a = await SentAsync(p, p.Pt.Token, "Morning!");
        var b = await SentAsync(p, p.Pt.Token, "How did legs go?");
        await SentAsync(p, p.Client.Token, "Sore but good");
        var c = await SentAsync(p, p.Pt.Token, "Nice. Rest today.");
        Assert.Equal(3, (await ApiClient.ReadAsync<UnreadCount>(await _api.GetAsync("/api/messages/unread", p.Client.Token))).Unread);
        Assert.Equal(1, (await ApiClient.ReadAsync<UnreadCount>(await _api.GetAsync("/api/messages/unread", p.Pt.Token))).Unread);

        // Read up to b: a and b are seen, c is not.
        Assert.Equal(1, (await ApiClient.ReadAsync<UnreadCount>(await _api.PostAsync($"/api/conversations/{p.Client.Id}/read", new { upToMessageId = b.Id }, p.Client.Token))).Unread);
        var ptView = await PageAsync(p, p.Pt.Token);
        Assert.NotNull(ptView.Items.Single(m => m.Id == a.Id).ReadAt);
        Assert.NotNull(ptView.Items.Single(m => m.Id == b.Id).ReadAt);
        Assert.Null(ptView.Items.Single(m => m.Id == c.Id).ReadAt);
        // Backwards changes nothing; up to the newest reads everything.
        Assert.Equal(1, (await ApiClient.ReadAsync<UnreadCount>(await _api.PostAsync($"/api/conversations/{p.Client.Id}/read", new { upToMessageId = a.Id }, p.Client.Token))).Unread);
        Assert.Equal(0, (await ApiClient.ReadAsync<UnreadCount>(await _api.PostAsync($"/api/conversations/{p.Client.Id}/read", new { upToMessageId = c.Id }, p.Client.Token))).Unread);
        Assert.Equal(0, (await ApiClient.ReadAsync<UnreadCount>(await _api.GetAsync("/api/messages/unread", p.Client.Token))).Unread);
        await ApiClient.ProblemAsync(await _api.PostAsync($"/api/conversations/{p.Client.Id}/read", new { upToMessageId = Guid.NewGuid().ToString() }, p.Client.Token), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_inbox_sorts_by_last_message_with_unread_counts_and_search_finds_within_one_conversation()
    {
        var first = await ArrangeAsync();
        var second = await ArrangeAsync(first.Pt);
        var quiet = await ArrangeAsync(first.Pt);
        await SentAsync(first, first.Client.Token, "Can we move Tuesday?");
        await SentAsync(second, second.Client.Token, "Protein shake brand?");
        await SentAsync(second, second.Client.Token, "Also creatine?");
        var inbox = await ApiClient.ReadAsync<List<ConversationSummary>>(await _api.GetAsync("/api/conversations", first.Pt.Token));
        Assert.Equal([second.Client.Id, first.Client.Id, quiet.Client.Id], inbox.Select(s => s.ClientId));
        Assert.Equal([2, 1, 0], inbox.Select(s => s.Unread));
        Assert.Equal("Also creatine?", inbox[0].LastMessagePreview);
        Assert.Equal(3, (await ApiClient.ReadAsync<UnreadCount>(await _api.GetAsync("/api/messages/unread", first.Pt.Token))).Unread);

        var found = await PageAsync(second, second.Pt.Token, "?q=PROTEIN");
        Assert.Equal("Protein shake brand?", Assert.Single(found.Items).Text);
        Assert.Empty((await PageAsync(first, first.Pt.Token, "?q=protein")).Items);
    }

    [Fact]
    public async Task Only_the_pair_can_read_or_write_their_conversation()
    {
        var p = await ArrangeAsync();
        var sameCoach = await ArrangeAsync(p.Pt);
        var otherPt = await _api.RegisterTrainerAsync();
        var secret = await SentAsync(p, p.Pt.Token, "Your private plan");
        foreach (var token in new[] { sameCoach.Client.Token, otherPt.Token })
        {
            await ApiClient.ProblemAsync(await _api.GetAsync(p.Messages, token), HttpStatusCode.NotFound);
            await ApiClient.ProblemAsync(await SendAsync(p, token, "Hi"), HttpStatusCode.NotFound);
            await ApiClient.ProblemAsync(await _api.PostAsync($"/api/conversations/{p.Client.Id}/read", new { upToMessageId = secret.Id }, token), HttpStatusCode.NotFound);
            await ApiClient.ProblemAsync(await _api.GetAsync($"/api/conversations/{p.Client.Id}/changes?wait=0", token), HttpStatusCode.NotFound);
        }
        Assert.Empty(await ApiClient.ReadAsync<List<ConversationSummary>>(await _api.GetAsync("/api/conversations", otherPt.Token)));
        Assert.Equal(0, (await ApiClient.ReadAsync<UnreadCount>(await _api.GetAsync("/api/messages/unread", sameCoach.Client.Token))).Unread);
        Assert.Single((await PageAsync(p, p.Client.Token)).Items);
    }

    [Fact]
    public async Task Bad_messages_are_problems_and_the_sender_is_rate_limited_with_a_429()
    {
        var p = await ArrangeAsync();
        await ApiClient.ProblemAsync(await SendAsync(p, p.Client.Token, new string('x', SendMessageRequest.MaxLength + 1)), HttpStatusCode.BadRequest);
        await ApiClient.ProblemAsync(await SendAsync(p, p.Client.Token, "   "), HttpStatusCode.BadRequest);
        await ApiClient.ProblemAsync(await SendAsync(p, p.Client.Token, "ok", id: "no/slashes"), HttpStatusCode.BadRequest);
        await SentAsync(p, p.Client.Token, new string('x', SendMessageRequest.MaxLength));

        // A fresh window, so the count below does not straddle two.
        var now = DateTimeOffset.UtcNow;
        if (now.Second >= 50) await Task.Delay(TimeSpan.FromSeconds(61 - now.Second));
        HttpResponseMessage? refused = null;
        for (var i = 0; i < MessageService.MaxSendsPerWindow + 1 && refused is null; i++)
        {
            var response = await SendAsync(p, p.Client.Token, $"spam {i}");
            if (response.StatusCode != HttpStatusCode.Created) refused = response;
        }
        Assert.NotNull(refused);
        var problem = await ApiClient.ProblemAsync(refused!, HttpStatusCode.TooManyRequests);
        Assert.Equal(429, problem.GetProperty("status").GetInt32());
        Assert.True(refused!.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        // The PT is a different sender: not limited by the client's messages.
        await SentAsync(p, p.Pt.Token, "Slow down :)");
    }

    [Fact]
    public async Task Removing_the_client_deletes_their_conversation()
    {
        var p = await ArrangeAsync();
        var kept = await ArrangeAsync(p.Pt);
        await SentAsync(p, p.Client.Token, "Bye");
        await SentAsync(p, p.Pt.Token, "Take care");
        await SentAsync(kept, kept.Client.Token, "Still here");
        Assert.Equal(HttpStatusCode.NoContent, (await _api.DeleteAsync($"/api/clients/{p.Client.Id}", p.Pt.Token)).StatusCode);
        var store = host.Services.GetRequiredService<StorageClients>().Table(StorageNames.MessagesTable);
        await Eventually.HoldsAsync(async () =>
        {
            var left = new List<string>();
            await foreach (var row in store.QueryAsync<Azure.Data.Tables.TableEntity>(Azure.Data.Tables.TableClient.CreateQueryFilter($"PartitionKey eq {p.Pt.Id}")))
                left.Add(row.RowKey);
            Assert.DoesNotContain(left, k => k.Contains(p.Client.Id));
            Assert.Contains(left, k => k.Contains(kept.Client.Id));
        });
        Assert.Equal([kept.Client.Id], (await ApiClient.ReadAsync<List<ConversationSummary>>(await _api.GetAsync("/api/conversations", p.Pt.Token))).Select(s => s.ClientId));
    }

    [Fact]
    public async Task A_waiting_page_gets_the_new_message_and_the_receipt()
    {
        var p = await ArrangeAsync();
        var start = await PageAsync(p, p.Pt.Token);
        // The PT's page waits (long poll); the client's message ends the wait.
        var waiting = _api.GetAsync($"/api/conversations/{p.Client.Id}/changes?cursor={Uri.EscapeDataString(start.ChangesCursor)}&wait=25", p.Pt.Token);
        var sent = await SentAsync(p, p.Client.Token, "On my way");
        var changes = await ApiClient.ReadAsync<ConversationChanges>(await waiting);
        Assert.Equal(sent.Id, Assert.Single(changes.Messages).Id);
        Assert.Equal(1, changes.Unread);

        // The client's page waits; the PT reads: the receipt arrives.
        var clientStart = await ApiClient.ReadAsync<ConversationChanges>(await _api.GetAsync($"/api/conversations/{p.Client.Id}/changes", p.Client.Token));
        var clientWaiting = _api.GetAsync($"/api/conversations/{p.Client.Id}/changes?cursor={Uri.EscapeDataString(clientStart.Cursor)}", p.Client.Token);
        await _api.PostAsync($"/api/conversations/{p.Client.Id}/read", new { upToMessageId = sent.Id }, p.Pt.Token);
        var receipt = await ApiClient.ReadAsync<ConversationChanges>(await clientWaiting);
        Assert.Empty(receipt.Messages);
        Assert.Equal(sent.Id, receipt.SeenUpToMessageId);
        Assert.NotNull(receipt.SeenAt);

        // Nothing new and no wait: an empty answer with the same cursor.
        var idle = await ApiClient.ReadAsync<ConversationChanges>(await _api.GetAsync($"/api/conversations/{p.Client.Id}/changes?cursor={Uri.EscapeDataString(receipt.Cursor)}&wait=0", p.Client.Token));
        Assert.Equal((receipt.Cursor, 0), (idle.Cursor, idle.Messages.Count));
        await ApiClient.ProblemAsync(await _api.GetAsync($"/api/conversations/{p.Client.Id}/changes?cursor=abc&wait=99", p.Client.Token), HttpStatusCode.BadRequest);
    }
}
