using System.Globalization;
using Azure;
using Azure.Data.Tables;
using FitPilot.Contracts.Messages;

namespace FitPilot.Functions.Messages;

/// <summary>
/// Table <c>messages</c>, PartitionKey = the PT (the tenant), so a PT's conversations, their messages, unread
/// counters and send counters change together in one entity group transaction, and the inbox is one query.
/// Rows of one conversation are keyed by its pair (a client has one PT, so the client id names the pair):
/// <list type="bullet">
/// <item><c>c|{clientId}</c>: the conversation (last message, unread counts, read positions, change sequence).</item>
/// <item><c>m|{clientId}|{inverted ticks}|{messageId}</c>: a message; inverted ticks sort newest first.</item>
/// <item><c>k|{clientId}|{messageId}</c>: the device-made id of a sent message (idempotent send).</item>
/// <item><c>r|{userId}</c>: the sender's fixed-window send counter (rate limit).</item>
/// <item><c>i|{clientId}|{imageId}</c>: a picture uploaded for a message (who uploaded it, pending / ready / rejected, the message that carries it).</item>
/// </list>
/// </summary>
public static class MessageRows
{
    public const string Conversation = "c|";
    public const string Message = "m|";
    public const string Key = "k|";
    public const string Rate = "r|";
    public const string Image = "i|";

    public static string ConversationKey(string clientId) => Conversation + clientId;
    public static string MessagePrefix(string clientId) => $"{Message}{clientId}|";
    public static string MessageKey(string clientId, DateTimeOffset sentAt, string messageId) =>
        MessagePrefix(clientId) + (DateTimeOffset.MaxValue.UtcTicks - sentAt.UtcTicks).ToString("D19", CultureInfo.InvariantCulture) + "|" + messageId;
    public static string IdKey(string clientId, string messageId) => $"{Key}{clientId}|{messageId}";
    public static string RateKey(string userId) => Rate + userId;

    /// <summary>The partition of the digest's index (no PT id starts with '~').</summary>
    public const string UnreadIndex = "~unread";
    public static string UnreadIndexKey(string trainerId, string clientId) => $"{trainerId}|{clientId}";
    public static string ImagePrefix(string clientId) => $"{Image}{clientId}|";
    public static string ImageKey(string clientId, string imageId) => ImagePrefix(clientId) + imageId;

    /// <summary>The message id at the end of a message row key.</summary>
    public static string IdOf(string messageKey) => messageKey[(messageKey.LastIndexOf('|') + 1)..];

    /// <summary>Messages of one conversation only.</summary>
    public static string MessagesFilter(string clientId) =>
        TableClient.CreateQueryFilter($"RowKey gt {MessagePrefix(clientId)} and RowKey lt {MessagePrefix(clientId) + "~"}");

    /// <summary>Messages newer than <paramref name="messageKey"/> (smaller keys are newer).</summary>
    public static string NewerThanFilter(string clientId, string? messageKey) =>
        messageKey is null ? MessagesFilter(clientId)
            : TableClient.CreateQueryFilter($"RowKey gt {MessagePrefix(clientId)} and RowKey lt {messageKey}");
}

public sealed class ConversationEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }
    public string ClientId { get; set; } = "";
    /// <summary>Grows with every change (a message, a read receipt): a waiting page compares it to its cursor.</summary>
    public long Seq { get; set; }
    public DateTimeOffset? LastMessageAt { get; set; }
    public string? LastMessageKey { get; set; }
    public string? LastPreview { get; set; }
    public string? LastSenderRole { get; set; }
    public int UnreadForTrainer { get; set; }
    public int UnreadForClient { get; set; }
    /// <summary>The newest message each side has read (row key) and when.</summary>
    public string? TrainerReadKey { get; set; }
    public DateTimeOffset? TrainerReadAt { get; set; }
    public string? ClientReadKey { get; set; }
    public DateTimeOffset? ClientReadAt { get; set; }
    /// <summary>The newest unread message each side was already told about by email (the digest never repeats one).</summary>
    public string? TrainerDigestKey { get; set; }
    public string? ClientDigestKey { get; set; }
    /// <summary>When the oldest message a side has not read arrived (the digest waits a delay after it).</summary>
    public DateTimeOffset? TrainerUnreadSince { get; set; }
    public DateTimeOffset? ClientUnreadSince { get; set; }

    public int UnreadFor(string role) => role == SenderRoles.Trainer ? UnreadForTrainer : UnreadForClient;
    public string? ReadKeyOf(string role) => role == SenderRoles.Trainer ? TrainerReadKey : ClientReadKey;
    public DateTimeOffset? ReadAtOf(string role) => role == SenderRoles.Trainer ? TrainerReadAt : ClientReadAt;
}

public sealed class MessageEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }
    public string Id { get; set; } = "";
    public string SenderRole { get; set; } = "";
    public string SenderId { get; set; } = "";
    public string Text { get; set; } = "";
    public DateTimeOffset SentAt { get; set; }
    /// <summary>The picture it carries (<see cref="MessageImageEntity"/>), with its size; null without one.</summary>
    public string? ImageId { get; set; }
    public int? ImageWidth { get; set; }
    public int? ImageHeight { get; set; }

    /// <summary>With its read receipt: read when the recipient's read position is at or after it. <paramref name="image"/>: its picture's read URLs.</summary>
    public Message ToDto(ConversationEntity? conversation, MessageImage? image = null)
    {
        var recipient = SenderRole == SenderRoles.Trainer ? SenderRoles.Client : SenderRoles.Trainer;
        var readKey = conversation?.ReadKeyOf(recipient);
        var read = readKey is not null && string.CompareOrdinal(RowKey, readKey) >= 0;
        return new Message(Id, SenderRole, Text, SentAt, read ? conversation!.ReadAtOf(recipient) : null, image);
    }
}

/// <summary>A conversation the digest timer should look at: written after every message, removed by the timer once nothing is left to email.</summary>
public sealed class UnreadIndexEntity : ITableEntity
{
    public string PartitionKey { get; set; } = MessageRows.UnreadIndex;
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }
    public string TrainerId { get; set; } = "";
    public string ClientId { get; set; } = "";
}

public sealed class MessageIdEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }
    public string MessageKey { get; set; } = "";
}

public sealed class SendCounterEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }
    public long Window { get; set; }
    public int Count { get; set; }
}

/// <summary>
/// One picture uploaded for a message: <c>i|{clientId}|{imageId}</c> in the PT's partition. Written pending when the sender asks
/// for an upload URL, changed once by the blob trigger (ready with its size, or rejected with the reason), and claimed by the one
/// message that carries it (<see cref="MessageId"/>) in the send's transaction. Its blobs are
/// <c>message-images/{trainerId}/{clientId}/{imageId}.jpg</c> and <c>.thumb.jpg</c>.
/// </summary>
public sealed class MessageImageEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }
    public string ImageId { get; set; } = "";
    public string ClientId { get; set; } = "";
    /// <summary>The user who uploaded it and their side (<see cref="SenderRoles"/>): only they may send it.</summary>
    public string UploaderId { get; set; } = "";
    public string UploaderRole { get; set; } = "";
    public string Status { get; set; } = MessageImageStatuses.Pending;
    public string? Reason { get; set; }
    public int? Width { get; set; }
    public int? Height { get; set; }
    /// <summary>The message that carries it, once sent.</summary>
    public string? MessageId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    public static string BlobNameOf(string trainerId, string clientId, string imageId) => $"{trainerId}/{clientId}/{imageId}.jpg";
    public static string ThumbnailBlobNameOf(string trainerId, string clientId, string imageId) => $"{trainerId}/{clientId}/{imageId}.thumb.jpg";
}
