using FitPilot.Contracts.Progress;
using FitPilot.Web.Units;

namespace FitPilot.Web.Forms;

// Progress: a measurement (typed in the user's units, sent metric) and a PT's custom metric.

/// <summary>
/// A measurement as typed: weight in <see cref="WeightUnit"/>, lengths in <see cref="LengthUnit"/>, converted to kg and cm
/// only in <see cref="ToContract"/>. The properties keep the contract's names, so the API's field errors ("weightKg")
/// land on the right inputs.
/// </summary>
public sealed class MeasurementForm : FormModel<SaveMeasurementRequest>
{
    public MeasurementForm(string weightUnit, string lengthUnit, DateOnly today) =>
        (WeightUnit, LengthUnit, MeasuredOn) = (weightUnit, Lengths.UnitOf(lengthUnit), today);

    internal string WeightUnit { get; }
    internal string LengthUnit { get; }

    /// <summary>Made on the device once per entry, so a retried save is stored once.</summary>
    public string Id { get; set; } = Guid.NewGuid().ToString();
    public DateOnly MeasuredOn { get; set; }
    public double? WeightKg { get; set; }
    public double? BodyFatPercent { get; set; }
    public double? ArmCm { get; set; }
    public double? ChestCm { get; set; }
    public double? WaistCm { get; set; }
    public double? HipsCm { get; set; }
    public double? ThighCm { get; set; }
    public double? CalfCm { get; set; }
    /// <summary>Skinfolds in mm by site (<see cref="SkinfoldSites.All"/>); blank ones are left out.</summary>
    public Dictionary<string, double?> SkinfoldsMm { get; set; } = SkinfoldSites.All.ToDictionary(s => s, _ => (double?)null);
    public string? Notes { get; set; }

    public bool HasNoValues() => WeightKg is null && BodyFatPercent is null && ArmCm is null && ChestCm is null && WaistCm is null
        && HipsCm is null && ThighCm is null && CalfCm is null && SkinfoldsMm.Values.All(v => v is null);

    private double? Cm(double? value) => value is { } v ? Lengths.ToCm(v, LengthUnit) : null;

    public override SaveMeasurementRequest ToContract() => new()
    {
        Id = Id, MeasuredOn = MeasuredOn,
        WeightKg = WeightKg is { } w ? Weights.ToKg(w, WeightUnit) : null,
        BodyFatPercent = BodyFatPercent,
        ArmCm = Cm(ArmCm), ChestCm = Cm(ChestCm), WaistCm = Cm(WaistCm), HipsCm = Cm(HipsCm), ThighCm = Cm(ThighCm), CalfCm = Cm(CalfCm),
        SkinfoldsMm = SkinfoldsMm.Any(s => s.Value is not null) ? SkinfoldsMm.Where(s => s.Value is not null).ToDictionary(s => s.Key, s => s.Value!.Value) : null,
        Notes = string.IsNullOrWhiteSpace(Notes) ? null : Notes.Trim(),
    };

    /// <summary>A fresh entry for the next measurement: a new id, the same date.</summary>
    public MeasurementForm Next() => new(WeightUnit, LengthUnit, MeasuredOn);
}

public sealed class MetricForm : FormModel<SaveMetricRequest>
{
    public string Name { get; set; } = "";
    public string Unit { get; set; } = "";
    public string Direction { get; set; } = MetricDirections.Higher;
    public double? Min { get; set; }
    public double? Max { get; set; }

    public static MetricForm From(Metric m) => new() { Name = m.Name, Unit = m.Unit, Direction = m.Direction, Min = m.Min, Max = m.Max };

    public override SaveMetricRequest ToContract() => new() { Name = Name.Trim(), Unit = Unit.Trim(), Direction = Direction, Min = Min, Max = Max };
}
