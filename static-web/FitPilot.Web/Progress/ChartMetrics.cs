using FitPilot.Contracts.Progress;
using FitPilot.Web.Units;

namespace FitPilot.Web.Progress;

/// <summary>
/// Something the progress charts can draw: a body measurement or a PT's custom metric, its values in the unit shown
/// (the viewer's kg/lb and cm/in), and which way is progress (null: neither, e.g. weight, whose goal the app does not know).
/// </summary>
public sealed record ChartMetric(string Key, string Label, string Unit, string? Direction, IReadOnlyList<DatedValue> Values)
{
    /// <summary>Weight shows a 7-day moving average next to the raw points.</summary>
    public bool Averaged => Key == "weight";

    /// <summary>Every metric of a client, in the picker's order: weight, body fat, the circumferences, then the custom metrics.</summary>
    public static IReadOnlyList<ChartMetric> All(ProgressData data)
    {
        var weightUnit = data.WeightUnit == "lb" ? "lb" : "kg";
        var lengthUnit = Lengths.UnitOf(data.LengthUnit);
        ChartMetric Body(string key, string label, string unit, string? direction, Func<Measurement, double?> value, Func<double, double> convert) =>
            new(key, label, unit, direction, data.Measurements.Where(m => value(m) is not null)
                .Select(m => new DatedValue(m.MeasuredOn, convert(value(m)!.Value))).OrderBy(v => v.Date).ToList());
        ChartMetric Length(string key, string label, Func<Measurement, double?> value) =>
            Body(key, label, lengthUnit, null, value, cm => Lengths.ToUnit(cm, lengthUnit));

        var list = new List<ChartMetric>
        {
            Body("weight", "Weight", weightUnit, null, m => m.WeightKg, kg => Weights.ToUnit(kg, weightUnit)),
            Body("bodyfat", "Body fat", "%", MetricDirections.Lower, m => m.BodyFatPercent, p => Math.Round(p, 1)),
            Length("arm", "Arm", m => m.ArmCm),
            Length("chest", "Chest", m => m.ChestCm),
            Length("waist", "Waist", m => m.WaistCm),
            Length("hips", "Hips", m => m.HipsCm),
            Length("thigh", "Thigh", m => m.ThighCm),
            Length("calf", "Calf", m => m.CalfCm),
        };
        list.AddRange(data.Metrics.Select(s => new ChartMetric("m:" + s.Metric.Id, s.Metric.Name, s.Metric.Unit, s.Metric.Direction,
            s.Values.Select(v => new DatedValue(v.MeasuredOn, v.Value)).OrderBy(v => v.Date).ToList())));
        return list;
    }
}
