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
    [Required(AllowEmptyStrings = false, ErrorMessage = "Write a message."), StringLength(MaxLength, MinimumLength = 1)] public required string Text { get; init; }
}

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
public sealed record Message(string Id, string SenderRole, string Text, DateTimeOffset SentAt, DateTimeOffset? ReadAt);

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
