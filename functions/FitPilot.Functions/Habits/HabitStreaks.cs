namespace FitPilot.Functions.Habits;

/// <summary>
/// A habit's progress from its ticked days, on the client's today (their time zone decides it). Ticks outside
/// the habit's dates (<c>StartsOn</c>..<c>EndsOn</c>) and after today do not count.
/// <list type="bullet">
/// <item>Daily (no times a week): the current streak is the run of ticked days ending today, or yesterday while
/// today is not ticked yet; for a habit that has ended, the run ending on its last day.</item>
/// <item>N times a week: ISO weeks (Monday to Sunday) whose target was met, in a row; the current week counts
/// once met and does not break the streak while still in progress. A week cut by the habit's first or last day
/// asks for no more than its days in range.</item>
/// </list>
/// </summary>
public static class HabitStreaks
{
    public const string Days = "days";
    public const string Weeks = "weeks";

    public sealed record HabitStreakResult(bool DoneToday, bool DoneYesterday, int CurrentStreak, int BestStreak, string Unit,
        int DoneThisWeek, int TargetThisWeek, IReadOnlyList<DateOnly> DoneDays);

    public static HabitStreakResult Compute(int? timesPerWeek, DateOnly? startsOn, DateOnly? endsOn, IEnumerable<DateOnly> ticks, DateOnly today)
    {
        var last = endsOn is { } e && e < today ? e : today;
        var done = ticks.Where(d => d <= last && (startsOn is null || d >= startsOn)).ToHashSet();
        var week = WeekStart(today);
        var daysThisWeek = DaysInRange(week, week.AddDays(6), startsOn, endsOn);
        var doneThisWeek = done.Count(d => d >= week && d <= week.AddDays(6));
        var recent = done.Where(d => d > today.AddDays(-28)).Order().ToList();

        int current, best;
        if (timesPerWeek is not { } target)
        {
            var from = done.Contains(last) ? last : last.AddDays(-1);
            current = 0;
            for (var d = from; done.Contains(d); d = d.AddDays(-1)) current++;
            best = BestRun(done.Order().Select(d => d.DayNumber));
            return new HabitStreakResult(done.Contains(today), done.Contains(today.AddDays(-1)), current, Math.Max(best, current), Days, doneThisWeek, daysThisWeek, recent);
        }

        bool Met(DateOnly monday)
        {
            var days = DaysInRange(monday, monday.AddDays(6), startsOn, endsOn);
            return days > 0 && done.Count(d => d >= monday && d <= monday.AddDays(6)) >= Math.Min(target, days);
        }
        var lastWeek = WeekStart(last);
        var firstWeek = done.Count == 0 ? lastWeek : WeekStart(done.Min());
        // The week of the last day counts once met, and does not break the run while it is still going.
        var start = Met(lastWeek) ? lastWeek : lastWeek.AddDays(-7);
        current = 0;
        for (var monday = start; monday >= firstWeek && Met(monday); monday = monday.AddDays(-7)) current++;
        var metWeeks = new List<int>();
        for (var monday = firstWeek; monday <= lastWeek; monday = monday.AddDays(7))
            if (Met(monday)) metWeeks.Add(monday.DayNumber / 7);
        best = BestRun(metWeeks);
        return new HabitStreakResult(done.Contains(today), done.Contains(today.AddDays(-1)), current, Math.Max(best, current), Weeks,
            doneThisWeek, Math.Min(target, daysThisWeek), recent);
    }

    /// <summary>
    /// How much of a habit was due and done between two dates (inclusive): a daily habit is due each day of its
    /// dates; an N-times-a-week habit is due min(N, its days) in each ISO week, cut to the window, and a week's
    /// extra ticks do not make up for another week.
    /// </summary>
    public static (int Due, int Done) Completion(int? timesPerWeek, DateOnly? startsOn, DateOnly? endsOn, IEnumerable<DateOnly> ticks, DateOnly from, DateOnly to)
    {
        var first = startsOn is { } s && s > from ? s : from;
        var last = endsOn is { } e && e < to ? e : to;
        if (last < first) return (0, 0);
        var done = ticks.Where(d => d >= first && d <= last).ToHashSet();
        if (timesPerWeek is not { } target) return (last.DayNumber - first.DayNumber + 1, done.Count);
        int due = 0, met = 0;
        for (var monday = WeekStart(first); monday <= last; monday = monday.AddDays(7))
        {
            var weekFirst = monday < first ? first : monday;
            var weekLast = monday.AddDays(6) > last ? last : monday.AddDays(6);
            var weekDue = Math.Min(target, weekLast.DayNumber - weekFirst.DayNumber + 1);
            due += weekDue;
            met += Math.Min(weekDue, done.Count(d => d >= weekFirst && d <= weekLast));
        }
        return (due, met);
    }

    /// <summary>The Monday of the ISO week of a date.</summary>
    public static DateOnly WeekStart(DateOnly date) => date.AddDays(-(((int)date.DayOfWeek + 6) % 7));

    private static int DaysInRange(DateOnly from, DateOnly to, DateOnly? startsOn, DateOnly? endsOn)
    {
        var first = startsOn is { } s && s > from ? s : from;
        var last = endsOn is { } e && e < to ? e : to;
        return Math.Max(0, last.DayNumber - first.DayNumber + 1);
    }

    /// <summary>The longest run of consecutive numbers in an ascending sequence.</summary>
    private static int BestRun(IEnumerable<int> ascending)
    {
        int best = 0, run = 0, previous = int.MinValue;
        foreach (var n in ascending)
        {
            run = n == previous + 1 ? run + 1 : 1;
            best = Math.Max(best, run);
            previous = n;
        }
        return best;
    }
}
