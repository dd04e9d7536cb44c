using System.ComponentModel.DataAnnotations;

namespace FitPilot.Contracts.Messages;

/// <summary>
/// Send a message in the conversation of a PT and one client. <see cref="Id"/> is made on the device
/// before the first try, so a retry after a lost answer (or the offline queue sending it later) never
/// makes a second message: the same id answers the message already stored.
/// </summary>
public sealed record SendMessageRequest
{
    public const int MaxLength = 4000;

    [Required, RegularExpression("^[A-Za-z0-9-]{8,40}$", ErrorMessage = "Use a GUID made on the device.")] public required string Id { get; init; }
    /// <summary>The words; may be empty when the message carries a picture (a message needs one or the other).</summary>
    [StringLength(MaxLength)] public string? Text { get; init; }
    /// <summary>A picture uploaded for this conversation by the sender (<c>POST …/images</c>) and ready; each picture goes with one message.</summary>
    [RegularExpression("^[A-Za-z0-9-]{8,40}$", ErrorMessage = "Name a picture uploaded to this conversation.")] public string? ImageId { get; init; }
}

/// <summary>What a message picture upload is: pending until the file is processed, then ready or rejected.</summary>
public static class MessageImageStatuses
{
    public const string Pending = "pending";
    public const string Ready = "ready";
    public const string Rejected = "rejected";
}

/// <summary>
/// Where to PUT one picture for a message: a write-only URL for one blob, valid until <see cref="ExpiresAt"/> (5 minutes).
/// Send <see cref="Headers"/> with the PUT; at most <see cref="MaxBytes"/>. Then follow <c>GET …/images/{imageId}</c> until it is ready.
/// </summary>
public sealed record MessageImageTicket(string ImageId, string Url, DateTimeOffset ExpiresAt, IReadOnlyDictionary<string, string> Headers, long MaxBytes, MessageImageUpload Status);

/// <param name="Status">pending, ready or rejected (<see cref="MessageImageStatuses"/>).</param>
/// <param name="Reason">Why it was refused, in words for the sender.</param>
/// <param name="Width">The processed picture's size once ready.</param>
/// <param name="ThumbnailUrl">Once ready: a read-only URL of its thumbnail (10 minutes), for the composer's preview.</param>
public sealed record MessageImageUpload(string ImageId, string Status, string? Reason, int? Width, int? Height, DateTimeOffset CreatedAt, string? ThumbnailUrl = null);

/// <summary>A message's picture: short-lived read-only URLs (≤ 10 minutes; read the messages again for fresh ones) and its size.</summary>
public sealed record MessageImage(string Url, string ThumbnailUrl, int Width, int Height, DateTimeOffset ExpiresAt);

/// <summary>Mark the messages of the other side read, up to and including <see cref="UpToMessageId"/>.</summary>
public sealed record MarkReadRequest
{
    [Required, RegularExpression("^[A-Za-z0-9-]{8,40}$", ErrorMessage = "Name a message of this conversation.")] public required string UpToMessageId { get; init; }
}

/// <summary>Who sent a message: <c>trainer</c> or <c>client</c>.</summary>
public static class SenderRoles
{
    public const string Trainer = "trainer";
    public const string Client = "client";
}

/// <param name="SenderRole"><see cref="SenderRoles"/>.</param>
/// <param name="ReadAt">When the recipient marked it read (read receipts); null while unread.</param>
/// <param name="Image">The picture sent with it, if any.</param>
public sealed record Message(string Id, string SenderRole, string Text, DateTimeOffset SentAt, DateTimeOffset? ReadAt, MessageImage? Image = null);

/// <summary>
/// One page of a conversation, newest first. <see cref="NextCursor"/> fetches older messages;
/// <see cref="ChangesCursor"/> is where the caller's wait for new messages and receipts starts
/// (<c>GET …/changes?cursor=</c>). <see cref="Unread"/> counts the caller's unread messages.
/// </summary>
public sealed record MessagePage(string ClientId, string ClientName, IReadOnlyList<Message> Items, string? NextCursor, string ChangesCursor, int Unread);

/// <summary>
/// What changed in a conversation since a changes cursor: new messages (oldest first) and the read
/// receipts of the caller's own messages (<see cref="SeenUpToMessageId"/>, <see cref="SeenAt"/>). Empty after
/// a wait with nothing new; continue with <see cref="Cursor"/>.
/// </summary>
public sealed record ConversationChanges(string Cursor, IReadOnlyList<Message> Messages, string? SeenUpToMessageId, DateTimeOffset? SeenAt, int Unread);

/// <summary>A line of the PT's inbox: one conversation, sorted by its last message.</summary>
public sealed record ConversationSummary(string ClientId, string ClientName, DateTimeOffset? LastMessageAt, string? LastMessagePreview, string? LastSenderRole, int Unread);
