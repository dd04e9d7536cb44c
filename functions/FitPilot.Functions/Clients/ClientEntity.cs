using Azure;
using Azure.Data.Tables;
using FitPilot.Contracts.Clients;
using FitPilot.Functions.Common;

namespace FitPilot.Functions.Clients;

/// <summary>A client's profile: table <c>clients</c>, PartitionKey = their PT's id (the tenant), RowKey = client id.</summary>
public sealed class ClientEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string Name { get; set; } = "";
    public string Email { get; set; } = "";
    public string Status { get; set; } = ClientStatuses.Invited;
    public int? Age { get; set; }
    public double? HeightCm { get; set; }
    public double? StartingWeightKg { get; set; }
    public double? CurrentWeightKg { get; set; }
    public double? BodyFatPercentage { get; set; }
    public string? PhoneNumber { get; set; }
    public string? ProfilePictureUrl { get; set; }
    public DateTimeOffset? InvitedAt { get; set; }
    public DateTimeOffset? InvitationExpiresAt { get; set; }
    /// <summary>Hash of the pending invitation token, so re-invite and revoke can retire it.</summary>
    public string? InvitationTokenHash { get; set; }
    public DateTimeOffset? JoinedAt { get; set; }
    /// <summary>IANA time zone (null on rows from before time zones: UTC).</summary>
    public string? TimeZone { get; set; }
    /// <summary>"kg" or "lb" for showing weights (null: kg).</summary>
    public string? WeightUnit { get; set; }
    /// <summary>"cm" or "in" for showing lengths (null: cm).</summary>
    public string? LengthUnit { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public string TrainerId => PartitionKey;
    public string Id => RowKey;

    public ClientProfile ToProfile() => new(
        Id, TrainerId, Name, Email, Status, Age, HeightCm, StartingWeightKg, CurrentWeightKg, BodyFatPercentage,
        PhoneNumber, ProfilePictureUrl, InvitedAt, InvitationExpiresAt, JoinedAt, CreatedAt, UpdatedAt, TimeZone ?? UserTime.DefaultZone, WeightUnit ?? Contracts.Common.WeightUnits.Kg,
        LengthUnit ?? Contracts.Progress.LengthUnits.Cm);

    public void Apply(UpdateClientRequest update, DateTimeOffset now)
    {
        Name = update.Name.Trim();
        Age = update.Age;
        HeightCm = update.HeightCm;
        StartingWeightKg = update.StartingWeightKg;
        CurrentWeightKg = update.CurrentWeightKg;
        BodyFatPercentage = update.BodyFatPercentage;
        PhoneNumber = update.PhoneNumber;
        UpdatedAt = now;
    }
}
