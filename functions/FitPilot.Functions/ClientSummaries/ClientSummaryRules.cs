using System.Globalization;
using FitPilot.Contracts.Programs;
using FitPilot.Contracts.Training;
using FitPilot.Functions.Programs;
using FitPilot.Functions.Training;

namespace FitPilot.Functions.ClientSummaries;

/// <summary>
/// How each event changes a client's summary, as plain functions over <see cref="ClientSummaryState"/>. Every change is
/// a set operation keyed by what the event is about (a day and program, a day and habit, a check-in id, a measurement
/// id), so applying the same event twice gives the same state. Days older than <see cref="KeptDays"/> are dropped.
/// </summary>
public static class ClientSummaryRules
{
    /// <summary>Days of counters kept: the 30-day window plus a margin for clients ahead of or behind UTC and late events.</summary>
    public const int KeptDays = 35;
    public const int KeptWeighIns = 8;
    public const int KeptAchievements = 5;

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static void Program(ClientSummaryState s, string programId, ScheduledProgram? program)
    {
        if (program is null) s.Programs.Remove(programId);
        else s.Programs[programId] = program;
    }

    public static void Habit(ClientSummaryState s, string habitId, HabitTarget? target)
    {
        if (target is null)
        {
            s.Habits.Remove(habitId);
            foreach (var day in s.Ticks.Values) day.Remove(habitId);
        }
        else s.Habits[habitId] = target;
    }

    public static void WorkoutFinished(ClientSummaryState s, WorkoutSummary summary)
    {
        AddTo(s.Workouts, summary.Date, summary.ProgramId);
        if (s.LastWorkoutOn is not { } last || summary.Date > last) s.LastWorkoutOn = summary.Date;
        foreach (var title in summary.PersonalBests.Distinct())
            if (!s.Bests.Contains(new BestMark(summary.Date, title))) s.Bests.Add(new BestMark(summary.Date, title));
    }

    public static void HabitTicked(ClientSummaryState s, string habitId, DateOnly date, bool done)
    {
        if (done) AddTo(s.Ticks, date, habitId);
        else if (s.Ticks.TryGetValue(Iso(date), out var day)) day.Remove(habitId);
    }

    public static void CheckInDue(ClientSummaryState s, string checkInId, DateOnly dueOn)
    {
        if (!s.CheckIns.ContainsKey(checkInId)) s.CheckIns[checkInId] = new CheckInMark(dueOn, false, false, false);
    }

    public static void CheckInSubmitted(ClientSummaryState s, string checkInId, DateOnly dueOn, bool late) =>
        s.CheckIns[checkInId] = (s.CheckIns.GetValueOrDefault(checkInId) ?? new CheckInMark(dueOn, false, false, false)) with { DueOn = dueOn, Submitted = true, Late = late };

    public static void CheckInReviewed(ClientSummaryState s, string checkInId, DateOnly dueOn) =>
        s.CheckIns[checkInId] = (s.CheckIns.GetValueOrDefault(checkInId) ?? new CheckInMark(dueOn, true, false, false)) with { Submitted = true, Reviewed = true };

    public static void Weighed(ClientSummaryState s, string? measurementId, DateOnly? date, double? kg, double startingKg, double latestKg)
    {
        s.StartingWeightKg = startingKg;
        s.LatestWeightKg = latestKg;
        if (measurementId is null || date is null || kg is null) return;
        s.Weights.RemoveAll(w => w.Id == measurementId);
        s.Weights.Add(new WeighIn(measurementId, date.Value, kg.Value));
        s.Weights = s.Weights.OrderBy(w => w.Date).TakeLast(KeptWeighIns).ToList();
    }

    public static void Achieved(ClientSummaryState s, string id, string title, DateOnly on)
    {
        if (s.Achievements.Any(a => a.Id == id)) return;
        s.Achievements.Add(new AchievementMark(id, title, on));
        s.Achievements = s.Achievements.OrderBy(a => a.On).TakeLast(KeptAchievements).ToList();
    }

    /// <summary>Drops counters older than <see cref="KeptDays"/> before <paramref name="today"/>; check-ins awaiting review stay.</summary>
    public static void Prune(ClientSummaryState s, DateOnly today)
    {
        var oldest = Iso(today.AddDays(-KeptDays));
        foreach (var key in s.Workouts.Keys.Where(k => string.CompareOrdinal(k, oldest) < 0).ToList()) s.Workouts.Remove(key);
        foreach (var key in s.Ticks.Keys.Where(k => string.CompareOrdinal(k, oldest) < 0 || s.Ticks[k].Count == 0).ToList()) s.Ticks.Remove(key);
        foreach (var (id, mark) in s.CheckIns.Where(c => c.Value.DueOn < today.AddDays(-KeptDays) && !(c.Value.Submitted && !c.Value.Reviewed)).ToList())
            s.CheckIns.Remove(id);
        s.Bests.RemoveAll(b => b.Date < today.AddDays(-KeptDays));
        foreach (var (id, program) in s.Programs.Where(p => p.Value.Status == ProgramStatuses.Ended && p.Value.End is { } end && end < today.AddDays(-KeptDays)).ToList())
            s.Programs.Remove(id);
    }

    /// <summary>Whether a session is prescribed on a date: the active program that started last among those covering it has exercises on that grid day.</summary>
    public static bool Prescribed(IEnumerable<ScheduledProgram> programs, DateOnly date) =>
        programs.Where(p => p.Status == ProgramStatuses.Active && (p.Start is not { } start || start <= date) && (p.End is not { } end || end >= date))
            .OrderByDescending(p => p.Order).FirstOrDefault() is { } program
        && (program.TrainingDays & 1 << ProgramSchedule.GridDayFor(date, program.OffsetDays)) != 0;

    private static void AddTo(SortedDictionary<string, List<string>> days, DateOnly date, string id)
    {
        var key = Iso(date);
        if (!days.TryGetValue(key, out var list)) days[key] = list = [];
        if (!list.Contains(id)) list.Add(id);
    }
}
