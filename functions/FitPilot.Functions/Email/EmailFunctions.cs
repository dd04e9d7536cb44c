using FitPilot.Functions.Storage;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace FitPilot.Functions.Email;

public sealed class EmailFunctions(IEmailSender sender, EmailOutbox outbox, ILogger<EmailFunctions> log)
{
    /// <summary>
    /// Sends one outbox email. A throw leaves the message on the queue: it comes back after the
    /// visibility timeout and, after host.json's maxDequeueCount (5) tries, moves to email-outbox-poison.
    /// A provider's permanent refusal parks the email in the poison queue at once, with the reason;
    /// a refusal with Retry-After puts it back to wait that long (at most <see cref="EmailOutbox.MaxDeferrals"/> times).
    /// </summary>
    [Function(nameof(SendEmail))]
    public async Task SendEmail(
        [QueueTrigger(StorageNames.EmailQueue, Connection = StorageNames.Connection)] string message,
        CancellationToken ct)
    {
        var email = StoredJson.Deserialize<EmailMessage>(message)
            ?? throw new InvalidOperationException("An empty outbox message.");
        try
        {
            await sender.SendAsync(email, ct);
        }
        catch (EmailDeliveryException e) when (e.Permanent)
        {
            log.LogError("{Template} email {Id} refused for good, parked in the poison queue: {Reason}", email.Template, email.Id, e.Message);
            await outbox.ParkAsync(email, e.Message, ct);
            return;
        }
        catch (EmailDeliveryException e) when (e.RetryAfter is { } wait)
        {
            if (email.Deferrals + 1 >= EmailOutbox.MaxDeferrals)
            {
                log.LogError("{Template} email {Id} still throttled after {Count} waits, parked in the poison queue: {Reason}", email.Template, email.Id, email.Deferrals + 1, e.Message);
                await outbox.ParkAsync(email, $"Gave up after {email.Deferrals + 1} tries: {e.Message}", ct);
                return;
            }
            log.LogWarning("{Template} email {Id} deferred for {Wait} as the provider asked: {Reason}", email.Template, email.Id, wait, e.Message);
            await outbox.DeferAsync(email, wait, ct);
            return;
        }
        log.LogInformation("Sent {Template} email", email.Template);
    }
}
