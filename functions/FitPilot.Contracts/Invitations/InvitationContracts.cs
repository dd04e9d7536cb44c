using System.ComponentModel.DataAnnotations;
using FitPilot.Contracts.Common;

namespace FitPilot.Contracts.Invitations;

/// <summary>What the accept-invitation page shows before the client picks a password.</summary>
public sealed record InvitationPreview(string TrainerName, string? BusinessName, string ClientName, string Email, DateTimeOffset ExpiresAt);

public sealed record AcceptInvitationRequest
{
    [Required, StringLength(200)] public required string Token { get; init; }
    [Required, Password] public required string Password { get; init; }
    /// <summary>The client's IANA time zone, from the browser; UTC when absent.</summary>
    [TimeZone] public string? TimeZone { get; init; }
}
