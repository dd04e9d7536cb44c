using FitPilot.Contracts.Progress;

namespace FitPilot.Web.Progress;

/// <summary>
/// The weight and the body fat measured closest to a date (for the photo compare view): each is looked up on its own,
/// among the measurements that have it, so a weigh-in without a body-fat reading does not hide the body fat of the day before.
/// On a tie (as many days before as after) the earlier measurement wins: it is what the photos were taken with.
/// </summary>
public static class ClosestMeasurement
{
    /// <summary>Weight in kg and body fat in %, each with the date it was measured; null where nothing was measured.</summary>
    public static (DatedValue? WeightKg, DatedValue? BodyFatPercent) To(IEnumerable<Measurement> measurements, DateOnly date)
    {
        var list = measurements as IReadOnlyCollection<Measurement> ?? measurements.ToList();
        return (Closest(list.Where(m => m.WeightKg is not null).Select(m => new DatedValue(m.MeasuredOn, m.WeightKg!.Value)), date),
                Closest(list.Where(m => m.BodyFatPercent is not null).Select(m => new DatedValue(m.MeasuredOn, m.BodyFatPercent!.Value)), date));
    }

    /// <summary>The value dated closest to <paramref name="date"/> (the earlier on a tie), or null when there is none.</summary>
    public static DatedValue? Closest(IEnumerable<DatedValue> values, DateOnly date) =>
        values.OrderBy(v => Math.Abs(v.Date.DayNumber - date.DayNumber)).ThenBy(v => v.Date).FirstOrDefault();
}
