namespace FitPilot.Functions.Email;

/// <summary>A rendered email as it sits in the outbox queue.</summary>
public sealed record EmailMessage(string To, string? ToName, string Subject, string Html, string Text, string Template)
{
    /// <summary>Set by the outbox and kept across every retry: the provider's idempotency key (ACS <c>Operation-Id</c>).</summary>
    public Guid? Id { get; init; }

    /// <summary>How many times the outbox has put this email back to wait out the provider's <c>Retry-After</c>.</summary>
    public int Deferrals { get; init; }

    /// <summary>Files sent with the email (a booking's <c>.ics</c>); small, as the whole message travels in one queue message (64 KiB).</summary>
    public IReadOnlyList<EmailAttachment>? Attachments { get; init; }

    /// <summary>Why the email was parked in the poison queue without further tries (a permanent failure).</summary>
    public string? Failure { get; init; }
}

/// <summary>A file attached to an email: its name, media type and content in base64 (as ACS takes it).</summary>
public sealed record EmailAttachment(string Name, string ContentType, string ContentBase64)
{
    public static EmailAttachment Text(string name, string contentType, string text) =>
        new(name, contentType, Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(text)));
}
