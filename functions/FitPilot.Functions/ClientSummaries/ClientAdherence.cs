using System.Globalization;
using FitPilot.Contracts.Dashboard;

namespace FitPilot.Functions.ClientSummaries;

/// <summary>
/// A client's adherence per metric over the last 7 and 30 days (up to and including their today), and the at-risk rule:
/// a metric whose 7-day percentage is <see cref="RiskDrop"/> points or more below its 30-day one. A metric with nothing
/// due in either window has no figure and raises no flag.
/// <list type="bullet">
/// <item>Workouts: prescribed days (<see cref="ClientSummaryRules.Prescribed"/>) with a finished workout / prescribed days.</item>
/// <item>Habits: per habit, the days ticked (at most the days due) / the days due — every day it runs for a daily habit,
/// N × its days in the window / 7 (rounded) for N times a week.</item>
/// <item>Check-ins: check-ins due in the window that were submitted / those due (today's counts only once submitted).</item>
/// </list>
/// </summary>
public static class ClientAdherence
{
    public const double RiskDrop = 20;

    public sealed record Figures(AdherencePair Workouts, AdherencePair Habits, AdherencePair CheckIns, IReadOnlyList<RiskReason> Risks);

    public static Figures Of(ClientSummaryState s, DateOnly today)
    {
        var workouts = new AdherencePair(Workouts(s, today, 7), Workouts(s, today, 30));
        var habits = new AdherencePair(Habits(s, today, 7), Habits(s, today, 30));
        var checkIns = new AdherencePair(CheckIns(s, today, 7), CheckIns(s, today, 30));
        var risks = new[] { Risk(ComplianceMetrics.Workouts, "Workouts", workouts), Risk(ComplianceMetrics.Habits, "Habits", habits), Risk(ComplianceMetrics.CheckIns, "Check-ins", checkIns) }
            .OfType<RiskReason>().ToList();
        return new Figures(workouts, habits, checkIns, risks);
    }

    /// <summary>The flag for one metric, or null: no figure in a window, or a drop under <see cref="RiskDrop"/> points.</summary>
    public static RiskReason? Risk(string metric, string label, AdherencePair pair) =>
        pair is { Week: { } week, Month: { } month } && month - week >= RiskDrop
            ? new RiskReason(metric, week, month, string.Create(CultureInfo.InvariantCulture, $"{label} {week:0} % this week vs {month:0} % this month"))
            : null;

    public static double? Workouts(ClientSummaryState s, DateOnly today, int days)
    {
        int due = 0, done = 0;
        for (var date = today.AddDays(1 - days); date <= today; date = date.AddDays(1))
        {
            if (!ClientSummaryRules.Prescribed(s.Programs.Values, date)) continue;
            due++;
            if (s.Workouts.TryGetValue(ClientSummaryRules.Iso(date), out var finished) && finished.Count > 0) done++;
        }
        return Percent(done, due);
    }

    public static double? Habits(ClientSummaryState s, DateOnly today, int days)
    {
        var first = today.AddDays(1 - days);
        int due = 0, done = 0;
        foreach (var (id, habit) in s.Habits)
        {
            var from = habit.From > first ? habit.From : first;
            var until = habit.Until is { } u && u < today ? u : today;
            var running = until.DayNumber - from.DayNumber + 1;
            if (running <= 0) continue;
            var expected = habit.TimesPerWeek is { } n ? (int)Math.Round(n * running / 7.0, MidpointRounding.AwayFromZero) : running;
            if (expected == 0) continue;
            var ticked = 0;
            for (var date = from; date <= until; date = date.AddDays(1))
                if (s.Ticks.TryGetValue(ClientSummaryRules.Iso(date), out var ticks) && ticks.Contains(id)) ticked++;
            due += expected;
            done += Math.Min(ticked, expected);
        }
        return Percent(done, due);
    }

    public static double? CheckIns(ClientSummaryState s, DateOnly today, int days)
    {
        var first = today.AddDays(1 - days);
        var window = s.CheckIns.Values.Where(c => c.DueOn >= first && c.DueOn <= today && (c.Submitted || c.DueOn < today)).ToList();
        return Percent(window.Count(c => c.Submitted), window.Count);
    }

    private static double? Percent(int done, int due) => due == 0 ? null : Math.Round(100.0 * done / due, 1);
}
