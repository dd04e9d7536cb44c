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
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, string TimeZone = "UTC", string WeightUnit = "kg", string LengthUnit = "cm");

public sealed record InviteClientRequest
{
    [Required, StringLength(100, MinimumLength = 1)] public required string Name { get; init; }
    [Required, Email, StringLength(EmailAddresses.MaxLength)] public required string Email { get; init; }
}

/// <summary>Profile fields a PT (for their client) or the client (for themself) can change.</summary>
public sealed record UpdateClientRequest
{
    [Required, StringLength(100, MinimumLength = 1)] public required string Name { get; init; }
    [Range(10, 120)] public int? Age { get; init; }
    [Range(50.0, 260.0)] public double? HeightCm { get; init; }
    [Range(20.0, 400.0)] public double? StartingWeightKg { get; init; }
    [Range(20.0, 400.0)] public double? CurrentWeightKg { get; init; }
    [Range(2.0, 70.0)] public double? BodyFatPercentage { get; init; }
    [Phone, StringLength(30)] public string? PhoneNumber { get; init; }
}
