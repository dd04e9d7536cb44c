using System.Globalization;
using Azure;
using Azure.Data.Tables;
using FitPilot.Contracts.Programs;
using FitPilot.Contracts.Training;
using FitPilot.Functions.Clients;
using FitPilot.Functions.Http;
using FitPilot.Functions.Programs;
using FitPilot.Functions.Storage;

namespace FitPilot.Functions.Training;

/// <summary>
/// The client's training: today's workout, set logs (idempotent by the device's id), personal bests
/// (heaviest weight, best Epley e1RM, most reps at a weight), history and adherence. Today and
/// logging a set are each one query plus at most one transaction on the client's own partition.
/// </summary>
public sealed class TrainingService(StorageClients storage, ClientDirectory clients, PartitionLocks locks, TimeProvider clock) : IClientDataOwner
{
    private const int MaxLogAttempts = 12;
    private const int MaxSetNumber = 20;
    private readonly TableClient _table = storage.Table(StorageNames.TrainingTable);
    private readonly TenantTable _training = new(storage.Table(StorageNames.TrainingTable));

    public async Task<TodayWorkout> TodayAsync(string clientId, DateOnly date, CancellationToken ct)
    {
        var (programs, stats) = await ProgramsAndStatsAsync(clientId, TableClient.CreateQueryFilter($"RowKey ge {TrainingRows.Program} and RowKey lt {"stat~"}"), ct);
        var program = programs.Where(p => p.Covers(date)).OrderByDescending(p => p.StartDate ?? p.CreatedAt).FirstOrDefault();
        if (program is null)
            return new TodayWorkout(date, null, null, "none", null, [], "No program yet: your coach will set one up.");
        if (program.Status == ProgramStatuses.Paused)
            return new TodayWorkout(date, program.Id, program.Name, ProgramStatuses.Paused, null, [], "Your program is paused. Enjoy the break!");
        var day = program.Day(ProgramSchedule.GridDayFor(date, program.ScheduleOffsetDays));
        if (day is null || day.Exercises.Count == 0)
            return new TodayWorkout(date, program.Id, program.Name, "rest", day?.Title, [], "Rest day. Recover well.");

        var exercises = day.Exercises.Select(prescription =>
        {
            var stat = stats.GetValueOrDefault(prescription.ExerciseId);
            var (today, last) = stat is null ? ([], []) : RecentSets(stat, date);
            double? target = prescription.WeightKg ?? (prescription.PercentOf1Rm is { } pct && stat is { BestE1rmKg: > 0 }
                ? Math.Round(stat.BestE1rmKg * pct / 100 / 2.5, MidpointRounding.AwayFromZero) * 2.5 : null);
            return new TodayExercise(prescription, last, today.Where(s => s.ProgramExerciseId == prescription.Id).ToList(), target);
        }).ToList();
        return new TodayWorkout(date, program.Id, program.Name, ProgramStatuses.Active, day.Title, exercises, "");
    }

    /// <summary>
    /// Stores one set, once (the device's id), and updates the exercise's bests and recent sets in the same
    /// transaction. Sets of one client are written one at a time on this instance, and a stats update that
    /// races another instance is retried, so a burst of logs (an offline queue replaying) all succeed.
    /// A set number already taken that day for that exercise of the program makes this an extra set:
    /// it gets the next free number, and the response says which.
    /// </summary>
    public async Task<LogSetResponse> LogSetAsync(string clientId, LogSetRequest request, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var date = request.WorkoutDate ?? today;
        // The client's day may run ahead of UTC (Sydney, Auckland…): one day of slack, no more.
        if (date > today.AddDays(1))
            throw ProblemException.Validation("workoutDate", "A set can be logged for today or an earlier day, not a later one.");
        if (request.PerformedAt > now.AddDays(1))
            throw ProblemException.Validation("performedAt", "A set cannot have been done in the future.");

        using var _ = await locks.EnterAsync(clientId, ct);
        var setNumber = request.SetNumber;
        for (var attempt = 1; ; attempt++)
        {
            var filter = TableClient.CreateQueryFilter($"RowKey eq {TrainingRows.Program + request.ProgramId} or RowKey eq {TrainingRows.Stat + request.ExerciseId}");
            var (programs, stats) = await ProgramsAndStatsAsync(clientId, filter, ct);
            var program = programs.SingleOrDefault();
            var entry = program?.Days().SelectMany(d => d.Exercises).FirstOrDefault(e => e.Id == request.ProgramExerciseId);
            if (program is null || entry is null || entry.ExerciseId != request.ExerciseId)
                throw ProblemException.Validation("programExerciseId", "This exercise is not in your program.");
            if (ProgramEntity.ToDate(program.StartDate) is { } start && date < start || ProgramEntity.ToDate(program.EndDate) is { } end && date > end)
                throw ProblemException.Validation("workoutDate", $"This program runs {Describe(program)}: log sets on its days.");

            var log = new SetLogEntity
            {
                PartitionKey = clientId, RowKey = TrainingRows.Log + request.Id, ProgramId = request.ProgramId,
                ProgramExerciseId = request.ProgramExerciseId, ExerciseId = entry.ExerciseId, ExerciseName = entry.ExerciseName ?? entry.ExerciseId,
                SetNumber = setNumber, WeightKg = request.WeightKg, Reps = request.Reps, Rir = request.Rir, Notes = request.Notes,
                PerformedAt = request.PerformedAt ?? now, WorkoutDate = Iso(date),
            };
            var existing = stats.GetValueOrDefault(entry.ExerciseId);
            var stat = existing ?? new ExerciseStatEntity { PartitionKey = clientId, RowKey = TrainingRows.Stat + entry.ExerciseId };
            var records = PersonalBests(stat, existing is not null, log);
            Record(stat, log);

            var actions = new List<TableTransactionAction>
            {
                new(TableTransactionActionType.Add, log),
                new(TableTransactionActionType.Add, new SetSlotEntity { PartitionKey = clientId, RowKey = TrainingRows.SlotKey(log.WorkoutDate, log.ProgramExerciseId, setNumber), LogId = request.Id }),
                existing is null ? new(TableTransactionActionType.Add, stat) : new(TableTransactionActionType.UpdateReplace, stat, stat.ETag),
            };
            if (records.Count > 0)
                actions.Add(new(TableTransactionActionType.Add, new AchievementEntity
                {
                    PartitionKey = clientId, RowKey = TrainingRows.Achievement + request.Id, Type = "pr", GrantedAt = log.PerformedAt,
                    Title = records[0].Title, Description = string.Join(" ", records.Select(r => r.Title)),
                }));
            try
            {
                await _table.SubmitTransactionAsync(actions, ct);
                return new LogSetResponse(log.ToDto(), records, Replayed: false);
            }
            catch (TableTransactionFailedException e) when (e.FailedTransactionActionIndex == 0 && e.Status == 409)
            {
                // The device sent this set before (a retry or an offline replay): it is stored once.
                var stored = await _training.FindAsync<SetLogEntity>(clientId, log.RowKey, ct);
                if (stored is null) throw;
                return new LogSetResponse(stored.ToDto(), [], Replayed: true);
            }
            catch (TableTransactionFailedException e) when (e.FailedTransactionActionIndex == 1 && e.Status == 409 && attempt < MaxLogAttempts)
            {
                setNumber = await NextFreeSetNumberAsync(clientId, log.WorkoutDate, log.ProgramExerciseId, entry.ExerciseName ?? entry.ExerciseId, ct);
            }
            catch (TableTransactionFailedException e) when (e.Status is 409 or 412 && attempt < MaxLogAttempts)
            {
                // Another instance changed this exercise's stats at the same moment: read again, after a short random pause.
                await Task.Delay(Random.Shared.Next(10, 40 * attempt), ct);
            }
        }
    }

    /// <summary>The number after the highest set already logged for this exercise of the program that day.</summary>
    private async Task<int> NextFreeSetNumberAsync(string clientId, string workoutDate, string programExerciseId, string exerciseName, CancellationToken ct)
    {
        var prefix = TrainingRows.SlotPrefix(workoutDate, programExerciseId);
        var taken = 0;
        await foreach (var slot in _training.QueryPartitionAsync<SetSlotEntity>(clientId, ct,
            TableClient.CreateQueryFilter($"RowKey gt {prefix} and RowKey lt {prefix + "~"}")))
            taken = Math.Max(taken, int.Parse(slot.RowKey[prefix.Length..], CultureInfo.InvariantCulture));
        return taken < MaxSetNumber
            ? taken + 1
            : throw ProblemException.Conflict($"All {MaxSetNumber} sets of {exerciseName} on {workoutDate} are logged already. Edit one of them instead.");
    }

    public async Task<SetLog> UpdateLogAsync(string clientId, string logId, UpdateSetLogRequest request, CancellationToken ct)
    {
        using var _ = await locks.EnterAsync(clientId, ct);
        var log = await _training.FindAsync<SetLogEntity>(clientId, TrainingRows.Log + logId, ct) ?? throw ProblemException.NotFound("No such set.");
        log.WeightKg = request.WeightKg;
        log.Reps = request.Reps;
        log.Rir = request.Rir;
        log.Notes = request.Notes;
        await _training.UpdateAsync(log, ct);
        await RebuildStatAsync(clientId, log.ExerciseId, ct);
        return log.ToDto();
    }

    public async Task DeleteLogAsync(string clientId, string logId, CancellationToken ct)
    {
        using var _ = await locks.EnterAsync(clientId, ct);
        var log = await _training.FindAsync<SetLogEntity>(clientId, TrainingRows.Log + logId, ct) ?? throw ProblemException.NotFound("No such set.");
        await _training.DeleteAsync(clientId, log.RowKey, ct);
        await _training.DeleteAsync(clientId, TrainingRows.SlotKey(log.WorkoutDate, log.ProgramExerciseId, log.SetNumber), ct);
        await RebuildStatAsync(clientId, log.ExerciseId, ct);
    }

    public async Task<ExerciseHistory> HistoryAsync(string clientId, string exerciseId, CancellationToken ct)
    {
        var sets = (await LogsAsync(clientId, TableClient.CreateQueryFilter($"ExerciseId eq {exerciseId}"), ct)).OrderBy(s => s.PerformedAt).ToList();
        var points = sets.GroupBy(s => s.WorkoutDate).OrderBy(g => g.Key).Select(g => new HistoryPoint(g.Key, g.Max(s => s.EstimatedOneRepMaxKg))).ToList();
        return new ExerciseHistory(exerciseId, sets.LastOrDefault()?.ExerciseName ?? exerciseId, sets, points);
    }

    public async Task<List<SetLog>> LogsAsync(string clientId, DateOnly from, DateOnly to, CancellationToken ct) =>
        (await LogsAsync(clientId, TableClient.CreateQueryFilter($"WorkoutDate ge {Iso(from)} and WorkoutDate le {Iso(to)}"), ct))
            .OrderBy(s => s.PerformedAt).ToList();

    public async Task<List<Achievement>> AchievementsAsync(string clientId, CancellationToken ct)
    {
        var list = new List<Achievement>();
        await foreach (var row in _training.QueryPartitionAsync<AchievementEntity>(clientId, ct,
            TableClient.CreateQueryFilter($"RowKey ge {TrainingRows.Achievement} and RowKey lt {"ach}"}")))
            list.Add(row.ToDto());
        return list.OrderByDescending(a => a.GrantedAt).ToList();
    }

    /// <summary>Sessions done / sessions prescribed in the 7 days up to <paramref name="to"/> (paused days prescribe nothing).</summary>
    public async Task<Adherence> AdherenceAsync(string trainerId, string clientId, DateOnly to, CancellationToken ct)
    {
        await clients.GetAsync(trainerId, clientId, ct);
        var from = to.AddDays(-6);
        var (programs, _) = await ProgramsAndStatsAsync(clientId, TableClient.CreateQueryFilter($"RowKey ge {TrainingRows.Program} and RowKey lt {"prog~"}"), ct);
        var prescribed = new HashSet<DateOnly>();
        for (var date = from; date <= to; date = date.AddDays(1))
        {
            var program = programs.Where(p => p.Covers(date) && p.Status == ProgramStatuses.Active).OrderByDescending(p => p.StartDate ?? p.CreatedAt).FirstOrDefault();
            if (program?.Day(ProgramSchedule.GridDayFor(date, program.ScheduleOffsetDays)) is { Exercises.Count: > 0 }) prescribed.Add(date);
        }
        var logged = (await LogsAsync(clientId, from, to, ct)).Select(s => s.WorkoutDate).ToHashSet();
        var completed = prescribed.Count(logged.Contains);
        return new Adherence(from, to, prescribed.Count, completed, prescribed.Count == 0 ? null : Math.Round(100.0 * completed / prescribed.Count, 1));
    }

    /// <summary>A PT's view of their client's sets between two dates.</summary>
    public async Task<List<SetLog>> ClientLogsAsync(string trainerId, string clientId, DateOnly from, DateOnly to, CancellationToken ct)
    {
        if (from > to || to.DayNumber - from.DayNumber > 366) throw ProblemException.BadQuery("from", "from must be before to, at most a year apart.");
        await clients.GetAsync(trainerId, clientId, ct);
        return await LogsAsync(clientId, from, to, ct);
    }

    /// <summary>A PT's view of their client's history of one exercise.</summary>
    public async Task<ExerciseHistory> ClientHistoryAsync(string trainerId, string clientId, string exerciseId, CancellationToken ct)
    {
        await clients.GetAsync(trainerId, clientId, ct);
        return await HistoryAsync(clientId, exerciseId, ct);
    }

    public async Task DeleteClientDataAsync(string trainerId, string clientId, CancellationToken ct) =>
        await _training.DeletePartitionAsync(clientId, ct);

    private async Task<(List<ProgramEntity> Programs, Dictionary<string, ExerciseStatEntity> Stats)> ProgramsAndStatsAsync(string clientId, string filter, CancellationToken ct)
    {
        var programs = new List<ProgramEntity>();
        var stats = new Dictionary<string, ExerciseStatEntity>();
        await foreach (var row in _training.QueryPartitionAsync<TableEntity>(clientId, ct, filter))
        {
            if (row.RowKey.StartsWith(TrainingRows.Program, StringComparison.Ordinal)) programs.Add(RowMapper.To<ProgramEntity>(row));
            else if (row.RowKey.StartsWith(TrainingRows.Stat, StringComparison.Ordinal)) stats[row.RowKey[TrainingRows.Stat.Length..]] = RowMapper.To<ExerciseStatEntity>(row);
        }
        return (programs, stats);
    }

    private async Task<List<SetLog>> LogsAsync(string clientId, string filter, CancellationToken ct)
    {
        var logs = new List<SetLog>();
        await foreach (var row in _training.QueryPartitionAsync<SetLogEntity>(clientId, ct, LogFilter(filter))) logs.Add(row.ToDto());
        return logs;
    }

    private static string LogFilter(string filter) => $"RowKey ge '{TrainingRows.Log}' and RowKey lt 'log}}' and ({filter})";

    /// <summary>Which bests this set beats. The first time an exercise is logged sets the baseline, not a record.</summary>
    private static List<PersonalBest> PersonalBests(ExerciseStatEntity stat, bool hasHistory, SetLogEntity log)
    {
        var found = new List<PersonalBest>();
        if (!hasHistory || log.Reps < 1 || log.WeightKg <= 0) return found;
        var e1rm = OneRepMax.Epley(log.WeightKg, log.Reps);
        var weightKey = Key(log.WeightKg);
        string Kg(double kg) => kg.ToString("0.##", CultureInfo.InvariantCulture) + " kg";
        if (log.WeightKg > stat.BestWeightKg)
            found.Add(new(PersonalBestKinds.HeaviestWeight, log.ExerciseId, log.ExerciseName, log.WeightKg, log.Reps, e1rm,
                $"New PB: {log.ExerciseName}, heaviest ever at {Kg(log.WeightKg)} × {log.Reps}."));
        if (e1rm > stat.BestE1rmKg)
            found.Add(new(PersonalBestKinds.BestEstimatedOneRepMax, log.ExerciseId, log.ExerciseName, log.WeightKg, log.Reps, e1rm,
                $"New PB: {log.ExerciseName}, best estimated 1RM {Kg(e1rm)} (Epley)."));
        if (stat.RepsAtWeight().TryGetValue(weightKey, out var best) && log.Reps > best)
            found.Add(new(PersonalBestKinds.MostRepsAtWeight, log.ExerciseId, log.ExerciseName, log.WeightKg, log.Reps, e1rm,
                $"New PB: {log.ExerciseName}, {log.Reps} reps at {Kg(log.WeightKg)} (was {best})."));
        return found;
    }

    /// <summary>Updates bests and the two latest workout days' sets with one more set.</summary>
    private static void Record(ExerciseStatEntity stat, SetLogEntity log)
    {
        stat.ExerciseName = log.ExerciseName;
        if (log.Reps >= 1)
        {
            stat.BestWeightKg = Math.Max(stat.BestWeightKg, log.WeightKg);
            stat.BestE1rmKg = Math.Max(stat.BestE1rmKg, OneRepMax.Epley(log.WeightKg, log.Reps));
            var reps = stat.RepsAtWeight();
            reps[Key(log.WeightKg)] = Math.Max(reps.GetValueOrDefault(Key(log.WeightKg)), log.Reps);
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

    /// <summary>
    /// After an edit or delete: recompute the exercise's bests and recent sets from its logs (the truth),
    /// written only over the version read first, so a set logged meanwhile on another instance is not lost.
    /// </summary>
    private async Task RebuildStatAsync(string clientId, string exerciseId, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            var current = await _training.FindAsync<ExerciseStatEntity>(clientId, TrainingRows.Stat + exerciseId, ct);
            var stat = new ExerciseStatEntity { PartitionKey = clientId, RowKey = TrainingRows.Stat + exerciseId };
            var logs = await _training.QueryPartitionAsync<SetLogEntity>(clientId, ct, LogFilter(TableClient.CreateQueryFilter($"ExerciseId eq {exerciseId}"))).ToListAsync(ct);
            foreach (var log in logs.OrderBy(l => l.WorkoutDate, StringComparer.Ordinal).ThenBy(l => l.PerformedAt)) Record(stat, log);
            try
            {
                if (current is null) { if (logs.Count > 0) await _training.AddAsync(stat, ct); }
                else if (logs.Count == 0) await _training.DeleteAsync(clientId, current.RowKey, ct, current.ETag);
                else
                {
                    stat.ETag = current.ETag;
                    await _training.UpdateAsync(stat, ct);
                }
                return;
            }
            catch (ProblemException e) when (e.Status == 409 && attempt < MaxLogAttempts)
            {
                await Task.Delay(Random.Shared.Next(10, 40 * attempt), ct);
            }
        }
    }

    /// <summary>The sets of <paramref name="date"/> and of the latest day before it, from the two days the stat row keeps.</summary>
    private static (List<SetLog> Today, List<SetLog> Last) RecentSets(ExerciseStatEntity stat, DateOnly date)
    {
        var iso = Iso(date);
        var days = new[] { (Date: stat.LatestDate, Sets: (Func<List<RecentSet>>)stat.LatestSets), (Date: stat.PreviousDate, Sets: stat.PreviousSets) }
            .Where(d => d.Date is not null).ToList();
        List<SetLog> On(Func<(string? Date, Func<List<RecentSet>> Sets), bool> which) =>
            days.FirstOrDefault(which) is { Date: not null } day ? day.Sets().Select(stat.ToSetLog).ToList() : [];
        return (On(d => d.Date == iso), On(d => string.CompareOrdinal(d.Date, iso) < 0));
    }

    private static string Describe(ProgramEntity program) =>
        (ProgramEntity.ToDate(program.StartDate), ProgramEntity.ToDate(program.EndDate)) switch
        {
            ({ } s, { } e) => $"from {Iso(s)} to {Iso(e)}",
            ({ } s, null) => $"from {Iso(s)}",
            (null, { } e) => $"until {Iso(e)}",
            _ => "on every day",
        };

    private static string Key(double kg) => kg.ToString("0.###", CultureInfo.InvariantCulture);
    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
