using System.ComponentModel.DataAnnotations;
using FitPilot.Contracts.Common;

namespace FitPilot.Contracts.Auth;

public static class Roles
{
    public const string Trainer = "trainer";
    public const string Client = "client";
}

public sealed record RegisterTrainerRequest
{
    [Required, StringLength(100, MinimumLength = 1)] public required string Name { get; init; }
    [Required, Email, StringLength(EmailAddresses.MaxLength)] public required string Email { get; init; }
    [Required, Password] public required string Password { get; init; }
    [StringLength(120)] public string? BusinessName { get; init; }
    /// <summary>The PT's IANA time zone, from the browser at sign-up (e.g. "Australia/Sydney"); UTC when absent.</summary>
    [TimeZone] public string? TimeZone { get; init; }
}

public sealed record LoginRequest
{
    [Required, StringLength(254)] public required string Email { get; init; }
    [Required, StringLength(PasswordAttribute.MaxLength)] public required string Password { get; init; }
}

public sealed record ForgotPasswordRequest
{
    [Required, Email, StringLength(EmailAddresses.MaxLength)] public required string Email { get; init; }
}

public sealed record ResetPasswordRequest
{
    [Required, StringLength(200)] public required string Token { get; init; }
    [Required, Password] public required string NewPassword { get; init; }
}

public sealed record ChangePasswordRequest
{
    [Required, StringLength(PasswordAttribute.MaxLength)] public required string CurrentPassword { get; init; }
    [Required, Password] public required string NewPassword { get; init; }
}

/// <summary>A signed-in session. The web app gets the same token as an HttpOnly cookie and need not keep it.</summary>
public sealed record SessionResponse(string Token, DateTimeOffset ExpiresAt, MeResponse User);

/// <summary>
/// Who is signed in: exactly one of <see cref="Trainer"/> and <see cref="Client"/> is set, by
/// <see cref="Role"/>. A client also gets <see cref="Coach"/>, their PT's public details.
/// </summary>
public sealed record MeResponse(string Id, string Role, string Email, string Name,
    Trainers.TrainerProfile? Trainer, Clients.ClientProfile? Client, Trainers.CoachSummary? Coach = null)
{
    /// <summary>The user's IANA time zone: what "today" means for them.</summary>
    public string TimeZone => Trainer?.TimeZone ?? Client?.TimeZone ?? "UTC";

    /// <summary>How the user sees and types weights: "kg" or "lb" (stored in kg either way).</summary>
    public string WeightUnit => Trainer?.WeightUnit ?? Client?.WeightUnit ?? Common.WeightUnits.Kg;

    /// <summary>How the user sees and types lengths: "cm" or "in" (stored in cm either way).</summary>
    public string LengthUnit => Trainer?.LengthUnit ?? Client?.LengthUnit ?? Progress.LengthUnits.Cm;
}
