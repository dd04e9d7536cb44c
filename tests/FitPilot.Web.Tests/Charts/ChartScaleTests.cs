using FitPilot.Web.Components.Charts;

namespace FitPilot.Web.Tests.Charts;

/// <summary>The chart arithmetic: round value ticks, date ticks that fit a phone, the words of the summary.</summary>
public sealed class ChartScaleTests
{
    private static readonly DateOnly Today = new(2026, 11, 27); // a Friday

    [Theory]
    [InlineData(105, 116.7, false, new[] { 105.0, 110, 115, 120 })]
    [InlineData(0.3, 0.9, false, new[] { 0.2, 0.4, 0.6, 0.8, 1.0 })]
    [InlineData(450, 1_220, true, new[] { 0.0, 500, 1_000, 1_500 })]
    [InlineData(3_000, 19_000, true, new[] { 0.0, 5_000, 10_000, 15_000, 20_000 })]
    [InlineData(100, 100, false, new[] { 94.0, 96, 98, 100, 102, 104, 106 })]
    public void Value_ticks_are_round_steps_of_1_2_or_5_covering_the_values(double min, double max, bool includeZero, double[] expected)
    {
        var ticks = ChartScale.ValueTicks(min, max, includeZero, maxTicks: expected.Length);
        Assert.Equal(expected, ticks.Select(t => t.Value));
        Assert.Equal((0.0, 1.0), (ticks[0].Position, ticks[^1].Position));
        Assert.True(ticks[0].Value <= min && ticks[^1].Value >= max);
    }

    [Fact]
    public void Value_labels_are_short_numbers_thousands_as_k()
    {
        Assert.Equal(["105", "110", "115", "120"], ChartScale.ValueTicks(105, 116.7).Select(t => t.Label));
        Assert.Equal(["0", "5k", "10k", "15k", "20k"], ChartScale.ValueTicks(3_000, 19_000, includeZero: true).Select(t => t.Label));
        Assert.Equal(["0", "500", "1,000", "1,500"], ChartScale.ValueTicks(450, 1_220, includeZero: true).Select(t => t.Label));
        Assert.Equal(["0.2", "0.4", "0.6", "0.8", "1.0"], ChartScale.ValueTicks(0.3, 0.9).Select(t => t.Label));
    }

    [Theory]
    [InlineData(0.7, 1)]
    [InlineData(1.01, 2)]
    [InlineData(2.3, 5)]
    [InlineData(7, 10)]
    [InlineData(23, 50)]
    [InlineData(0.042, 0.05)]
    public void A_nice_step_is_the_smallest_1_2_or_5_times_a_power_of_ten_at_least_the_rough_one(double rough, double nice) =>
        Assert.Equal(nice, ChartScale.NiceStep(rough), 9);

    [Fact]
    public void A_week_is_ticked_by_day_four_weeks_by_Monday_three_months_by_month_and_years_by_year()
    {
        Assert.Equal(["21 Nov", "23 Nov", "25 Nov", "27 Nov"], Labels(Today.AddDays(-6), Today));
        Assert.Equal(["2 Nov", "9 Nov", "16 Nov", "23 Nov"], Labels(Today.AddDays(-28), Today)); // Mondays
        Assert.Equal(["Sep", "Oct", "Nov"], Labels(Today.AddMonths(-3), Today));
        Assert.Equal(["2026", "Apr", "Jul", "Oct", "2027"], Labels(new DateOnly(2026, 1, 1), new DateOnly(2027, 1, 1))); // January says its year
        Assert.Equal(["2023", "2024", "2025", "2026"], Labels(new DateOnly(2022, 6, 1), Today));
    }

    [Fact]
    public void Across_New_Year_January_says_its_year()
    {
        Assert.Equal(["Nov", "Dec", "2027", "Feb"], Labels(new DateOnly(2026, 10, 20), new DateOnly(2027, 2, 20)));
    }

    [Theory]
    [InlineData(6)]
    [InlineData(13)]
    [InlineData(28)]
    [InlineData(45)]
    [InlineData(91)]
    [InlineData(200)]
    [InlineData(400)]
    [InlineData(1_000)]
    [InlineData(5_000)]
    public void Date_labels_never_overlap_or_stick_out_on_a_phone_and_there_are_at_least_two(int days)
    {
        const double plot = ChartScale.NarrowestPlotPx;
        var ticks = ChartScale.DateTicks(Today.AddDays(-days), Today, plot);
        Assert.InRange(ticks.Count, 2, ChartScale.MaxDateTicks);
        // Each label's extent: within the plot, and apart from the next.
        var extents = ticks.Select(t =>
        {
            var (x, w) = (t.Position * plot, t.Label.Length * ChartScale.LabelCharPx);
            return t.Align switch { TickAlign.Start => (L: x, R: x + w), TickAlign.End => (L: x - w, R: x), _ => (L: x - w / 2, R: x + w / 2) };
        }).ToList();
        Assert.All(extents, e => Assert.True(e.L >= 0 && e.R <= plot, $"{e} outside 0–{plot}"));
        for (var i = 1; i < extents.Count; i++) Assert.True(extents[i].L - extents[i - 1].R >= ChartScale.LabelGapPx, $"{ticks[i - 1].Label} and {ticks[i].Label} overlap");
        Assert.Equal(ticks.OrderBy(t => t.Date), ticks);
    }

    [Fact]
    public void A_tick_sits_where_its_date_falls_in_the_span()
    {
        var ticks = ChartScale.DateTicks(new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 29));
        Assert.Equal([1 / 28.0, 8 / 28.0, 15 / 28.0, 22 / 28.0], ticks.Select(t => t.Position)); // Mondays 2, 9, 16, 23 Nov
        Assert.Equal(TickAlign.Start, ticks[0].Align); // "2 Nov" at the left edge leans right
    }

    [Fact]
    public void A_span_shorter_than_a_week_is_widened_to_one_ending_on_its_last_day()
    {
        Assert.Equal((Today.AddDays(-6), Today), ChartScale.Domain(Today, Today));
        Assert.Equal((Today.AddDays(-28), Today), ChartScale.Domain(Today.AddDays(-28), Today));
    }

    [Theory]
    [InlineData(1, "1 day")]
    [InlineData(13, "13 days")]
    [InlineData(14, "2 weeks")]
    [InlineData(28, "4 weeks")]
    [InlineData(91, "3 months")]
    [InlineData(800, "2 years")]
    public void A_span_in_words(int days, string words) => Assert.Equal(words, ChartScale.Span(Today.AddDays(-days), Today));

    [Theory]
    [InlineData(11.7, "+11.7 kg")]
    [InlineData(-2.5, "−2.5 kg")]
    [InlineData(0.01, "±0 kg")]
    [InlineData(1250, "+1,250 kg")]
    public void A_change_has_its_sign(double change, string text) => Assert.Equal(text, ChartScale.Change(change, "kg", "#,0.#"));

    [Fact]
    public void Counts_tick_on_whole_numbers_and_read_one_in_the_singular()
    {
        Assert.Equal([0, 1], ChartScale.ValueTicks(0, 1, includeZero: true, wholeNumbers: true).Select(t => t.Value));
        Assert.Contains(ChartScale.ValueTicks(0, 1, includeZero: true), t => t.Value % 1 != 0); // measures may tick at 0.5
        Assert.Equal(("1 PB", "3 PBs", "1 kg", "+1 client", "−2 clients"),
            (ChartScale.Show(1, "PBs", "#,0"), ChartScale.Show(3, "PBs", "#,0"), ChartScale.Show(1, "kg", "#,0.#"),
             ChartScale.Change(1, "clients", "#,0"), ChartScale.Change(-2, "clients", "#,0")));
    }

    private static string[] Labels(DateOnly start, DateOnly end) => ChartScale.DateTicks(start, end).Select(t => t.Label).ToArray();
}
