using Azure;
using Azure.Data.Tables;
using FitPilot.Contracts.Trainers;
using FitPilot.Functions.Common;

namespace FitPilot.Functions.Trainers;

/// <summary>
/// A PT's profile and subscription: table <c>trainers</c>, PartitionKey = trainer id (the tenant).
/// The subscription fields are a mirror of Billing's own record (table <c>billing</c>), written only
/// through <see cref="TrainerStore.MirrorSubscriptionAsync"/>, so everything else (the 402 rule, /me, the
/// dashboard) reads the PT's state from the one row it already reads.
/// </summary>
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
    public string SubscriptionStatus
    {
        get => _subscriptionStatus;
        set => _subscriptionStatus = value == SubscriptionStatuses.LegacyTrial ? SubscriptionStatuses.Trial : value;
    }
    private string _subscriptionStatus = SubscriptionStatuses.Trial;
    public DateTimeOffset TrialStartDate { get; set; }
    public DateTimeOffset? SubscriptionExpiresAt { get; set; }
    public string? StripeCustomerId { get; set; }
    public string? StripeSubscriptionId { get; set; }
    /// <summary>"month" or "year" while subscribed.</summary>
    public string? BillingInterval { get; set; }
    public bool CancelAtPeriodEnd { get; set; }
    /// <summary>When the first unpaid invoice failed (past_due); writes stop after the grace period.</summary>
    public DateTimeOffset? PastDueSince { get; set; }
    /// <summary>Billing's version of the state mirrored here: an older mirror never overwrites a newer one.</summary>
    public long BillingVersion { get; set; }
    /// <summary>When the "trial ends in 3 days" / "in 1 day" emails were claimed (each is sent once).</summary>
    public DateTimeOffset? TrialNotice3SentAt { get; set; }
    public DateTimeOffset? TrialNotice1SentAt { get; set; }
    /// <summary>The timer run that last claimed a trial notice (unique per run, so two runs never both win one claim).</summary>
    public string? TrialNoticeRun { get; set; }
    /// <summary>IANA time zone (null on rows from before time zones: UTC).</summary>
    public string? TimeZone { get; set; }
    /// <summary>"kg" or "lb" for showing weights (null: kg).</summary>
    public string? WeightUnit { get; set; }
    /// <summary>"cm" or "in" for showing lengths (null: cm).</summary>
    public string? LengthUnit { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public string Id => PartitionKey;

    public int TrialDaysRemaining(DateTimeOffset now, int trialDays) => Trial.DaysRemaining(SubscriptionStatus, TrialStartDate, now, trialDays);

    public DateTimeOffset TrialEndsAt(int trialDays) => TrialStartDate.AddDays(trialDays);

    public CoachSummary ToCoachSummary() => new(Id, Name, BusinessName, Bio, Location, ProfilePictureUrl);

    public TrainerProfile ToProfile(DateTimeOffset now, int trialDays) => new(
        Id, Name, Email, Bio, Specializations, Certifications, PhoneNumber, ProfilePictureUrl, BusinessName,
        Location, YearsExperience, SubscriptionTier, SubscriptionStatus, TrialStartDate,
        TrialDaysRemaining(now, trialDays), SubscriptionExpiresAt, CreatedAt, UpdatedAt, TimeZone ?? UserTime.DefaultZone, WeightUnit ?? Contracts.Common.WeightUnits.Kg,
        LengthUnit ?? Contracts.Progress.LengthUnits.Cm);

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
