using System.ComponentModel.DataAnnotations;
using FitPilot.Contracts.Common;

namespace FitPilot.Contracts.Clients;

public static class ClientStatuses
{
    public const string Invited = "invited";
    public const string Active = "active";
}

public sealed record ClientProfile(
    string Id, string TrainerId, string Name, string Email, string Status,
    int? Age, double? HeightCm, double? StartingWeightKg, double? CurrentWeightKg, double? BodyFatPercentage,
    string? PhoneNumber, string? ProfilePictureUrl,
    DateTimeOffset? InvitedAt, DateTimeOffset? InvitationExpiresAt, DateTimeOffset? JoinedAt,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, string TimeZone = "UTC", string WeightUnit = "kg");

public sealed record InviteClientRequest
{
    [Required, StringLength(100, MinimumLength = 1)] public required string Name { get; set; }
    [Required, Email, StringLength(EmailAddresses.MaxLength)] public required string Email { get; set; }
}

/// <summary>Profile fields a PT (for their client) or the client (for themself) can change.</summary>
public sealed record UpdateClientRequest
{
    [Required, StringLength(100, MinimumLength = 1)] public required string Name { get; set; }
    [Range(10, 120)] public int? Age { get; set; }
    [Range(50.0, 260.0)] public double? HeightCm { get; set; }
    [Range(20.0, 400.0)] public double? StartingWeightKg { get; set; }
    [Range(20.0, 400.0)] public double? CurrentWeightKg { get; set; }
    [Range(2.0, 70.0)] public double? BodyFatPercentage { get; set; }
    [Phone, StringLength(30)] public string? PhoneNumber { get; set; }
}
