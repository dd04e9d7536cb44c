using System.Text.Json;
using FitPilot.Functions.Storage;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace FitPilot.Functions.Email;

public sealed class EmailFunctions(IEmailSender sender, ILogger<EmailFunctions> log)
{
    /// <summary>
    /// Sends one outbox email. A throw leaves the message on the queue: it comes back after the
    /// visibility timeout and, after host.json's maxDequeueCount (5) tries, moves to email-outbox-poison.
    /// </summary>
    [Function(nameof(SendEmail))]
    public async Task SendEmail(
        [QueueTrigger(StorageNames.EmailQueue, Connection = StorageNames.Connection)] string message,
        CancellationToken ct)
    {
        var email = StoredJson.Deserialize<EmailMessage>(message)
            ?? throw new InvalidOperationException("An empty outbox message.");
        await sender.SendAsync(email, ct);
        log.LogInformation("Sent {Template} email", email.Template);
    }
}
