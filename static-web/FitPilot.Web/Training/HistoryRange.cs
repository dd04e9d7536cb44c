namespace FitPilot.Web.Training;

/// <summary>How far back an exercise's history is shown: 4 weeks, 3 months or all of it.</summary>
/// <param name="Start">The first day shown, counted back from today; null for all.</param>
public sealed record HistoryRange(string Label, Func<DateOnly, DateOnly?> Start)
{
    public static readonly HistoryRange FourWeeks = new("4 weeks", today => today.AddDays(-28));
    public static readonly HistoryRange ThreeMonths = new("3 months", today => today.AddMonths(-3));
    public static readonly HistoryRange OneYear = new("1 year", today => today.AddYears(-1));
    public static readonly HistoryRange All = new("All", _ => null);

    public static IReadOnlyList<HistoryRange> Choices { get; } = [FourWeeks, ThreeMonths, All];

    /// <summary>Body measurements change slowly: the progress charts also offer a year.</summary>
    public static IReadOnlyList<HistoryRange> BodyChoices { get; } = [FourWeeks, ThreeMonths, OneYear, All];

    /// <summary>
    /// 3 months: a training block and the one before it, so the trend and a plateau both show, with enough workouts
    /// to draw a line for someone training once a week; the API reads only that range, and "All" is one tap away.
    /// </summary>
    public static HistoryRange Default => ThreeMonths;
}
