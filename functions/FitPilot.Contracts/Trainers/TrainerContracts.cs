using System.ComponentModel.DataAnnotations;
using FitPilot.Contracts.Common;

namespace FitPilot.Contracts.Trainers;

public static class SubscriptionTiers
{
    public const string Solo = "Solo";
    public const string Studio = "Studio";
    public const string Enterprise = "Enterprise";
}

public static class SubscriptionStatuses
{
    /// <summary>On the free trial (Stripe's name for it). Rows written before this name read "trial" and are read as this.</summary>
    public const string Trial = "trialing";
    public const string LegacyTrial = "trial";
    public const string Active = "active";
    public const string PastDue = "past_due";
    public const string Canceled = "canceled";
    public const string Expired = "expired";
    /// <summary>Stripe paused the subscription (no payment method when its own trial ended).</summary>
    public const string Paused = "paused";
}

public sealed record TrainerProfile(
    string Id, string Name, string Email,
    string? Bio, string? Specializations, string? Certifications, string? PhoneNumber,
    string? ProfilePictureUrl, string? BusinessName, string? Location, int? YearsExperience,
    string SubscriptionTier, string SubscriptionStatus, DateTimeOffset TrialStartDate, int TrialDaysRemaining,
    DateTimeOffset? SubscriptionExpiresAt, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, string TimeZone = "UTC", string WeightUnit = "kg", string LengthUnit = "cm");

/// <summary>What a client sees of their PT.</summary>
public sealed record CoachSummary(string Id, string Name, string? BusinessName, string? Bio, string? Location, string? ProfilePictureUrl);

/// <summary>The PT dashboard's figures.</summary>
public sealed record TrainerDashboard(int Clients, int ActiveClients, int InvitedClients, int TrialDaysRemaining, string SubscriptionStatus, string SubscriptionTier);

public sealed record UpdateTrainerProfileRequest
{
    [Required, StringLength(100, MinimumLength = 1)] public required string Name { get; init; }
    [StringLength(2000), MultiLine] public string? Bio { get; init; }
    [StringLength(500), MultiLine] public string? Specializations { get; init; }
    [StringLength(500), MultiLine] public string? Certifications { get; init; }
    [Phone, StringLength(30)] public string? PhoneNumber { get; init; }
    [StringLength(120)] public string? BusinessName { get; init; }
    [StringLength(120)] public string? Location { get; init; }
    [Range(0, 70)] public int? YearsExperience { get; init; }
}
