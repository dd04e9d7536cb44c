using System.Globalization;
using FitPilot.Contracts.Programs;
using FitPilot.Contracts.Training;
using FitPilot.Functions.Programs;
using FitPilot.Functions.Storage;

namespace FitPilot.Functions.Training;

/// <summary>Personal bests: heaviest weight, best estimated 1RM (Epley), most reps at a weight.</summary>
public static class PersonalBests
{
    /// <summary>Which bests a set beats. The first time an exercise is logged sets the baseline, not a record.</summary>
    public static List<PersonalBest> Beaten(ExerciseStatEntity stat, bool hasHistory, SetLogEntity log)
    {
        var found = new List<PersonalBest>();
        if (!hasHistory || log.Reps < 1 || log.WeightKg <= 0) return found;
        var e1rm = OneRepMax.Epley(log.WeightKg, log.Reps);
        if (log.WeightKg > stat.BestWeightKg)
            found.Add(new(PersonalBestKinds.HeaviestWeight, log.ExerciseId, log.ExerciseName, log.WeightKg, log.Reps, e1rm,
                $"New PB: {log.ExerciseName}, heaviest ever at {Kg(log.WeightKg)} × {log.Reps}."));
        if (e1rm > stat.BestE1rmKg)
            found.Add(new(PersonalBestKinds.BestEstimatedOneRepMax, log.ExerciseId, log.ExerciseName, log.WeightKg, log.Reps, e1rm,
                $"New PB: {log.ExerciseName}, best estimated 1RM {Kg(e1rm)} (Epley)."));
        if (stat.RepsAtWeight().TryGetValue(WeightKey(log.WeightKg), out var best) && log.Reps > best)
            found.Add(new(PersonalBestKinds.MostRepsAtWeight, log.ExerciseId, log.ExerciseName, log.WeightKg, log.Reps, e1rm,
                $"New PB: {log.ExerciseName}, {log.Reps} reps at {Kg(log.WeightKg)} (was {best})."));
        return found;
    }

    /// <summary>A weight as the key of "most reps at a weight" (to the gram).</summary>
    public static string WeightKey(double kg) => kg.ToString("0.###", CultureInfo.InvariantCulture);

    private static string Kg(double kg) => kg.ToString("0.##", CultureInfo.InvariantCulture) + " kg";
}

/// <summary>What an exercise's stat row keeps as sets come in: its bests and the sets of its two latest workout days.</summary>
public static class ExerciseStats
{
    /// <summary>
    /// Adds one set: raises the bests, counts its day, and files the set under its day (a newer day pushes the latest to "previous").
    /// A row from before days were counted is left uncounted, to be rebuilt from the logs rather than guessed.
    /// </summary>
    public static void Record(ExerciseStatEntity stat, SetLogEntity log)
    {
        stat.ExerciseName = log.ExerciseName;
        if (stat.CountsDays)
        {
            var days = stat.Days();
            if (days.Add(DateOnly.ParseExact(log.WorkoutDate, "yyyy-MM-dd", CultureInfo.InvariantCulture)))
                (stat.LoggedFrom, stat.LoggedDays) = days.Write();
        }
        if (log.Reps >= 1)
        {
            stat.BestWeightKg = Math.Max(stat.BestWeightKg, log.WeightKg);
            stat.BestE1rmKg = Math.Max(stat.BestE1rmKg, OneRepMax.Epley(log.WeightKg, log.Reps));
            var reps = stat.RepsAtWeight();
            var key = PersonalBests.WeightKey(log.WeightKg);
            reps[key] = Math.Max(reps.GetValueOrDefault(key), log.Reps);
            stat.RepsAtWeightJson = StoredJson.Serialize(reps);
        }
        var set = log.ToRecentSet();
        if (stat.LatestDate is null || string.CompareOrdinal(log.WorkoutDate, stat.LatestDate) > 0)
        {
            (stat.PreviousDate, stat.PreviousSetsJson) = (stat.LatestDate, stat.LatestSetsJson);
            (stat.LatestDate, stat.LatestSetsJson) = (log.WorkoutDate, ExerciseStatEntity.SetsJson([set]));
        }
        else if (log.WorkoutDate == stat.LatestDate)
            stat.LatestSetsJson = ExerciseStatEntity.SetsJson(stat.LatestSets().Where(s => s.Id != set.Id).Append(set));
        else if (log.WorkoutDate == stat.PreviousDate)
            stat.PreviousSetsJson = ExerciseStatEntity.SetsJson(stat.PreviousSets().Where(s => s.Id != set.Id).Append(set));
    }

    /// <summary>A stat row rebuilt from all of an exercise's logs (after an edit or a delete).</summary>
    public static ExerciseStatEntity Rebuild(string clientId, string exerciseId, IEnumerable<SetLogEntity> logs)
    {
        var stat = new ExerciseStatEntity { PartitionKey = clientId, RowKey = TrainingRows.Stat + exerciseId };
        foreach (var log in logs.OrderBy(l => l.WorkoutDate, StringComparer.Ordinal).ThenBy(l => l.PerformedAt)) Record(stat, log);
        return stat;
    }

    /// <summary>The sets of <paramref name="date"/> and of the latest day before it, from the two days the stat row keeps.</summary>
    public static (List<SetLog> Today, List<SetLog> Last) Around(ExerciseStatEntity stat, DateOnly date)
    {
        var iso = TrainingDates.Iso(date);
        var days = new[] { (Date: stat.LatestDate, Sets: (Func<List<RecentSet>>)stat.LatestSets), (Date: stat.PreviousDate, Sets: stat.PreviousSets) }
            .Where(d => d.Date is not null).ToList();
        List<SetLog> On(Func<(string? Date, Func<List<RecentSet>> Sets), bool> which) =>
            days.FirstOrDefault(which) is { Date: not null } day ? day.Sets().Select(stat.ToSetLog).ToList() : [];
        return (On(d => d.Date == iso), On(d => string.CompareOrdinal(d.Date, iso) < 0));
    }
}

/// <summary>An exercise's history: its sets, and per workout day the best estimated 1RM and the volume lifted.</summary>
public static class ExerciseHistories
{
    /// <param name="name">The exercise's name when no set names it (none in the range asked for).</param>
    public static ExerciseHistory Of(string exerciseId, string? name, IEnumerable<SetLog> sets)
    {
        var ordered = sets.OrderBy(s => s.PerformedAt).ToList();
        var days = ordered.GroupBy(s => s.WorkoutDate).OrderBy(g => g.Key)
            .Select(g => new HistoryPoint(g.Key, g.Max(s => s.EstimatedOneRepMaxKg), Math.Round(g.Sum(s => s.WeightKg * s.Reps), 1), g.Count()))
            .ToList();
        return new ExerciseHistory(exerciseId, ordered.LastOrDefault()?.ExerciseName ?? name ?? exerciseId, ordered, days);
    }

    /// <summary>The exercises a client has logged, most recently logged first, each with its number of workout days.</summary>
    public static List<LoggedExercise> Logged(IEnumerable<ExerciseStatEntity> stats) =>
        stats.Where(s => s.LatestDate is not null)
            .Select(s => new LoggedExercise(s.ExerciseId, s.ExerciseName ?? s.ExerciseId,
                DateOnly.ParseExact(s.LatestDate!, "yyyy-MM-dd", CultureInfo.InvariantCulture), s.Days().Count))
            .OrderByDescending(e => e.LastLoggedDate).ThenBy(e => e.ExerciseName, StringComparer.OrdinalIgnoreCase)
            .ToList();
}

/// <summary>Which of a client's programs prescribes what on a date.</summary>
public static class TodayPlan
{
    /// <summary>The program that runs on a date: the one that started last, among those covering it.</summary>
    public static ProgramEntity? ProgramOn(IEnumerable<ProgramEntity> programs, DateOnly date, bool activeOnly = false) =>
        programs.Where(p => p.Covers(date) && (!activeOnly || p.Status == ProgramStatuses.Active))
            .OrderByDescending(p => p.StartDate ?? p.CreatedAt).FirstOrDefault();

    /// <summary>The week of the program that runs on a date (1 = the week of its start date), or null without one (or without a start date).</summary>
    public static int? WeekOn(IEnumerable<ProgramEntity> programs, DateOnly date) =>
        ProgramOn(programs, date) is { } program && ProgramEntity.ToDate(program.StartDate) is { } start && start <= date
            ? (date.DayNumber - start.DayNumber) / 7 + 1
            : null;

    /// <summary>
    /// A client's workout on a date: the prescription (with the day's swaps, by program entry), last time's
    /// numbers, what is already logged, the target weight, and the summary once they finished it.
    /// </summary>
    public static TodayWorkout For(IReadOnlyList<ProgramEntity> programs, IReadOnlyDictionary<string, ExerciseStatEntity> stats, DateOnly date,
        IReadOnlyDictionary<string, ExerciseSwapEntity>? swaps = null, IReadOnlyList<WorkoutSessionEntity>? finished = null)
    {
        var program = ProgramOn(programs, date);
        if (program is null)
            return new TodayWorkout(date, null, null, "none", null, [], "No program yet: your coach will set one up.");
        if (program.Status == ProgramStatuses.Paused)
            return new TodayWorkout(date, program.Id, program.Name, ProgramStatuses.Paused, null, [], "Your program is paused. Enjoy the break!");
        var day = program.Day(ProgramSchedule.GridDayFor(date, program.ScheduleOffsetDays));
        if (day is null || day.Exercises.Count == 0)
            return new TodayWorkout(date, program.Id, program.Name, "rest", day?.Title, [], "Rest day. Recover well.");

        var exercises = day.Exercises.Select(entry =>
        {
            var swap = swaps?.GetValueOrDefault(entry.Id);
            var prescription = swap is null ? entry.ToContract() : entry.ToContract() with { ExerciseId = swap.ExerciseId, ExerciseName = swap.ExerciseName };
            var stat = stats.GetValueOrDefault(prescription.ExerciseId);
            var (today, last) = stat is null ? ([], []) : ExerciseStats.Around(stat, date);
            // A swapped exercise has no prescribed weight of its own: last time's numbers guide it.
            var target = swap is null ? TargetWeight(prescription, stat) : null;
            return new TodayExercise(prescription, last, today.Where(s => s.ProgramExerciseId == entry.Id).ToList(), target, swap?.OriginalExerciseName);
        }).ToList();
        var summary = finished?.FirstOrDefault(f => f.RowKey == TrainingRows.DoneKey(TrainingDates.Iso(date), program.Id))?.Summary();
        return new TodayWorkout(date, program.Id, program.Name, ProgramStatuses.Active, day.Title, exercises, "", summary);
    }

    /// <summary>The prescribed weight, or the percentage of the best estimated 1RM rounded to a 2.5 kg plate step.</summary>
    public static double? TargetWeight(ProgramExercise prescription, ExerciseStatEntity? stat) =>
        prescription.WeightKg ?? (prescription.PercentOf1Rm is { } pct && stat is { BestE1rmKg: > 0 }
            ? Math.Round(stat.BestE1rmKg * pct / 100 / 2.5, MidpointRounding.AwayFromZero) * 2.5 : null);
}

/// <summary>Weekly adherence: prescribed sessions of the 7 days up to a date that have at least one logged set.</summary>
public static class AdherenceRule
{
    public static Adherence Compute(IReadOnlyList<ProgramEntity> programs, IReadOnlySet<DateOnly> loggedDays, DateOnly to)
    {
        var from = to.AddDays(-6);
        var prescribed = new HashSet<DateOnly>();
        for (var date = from; date <= to; date = date.AddDays(1))
        {
            // Paused days prescribe nothing.
            var program = TodayPlan.ProgramOn(programs, date, activeOnly: true);
            if (program?.Day(ProgramSchedule.GridDayFor(date, program.ScheduleOffsetDays)) is { Exercises.Count: > 0 }) prescribed.Add(date);
        }
        var completed = prescribed.Count(loggedDays.Contains);
        return new Adherence(from, to, prescribed.Count, completed, prescribed.Count == 0 ? null : Math.Round(100.0 * completed / prescribed.Count, 1));
    }
}

public static class TrainingDates
{
    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>A finished workout's numbers, from the day's sets: how many, the volume lifted, first set to last, the bests set.</summary>
public static class WorkoutSummaries
{
    public static WorkoutSummary Of(string clientId, ProgramEntity program, DateOnly date, IReadOnlyList<SetLogEntity> sets,
        IReadOnlyList<AchievementEntity> achievements, int? rpe, string? comment, DateTimeOffset finishedAt)
    {
        var times = sets.Select(s => s.PerformedAt).Order().ToList();
        int? minutes = times.Count >= 2 ? (int)Math.Round((times[^1] - times[0]).TotalMinutes) : null;
        var logIds = sets.Select(s => s.Id).ToHashSet();
        var bests = achievements.Where(a => logIds.Contains(a.RowKey[TrainingRows.Achievement.Length..])).Select(a => a.Title).ToList();
        var day = program.Day(ProgramSchedule.GridDayFor(date, program.ScheduleOffsetDays));
        return new WorkoutSummary(clientId, date, program.Id, program.Name, day?.Title,
            sets.Select(s => s.ExerciseId).Distinct().Count(), sets.Count, Math.Round(sets.Sum(s => s.WeightKg * s.Reps), 1),
            minutes, bests, rpe, comment, finishedAt);
    }
}
