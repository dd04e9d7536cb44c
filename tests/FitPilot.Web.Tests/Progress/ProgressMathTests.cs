using FitPilot.Contracts.Progress;
using FitPilot.Web.Progress;

namespace FitPilot.Web.Tests.Progress;

public sealed class ProgressMathTests
{
    private static readonly DateOnly D = new(2026, 3, 1);
    private static DatedValue V(int day, double value) => new(D.AddDays(day), value);

    [Fact]
    public void The_moving_average_covers_the_seven_calendar_days_up_to_each_weigh_in()
    {
        var average = ProgressMath.MovingAverage([V(0, 80), V(1, 82), V(2, 81), V(6, 79), V(7, 78)]);
        Assert.Equal([D, D.AddDays(1), D.AddDays(2), D.AddDays(6), D.AddDays(7)], average.Select(a => a.Date));
        Assert.Equal([80, 81, 81, 80.5, 80], average.Select(a => a.Value));   // day 7: days 1–7 (82, 81, 79, 78), day 0 has left the week
    }

    [Fact]
    public void A_gap_is_a_gap_and_a_day_with_two_weigh_ins_counts_once()
    {
        var average = ProgressMath.MovingAverage([V(0, 80), V(0, 82), V(1, 84), V(20, 90)]);
        Assert.Equal([81, 82.5, 90], average.Select(a => a.Value)); // (80+82)/2 = 81 that day; day 20 averages only itself
    }

    [Fact]
    public void Out_of_order_values_are_averaged_by_date()
    {
        var average = ProgressMath.MovingAverage([V(2, 90), V(0, 80)]);
        Assert.Equal([80, 85], average.Select(a => a.Value));
    }

    [Fact]
    public void The_range_keeps_its_start_and_end_days_and_the_change_runs_from_its_first_value()
    {
        var values = new[] { V(10, 75), V(0, 80), V(20, 70), V(30, 74) };
        var range = ProgressMath.InRange(values, D.AddDays(10), D.AddDays(20));
        Assert.Equal([75, 70], range.Select(v => v.Value));
        Assert.Equal(-5, ProgressMath.ChangeSinceStart(range));
        Assert.Equal(4, ProgressMath.InRange(values, null, D.AddDays(30)).Count);
        Assert.Null(ProgressMath.ChangeSinceStart([V(0, 1)]));
    }

    [Theory]
    [InlineData(-8.0, MetricDirections.Lower, Tone.Good)]
    [InlineData(3.0, MetricDirections.Lower, Tone.Bad)]
    [InlineData(3.0, MetricDirections.Higher, Tone.Good)]
    [InlineData(-1.0, MetricDirections.Higher, Tone.Bad)]
    [InlineData(0.0, MetricDirections.Higher, Tone.Neutral)]
    [InlineData(-2.0, null, Tone.Neutral)]
    public void A_change_is_judged_by_the_metrics_direction(double change, string? direction, Tone tone) =>
        Assert.Equal(tone, ProgressMath.Judge(change, direction));
}
