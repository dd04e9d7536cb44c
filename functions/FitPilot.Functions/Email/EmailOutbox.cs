using FitPilot.Functions.Storage;

namespace FitPilot.Functions.Email;

/// <summary>
/// Puts rendered emails on the outbox queue; <see cref="EmailFunctions.SendEmail"/> delivers them
/// with retries and a poison queue, so nothing is lost while the mail server is down.
/// </summary>
public sealed class EmailOutbox(StorageClients storage)
{
    /// <summary>The most times an email waits out a provider's Retry-After before it is parked.</summary>
    public const int MaxDeferrals = 8;

    /// <summary>The longest one Retry-After is honoured for (a queue message can hide for up to 7 days; an email should not).</summary>
    public static readonly TimeSpan MaxDeferral = TimeSpan.FromHours(1);

    public async Task EnqueueAsync(EmailMessage message, CancellationToken ct) =>
        await storage.Queue(StorageNames.EmailQueue).SendMessageAsync(
            StoredJson.Serialize(message with { Id = message.Id ?? Guid.NewGuid() }), ct);

    /// <summary>
    /// Puts the email back, invisible for the provider's <c>Retry-After</c> (the queue's visibility
    /// timeout carries the delay), counting the deferral; the caller then completes the current message.
    /// </summary>
    public async Task DeferAsync(EmailMessage message, TimeSpan retryAfter, CancellationToken ct)
    {
        var delay = retryAfter < TimeSpan.Zero ? TimeSpan.Zero : retryAfter > MaxDeferral ? MaxDeferral : retryAfter;
        await storage.Queue(StorageNames.EmailQueue).SendMessageAsync(
            StoredJson.Serialize(message with { Deferrals = message.Deferrals + 1 }), visibilityTimeout: delay, cancellationToken: ct);
    }

    /// <summary>Parks the email in <c>email-outbox-poison</c> with the reason, as the host does after its last try.</summary>
    public async Task ParkAsync(EmailMessage message, string reason, CancellationToken ct) =>
        await storage.Queue(StorageNames.EmailQueue + "-poison").SendMessageAsync(
            StoredJson.Serialize(message with { Failure = reason }), ct);
}
