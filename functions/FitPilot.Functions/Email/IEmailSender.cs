namespace FitPilot.Functions.Email;

/// <summary>Delivers one email to the provider; throws when it could not (the queue retries).</summary>
public interface IEmailSender
{
    Task SendAsync(EmailMessage message, CancellationToken ct);
}
