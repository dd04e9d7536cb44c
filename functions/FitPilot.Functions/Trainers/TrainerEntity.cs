using Azure;
using Azure.Data.Tables;
using FitPilot.Contracts.Trainers;

namespace FitPilot.Functions.Trainers;

/// <summary>A PT's profile and subscription: table <c>trainers</c>, PartitionKey = trainer id (the tenant).</summary>
public sealed class TrainerEntity : ITableEntity
{
    public const string Row = "profile";

    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = Row;
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string Name { get; set; } = "";
    public string Email { get; set; } = "";
    public string? Bio { get; set; }
    public string? Specializations { get; set; }
    public string? Certifications { get; set; }
    public string? PhoneNumber { get; set; }
    public string? ProfilePictureUrl { get; set; }
    public string? BusinessName { get; set; }
    public string? Location { get; set; }
    public int? YearsExperience { get; set; }

    public string SubscriptionTier { get; set; } = SubscriptionTiers.Solo;
    public string SubscriptionStatus { get; set; } = SubscriptionStatuses.Trial;
    public DateTimeOffset TrialStartDate { get; set; }
    public DateTimeOffset? SubscriptionExpiresAt { get; set; }
    public string? StripeCustomerId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public string Id => PartitionKey;

    /// <summary>Whole days of trial left, counted down from the trial's start (never below 0).</summary>
    public int TrialDaysRemaining(DateTimeOffset now, int trialDays)
    {
        if (SubscriptionStatus != SubscriptionStatuses.Trial) return 0;
        var left = TrialStartDate.AddDays(trialDays) - now;
        return left <= TimeSpan.Zero ? 0 : (int)Math.Ceiling(left.TotalDays);
    }

    public CoachSummary ToCoachSummary() => new(Id, Name, BusinessName, Bio, Location, ProfilePictureUrl);

    public TrainerProfile ToProfile(DateTimeOffset now, int trialDays) => new(
        Id, Name, Email, Bio, Specializations, Certifications, PhoneNumber, ProfilePictureUrl, BusinessName,
        Location, YearsExperience, SubscriptionTier, SubscriptionStatus, TrialStartDate,
        TrialDaysRemaining(now, trialDays), SubscriptionExpiresAt, CreatedAt, UpdatedAt);
}
