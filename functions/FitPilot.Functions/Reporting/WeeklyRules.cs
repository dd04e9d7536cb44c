using System.Globalization;
using FitPilot.Contracts.Reporting;
using FitPilot.Functions.ClientSummaries;
using FitPilot.Functions.Common;
using FitPilot.Functions.Training;

namespace FitPilot.Functions.Reporting;

/// <summary>
/// A PT's weeks from their facts: pure, so the event-fed projection and the rebuild from Table Storage compute the
/// same rows from the same facts. Weeks are ISO weeks (Monday first) of the PT's own dates: an instant (a client
/// joining, a check-in submitted or reviewed, today) counts on its date in the PT's time zone (their profile's; UTC
/// when unset), a workout on its own day (the date the client trained on).
/// </summary>
public static class WeeklyRules
{
    public sealed record Facts(IReadOnlyList<ClientFact> Clients, IReadOnlyList<WorkoutFact> Workouts, IReadOnlyList<ProgramFact> Programs, IReadOnlyList<CheckInFact> CheckIns);

    public static DateOnly WeekStart(DateOnly date) => date.AddDays(-(((int)date.DayOfWeek + 6) % 7));

    public static string WeekName(DateOnly weekStart) =>
        string.Create(CultureInfo.InvariantCulture, $"{ISOWeek.GetYear(weekStart.ToDateTime(TimeOnly.MinValue))}-W{ISOWeek.GetWeekOfYear(weekStart.ToDateTime(TimeOnly.MinValue)):D2}");

    /// <summary>The date of <paramref name="instant"/> in the PT's time zone (an IANA id; UTC when null).</summary>
    public static DateOnly Day(DateTimeOffset instant, string? zone) => UserTime.Today(zone, instant);

    /// <summary>
    /// Every week from the PT's first fact to the week of <paramref name="today"/> (at most <see cref="InsightsQuery.MaxWeeks"/>),
    /// both in the PT's time zone <paramref name="zone"/>.
    /// </summary>
    public static List<PtWeekRow> Weeks(string trainerId, Facts facts, string? zone, DateOnly today)
    {
        DateOnly Day(DateTimeOffset instant) => WeeklyRules.Day(instant, zone);
        var current = WeekStart(today);
        var first = new[]
        {
            facts.Clients.Select(c => c.JoinedOn).Min(), facts.Workouts.Select(w => (DateOnly?)w.Date).Min(),
            facts.CheckIns.Select(c => c.SubmittedAt is { } s ? Day(s) : (DateOnly?)null).Min(),
        }.Where(d => d is not null).Select(d => d!.Value).DefaultIfEmpty(today).Min();
        var start = WeekStart(first < current.AddDays(-7 * (InsightsQuery.MaxWeeks - 1)) ? current.AddDays(-7 * (InsightsQuery.MaxWeeks - 1)) : first);
        var programs = facts.Programs.GroupBy(p => p.ClientId).ToDictionary(g => g.Key, g => g.Select(Scheduled).ToList(), StringComparer.Ordinal);
        var rows = new List<PtWeekRow>();
        for (var week = start; week <= current; week = week.AddDays(7))
            rows.Add(Week(trainerId, week, facts, programs, zone, today));
        return rows;
    }

    private static PtWeekRow Week(string trainerId, DateOnly week, Facts facts, Dictionary<string, List<ScheduledProgram>> programs, string? zone, DateOnly today)
    {
        DateOnly Day(DateTimeOffset instant) => WeeklyRules.Day(instant, zone);
        var end = week.AddDays(6);
        bool In(DateOnly? d) => d is { } x && x >= week && x <= end;
        var joined = facts.Clients.Where(c => c.JoinedOn is not null).ToList();
        var active = joined.Where(c => c.JoinedOn <= end && (c.RemovedOn is not { } r || r >= week)).ToList();
        var prescribed = 0;
        foreach (var client in active)
        {
            if (!programs.TryGetValue(client.ClientId, out var scheduled)) continue;
            for (var day = week; day <= end && day <= today; day = day.AddDays(1))
                if (day >= client.JoinedOn && ClientSummaryRules.Prescribed(scheduled, day)) prescribed++;
        }
        var workouts = facts.Workouts.Where(w => In(w.Date)).ToList();
        var reviewed = facts.CheckIns.Where(c => c.ReviewedAt is { } r && In(Day(r))).ToList();
        var waits = reviewed.Where(c => c.SubmittedAt is not null).Select(c => (c.ReviewedAt!.Value - c.SubmittedAt!.Value).TotalHours).ToList();
        return new PtWeekRow
        {
            TrainerId = trainerId, WeekStart = week, Week = WeekName(week),
            ActiveClients = active.Count,
            NewClients = joined.Count(c => In(c.JoinedOn)),
            RemovedClients = joined.Count(c => In(c.RemovedOn)),
            SessionsPrescribed = prescribed,
            SessionsDone = workouts.Count,
            AdherencePercent = prescribed == 0 ? null : Math.Round(100.0 * Math.Min(workouts.Count, prescribed) / prescribed, 1),
            PersonalBests = workouts.Sum(w => w.PersonalBests),
            CheckInsSubmitted = facts.CheckIns.Count(c => c.SubmittedAt is { } s && In(Day(s))),
            CheckInsReviewed = reviewed.Count,
            ReviewResponseHours = waits.Count == 0 ? null : Math.Round(waits.Average(), 1),
        };
    }

    public static ScheduledProgram Scheduled(ProgramFact p) =>
        new(p.Status, p.Start, p.End, p.OffsetDays, p.TrainingDays, new DateTimeOffset(p.OrderTicks, TimeSpan.Zero));

    public static ProgramFact Fact(string trainerId, string clientId, string programId, ScheduledProgram p) => new()
    {
        TrainerId = trainerId, ClientId = clientId, ProgramId = programId, Status = p.Status, Start = p.Start, End = p.End,
        OffsetDays = p.OffsetDays, TrainingDays = p.TrainingDays, OrderTicks = p.Order.UtcTicks,
    };

    public static WeeklyInsight ToContract(PtWeekRow r) => new(r.Week, r.WeekStart, r.ActiveClients, r.NewClients, r.RemovedClients,
        r.SessionsPrescribed, r.SessionsDone, r.AdherencePercent, r.PersonalBests, r.CheckInsSubmitted, r.CheckInsReviewed, r.ReviewResponseHours);

    /// <summary>Whether two rows hold the same figures (the projection writes only rows that changed).</summary>
    public static bool Same(PtWeekRow a, PtWeekRow b) => ToContract(a) == ToContract(b);
}
