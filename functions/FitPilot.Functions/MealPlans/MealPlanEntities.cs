using System.Globalization;
using System.Runtime.Serialization;
using Azure;
using Azure.Data.Tables;
using FitPilot.Contracts.Nutrition;
using FitPilot.Functions.Common;
using FitPilot.Functions.Storage;

namespace FitPilot.Functions.MealPlans;

/// <summary>
/// A meal plan or template, read and written as one document: table <c>mealplans</c>, PartitionKey = the PT
/// (tenant), RowKey = plan id. The content (<see cref="StoredMealPlan"/>, version <see cref="DocVersion"/>) is JSON
/// split into chunks of at most <see cref="ChunkChars"/> characters (a table property holds 32K characters) over
/// <c>Doc0</c>…<c>Doc13</c>; 14 full chunks stay under the 1 MiB entity limit, and a bigger plan is refused.
/// <see cref="FirstDay"/>/<see cref="LastDay"/> are ISO dates ("0001-01-01"/"9999-12-31" when open), so the client's
/// day finds the plan covering a date with one filtered query of the PT's partition.
/// </summary>
public sealed class MealPlanEntity : ITableEntity
{
    public const int ChunkChars = 32_000;
    public const int MaxChunks = 14;
    public const string OpenStart = "0001-01-01";
    public const string OpenEnd = "9999-12-31";

    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string Name { get; set; } = "";
    public string? ClientId { get; set; }
    public bool IsTemplate { get; set; }
    public string Status { get; set; } = MealPlanStatuses.Active;
    public string FirstDay { get; set; } = OpenStart;
    public string LastDay { get; set; } = OpenEnd;
    public string Rotation { get; set; } = MealPlanRotations.Single;
    public string? Notes { get; set; }
    /// <summary>For the list, without reading the document: the week's kcal / 7.</summary>
    public double AverageDayKcal { get; set; }
    public int DocVersion { get; set; } = StoredMealPlan.Version;
    public string? Doc0 { get; set; }
    public string? Doc1 { get; set; }
    public string? Doc2 { get; set; }
    public string? Doc3 { get; set; }
    public string? Doc4 { get; set; }
    public string? Doc5 { get; set; }
    public string? Doc6 { get; set; }
    public string? Doc7 { get; set; }
    public string? Doc8 { get; set; }
    public string? Doc9 { get; set; }
    public string? Doc10 { get; set; }
    public string? Doc11 { get; set; }
    public string? Doc12 { get; set; }
    public string? Doc13 { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public string Id => RowKey;
    public string TrainerId => PartitionKey;

    [IgnoreDataMember]
    public DateOnly? StartDate
    {
        get => FirstDay == OpenStart ? null : Iso.Parse(FirstDay);
        set => FirstDay = value is { } d ? Iso.Format(d) : OpenStart;
    }

    [IgnoreDataMember]
    public DateOnly? EndDate
    {
        get => LastDay == OpenEnd ? null : Iso.Parse(LastDay);
        set => LastDay = value is { } d ? Iso.Format(d) : OpenEnd;
    }

    [IgnoreDataMember]
    public StoredMealPlan Content
    {
        get
        {
            var json = string.Concat(Chunks());
            if (json.Length == 0) return StoredMealPlan.Empty;
            return DocVersion <= StoredMealPlan.Version
                ? StoredJson.Deserialize<StoredMealPlan>(json)
                : throw new InvalidOperationException($"Meal plan {Id} is of version {DocVersion}, newer than this app knows.");
        }
        set
        {
            var json = StoredJson.Serialize(value);
            if (json.Length > ChunkChars * MaxChunks)
                throw DomainException.Invalid("days", "This plan is too large to save: remove some items, alternatives or notes.");
            var chunks = Enumerable.Range(0, MaxChunks)
                .Select(i => i * ChunkChars < json.Length ? json.Substring(i * ChunkChars, Math.Min(ChunkChars, json.Length - i * ChunkChars)) : null).ToArray();
            (Doc0, Doc1, Doc2, Doc3, Doc4, Doc5, Doc6) = (chunks[0], chunks[1], chunks[2], chunks[3], chunks[4], chunks[5], chunks[6]);
            (Doc7, Doc8, Doc9, Doc10, Doc11, Doc12, Doc13) = (chunks[7], chunks[8], chunks[9], chunks[10], chunks[11], chunks[12], chunks[13]);
            DocVersion = StoredMealPlan.Version;
        }
    }

    private IEnumerable<string> Chunks() =>
        new[] { Doc0, Doc1, Doc2, Doc3, Doc4, Doc5, Doc6, Doc7, Doc8, Doc9, Doc10, Doc11, Doc12, Doc13 }.TakeWhile(c => c is not null)!;

    /// <summary>Whether the plan's days run on a date (an ended plan's last day is the day before it was ended).</summary>
    public bool Covers(DateOnly date) => !IsTemplate && MealPlanRules.Covers(StartDate, EndDate, date);
}

/// <summary>
/// One day of a client's eating: table <c>mealdays</c>, PartitionKey = the client, RowKey = the date (yyyy-MM-dd).
/// The meals ticked eaten and the items swapped, for the plan <see cref="PlanId"/> (a row left from another plan counts as empty).
/// </summary>
public sealed class MealDayEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string PlanId { get; set; } = "";
    /// <summary>'|'-joined meal ids ticked eaten.</summary>
    public string Eaten { get; set; } = "";
    /// <summary>JSON object: item id → the alternative's food id (version 1).</summary>
    public string Swaps { get; set; } = "{}";
    public DateTimeOffset UpdatedAt { get; set; }

    [IgnoreDataMember]
    public IReadOnlySet<string> EatenMealIds
    {
        get => Eaten.Split('|', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
        set => Eaten = string.Join('|', value.Order(StringComparer.Ordinal));
    }

    [IgnoreDataMember]
    public IReadOnlyDictionary<string, string> SwappedItems
    {
        get => StoredJson.Deserialize<Dictionary<string, string>>(Swaps.Length == 0 ? "{}" : Swaps);
        set => Swaps = StoredJson.Serialize(value.OrderBy(kv => kv.Key, StringComparer.Ordinal).ToDictionary());
    }
}

internal static class Iso
{
    public static string Format(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    public static DateOnly Parse(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
