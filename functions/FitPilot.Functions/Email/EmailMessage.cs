namespace FitPilot.Functions.Email;

/// <summary>A rendered email as it sits in the outbox queue.</summary>
public sealed record EmailMessage(string To, string? ToName, string Subject, string Html, string Text, string Template);
