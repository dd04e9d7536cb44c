using System.Globalization;
using Azure;
using FitPilot.Contracts.Engagement;
using FitPilot.Contracts.Messages;
using FitPilot.Functions.Clients;
using FitPilot.Functions.Common;
using FitPilot.Functions.Events;
using FitPilot.Functions.Http;
using FitPilot.Functions.Storage;

namespace FitPilot.Functions.Messages;

/// <summary>
/// The conversation of a PT and one client: only the two can read or write it (anyone else gets 404),
/// sends are idempotent by the device-made id and rate limited per sender, read receipts move a read
/// position forward, and a removed client's conversation goes with their data.
/// </summary>
public sealed class MessageService(MessageStore store, ClientStore clients, MessageImageService images, IMessageDelivery delivery, TimeProvider clock) : IEventHandler<ClientRemoved>
{
    /// <summary>Sends per sender in one fixed window (every conversation of a PT counts together).</summary>
    public const int MaxSendsPerWindow = 30;
    public static readonly TimeSpan SendWindow = TimeSpan.FromMinutes(1);
    public const int PageSize = 30;
    public const int MaxSearchResults = 50;
    public const int MaxWaitSeconds = 25;
    private const int PreviewLength = 140;

    /// <summary>The conversation's tenant key and the caller's side, or 404 when the caller is not one of the pair.</summary>
    private static (string TrainerId, string Role) Pair(Caller caller, string clientId) => caller switch
    {
        TrainerCaller t => (t.TrainerId, SenderRoles.Trainer),
        ClientCaller c when c.ClientId == clientId => (c.TrainerId, SenderRoles.Client),
        _ => throw NoConversation(),
    };

    private static DomainException NoConversation() => DomainException.NotFound("No such conversation.");

    private static string Other(string role) => role == SenderRoles.Trainer ? SenderRoles.Client : SenderRoles.Trainer;

    private async Task<ClientEntity> ClientAsync(string trainerId, string clientId, CancellationToken ct) =>
        TenantTable.IsValidKey(clientId) ? await clients.FindAsync(trainerId, clientId, ct) ?? throw NoConversation() : throw NoConversation();

    /// <summary>Sends a message; the same id again answers the stored message (<c>Created</c> false) and changes nothing.</summary>
    public async Task<(Message Message, bool Created)> SendAsync(Caller caller, string clientId, SendMessageRequest request, CancellationToken ct)
    {
        var (trainerId, role) = Pair(caller, clientId);
        var text = request.Text ?? "";
        if (string.IsNullOrWhiteSpace(text) && request.ImageId is null) throw DomainException.Invalid("text", "Write a message or attach a picture.");
        ClientEntity? client = null;
        for (var attempt = 0; ; attempt++)
        {
            var state = await store.ReadSendStateAsync(trainerId, clientId, caller.UserId, request.Id, request.ImageId, ct);
            if (state.SentBefore is { } before)
            {
                await store.MarkUnreadAsync(trainerId, clientId, ct); // a retry after the first try failed past its save
                return (await StoredAsync(trainerId, clientId, before.MessageKey, state.Conversation, ct), false);
            }
            if (state.Conversation is null) client ??= await ClientAsync(trainerId, clientId, ct);
            var image = state.Image;
            if (request.ImageId is not null)
            {
                MessageImageService.CheckSendable(image, caller.UserId, request.Id);
                image!.MessageId = request.Id;
            }

            var now = clock.GetUtcNow();
            var window = now.UtcTicks / SendWindow.Ticks;
            var counter = state.Counter ?? new SendCounterEntity { PartitionKey = trainerId, RowKey = MessageRows.RateKey(caller.UserId) };
            if (counter.Window != window) { counter.Window = window; counter.Count = 0; }
            if (counter.Count >= MaxSendsPerWindow)
                throw DomainException.TooManyRequests("Too many messages", $"You can send {MaxSendsPerWindow} messages a minute. Wait a moment and send it again.",
                    (int)Math.Ceiling((new DateTimeOffset((window + 1) * SendWindow.Ticks, TimeSpan.Zero) - now).TotalSeconds));
            counter.Count++;

            var message = new MessageEntity
            {
                PartitionKey = trainerId, RowKey = MessageRows.MessageKey(clientId, now, request.Id),
                Id = request.Id, SenderRole = role, SenderId = caller.UserId, Text = text, SentAt = now,
                ImageId = image?.ImageId, ImageWidth = image?.Width, ImageHeight = image?.Height,
            };
            var conversation = state.Conversation ?? new ConversationEntity { PartitionKey = trainerId, RowKey = MessageRows.ConversationKey(clientId), ClientId = clientId };
            conversation.Seq++;
            conversation.LastMessageAt = now;
            conversation.LastMessageKey = message.RowKey;
            conversation.LastSenderRole = role;
            conversation.LastPreview = string.IsNullOrWhiteSpace(text) ? ImagePreview : Preview(text);
            if (role == SenderRoles.Trainer) { conversation.UnreadForClient++; conversation.ClientUnreadSince ??= now; }
            else { conversation.UnreadForTrainer++; conversation.TrainerUnreadSince ??= now; }
            try
            {
                await store.SaveSendAsync(message, new MessageIdEntity { PartitionKey = trainerId, RowKey = MessageRows.IdKey(clientId, request.Id), MessageKey = message.RowKey },
                    conversation, counter, image, ct);
            }
            catch (RequestFailedException e) when (MessageStore.IsConflict(e) && attempt < 8)
            {
                continue; // another send (or a receipt) changed the conversation first, or this id was sent meanwhile: read again
            }
            await delivery.PublishAsync(trainerId, clientId, ct);
            await store.MarkUnreadAsync(trainerId, clientId, ct);
            return (message.ToDto(conversation, await images.UrlsAsync(trainerId, clientId, message, ct)), true);
        }
    }

    private async Task<Message> StoredAsync(string trainerId, string clientId, string messageKey, ConversationEntity? conversation, CancellationToken ct)
    {
        var message = await store.FindMessageAsync(trainerId, messageKey, ct) ?? throw NoConversation();
        return message.ToDto(conversation, await images.UrlsAsync(trainerId, clientId, message, ct));
    }

    /// <summary>Messages as the caller sees them: receipts, and fresh read URLs for their pictures.</summary>
    private async Task<List<Message>> ShownAsync(string trainerId, string clientId, IEnumerable<MessageEntity> messages, ConversationEntity? conversation, CancellationToken ct)
    {
        var shown = new List<Message>();
        foreach (var m in messages) shown.Add(m.ToDto(conversation, await images.UrlsAsync(trainerId, clientId, m, ct)));
        return shown;
    }

    /// <summary>The inbox line of a message that is only a picture.</summary>
    public const string ImagePreview = "Photo";

    /// <summary>A write-only URL for one picture to send in this conversation (either side of the pair; anyone else 404).</summary>
    public async Task<MessageImageTicket> StartImageUploadAsync(Caller caller, string clientId, CancellationToken ct)
    {
        var (trainerId, role) = Pair(caller, clientId);
        await ClientAsync(trainerId, clientId, ct);
        return await images.StartUploadAsync(trainerId, clientId, caller.UserId, role, ct);
    }

    /// <summary>Where one picture upload of this conversation is.</summary>
    public async Task<MessageImageUpload> GetImageUploadAsync(Caller caller, string clientId, string imageId, CancellationToken ct)
    {
        var (trainerId, _) = Pair(caller, clientId);
        if (!TenantTable.IsValidKey(clientId)) throw NoConversation();
        return await images.GetUploadAsync(trainerId, clientId, imageId, ct);
    }

    private static string Preview(string text)
    {
        var line = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return line.Length <= PreviewLength ? line : line[..(PreviewLength - 1)] + "…";
    }

    /// <summary>A page of the conversation, newest first; with <paramref name="search"/>, the newest messages containing it (no further pages).</summary>
    public async Task<MessagePage> PageAsync(Caller caller, string clientId, string? cursor, string? search, CancellationToken ct)
    {
        var (trainerId, role) = Pair(caller, clientId);
        var clientTask = ClientAsync(trainerId, clientId, ct);
        var conversationTask = store.FindConversationAsync(trainerId, clientId, ct);
        var client = await clientTask;
        var conversation = await conversationTask;
        IReadOnlyList<MessageEntity> items;
        string? next = null;
        if (search is not null)
        {
            var found = new List<MessageEntity>();
            await foreach (var m in store.MessagesAsync(trainerId, MessageRows.MessagesFilter(clientId), ct))
                if (m.Text.Contains(search, StringComparison.CurrentCultureIgnoreCase) && found.Count < MaxSearchResults) found.Add(m);
            items = found;
        }
        else if (conversation is null && cursor is null) items = [];
        else (items, next) = await store.PageAsync(trainerId, clientId, PageSize, cursor, ct);
        return new MessagePage(clientId, client.Name, await ShownAsync(trainerId, clientId, items, conversation, ct), next,
            ChangesCursor(conversation), conversation?.UnreadFor(role) ?? 0);
    }

    private static string ChangesCursor(ConversationEntity? conversation) =>
        Cursors.Encode($"{(conversation?.Seq ?? 0).ToString(CultureInfo.InvariantCulture)}|{conversation?.LastMessageKey}");

    private static (long Seq, string? NewestKey) ReadChangesCursor(string cursor, string clientId)
    {
        var text = Cursors.Decode(cursor);
        var bar = text.IndexOf('|');
        if (bar < 1 || !long.TryParse(text[..bar], NumberStyles.None, CultureInfo.InvariantCulture, out var seq)) throw Cursors.Invalid();
        var key = text[(bar + 1)..];
        if (key.Length == 0) return (seq, null);
        return key.StartsWith(MessageRows.MessagePrefix(clientId), StringComparison.Ordinal) && TenantTable.IsValidKey(key) ? (seq, key) : throw Cursors.Invalid();
    }

    /// <summary>
    /// What changed since <paramref name="cursor"/>: answers at once when something has, otherwise waits up to
    /// <paramref name="waitSeconds"/> for a change (a message or receipt in this conversation) and answers then.
    /// </summary>
    public async Task<ConversationChanges> ChangesAsync(Caller caller, string clientId, string? cursor, int waitSeconds, CancellationToken ct)
    {
        var (trainerId, role) = Pair(caller, clientId);
        if (cursor is null)
        {
            var now = await store.FindConversationAsync(trainerId, clientId, ct);
            if (now is null && caller is TrainerCaller) await ClientAsync(trainerId, clientId, ct);
            return new ConversationChanges(ChangesCursor(now), [], SeenKey(now, role), SeenAt(now, role), now?.UnreadFor(role) ?? 0);
        }
        var (seq, newestKey) = ReadChangesCursor(cursor, clientId);
        var signal = delivery.Subscribe(trainerId, clientId);
        var conversation = await store.FindConversationAsync(trainerId, clientId, ct);
        if (conversation is null && caller is TrainerCaller) await ClientAsync(trainerId, clientId, ct);
        if ((conversation?.Seq ?? 0) <= seq && waitSeconds > 0)
        {
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct, delivery.Stopping);
            await Task.WhenAny(signal, Task.Delay(TimeSpan.FromSeconds(waitSeconds), clock, stop.Token)).ConfigureAwait(false);
            await stop.CancelAsync(); // ends the timer when the signal came first
            ct.ThrowIfCancellationRequested();
            conversation = await store.FindConversationAsync(trainerId, clientId, ct);
        }
        if (conversation is null || conversation.Seq <= seq) return new ConversationChanges(cursor, [], SeenKey(conversation, role), SeenAt(conversation, role), conversation?.UnreadFor(role) ?? 0);
        var rows = new List<MessageEntity>();
        if (conversation.LastMessageKey != newestKey)
            await foreach (var m in store.MessagesAsync(trainerId, MessageRows.NewerThanFilter(clientId, newestKey), ct))
                rows.Add(m);
        rows.Reverse();
        var messages = await ShownAsync(trainerId, clientId, rows, conversation, ct);
        return new ConversationChanges(ChangesCursor(conversation), messages, SeenKey(conversation, role), SeenAt(conversation, role), conversation.UnreadFor(role));
    }

    private static string? SeenKey(ConversationEntity? c, string role) => c?.ReadKeyOf(Other(role)) is { } key ? MessageRows.IdOf(key) : null;
    private static DateTimeOffset? SeenAt(ConversationEntity? c, string role) => c?.ReadAtOf(Other(role));

    /// <summary>Marks the other side's messages read up to and including <paramref name="upToMessageId"/> (never backwards); answers the caller's unread count.</summary>
    public async Task<UnreadCount> MarkReadAsync(Caller caller, string clientId, MarkReadRequest request, CancellationToken ct)
    {
        var (trainerId, role) = Pair(caller, clientId);
        var id = await store.FindIdAsync(trainerId, clientId, request.UpToMessageId, ct) ?? throw DomainException.NotFound("No such message in this conversation.");
        for (var attempt = 0; ; attempt++)
        {
            var conversation = await store.FindConversationAsync(trainerId, clientId, ct) ?? throw NoConversation();
            var current = conversation.ReadKeyOf(role);
            if (current is not null && string.CompareOrdinal(id.MessageKey, current) >= 0) return new UnreadCount(conversation.UnreadFor(role));
            var unread = 0;
            if (id.MessageKey != conversation.LastMessageKey)
                await foreach (var m in store.MessagesAsync(trainerId, MessageRows.NewerThanFilter(clientId, id.MessageKey), ct))
                    if (m.SenderRole != role) unread++;
            var now = clock.GetUtcNow();
            if (role == SenderRoles.Trainer)
            {
                conversation.TrainerReadKey = id.MessageKey; conversation.TrainerReadAt = now; conversation.UnreadForTrainer = unread;
                conversation.TrainerUnreadSince = unread == 0 ? null : conversation.TrainerUnreadSince ?? now;
            }
            else
            {
                conversation.ClientReadKey = id.MessageKey; conversation.ClientReadAt = now; conversation.UnreadForClient = unread;
                conversation.ClientUnreadSince = unread == 0 ? null : conversation.ClientUnreadSince ?? now;
            }
            conversation.Seq++;
            try { await store.UpdateConversationAsync(conversation, ct); }
            catch (DomainException e) when (e.Kind == DomainErrorKind.Conflict && attempt < 8) { continue; }
            await delivery.PublishAsync(trainerId, clientId, ct);
            return new UnreadCount(unread);
        }
    }

    /// <summary>The PT's inbox: every client, conversations by their last message (newest first), then clients without one by name.</summary>
    public async Task<List<ConversationSummary>> InboxAsync(string trainerId, CancellationToken ct)
    {
        var conversations = new Dictionary<string, ConversationEntity>(StringComparer.Ordinal);
        await foreach (var c in store.ConversationsAsync(trainerId, ct)) conversations[c.ClientId] = c;
        var list = new List<ConversationSummary>();
        await foreach (var client in clients.AllAsync(trainerId, ct))
        {
            conversations.TryGetValue(client.RowKey, out var c);
            list.Add(new ConversationSummary(client.RowKey, client.Name, c?.LastMessageAt, c?.LastPreview, c?.LastSenderRole, c?.UnreadForTrainer ?? 0));
        }
        return list.OrderByDescending(s => s.LastMessageAt.HasValue).ThenByDescending(s => s.LastMessageAt)
            .ThenBy(s => s.ClientName, StringComparer.CurrentCultureIgnoreCase).ToList();
    }

    /// <summary>The caller's unread messages: a PT's across every conversation, a client's in theirs.</summary>
    public async Task<UnreadCount> UnreadAsync(Caller caller, CancellationToken ct)
    {
        if (caller is ClientCaller c)
            return new UnreadCount((await store.FindConversationAsync(c.TrainerId, c.ClientId, ct))?.UnreadForClient ?? 0);
        var total = 0;
        await foreach (var conversation in store.ConversationsAsync(caller.TrainerId, ct)) total += conversation.UnreadForTrainer;
        return new UnreadCount(total);
    }

    /// <summary>A removed client's conversation goes with the rest of their data: pictures first, then rows (idempotent: deleting nothing is fine).</summary>
    public async Task HandleAsync(ClientRemoved removed, CancellationToken ct)
    {
        await images.DeleteConversationBlobsAsync(removed.TrainerId, removed.ClientId, ct);
        await store.DeleteConversationAsync(removed.TrainerId, removed.ClientId, ct);
        await delivery.PublishAsync(removed.TrainerId, removed.ClientId, ct);
    }
}
