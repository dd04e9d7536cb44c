using FitPilot.Contracts.Messages;
using FitPilot.Functions.Clients;
using FitPilot.Functions.Common;
using FitPilot.Functions.Email;
using FitPilot.Functions.Settings;
using FitPilot.Functions.Trainers;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FitPilot.Functions.Messages;

/// <summary>
/// The pass of <c>SendMessageDigests</c>, given the moment it runs for (tests pass any clock): one email per conversation side
/// whose messages have waited unread for <see cref="Delay"/>, never one per message and never twice for the same messages.
/// <para>One query reads the digest's index (<see cref="MessageStore.UnreadIndexAsync"/>: every message marks its conversation there),
/// then each conversation is read; a conversation with nothing left to email about leaves the index (unless a message marked it
/// again meanwhile: the removal is conditional on the row as read, and a message marks after it is saved). For a side
/// with unread messages since at least <see cref="Delay"/>, the other side's messages newer than both its read position and its
/// digest position (<c>TrainerDigestKey</c>/<c>ClientDigestKey</c>, the newest message it was already emailed about) are read; when
/// the oldest of them is <see cref="Delay"/> old, the digest position moves to the newest of them and the conversation is saved
/// over the version read (its ETag) <em>before</em> the email is queued: of two overlapping runs one wins the write and the other
/// sends nothing; a send or a read receipt in between makes the next run look again. If queueing fails after the claim, that
/// digest is skipped rather than sent twice (as the check-in reminders). A side that turned the email off
/// (<see cref="Contracts.Settings.NotificationPreferences.EmailOnNewMessage"/>) has its position moved without an email.</para>
/// </summary>
public sealed class MessageDigest(
    MessageStore store, ClientStore clients, TrainerStore trainers, SettingsService settings, EmailOutbox outbox,
    IOptions<AppOptions> app, ILogger<MessageDigest> log)
{
    /// <summary>How long a message waits unread before it is emailed (a conversation going on in the app sends nothing).</summary>
    public static readonly TimeSpan Delay = TimeSpan.FromMinutes(15);

    public sealed record Result(int Due, int Sent, int OptedOut);

    private sealed record Digest(string Role, int Unread);

    public async Task<Result> RunAsync(DateTimeOffset now, CancellationToken ct)
    {
        var index = new List<UnreadIndexEntity>();
        await foreach (var row in store.UnreadIndexAsync(ct)) index.Add(row);
        int due = 0, sent = 0, optedOut = 0;
        foreach (var row in index)
        {
            try
            {
                var conversation = await store.FindConversationAsync(row.TrainerId, row.ClientId, ct);
                if (conversation is null) { await store.TryUnmarkAsync(row, ct); continue; } // removed with the client
                var digests = new List<Digest>();
                var waiting = false;
                foreach (var role in (string[])[SenderRoles.Trainer, SenderRoles.Client])
                    switch (await StateAsync(conversation, role, now, ct))
                    {
                        case SideState.Due: digests.Add(new Digest(role, conversation.UnreadFor(role))); break;
                        case SideState.Waiting: waiting = true; break;
                    }
                if (digests.Count == 0)
                {
                    if (!waiting) await store.TryUnmarkAsync(row, ct);
                    continue;
                }
                due += digests.Count;
                var client = await clients.FindAsync(conversation.PartitionKey, conversation.ClientId, ct);
                var trainer = await trainers.FindAsync(conversation.PartitionKey, ct);
                if (client is null || trainer is null) continue; // removed: ClientRemoved deletes the conversation
                // The claim comes first: whoever saves the new digest positions sends; an overlapping run gets a conflict and sends nothing.
                if (!await store.TryClaimDigestAsync(conversation, ct)) continue;
                foreach (var digest in digests)
                {
                    var toTrainer = digest.Role == SenderRoles.Trainer;
                    var (userId, email, name, from) = toTrainer ? (conversation.PartitionKey, trainer.Email, trainer.Name, client.Name) : (client.Id, client.Email, client.Name, trainer.Name);
                    if (!(await settings.GetNotificationsAsync(userId, ct)).EmailOnNewMessage) { optedOut++; continue; }
                    var count = digest.Unread == 1 ? "1 unread message" : $"{digest.Unread} unread messages";
                    await outbox.EnqueueAsync(EmailTemplates.Render("MessageDigest", email, name, $"You have {count} from {from}",
                        new Dictionary<string, string>
                        {
                            ["name"] = name,
                            ["count"] = count,
                            ["from"] = from,
                            ["link"] = app.Value.Link(toTrainer ? $"/pt/messages/{Uri.EscapeDataString(client.Id)}" : "/app/messages"),
                        }), ct);
                    sent++;
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning(e, "Message digest for conversation {TrainerId}/{ClientId} failed; the next run looks again", row.TrainerId, row.ClientId);
            }
        }
        log.LogInformation("Message digests: {Due} due, {Sent} sent, {OptedOut} opted out", due, sent, optedOut);
        return new Result(due, sent, optedOut);
    }

    /// <summary>What a side of a conversation has to be emailed about: nothing, messages not yet <see cref="Delay"/> old, or a digest now.</summary>
    private enum SideState { Nothing, Waiting, Due }

    /// <summary>
    /// Whether <paramref name="role"/> has messages it was not emailed about and, if so, whether the oldest is <see cref="Delay"/> old;
    /// when due, the conversation's digest position for it moves to the newest of them (saved by the caller's claim).
    /// </summary>
    private async Task<SideState> StateAsync(ConversationEntity conversation, string role, DateTimeOffset now, CancellationToken ct)
    {
        var toTrainer = role == SenderRoles.Trainer;
        if (conversation.UnreadFor(role) == 0) return SideState.Nothing;
        var digestKey = toTrainer ? conversation.TrainerDigestKey : conversation.ClientDigestKey;
        if (digestKey == conversation.LastMessageKey) return SideState.Nothing; // nothing since the last digest
        if ((toTrainer ? conversation.TrainerUnreadSince : conversation.ClientUnreadSince) is { } since && since + Delay > now) return SideState.Waiting;
        // Newer messages have smaller keys: the later of the read and the digest positions is the smaller key.
        var readKey = conversation.ReadKeyOf(role);
        var after = readKey is null ? digestKey : digestKey is null ? readKey : string.CompareOrdinal(readKey, digestKey) < 0 ? readKey : digestKey;
        string? newest = null;
        DateTimeOffset? oldest = null;
        await foreach (var m in store.MessagesAsync(conversation.PartitionKey, MessageRows.NewerThanFilter(conversation.ClientId, after), ct))
        {
            if (m.SenderRole == role) continue;
            newest ??= m.RowKey; // newest first
            oldest = m.SentAt;
        }
        if (newest is null) return SideState.Nothing;
        if (oldest + Delay > now) return SideState.Waiting;
        if (toTrainer) conversation.TrainerDigestKey = newest; else conversation.ClientDigestKey = newest;
        return SideState.Due;
    }
}
