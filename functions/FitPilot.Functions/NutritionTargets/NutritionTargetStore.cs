using System.Globalization;
using Azure;
using Azure.Data.Tables;
using FitPilot.Contracts.Nutrition;
using FitPilot.Functions.Storage;

namespace FitPilot.Functions.NutritionTargets;

/// <summary>
/// A client's targets: one row in table <c>nutritiontargets</c> (PartitionKey = client id, RowKey = "targets"):
/// the inputs as columns, the date they were calculated on (so the calculation is reproduced exactly from them),
/// the PT's overrides, the numbers in force, and a pending suggestion (a newer weight and its date).
/// </summary>
public sealed class NutritionTargetEntity : ITableEntity
{
    public const string Key = "targets";

    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = Key;
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }
    public string TrainerId { get; set; } = "";
    public string Sex { get; set; } = "";
    /// <summary>yyyy-MM-dd.</summary>
    public string DateOfBirth { get; set; } = "";
    public double HeightCm { get; set; }
    public double WeightKg { get; set; }
    public double? BodyFatPercent { get; set; }
    public string ActivityLevel { get; set; } = "";
    public string Goal { get; set; } = "";
    public double RateKgPerWeek { get; set; }
    public double ProteinGPerKg { get; set; }
    public double FatPercent { get; set; }
    /// <summary>yyyy-MM-dd, the client's date the calculation was made on (their age on it).</summary>
    public string CalculatedOn { get; set; } = "";
    public double? KcalOverride { get; set; }
    public double? ProteinGOverride { get; set; }
    public double? FatGOverride { get; set; }
    public double? CarbsGOverride { get; set; }
    public double Kcal { get; set; }
    public double ProteinG { get; set; }
    public double FatG { get; set; }
    public double CarbsG { get; set; }
    public double? SuggestedWeightKg { get; set; }
    /// <summary>yyyy-MM-dd, the client's date the weight came in.</summary>
    public string? SuggestedOn { get; set; }
    public DateTimeOffset? SuggestionCreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public TargetInputs Inputs() => new()
    {
        Sex = Sex, DateOfBirth = Date(DateOfBirth), HeightCm = HeightCm, WeightKg = WeightKg, BodyFatPercent = BodyFatPercent,
        ActivityLevel = ActivityLevel, Goal = Goal, RateKgPerWeek = RateKgPerWeek, ProteinGPerKg = ProteinGPerKg, FatPercent = FatPercent,
    };

    public void SetInputs(TargetInputs inputs)
    {
        (Sex, DateOfBirth, HeightCm, WeightKg, BodyFatPercent) = (inputs.Sex, Iso(inputs.DateOfBirth), inputs.HeightCm, inputs.WeightKg, inputs.BodyFatPercent);
        (ActivityLevel, Goal, RateKgPerWeek, ProteinGPerKg, FatPercent) = (inputs.ActivityLevel, inputs.Goal, inputs.RateKgPerWeek, inputs.ProteinGPerKg, inputs.FatPercent);
    }

    public void ClearSuggestion() => (SuggestedWeightKg, SuggestedOn, SuggestionCreatedAt) = (null, null, null);

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    public static DateOnly Date(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>The one owner of table <c>nutritiontargets</c>.</summary>
public sealed class NutritionTargetStore(StorageClients storage)
{
    private readonly TenantTable _table = new(storage.Table(StorageNames.NutritionTargetsTable));

    public Task<NutritionTargetEntity?> FindAsync(string clientId, CancellationToken ct) =>
        _table.FindAsync<NutritionTargetEntity>(clientId, NutritionTargetEntity.Key, ct);

    public Task UpsertAsync(NutritionTargetEntity row, CancellationToken ct) => _table.UpsertAsync(row, ct);

    public Task DeletePartitionAsync(string clientId, CancellationToken ct) => _table.DeletePartitionAsync(clientId, ct);
}
