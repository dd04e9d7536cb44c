using FitPilot.Contracts.Progress;

namespace FitPilot.Functions.Measurements;

/// <summary>
/// The rules of measurements and custom metrics beyond what the contracts' annotations hold (the ranges
/// of weight, body fat and girths are there): the date is not in the client's future, skinfolds are named
/// sites within 1–80 mm, at least one value is measured, a metric's Min ≤ Max and its values within them.
/// Errors are keyed by the JSON field, as the contract validator keys them.
/// </summary>
public static class MeasurementRules
{
    /// <summary>Custom metrics one client may have.</summary>
    public const int MaxMetricsPerClient = 20;

    public const string FutureDate = "The date cannot be in the future.";
    public const string NothingMeasured = "Enter at least one value.";

    /// <summary>What is wrong with a measurement the contract accepted, for a client whose today is <paramref name="clientToday"/>; empty when nothing is.</summary>
    public static IReadOnlyDictionary<string, string[]> Validate(SaveMeasurementRequest request, DateOnly clientToday)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (request.MeasuredOn > clientToday) errors["measuredOn"] = [FutureDate];
        foreach (var (site, mm) in request.SkinfoldsMm ?? new Dictionary<string, double>())
        {
            var field = $"skinfoldsMm.{site}";
            if (!SkinfoldSites.All.Contains(site))
                errors[field] = [$"Unknown skinfold site; use one of {string.Join(", ", SkinfoldSites.All)}."];
            else if (!double.IsFinite(mm) || mm < SkinfoldSites.MinMm || mm > SkinfoldSites.MaxMm)
                errors[field] = [FormattableString.Invariant($"Enter a skinfold between {SkinfoldSites.MinMm:0} and {SkinfoldSites.MaxMm:0} mm.")];
        }
        if (request is { WeightKg: null, BodyFatPercent: null, ArmCm: null, ChestCm: null, WaistCm: null, HipsCm: null, ThighCm: null, CalfCm: null }
            && (request.SkinfoldsMm is null || request.SkinfoldsMm.Count == 0))
            errors["$"] = [NothingMeasured];
        return errors;
    }

    /// <summary>The skinfolds as stored: the known sites only, in the order of <see cref="SkinfoldSites.All"/>.</summary>
    public static Dictionary<string, double> Skinfolds(IReadOnlyDictionary<string, double>? skinfolds)
    {
        var stored = new Dictionary<string, double>(StringComparer.Ordinal);
        if (skinfolds is null) return stored;
        foreach (var site in SkinfoldSites.All)
            if (skinfolds.TryGetValue(site, out var mm)) stored[site] = mm;
        return stored;
    }

    /// <summary>The body numbers of a client's profile.</summary>
    public sealed record BodyNumbers(double? StartingWeightKg, double? CurrentWeightKg, double? BodyFatPercentage);

    /// <summary>
    /// The profile's numbers after a measurement was saved or <paramref name="removed"/>: the current weight is
    /// the one of the latest measurement (by date, then the latest saved that day) that has a weight, the body fat
    /// the latest measured body fat. With none left, a value the removed measurement had put there is cleared and
    /// any other (typed on the profile) stays. The first weight ever measured fills an empty starting weight.
    /// </summary>
    public static BodyNumbers Profile(BodyNumbers profile, IReadOnlyCollection<Measurement> measurements, Measurement? removed = null)
    {
        var weight = Latest(measurements, m => m.WeightKg);
        var fat = Latest(measurements, m => m.BodyFatPercent);
        var first = measurements.Where(m => m.WeightKg is not null).OrderBy(m => m.MeasuredOn).ThenBy(m => m.CreatedAt).FirstOrDefault();
        return new BodyNumbers(
            profile.StartingWeightKg ?? first?.WeightKg,
            weight ?? (removed?.WeightKg is { } w && w == profile.CurrentWeightKg ? null : profile.CurrentWeightKg),
            fat ?? (removed?.BodyFatPercent is { } f && f == profile.BodyFatPercentage ? null : profile.BodyFatPercentage));
    }

    /// <summary>The value of the latest measurement that has one: by date, then the one saved last that day.</summary>
    public static double? Latest(IEnumerable<Measurement> measurements, Func<Measurement, double?> value) =>
        measurements.Where(m => value(m) is not null).OrderBy(m => m.MeasuredOn).ThenBy(m => m.UpdatedAt).ThenBy(m => m.Id, StringComparer.Ordinal)
            .Select(value).LastOrDefault();

    /// <summary>What is wrong with a metric definition the contract accepted.</summary>
    public static IReadOnlyDictionary<string, string[]> Validate(SaveMetricRequest request)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(request.Name)) errors["name"] = ["Enter a name."];
        if (string.IsNullOrWhiteSpace(request.Unit)) errors["unit"] = ["Enter a unit."];
        if (request.Min is { } min && !double.IsFinite(min)) errors["min"] = ["Enter a number."];
        if (request.Max is { } max && !double.IsFinite(max)) errors["max"] = ["Enter a number."];
        if (request is { Min: { } lo, Max: { } hi } && lo > hi) errors["max"] = ["The maximum cannot be below the minimum."];
        return errors;
    }

    /// <summary>Why a value is outside its metric's range, or null when it is within.</summary>
    public static string? OutOfRange(double value, double? min, double? max, string unit) => (min, max) switch
    {
        _ when !double.IsFinite(value) => "Enter a number.",
        ({ } lo, { } hi) when value < lo || value > hi => FormattableString.Invariant($"Enter a value between {lo:0.##} and {hi:0.##} {unit}."),
        ({ } lo, null) when value < lo => FormattableString.Invariant($"Enter a value of at least {lo:0.##} {unit}."),
        (null, { } hi) when value > hi => FormattableString.Invariant($"Enter a value of at most {hi:0.##} {unit}."),
        _ => null,
    };

    /// <summary>Two metric names are the same when they differ only in case or surrounding spaces.</summary>
    public static bool SameName(string a, string b) => string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase);
}
