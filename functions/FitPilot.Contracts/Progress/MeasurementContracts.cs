using System.ComponentModel.DataAnnotations;

namespace FitPilot.Contracts.Progress;

/// <summary>How lengths are shown and typed (always stored in cm): "cm" or "in".</summary>
public static class LengthUnits
{
    public const string Cm = "cm";
    public const string In = "in";
    public const double CmPerInch = 2.54;
}

/// <summary>Who entered a measurement or a metric value.</summary>
public static class EnteredBy
{
    public const string Client = "client";
    public const string Trainer = "trainer";
}

/// <summary>
/// Record (or replace) one measurement. <see cref="Id"/> is made by the device, so a retried save is stored once.
/// Every value is metric (kg, %, cm, mm) whatever the user's display units; blank means "not measured".
/// </summary>
public sealed record SaveMeasurementRequest
{
    [Required, RegularExpression("^[A-Za-z0-9-]{8,40}$", ErrorMessage = "Use a GUID made on the device.")] public required string Id { get; init; }
    /// <summary>The client's local date of the measurement (not in the future).</summary>
    [Required] public required DateOnly MeasuredOn { get; init; }
    [Range(20.0, 400.0, ErrorMessage = "Enter a weight between 20 and 400 kg.")] public double? WeightKg { get; init; }
    [Range(2.0, 70.0, ErrorMessage = "Enter a body fat between 2 and 70 %.")] public double? BodyFatPercent { get; init; }
    [Range(10.0, 100.0, ErrorMessage = "Enter an arm between 10 and 100 cm.")] public double? ArmCm { get; init; }
    [Range(40.0, 250.0, ErrorMessage = "Enter a chest between 40 and 250 cm.")] public double? ChestCm { get; init; }
    [Range(40.0, 250.0, ErrorMessage = "Enter a waist between 40 and 250 cm.")] public double? WaistCm { get; init; }
    [Range(40.0, 250.0, ErrorMessage = "Enter hips between 40 and 250 cm.")] public double? HipsCm { get; init; }
    [Range(20.0, 150.0, ErrorMessage = "Enter a thigh between 20 and 150 cm.")] public double? ThighCm { get; init; }
    [Range(15.0, 100.0, ErrorMessage = "Enter a calf between 15 and 100 cm.")] public double? CalfCm { get; init; }
    /// <summary>Skinfolds in mm by site (<see cref="SkinfoldSites"/>), each 1–80 mm.</summary>
    public IReadOnlyDictionary<string, double>? SkinfoldsMm { get; init; }
    [StringLength(500), Common.MultiLine] public string? Notes { get; init; }
}

/// <summary>The named skinfold sites (Jackson–Pollock and ISAK).</summary>
public static class SkinfoldSites
{
    public static readonly IReadOnlyList<string> All =
        ["chest", "abdominal", "thigh", "triceps", "subscapular", "suprailiac", "midaxillary", "biceps", "calf"];
    public const double MinMm = 1, MaxMm = 80;
}

public sealed record Measurement(string Id, DateOnly MeasuredOn, double? WeightKg, double? BodyFatPercent,
    double? ArmCm, double? ChestCm, double? WaistCm, double? HipsCm, double? ThighCm, double? CalfCm,
    IReadOnlyDictionary<string, double> SkinfoldsMm, string? Notes, string EnteredBy, string EnteredByName, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

/// <summary>Whether a rise of a metric is progress ("higher") or a setback ("lower").</summary>
public static class MetricDirections
{
    public const string Higher = "higher";
    public const string Lower = "lower";
}

/// <summary>A PT-defined metric for one client, e.g. resting heart rate (bpm, lower is better).</summary>
public sealed record SaveMetricRequest
{
    [Required, StringLength(60, MinimumLength = 1)] public required string Name { get; init; }
    [Required, StringLength(20, MinimumLength = 1)] public required string Unit { get; init; }
    [Required, AllowedValues(MetricDirections.Higher, MetricDirections.Lower, ErrorMessage = "Choose higher or lower.")] public required string Direction { get; init; }
    /// <summary>Values outside [Min, Max] are refused; both optional.</summary>
    public double? Min { get; init; }
    public double? Max { get; init; }
}

public sealed record Metric(string Id, string Name, string Unit, string Direction, double? Min, double? Max, DateTimeOffset CreatedAt);

/// <summary>Log (or replace) the value of a custom metric for a date. <see cref="Id"/> is made by the device.</summary>
public sealed record LogMetricValueRequest
{
    [Required, RegularExpression("^[A-Za-z0-9-]{8,40}$", ErrorMessage = "Use a GUID made on the device.")] public required string Id { get; init; }
    [Required] public required DateOnly MeasuredOn { get; init; }
    [Range(-1_000_000.0, 1_000_000.0)] public double Value { get; init; }
}

public sealed record MetricValue(string Id, string MetricId, DateOnly MeasuredOn, double Value, string EnteredBy, DateTimeOffset CreatedAt);

/// <summary>A client's measurements (newest first) and custom metrics with their values (oldest first), for charts and the compare view.</summary>
public sealed record ProgressData(IReadOnlyList<Measurement> Measurements, IReadOnlyList<MetricSeries> Metrics, string WeightUnit, string LengthUnit);

public sealed record MetricSeries(Metric Metric, IReadOnlyList<MetricValue> Values);
