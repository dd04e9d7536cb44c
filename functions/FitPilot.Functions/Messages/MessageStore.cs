using Azure;
using Azure.Data.Tables;
using FitPilot.Functions.Common;
using FitPilot.Functions.Storage;

namespace FitPilot.Functions.Messages;

/// <summary>The one owner of table <c>messages</c> (<see cref="MessageRows"/>): conversations, messages, send ids, send counters, message pictures.</summary>
public sealed class MessageStore(StorageClients storage)
{
    private readonly TenantTable _table = new(storage.Table(StorageNames.MessagesTable));

    /// <summary>What a send needs, in one query: the conversation, the sender's counter and the id if it was sent before.</summary>
    public sealed record SendState(ConversationEntity? Conversation, SendCounterEntity? Counter, MessageIdEntity? SentBefore, MessageImageEntity? Image = null);

    /// <param name="imageId">The picture the message carries, read in the same query (null: none).</param>
    public async Task<SendState> ReadSendStateAsync(string trainerId, string clientId, string senderId, string messageId, string? imageId, CancellationToken ct)
    {
        var filter = TableClient.CreateQueryFilter(
            $"RowKey eq {MessageRows.ConversationKey(clientId)} or RowKey eq {MessageRows.RateKey(senderId)} or RowKey eq {MessageRows.IdKey(clientId, messageId)}");
        if (imageId is not null) filter += " or " + TableClient.CreateQueryFilter($"RowKey eq {MessageRows.ImageKey(clientId, imageId)}");
        var state = new SendState(null, null, null);
        await foreach (var row in _table.QueryPartitionAsync<TableEntity>(trainerId, ct, filter))
        {
            if (row.RowKey.StartsWith(MessageRows.Conversation, StringComparison.Ordinal)) state = state with { Conversation = RowMapper.To<ConversationEntity>(row) };
            else if (row.RowKey.StartsWith(MessageRows.Rate, StringComparison.Ordinal)) state = state with { Counter = RowMapper.To<SendCounterEntity>(row) };
            else if (row.RowKey.StartsWith(MessageRows.Image, StringComparison.Ordinal)) state = state with { Image = RowMapper.To<MessageImageEntity>(row) };
            else state = state with { SentBefore = RowMapper.To<MessageIdEntity>(row) };
        }
        return state;
    }

    public Task<MessageImageEntity?> FindImageAsync(string trainerId, string clientId, string imageId, CancellationToken ct) =>
        _table.FindAsync<MessageImageEntity>(trainerId, MessageRows.ImageKey(clientId, imageId), ct);

    public Task AddImageAsync(MessageImageEntity image, CancellationToken ct) => _table.AddAsync(image, ct);

    /// <summary>Saves a picture's new status over the version read; a stale version is a DomainException (processed meanwhile).</summary>
    public Task UpdateImageAsync(MessageImageEntity image, CancellationToken ct) => _table.UpdateAsync(image, ct);

    /// <summary>Every picture one user uploaded in the PT's conversations (the pending limit, tidying old uploads).</summary>
    public Task<List<MessageImageEntity>> ImagesOfAsync(string trainerId, string uploaderId, CancellationToken ct) =>
        _table.QueryPartitionAsync<MessageImageEntity>(trainerId, ct,
            TableClient.CreateQueryFilter($"RowKey gt {MessageRows.Image} and RowKey lt {MessageRows.Image + "~"} and UploaderId eq {uploaderId}")).ToListAsync(ct).AsTask();

    /// <summary>Picture uploads made before <paramref name="before"/>, across PTs (the nightly tidy; whether a message carries one is checked by the caller).</summary>
    public IAsyncEnumerable<MessageImageEntity> UnsentImagesAsync(DateTimeOffset before, CancellationToken ct) =>
        _table.QueryAcrossPartitionsAsync<MessageImageEntity>(
            TableClient.CreateQueryFilter($"RowKey gt {MessageRows.Image} and RowKey lt {MessageRows.Image + "~"} and CreatedAt lt {before}"), ct);

    /// <summary>Deletes a picture's row as it was read; false when a send claimed it (or it went) meanwhile.</summary>
    public async Task<bool> TryDeleteImageAsync(MessageImageEntity image, CancellationToken ct)
    {
        try { await _table.DeleteAsync(image.PartitionKey, image.RowKey, ct, image.ETag); return true; }
        catch (DomainException) { return false; }
    }

    public Task<ConversationEntity?> FindConversationAsync(string trainerId, string clientId, CancellationToken ct) =>
        _table.FindAsync<ConversationEntity>(trainerId, MessageRows.ConversationKey(clientId), ct);

    public Task<MessageEntity?> FindMessageAsync(string trainerId, string messageKey, CancellationToken ct) =>
        _table.FindAsync<MessageEntity>(trainerId, messageKey, ct);

    public Task<MessageIdEntity?> FindIdAsync(string trainerId, string clientId, string messageId, CancellationToken ct) =>
        _table.FindAsync<MessageIdEntity>(trainerId, MessageRows.IdKey(clientId, messageId), ct);

    /// <summary>Every conversation of a PT (the inbox).</summary>
    public IAsyncEnumerable<ConversationEntity> ConversationsAsync(string trainerId, CancellationToken ct) =>
        _table.QueryPartitionAsync<ConversationEntity>(trainerId, ct,
            TableClient.CreateQueryFilter($"RowKey gt {MessageRows.Conversation} and RowKey lt {MessageRows.Conversation + "~"}"));

    /// <summary>Puts a conversation in the digest's index (after a message is saved: a digest run that read the conversation
    /// before the message then fails to remove the row it read, or the row comes back).</summary>
    public Task MarkUnreadAsync(string trainerId, string clientId, CancellationToken ct) =>
        _table.UpsertAsync(new UnreadIndexEntity { RowKey = MessageRows.UnreadIndexKey(trainerId, clientId), TrainerId = trainerId, ClientId = clientId }, ct);

    /// <summary>The conversations that may have messages to email about, across PTs: for the email digest timer only (one partition).</summary>
    public IAsyncEnumerable<UnreadIndexEntity> UnreadIndexAsync(CancellationToken ct) =>
        _table.QueryPartitionAsync<UnreadIndexEntity>(MessageRows.UnreadIndex, ct);

    /// <summary>Removes an index row as it was read; false when a message marked it again meanwhile (it stays).</summary>
    public async Task<bool> TryUnmarkAsync(UnreadIndexEntity row, CancellationToken ct)
    {
        try { await _table.DeleteAsync(MessageRows.UnreadIndex, row.RowKey, ct, row.ETag); return true; }
        catch (DomainException) { return false; }
    }

    /// <summary>One page of a conversation, newest first.</summary>
    public async Task<(IReadOnlyList<MessageEntity> Items, string? NextCursor)> PageAsync(string trainerId, string clientId, int limit, string? cursor, CancellationToken ct) =>
        await _table.PageAsync<MessageEntity>(trainerId, limit, cursor, ct, MessageRows.MessagesFilter(clientId));

    /// <summary>Messages of a conversation matching <paramref name="filter"/>, newest first.</summary>
    public IAsyncEnumerable<MessageEntity> MessagesAsync(string trainerId, string filter, CancellationToken ct) =>
        _table.QueryPartitionAsync<MessageEntity>(trainerId, ct, filter);

    /// <summary>
    /// A new message, its id, the changed conversation and counter and the picture it claims (over the version read), all or
    /// nothing (a 409/412 means someone else changed them first).
    /// </summary>
    public Task SaveSendAsync(MessageEntity message, MessageIdEntity id, ConversationEntity conversation, SendCounterEntity counter, MessageImageEntity? image, CancellationToken ct) =>
        _table.SubmitAsync(
        [
            new TableTransactionAction(TableTransactionActionType.Add, message),
            new TableTransactionAction(TableTransactionActionType.Add, id),
            Write(conversation),
            Write(counter),
            .. image is null ? [] : new[] { new TableTransactionAction(TableTransactionActionType.UpdateReplace, image, image.ETag) },
        ], ct);

    private static TableTransactionAction Write(ITableEntity entity) => entity.ETag == default
        ? new TableTransactionAction(TableTransactionActionType.Add, entity)
        : new TableTransactionAction(TableTransactionActionType.UpdateReplace, entity, entity.ETag);

    /// <summary>
    /// Saves the conversation's new digest positions over the version read (its ETag); false when anything changed it since
    /// (another digest run, a send, a read receipt). Unlike <see cref="UpdateConversationAsync"/>, a conflict is never taken
    /// for this call's own write: two runs writing the same positions must not both send.
    /// </summary>
    public async Task<bool> TryClaimDigestAsync(ConversationEntity conversation, CancellationToken ct)
    {
        try
        {
            await _table.SubmitAsync([new TableTransactionAction(TableTransactionActionType.UpdateReplace, conversation, conversation.ETag)], ct);
            return true;
        }
        catch (RequestFailedException e) when (IsConflict(e)) { return false; }
    }

    public Task UpdateConversationAsync(ConversationEntity conversation, CancellationToken ct) => _table.UpdateAsync(conversation, ct);

    /// <summary>A removed client's conversation: its row, messages, send ids and picture uploads, and its digest index row.</summary>
    public async Task<int> DeleteConversationAsync(string trainerId, string clientId, CancellationToken ct)
    {
        await _table.DeleteAsync(MessageRows.UnreadIndex, MessageRows.UnreadIndexKey(trainerId, clientId), ct);
        return await _table.DeleteRowsAsync(
            TableClient.CreateQueryFilter($"PartitionKey eq {trainerId}") + " and (" +
            TableClient.CreateQueryFilter($"RowKey eq {MessageRows.ConversationKey(clientId)}") + " or " +
            MessageRows.MessagesFilter(clientId) + " or " +
            TableClient.CreateQueryFilter($"(RowKey gt {MessageRows.Key + clientId + "|"} and RowKey lt {MessageRows.Key + clientId + "|~"})") + " or " +
            TableClient.CreateQueryFilter($"(RowKey gt {MessageRows.ImagePrefix(clientId)} and RowKey lt {MessageRows.ImagePrefix(clientId) + "~"})") + " or " +
            TableClient.CreateQueryFilter($"RowKey eq {MessageRows.RateKey(clientId)}") + ")", ct);
    }

    public static bool IsConflict(RequestFailedException e) => e.Status is 409 or 412;
}
