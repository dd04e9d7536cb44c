using System.Globalization;
using System.Runtime.Serialization;
using Azure;
using Azure.Data.Tables;
using FitPilot.Contracts.Progress;
using FitPilot.Functions.Storage;

namespace FitPilot.Functions.Measurements;

/// <summary>
/// A client's progress numbers, all in table <c>measurements</c> under PartitionKey = client id, so the
/// progress page is one query: <c>m|{measurementId}</c> body measurements (the id is the device's, so a
/// retried save is one row), <c>def|{metricId}</c> the PT's custom metrics, <c>val|{metricId}|{yyyy-MM-dd}</c>
/// one value per metric per date (logging the same date again replaces it).
/// </summary>
public static class MeasurementRows
{
    public const string Measurement = "m|";
    public const string Metric = "def|";
    public const string Value = "val|";

    public static string MeasurementKey(string id) => Measurement + id;
    public static string MetricKey(string metricId) => Metric + metricId;
    public static string ValuesOf(string metricId) => $"{Value}{metricId}|";
    public static string ValueKey(string metricId, DateOnly date) => ValuesOf(metricId) + Iso(date);

    /// <summary>Every row key that starts with <paramref name="prefix"/>: a range filter ('|' sorts before '}', which ends it).</summary>
    public static string Range(string prefix) =>
        TableClient.CreateQueryFilter($"RowKey ge {prefix} and RowKey lt {prefix[..^1] + "}"}");

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    public static DateOnly Date(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>One body measurement (<see cref="MeasurementRows.MeasurementKey"/>); every value metric (kg, %, cm, mm).</summary>
public sealed class MeasurementEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }
    /// <summary>yyyy-MM-dd, the client's local date.</summary>
    public string MeasuredOn { get; set; } = "";
    public double? WeightKg { get; set; }
    public double? BodyFatPercent { get; set; }
    public double? ArmCm { get; set; }
    public double? ChestCm { get; set; }
    public double? WaistCm { get; set; }
    public double? HipsCm { get; set; }
    public double? ThighCm { get; set; }
    public double? CalfCm { get; set; }
    /// <summary>Site → mm, JSON (sites from <see cref="SkinfoldSites.All"/>).</summary>
    public string SkinfoldsJson { get; set; } = "{}";
    public string? Notes { get; set; }
    public string EnteredBy { get; set; } = Contracts.Progress.EnteredBy.Client;
    public string EnteredByName { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    [IgnoreDataMember] public string Id => RowKey[MeasurementRows.Measurement.Length..];

    public Dictionary<string, double> Skinfolds() => StoredJson.Deserialize<Dictionary<string, double>>(SkinfoldsJson);

    public Measurement ToDto() => new(Id, MeasurementRows.Date(MeasuredOn), WeightKg, BodyFatPercent, ArmCm, ChestCm, WaistCm, HipsCm, ThighCm, CalfCm,
        Skinfolds(), Notes, EnteredBy, EnteredByName, CreatedAt, UpdatedAt);

    public static MeasurementEntity From(string clientId, SaveMeasurementRequest request, string enteredBy, string enteredByName, DateTimeOffset createdAt, DateTimeOffset now) => new()
    {
        PartitionKey = clientId, RowKey = MeasurementRows.MeasurementKey(request.Id), MeasuredOn = MeasurementRows.Iso(request.MeasuredOn),
        WeightKg = request.WeightKg, BodyFatPercent = request.BodyFatPercent, ArmCm = request.ArmCm, ChestCm = request.ChestCm,
        WaistCm = request.WaistCm, HipsCm = request.HipsCm, ThighCm = request.ThighCm, CalfCm = request.CalfCm,
        SkinfoldsJson = StoredJson.Serialize(MeasurementRules.Skinfolds(request.SkinfoldsMm)),
        Notes = string.IsNullOrWhiteSpace(request.Notes) ? null : request.Notes.Trim(),
        EnteredBy = enteredBy, EnteredByName = enteredByName, CreatedAt = createdAt, UpdatedAt = now,
    };
}

/// <summary>A PT-defined metric for one client (<see cref="MeasurementRows.MetricKey"/>).</summary>
public sealed class MetricEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }
    public string Name { get; set; } = "";
    public string Unit { get; set; } = "";
    public string Direction { get; set; } = MetricDirections.Higher;
    public double? Min { get; set; }
    public double? Max { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    [IgnoreDataMember] public string Id => RowKey[MeasurementRows.Metric.Length..];

    public Metric ToDto() => new(Id, Name, Unit, Direction, Min, Max, CreatedAt);
}

/// <summary>A custom metric's value on one date (<see cref="MeasurementRows.ValueKey"/>); <see cref="Id"/> is the device's.</summary>
public sealed class MetricValueEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }
    public string Id { get; set; } = "";
    public string MetricId { get; set; } = "";
    public string MeasuredOn { get; set; } = "";
    public double Value { get; set; }
    public string EnteredBy { get; set; } = Contracts.Progress.EnteredBy.Client;
    public DateTimeOffset CreatedAt { get; set; }

    public MetricValue ToDto() => new(Id, MetricId, MeasurementRows.Date(MeasuredOn), Value, EnteredBy, CreatedAt);
}
