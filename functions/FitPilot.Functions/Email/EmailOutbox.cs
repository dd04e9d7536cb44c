using System.Text.Json;
using FitPilot.Functions.Storage;

namespace FitPilot.Functions.Email;

/// <summary>
/// Puts rendered emails on the outbox queue; <see cref="EmailFunctions.SendEmail"/> delivers them
/// with retries and a poison queue, so nothing is lost while the mail server is down.
/// </summary>
public sealed class EmailOutbox(StorageClients storage)
{
    public async Task EnqueueAsync(EmailMessage message, CancellationToken ct) =>
        await storage.Queue(StorageNames.EmailQueue).SendMessageAsync(StoredJson.Serialize(message), ct);
}
