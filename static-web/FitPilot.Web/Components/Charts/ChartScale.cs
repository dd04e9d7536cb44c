using System.Globalization;

namespace FitPilot.Web.Components.Charts;

/// <summary>One value on one day, in the unit the chart shows.</summary>
/// <param name="Detail">More for the point's tooltip (e.g. "3 sets").</param>
public sealed record ChartPoint(DateOnly Date, double Value, string? Detail = null);

/// <summary>A tick on the value axis: where (0 at the bottom, 1 at the top) and its label.</summary>
public sealed record ValueTick(double Value, double Position, string Label);

/// <summary>A tick on the date axis: where (0 at the left, 1 at the right), its label, and how the label sits on it.</summary>
public sealed record DateTick(DateOnly Date, double Position, string Label, TickAlign Align);

public enum TickAlign { Start, Middle, End }

/// <summary>
/// The arithmetic of <see cref="LineChart"/>: "nice" value ticks (steps of 1, 2 or 5 × 10ⁿ), date ticks of days,
/// weeks, months or years depending on the span, placed so that their labels never overlap on the narrowest
/// plot (a 390 px phone), and the words of the summary ("+11.7 kg in 4 weeks").
/// </summary>
public static class ChartScale
{
    /// <summary>The plot's width on a 390 px phone inside a card, the narrowest the app draws one (px).</summary>
    public const double NarrowestPlotPx = 260;

    /// <summary>Width of a label character at the charts' 12 px (px, a wide font's digits), and the space between two labels.</summary>
    public const double LabelCharPx = 7.5, LabelGapPx = 8;

    /// <summary>More date labels than this read as clutter, however well they fit.</summary>
    public const int MaxDateTicks = 6;

    private static readonly CultureInfo Text = CultureInfo.InvariantCulture;

    /// <summary>
    /// Value ticks from at most <paramref name="maxTicks"/> round numbers covering [min, max]: the bottom and top
    /// ticks are the axis' ends. With <paramref name="includeZero"/> (totals) the axis starts at 0; with
    /// <paramref name="wholeNumbers"/> (counts: clients, PBs) no tick falls between two whole numbers.
    /// </summary>
    public static IReadOnlyList<ValueTick> ValueTicks(double min, double max, bool includeZero = false, int maxTicks = 5, bool wholeNumbers = false)
    {
        if (includeZero) { min = Math.Min(0, min); max = Math.Max(0, max); }
        if (max - min < 1e-9)
        {
            var pad = Math.Max(Math.Abs(max) * 0.05, 1);
            (min, max) = (includeZero && min >= 0 ? 0 : min - pad, max + pad);
        }
        var step = NiceStep((max - min) / (maxTicks - 1));
        if (wholeNumbers) step = Math.Max(step, 1);
        double low, high;
        while (true)
        {
            low = Math.Floor(min / step + 1e-9) * step;
            high = Math.Ceiling(max / step - 1e-9) * step;
            if (Math.Round((high - low) / step) + 1 <= maxTicks) break;
            step = NiceStep(step * 1.01);
        }
        var decimals = Math.Max(0, -(int)Math.Floor(Math.Log10(step)));
        var count = (int)Math.Round((high - low) / step);
        var large = Math.Max(Math.Abs(low), Math.Abs(high)) >= 10_000;
        return Enumerable.Range(0, count + 1).Select(i =>
        {
            var value = Math.Round(low + i * step, decimals);
            return new ValueTick(value, count == 0 ? 0 : (double)i / count, Number(value, large, decimals));
        }).ToList();
    }

    /// <summary>The smallest 1, 2 or 5 × 10ⁿ at least <paramref name="rough"/>.</summary>
    public static double NiceStep(double rough)
    {
        if (rough <= 0 || double.IsNaN(rough)) return 1;
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        var residual = rough / magnitude;
        var nice = residual <= 1 + 1e-9 ? 1 : residual <= 2 + 1e-9 ? 2 : residual <= 5 + 1e-9 ? 5 : 10;
        return nice * magnitude;
    }

    private static string Number(double value, bool large, int decimals) =>
        value == 0 ? "0" : large ? (value / 1000).ToString("#,0.#", Text) + "k" : value.ToString(decimals == 0 ? "#,0" : "#,0." + new string('0', decimals), Text);

    /// <summary>The date span a chart shows: at least a week, so a single workout is not a point on a line of no length.</summary>
    public static (DateOnly Start, DateOnly End) Domain(DateOnly start, DateOnly end)
    {
        if (end < start) (start, end) = (end, start);
        return end.DayNumber - start.DayNumber < 6 ? (end.AddDays(-6), end) : (start, end);
    }

    /// <summary>Where a date falls between <paramref name="start"/> (0) and <paramref name="end"/> (1).</summary>
    public static double Position(DateOnly date, DateOnly start, DateOnly end) =>
        end == start ? 0.5 : (double)(date.DayNumber - start.DayNumber) / (end.DayNumber - start.DayNumber);

    private sealed record Cadence(Func<DateOnly, DateOnly> First, Func<DateOnly, DateOnly> Next, Func<DateOnly, string> Label);

    /// <summary>From the finest to the coarsest: the first whose labels fit is used.</summary>
    private static readonly Cadence[] Cadences =
    [
        Days(1), Days(2), Days(3), Weeks(1), Weeks(2), Months(1), Months(2), Months(3), Months(6), Years(1), Years(2), Years(5), Years(10), Years(25),
    ];

    private static string DayLabel(DateOnly d) => d.ToString("d MMM", Text);

    /// <summary>A month by its short name, and January by its year, so a span across New Year says which year.</summary>
    private static string MonthLabel(DateOnly d) => d.Month == 1 ? d.Year.ToString(Text) : d.ToString("MMM", Text);

    private static Cadence Days(int n) => new(d => d, d => d.AddDays(n), DayLabel);

    /// <summary>Mondays.</summary>
    private static Cadence Weeks(int n) => new(d => d.AddDays(((int)DayOfWeek.Monday - (int)d.DayOfWeek + 7) % 7), d => d.AddDays(7 * n), DayLabel);

    /// <summary>The 1st of every n-th month (January, and months that divide the year evenly from it).</summary>
    private static Cadence Months(int n) => new(d =>
    {
        var first = new DateOnly(d.Year, d.Month, 1);
        if (first < d) first = first.AddMonths(1);
        while ((first.Month - 1) % n != 0) first = first.AddMonths(1);
        return first;
    }, d => d.AddMonths(n), MonthLabel);

    private static Cadence Years(int n) => new(d =>
    {
        var year = d.Month == 1 && d.Day == 1 ? d.Year : d.Year + 1;
        while (year % n != 0) year++;
        return new DateOnly(year, 1, 1);
    }, d => d.AddYears(n), d => d.Year.ToString(Text));

    /// <summary>
    /// Date ticks for [start, end]: days, weeks (Mondays), months (the 1st) or years, the finest whose labels do not
    /// overlap on a plot <paramref name="plotPx"/> wide. Labels at the ends lean inwards instead of sticking out.
    /// </summary>
    public static IReadOnlyList<DateTick> DateTicks(DateOnly start, DateOnly end, double plotPx = NarrowestPlotPx)
    {
        IReadOnlyList<DateTick> last = [];
        foreach (var cadence in Cadences)
        {
            var ticks = new List<DateTick>();
            for (var d = cadence.First(start); d <= end && ticks.Count <= plotPx / LabelGapPx; d = cadence.Next(d))
                ticks.Add(Place(d, Position(d, start, end), cadence.Label(d), plotPx));
            if (ticks.Count == 0) continue;
            last = ticks;
            if (Fits(ticks, plotPx)) return ticks;
        }
        return last;
    }

    private static double LabelPx(string label) => label.Length * LabelCharPx;

    private static DateTick Place(DateOnly date, double position, string label, double plotPx)
    {
        var x = position * plotPx;
        var half = LabelPx(label) / 2;
        var align = x < half ? TickAlign.Start : x > plotPx - half ? TickAlign.End : TickAlign.Middle;
        return new DateTick(date, position, label, align);
    }

    private static (double Left, double Right) Extent(DateTick tick, double plotPx)
    {
        var x = tick.Position * plotPx;
        var width = LabelPx(tick.Label);
        return tick.Align switch
        {
            TickAlign.Start => (x, x + width),
            TickAlign.End => (x - width, x),
            _ => (x - width / 2, x + width / 2),
        };
    }

    private static bool Fits(List<DateTick> ticks, double plotPx)
    {
        if (ticks.Count > MaxDateTicks) return false;
        for (var i = 1; i < ticks.Count; i++)
            if (Extent(ticks[i], plotPx).Left - Extent(ticks[i - 1], plotPx).Right < LabelGapPx) return false;
        return true;
    }

    /// <summary>How long from one date to another, in words: "5 days", "4 weeks", "3 months", "2 years".</summary>
    public static string Span(DateOnly from, DateOnly to)
    {
        var days = Math.Abs(to.DayNumber - from.DayNumber);
        static string Plural(int n, string unit) => n == 1 ? $"1 {unit}" : $"{n} {unit}s";
        return days switch
        {
            < 14 => Plural(days, "day"),
            < 63 => Plural((int)Math.Round(days / 7.0), "week"),
            < 730 => Plural((int)Math.Round(days / 30.44), "month"),
            _ => Plural((int)Math.Round(days / 365.25), "year"),
        };
    }

    /// <summary>A change with its sign ("+11.7 kg", "−2.5 kg", "±0 kg"), as a number formatted with <paramref name="format"/>.</summary>
    public static string Change(double change, string unit, string format)
    {
        var size = Math.Abs(change).ToString(format, Text);
        var sign = size.Trim('0', '.', ',') == "" ? "±" : change > 0 ? "+" : "−";
        return $"{sign}{(sign == "±" ? "0" : size)} {Unit(Math.Abs(change), unit)}";
    }

    /// <summary>A value and its unit, formatted with <paramref name="format"/> ("116.7 kg", "3,450 kg").</summary>
    public static string Show(double value, string unit, string format) => $"{value.ToString(format, Text)} {Unit(value, unit)}";

    /// <summary>A plural unit of a count in the singular for one ("1 PB", "1 client"); symbols ("kg", "%") as they are.</summary>
    private static string Unit(double value, string unit) =>
        Math.Abs(value - 1) < 1e-9 && unit.Length > 2 && unit.EndsWith('s') ? unit[..^1] : unit;
}
