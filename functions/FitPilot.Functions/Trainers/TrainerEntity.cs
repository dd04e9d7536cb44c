using Azure;
using Azure.Data.Tables;
using FitPilot.Contracts.Trainers;
using FitPilot.Functions.Common;

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
    /// <summary>IANA time zone (null on rows from before time zones: UTC).</summary>
    public string? TimeZone { get; set; }
    /// <summary>"kg" or "lb" for showing weights (null: kg).</summary>
    public string? WeightUnit { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public string Id => PartitionKey;

    public int TrialDaysRemaining(DateTimeOffset now, int trialDays) => Trial.DaysRemaining(SubscriptionStatus, TrialStartDate, now, trialDays);

    public CoachSummary ToCoachSummary() => new(Id, Name, BusinessName, Bio, Location, ProfilePictureUrl);

    public TrainerProfile ToProfile(DateTimeOffset now, int trialDays) => new(
        Id, Name, Email, Bio, Specializations, Certifications, PhoneNumber, ProfilePictureUrl, BusinessName,
        Location, YearsExperience, SubscriptionTier, SubscriptionStatus, TrialStartDate,
        TrialDaysRemaining(now, trialDays), SubscriptionExpiresAt, CreatedAt, UpdatedAt, TimeZone ?? UserTime.DefaultZone, WeightUnit ?? Contracts.Common.WeightUnits.Kg);

    public void Apply(UpdateTrainerProfileRequest update, DateTimeOffset now)
    {
        Name = update.Name.Trim();
        Bio = update.Bio;
        Specializations = update.Specializations;
        Certifications = update.Certifications;
        PhoneNumber = update.PhoneNumber;
        BusinessName = update.BusinessName;
        Location = update.Location;
        YearsExperience = update.YearsExperience;
        UpdatedAt = now;
    }
}
