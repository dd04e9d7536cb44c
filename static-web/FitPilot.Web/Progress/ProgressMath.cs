using FitPilot.Contracts.Progress;

namespace FitPilot.Web.Progress;

/// <summary>One value on one date (in whatever unit the caller works in).</summary>
public sealed record DatedValue(DateOnly Date, double Value);

/// <summary>Whether a change is progress, a setback, or neither (no change, or a metric without a direction).</summary>
public enum Tone { Neutral, Good, Bad }

/// <summary>The arithmetic of the progress charts: moving averages by date, the range shown and the change over it.</summary>
public static class ProgressMath
{
    /// <summary>
    /// The trailing moving average by calendar days: for each date with a value, the mean of the values of that date and the
    /// <paramref name="days"/> − 1 days before it (a day with several values counts once, as their mean). A gap is a gap:
    /// a value after ten days without one averages only itself, it is not pulled towards a week that has passed.
    /// </summary>
    public static IReadOnlyList<DatedValue> MovingAverage(IEnumerable<DatedValue> values, int days = 7)
    {
        var daily = values.GroupBy(v => v.Date).OrderBy(g => g.Key).Select(g => new DatedValue(g.Key, g.Average(v => v.Value))).ToList();
        var result = new List<DatedValue>(daily.Count);
        var first = 0;
        double sum = 0;
        for (var i = 0; i < daily.Count; i++)
        {
            sum += daily[i].Value;
            while (daily[i].Date.DayNumber - daily[first].Date.DayNumber >= days) sum -= daily[first++].Value;
            result.Add(new DatedValue(daily[i].Date, sum / (i - first + 1)));
        }
        return result;
    }

    /// <summary>The values from <paramref name="start"/> (null: from the first) to <paramref name="end"/>, both included, oldest first.</summary>
    public static IReadOnlyList<DatedValue> InRange(IEnumerable<DatedValue> values, DateOnly? start, DateOnly end) =>
        values.Where(v => (start is null || v.Date >= start) && v.Date <= end).OrderBy(v => v.Date).ToList();

    /// <summary>The last value minus the first (oldest first), or null with fewer than two values.</summary>
    public static double? ChangeSinceStart(IReadOnlyList<DatedValue> values) =>
        values.Count < 2 ? null : values[^1].Value - values[0].Value;

    /// <summary>
    /// Whether <paramref name="change"/> is good news for a metric whose <paramref name="direction"/> is "higher" or "lower"
    /// is better (<see cref="MetricDirections"/>); neutral without a direction or when nothing changed (|change| &lt; <paramref name="epsilon"/>).
    /// </summary>
    public static Tone Judge(double? change, string? direction, double epsilon = 1e-9)
    {
        if (change is not { } c || Math.Abs(c) < epsilon) return Tone.Neutral;
        return direction switch
        {
            MetricDirections.Higher => c > 0 ? Tone.Good : Tone.Bad,
            MetricDirections.Lower => c < 0 ? Tone.Good : Tone.Bad,
            _ => Tone.Neutral,
        };
    }
}
