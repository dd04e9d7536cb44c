using FitPilot.Web.Components.Charts;

namespace FitPilot.Web.Tests.Charts;

public sealed class LineChartTests : BunitContext
{
    private static readonly DateOnly First = new(2026, 11, 1), Last = new(2026, 11, 29);

    private IRenderedComponent<LineChart> Chart(params ChartPoint[] points) => Render<LineChart>(ps => ps
        .Add(p => p.Points, points).Add(p => p.Title, "Estimated 1RM").Add(p => p.Unit, "kg").Add(p => p.TestId, "e1rm-chart")
        .Add(p => p.Start, First).Add(p => p.End, Last));

    [Fact]
    public void Points_sit_where_their_dates_fall_not_at_even_steps()
    {
        var cut = Chart(new(First, 100, "1 set"), new(First.AddDays(1), 105), new(Last, 116.7));
        var points = cut.FindAll("[data-testid=chart-point]");
        // 1 Nov, 2 Nov and 29 Nov on a 28-day axis 1000 wide: 0, 1/28 and all the way.
        Assert.Equal(["0", "35.71", "1000"], points.Select(p => p.GetAttribute("x1")));
        Assert.Equal(["2026-11-01", "2026-11-02", "2026-11-29"], points.Select(p => p.GetAttribute("data-date")));
        Assert.Equal("Sun 1 Nov 2026: 100 kg · 1 set", points[0].QuerySelector("title")!.TextContent);
        // Lowest value on the lowest gridline (100 of 100–120), highest near the top.
        Assert.Equal(("200", "33"), (points[0].GetAttribute("y1"), points[2].GetAttribute("y1")));
    }

    [Fact]
    public void The_axes_have_dated_ticks_round_gridlines_and_the_unit()
    {
        var cut = Chart(new(First, 100), new(Last, 116.7));
        Assert.Equal(ChartScale.DateTicks(First, Last).Select(t => t.Label), cut.FindAll("[data-testid=date-tick]").Select(t => t.TextContent));
        Assert.Equal(["2 Nov", "9 Nov", "16 Nov", "23 Nov"], cut.FindAll("[data-testid=date-tick]").Select(t => t.TextContent));
        Assert.Equal("3.57%", cut.FindAll("[data-testid=date-tick]")[0].GetAttribute("x"));
        Assert.Equal(["100", "105", "110", "115", "120"], cut.FindAll(".chart-y").Select(t => t.TextContent));
        Assert.Equal(5, cut.FindAll("line.chart-grid:not(.date)").Count);
        Assert.Equal("kg", cut.Find(".chart-unit").TextContent);
    }

    [Fact]
    public void The_latest_value_and_the_change_are_written_and_summarised_for_screen_readers()
    {
        var cut = Chart(new(First, 105), new(First.AddDays(14), 110.8), new(Last, 116.7));
        Assert.Equal("116.7 kg · +11.7 kg in 4 weeks", cut.Find("[data-testid=chart-summary]").TextContent);
        var chart = cut.Find("[data-testid=e1rm-chart]");
        Assert.Equal("img", chart.GetAttribute("role"));
        Assert.Equal("Estimated 1RM from 105 kg on 1 Nov 2026 to 116.7 kg on 29 Nov 2026, highest 116.7 kg, 3 workouts", chart.GetAttribute("aria-label"));
        Assert.Equal("0 0 1000 200", cut.Find("svg").GetAttribute("viewBox"));
    }

    [Fact]
    public void One_workout_is_a_point_in_a_week_and_no_data_draws_nothing()
    {
        var one = Render<LineChart>(ps => ps.Add(p => p.Points, [new ChartPoint(Last, 80)]).Add(p => p.Title, "Volume").Add(p => p.Unit, "lb"));
        Assert.Equal("80 lb · on 29 Nov", one.Find("[data-testid=chart-summary]").TextContent);
        Assert.Equal("1000", one.Find("[data-testid=chart-point]").GetAttribute("x1")); // the last day of the week ending on it
        Assert.Equal("Volume 80 lb on 29 Nov 2026, 1 workout", one.Find("[role=img]").GetAttribute("aria-label"));

        var none = Render<LineChart>(ps => ps.Add(p => p.Points, []).Add(p => p.Title, "Volume").Add(p => p.Unit, "kg"));
        Assert.Empty(none.Markup.Trim());
    }
}
