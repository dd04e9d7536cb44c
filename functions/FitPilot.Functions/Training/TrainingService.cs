using System.Globalization;
using Azure.Data.Tables;
using FitPilot.Contracts.Training;
using FitPilot.Functions.Clients;
using FitPilot.Functions.Common;
using FitPilot.Functions.Events;
using FitPilot.Functions.Exercises;
using FitPilot.Functions.Programs;
using FitPilot.Functions.Storage;

namespace FitPilot.Functions.Training;

/// <summary>
/// The client's training: today's workout, set logs (idempotent by the device's id), personal bests,
/// history and adherence (the rules are <see cref="TodayPlan"/>, <see cref="PersonalBests"/>,
/// <see cref="ExerciseStats"/>, <see cref="AdherenceRule"/>). Today and logging a set are each one
/// query plus at most one transaction on the client's own partition.
/// </summary>
public sealed class TrainingService(TrainingStore store, ClientStore clients, ExerciseService exercises, EventBus events, PartitionLocks locks, TimeProvider clock)
    : IEventHandler<ClientRemoved>
{
    private const int MaxLogAttempts = 12;
    private const int MaxSetNumber = 20;

    /// <summary>
    /// The client's workout on a date (their today, in their time zone, when the app does not say), each
    /// exercise with its pictures, instructions and video (kept on the phone for the gym).
    /// </summary>
    public async Task<TodayWorkout> TodayAsync(string clientId, string trainerId, DateOnly date, CancellationToken ct)
    {
        var iso = TrainingDates.Iso(date);
        string Range(string prefix) => TableClient.CreateQueryFilter($"(RowKey ge {prefix} and RowKey lt {prefix + "~"})");
        var filter = $"{TableClient.CreateQueryFilter($"(RowKey ge {TrainingRows.Program} and RowKey lt {"stat~"})")} or {Range($"{TrainingRows.Swap}{iso}|")} or {Range($"{TrainingRows.Done}{iso}|")}";
        var rows = await store.ReadAsync(clientId, filter, ct);
        var plan = TodayPlan.For(rows.Programs, rows.Stats, date, rows.Swaps, rows.Sessions);
        if (plan.Exercises.Count == 0) return plan;
        var details = await exercises.DetailsAsync(trainerId, plan.Exercises.Select(e => e.Prescription.ExerciseId), ct);
        return plan with { Exercises = plan.Exercises.Select(e => e with { Exercise = details.GetValueOrDefault(e.Prescription.ExerciseId) }).ToList() };
    }

    /// <summary>Does another exercise in place of a prescribed one for a day (or goes back to it); answers that day's workout.</summary>
    public async Task<TodayWorkout> SwapAsync(string clientId, string trainerId, SwapExerciseRequest request, CancellationToken ct)
    {
        var iso = TrainingDates.Iso(request.Date);
        var program = (await store.ReadAsync(clientId, TableClient.CreateQueryFilter($"RowKey eq {TrainingRows.Program + request.ProgramId}"), ct)).Programs.SingleOrDefault()
            ?? throw DomainException.Invalid("programId", "This is not one of your programs.");
        var entry = program.Days().SelectMany(d => d.Exercises).FirstOrDefault(e => e.Id == request.ProgramExerciseId)
            ?? throw DomainException.Invalid("programExerciseId", "This exercise is not in your program.");
        var key = TrainingRows.SwapKey(iso, entry.Id);
        if (request.ExerciseId is null || request.ExerciseId == entry.ExerciseId)
            await store.DeleteAsync(clientId, key, ct);
        else
        {
            var exercise = await exercises.FindAsync(trainerId, request.ExerciseId, ct)
                ?? throw DomainException.Invalid("exerciseId", "No such exercise in your coach's library.");
            await store.UpsertAsync(new ExerciseSwapEntity
            {
                PartitionKey = clientId, RowKey = key, ExerciseId = exercise.Id, ExerciseName = exercise.Name, OriginalExerciseName = entry.ExerciseName ?? entry.ExerciseId,
            }, ct);
        }
        return await TodayAsync(clientId, trainerId, request.Date, ct);
    }

    /// <summary>
    /// Finishes a day's workout: its summary (sets, volume, first set to last, the bests set) with the
    /// client's session RPE and comment, kept on the day and sent to the PT's activity feed. Finishing
    /// again replaces it (a forgotten set, another comment).
    /// </summary>
    public async Task<WorkoutSummary> FinishAsync(string clientId, string trainerId, DateOnly clientToday, FinishWorkoutRequest request, CancellationToken ct)
    {
        if (request.Date > clientToday.AddDays(1))
            throw DomainException.Invalid("date", "A workout can be finished on its day or later, not before.");
        var iso = TrainingDates.Iso(request.Date);
        var key = TrainingRows.DoneKey(iso, request.ProgramId);
        var rows = await store.ReadAsync(clientId, TableClient.CreateQueryFilter($"RowKey eq {TrainingRows.Program + request.ProgramId} or RowKey eq {key}"), ct);
        var program = rows.Programs.SingleOrDefault() ?? throw DomainException.Invalid("programId", "This is not one of your programs.");
        var sets = await store.LogsAsync(clientId, TableClient.CreateQueryFilter($"WorkoutDate eq {iso} and ProgramId eq {request.ProgramId}"), ct).ToListAsync(ct);
        if (sets.Count == 0) throw DomainException.Conflict("Log at least one set before finishing the workout.");
        var achievements = await store.QueryAsync<AchievementEntity>(clientId, TableClient.CreateQueryFilter($"RowKey ge {TrainingRows.Achievement} and RowKey lt {"ach}"}"), ct).ToListAsync(ct);
        var summary = WorkoutSummaries.Of(clientId, program, request.Date, sets, achievements, request.Rpe, request.Comment, clock.GetUtcNow());
        var previous = rows.Sessions.SingleOrDefault()?.Summary().FinishedAt;
        await store.UpsertAsync(new WorkoutSessionEntity { PartitionKey = clientId, RowKey = key, SummaryJson = StoredJson.Serialize(summary) }, ct);
        await events.PublishAsync(new WorkoutFinished(trainerId, summary, previous), ct);
        return summary;
    }

    /// <summary>
    /// Stores one set, once (the device's id), and updates the exercise's bests and recent sets in the same
    /// transaction. Sets of one client are written one at a time on this instance, and a stats update that
    /// races another instance is retried, so a burst of logs (an offline queue replaying) all succeed.
    /// A set number already taken that day for that exercise of the program makes this an extra set:
    /// it gets the next free number, and the response says which.
    /// </summary>
    /// <param name="clientToday">The client's date now, in their time zone; a set may be a day ahead of it (a device in another zone).</param>
    public async Task<LogSetResponse> LogSetAsync(string clientId, DateOnly clientToday, LogSetRequest request, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var date = request.WorkoutDate ?? clientToday;
        if (date > clientToday.AddDays(1))
            throw DomainException.Invalid("workoutDate", "A set can be logged for today or an earlier day, not a later one.");
        if (request.PerformedAt > now.AddDays(1))
            throw DomainException.Invalid("performedAt", "A set cannot have been done in the future.");

        using var _ = await locks.EnterAsync(clientId, ct);
        var setNumber = request.SetNumber;
        for (var attempt = 1; ; attempt++)
        {
            var filter = TableClient.CreateQueryFilter(
                $"RowKey eq {TrainingRows.Program + request.ProgramId} or RowKey eq {TrainingRows.Stat + request.ExerciseId} or RowKey eq {TrainingRows.SwapKey(TrainingDates.Iso(date), request.ProgramExerciseId)}");
            var rows = await store.ReadAsync(clientId, filter, ct);
            var stats = rows.Stats;
            var program = rows.Programs.SingleOrDefault();
            var entry = program?.Days().SelectMany(d => d.Exercises).FirstOrDefault(e => e.Id == request.ProgramExerciseId);
            var swap = entry is null ? null : rows.Swaps.GetValueOrDefault(entry.Id);
            // The exercise done: the prescribed one, or the one swapped in for that day.
            if (program is null || entry is null || (swap?.ExerciseId ?? entry.ExerciseId) != request.ExerciseId)
                throw DomainException.Invalid("programExerciseId", "This exercise is not in your program.");
            if (ProgramEntity.ToDate(program.StartDate) is { } start && date < start || ProgramEntity.ToDate(program.EndDate) is { } end && date > end)
                throw DomainException.Invalid("workoutDate", $"This program runs {Describe(program)}: log sets on its days.");

            var log = new SetLogEntity
            {
                PartitionKey = clientId, RowKey = TrainingRows.Log + request.Id, ProgramId = request.ProgramId,
                ProgramExerciseId = request.ProgramExerciseId, ExerciseId = request.ExerciseId,
                ExerciseName = swap?.ExerciseName ?? entry.ExerciseName ?? entry.ExerciseId, SwappedFrom = swap?.OriginalExerciseName,
                SetNumber = setNumber, WeightKg = request.WeightKg, Reps = request.Reps, Rir = request.Rir, Notes = request.Notes,
                PerformedAt = request.PerformedAt ?? now, WorkoutDate = TrainingDates.Iso(date),
            };
            var existing = stats.GetValueOrDefault(request.ExerciseId);
            var stat = existing ?? new ExerciseStatEntity { PartitionKey = clientId, RowKey = TrainingRows.Stat + request.ExerciseId };
            var records = PersonalBests.Beaten(stat, existing is not null, log);
            ExerciseStats.Record(stat, log);

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
                await store.SubmitAsync(actions, ct);
                return new LogSetResponse(log.ToDto(), records, Replayed: false);
            }
            catch (TableTransactionFailedException e) when (e.FailedTransactionActionIndex == 0 && e.Status == 409)
            {
                // The device sent this set before (a retry or an offline replay): it is stored once.
                var stored = await store.FindAsync<SetLogEntity>(clientId, log.RowKey, ct);
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
        await foreach (var slot in store.QueryAsync<SetSlotEntity>(clientId, TableClient.CreateQueryFilter($"RowKey gt {prefix} and RowKey lt {prefix + "~"}"), ct))
            taken = Math.Max(taken, int.Parse(slot.RowKey[prefix.Length..], CultureInfo.InvariantCulture));
        return taken < MaxSetNumber
            ? taken + 1
            : throw DomainException.Conflict($"All {MaxSetNumber} sets of {exerciseName} on {workoutDate} are logged already. Edit one of them instead.");
    }

    public async Task<SetLog> UpdateLogAsync(string clientId, string logId, UpdateSetLogRequest request, CancellationToken ct)
    {
        using var _ = await locks.EnterAsync(clientId, ct);
        var log = await FindLogAsync(clientId, logId, ct);
        log.WeightKg = request.WeightKg;
        log.Reps = request.Reps;
        log.Rir = request.Rir;
        log.Notes = request.Notes;
        await store.UpdateAsync(log, ct);
        await RebuildStatAsync(clientId, log.ExerciseId, ct);
        return log.ToDto();
    }

    public async Task DeleteLogAsync(string clientId, string logId, CancellationToken ct)
    {
        using var _ = await locks.EnterAsync(clientId, ct);
        var log = await FindLogAsync(clientId, logId, ct);
        await store.DeleteAsync(clientId, log.RowKey, ct);
        await store.DeleteAsync(clientId, TrainingRows.SlotKey(log.WorkoutDate, log.ProgramExerciseId, log.SetNumber), ct);
        await RebuildStatAsync(clientId, log.ExerciseId, ct);
    }

    /// <summary>The client's sets of one exercise (all, or from a workout day on) and, per day, the best estimated 1RM and the volume.</summary>
    public async Task<ExerciseHistory> HistoryAsync(string clientId, string exerciseId, DateOnly? from, CancellationToken ct)
    {
        var filter = from is { } first
            ? TableClient.CreateQueryFilter($"ExerciseId eq {exerciseId} and WorkoutDate ge {TrainingDates.Iso(first)}")
            : TableClient.CreateQueryFilter($"ExerciseId eq {exerciseId}");
        var sets = await LogsAsync(clientId, filter, ct);
        // Nothing in the range: the name comes from the exercise's stats, if it was ever logged.
        var name = sets.Count == 0 ? (await store.FindAsync<ExerciseStatEntity>(clientId, TrainingRows.Stat + exerciseId, ct))?.ExerciseName : null;
        return ExerciseHistories.Of(exerciseId, name, sets);
    }

    /// <summary>
    /// A PT's list of the exercises their client has logged, from the stat rows (one query): most recent first,
    /// with the number of workout days. A stat row from before days were counted is rebuilt from the logs first.
    /// </summary>
    public async Task<List<LoggedExercise>> LoggedExercisesAsync(string trainerId, string clientId, CancellationToken ct)
    {
        await clients.GetAsync(trainerId, clientId, ct);
        var statRange = TableClient.CreateQueryFilter($"RowKey ge {TrainingRows.Stat} and RowKey lt {"stat~"}");
        var stats = (await store.ReadAsync(clientId, statRange, ct)).Stats.Values.ToList();
        var uncounted = stats.Where(s => !s.CountsDays).ToList();
        if (uncounted.Count > 0)
        {
            using (await locks.EnterAsync(clientId, ct))
                foreach (var stat in uncounted) await RebuildStatAsync(clientId, stat.ExerciseId, ct);
            stats = (await store.ReadAsync(clientId, statRange, ct)).Stats.Values.ToList();
        }
        return ExerciseHistories.Logged(stats);
    }

    public async Task<List<Achievement>> AchievementsAsync(string clientId, CancellationToken ct)
    {
        var list = new List<Achievement>();
        await foreach (var row in store.QueryAsync<AchievementEntity>(clientId, TableClient.CreateQueryFilter($"RowKey ge {TrainingRows.Achievement} and RowKey lt {"ach}"}"), ct))
            list.Add(row.ToDto());
        return list.OrderByDescending(a => a.GrantedAt).ToList();
    }

    /// <summary>Sessions done / sessions prescribed in the 7 days up to <paramref name="to"/> (default: the client's today, in their time zone).</summary>
    public async Task<Adherence> AdherenceAsync(string trainerId, string clientId, DateOnly? to, CancellationToken ct)
    {
        var client = await clients.GetAsync(trainerId, clientId, ct);
        var last = to ?? UserTime.Today(client.TimeZone, clock.GetUtcNow());
        var programs = (await store.ReadAsync(clientId, TableClient.CreateQueryFilter($"RowKey ge {TrainingRows.Program} and RowKey lt {"prog~"}"), ct)).Programs;
        var logged = (await LogsBetweenAsync(clientId, last.AddDays(-6), last, ct)).Select(s => s.WorkoutDate).ToHashSet();
        return AdherenceRule.Compute(programs, logged, last);
    }

    /// <summary>How many workouts the client has finished (one per day and program, however often it was finished again).</summary>
    public async Task<int> FinishedWorkoutCountAsync(string clientId, CancellationToken ct)
    {
        var count = 0;
        await foreach (var _ in store.KeysAsync(clientId, TableClient.CreateQueryFilter($"RowKey ge {TrainingRows.Done} and RowKey lt {"done}"}"), ct)) count++;
        return count;
    }

    /// <summary>
    /// Adherence of <paramref name="weeks"/> ISO weeks (Monday to Sunday), newest first, the first being the week of
    /// <paramref name="date"/> (whole weeks: its later days count as prescribed). Two queries whatever the number of weeks.
    /// </summary>
    public async Task<List<Adherence>> WeeklyAdherenceAsync(string clientId, DateOnly date, int weeks, CancellationToken ct)
    {
        var sunday = date.AddDays(6 - ((int)date.DayOfWeek + 6) % 7);
        var programs = (await store.ReadAsync(clientId, TableClient.CreateQueryFilter($"RowKey ge {TrainingRows.Program} and RowKey lt {"prog~"}"), ct)).Programs;
        var logged = (await LogsBetweenAsync(clientId, sunday.AddDays(-7 * weeks + 1), sunday, ct)).Select(s => s.WorkoutDate).ToHashSet();
        return Enumerable.Range(0, weeks).Select(w => AdherenceRule.Compute(programs, logged, sunday.AddDays(-7 * w))).ToList();
    }

    /// <summary>A PT's view of their client's sets between two dates (default: the client's last 7 days).</summary>
    public async Task<List<SetLog>> ClientLogsAsync(string trainerId, string clientId, DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        var client = await clients.GetAsync(trainerId, clientId, ct);
        var last = to ?? UserTime.Today(client.TimeZone, clock.GetUtcNow());
        var first = from ?? last.AddDays(-6);
        if (first > last || last.DayNumber - first.DayNumber > 366) throw DomainException.Invalid("from", "from must be before to, at most a year apart.");
        return await LogsBetweenAsync(clientId, first, last, ct);
    }

    /// <summary>Every set the client ever logged, in the order they were done (for the CSV export; the caller has checked the client is theirs).</summary>
    public async Task<List<SetLog>> AllLogsAsync(string clientId, CancellationToken ct) =>
        (await LogsAsync(clientId, TableClient.CreateQueryFilter($"WorkoutDate ge {"0"}"), ct)).OrderBy(s => s.PerformedAt).ToList();

    /// <summary>A PT's view of their client's history of one exercise.</summary>
    public async Task<ExerciseHistory> ClientHistoryAsync(string trainerId, string clientId, string exerciseId, DateOnly? from, CancellationToken ct)
    {
        await clients.GetAsync(trainerId, clientId, ct);
        return await HistoryAsync(clientId, exerciseId, from, ct);
    }

    /// <summary>The week of the client's program on a date (1 = its first week), null when none runs then: progress photos are labelled with it.</summary>
    public async Task<int?> ProgramWeekAsync(string clientId, DateOnly date, CancellationToken ct)
    {
        var programs = (await store.ReadAsync(clientId, TableClient.CreateQueryFilter($"RowKey ge {TrainingRows.Program} and RowKey lt {"prog~"}"), ct)).Programs;
        return TodayPlan.WeekOn(programs, date);
    }

    /// <summary>Whether the client's training is paused: they have a paused program and none running (check-in reminders wait meanwhile).</summary>
    public async Task<bool> PausedAsync(string clientId, CancellationToken ct)
    {
        var programs = (await store.ReadAsync(clientId, TableClient.CreateQueryFilter($"RowKey ge {TrainingRows.Program} and RowKey lt {"prog~"}"), ct)).Programs;
        return programs.Any(p => p.Status == Contracts.Programs.ProgramStatuses.Paused) && !programs.Any(p => p.Status == Contracts.Programs.ProgramStatuses.Active);
    }

    /// <summary>A removed client's training partition goes with them (their program copies, logs, stats, achievements).</summary>
    public Task HandleAsync(ClientRemoved removed, CancellationToken ct) => store.DeletePartitionAsync(removed.ClientId, ct);

    private async Task<SetLogEntity> FindLogAsync(string clientId, string logId, CancellationToken ct) =>
        await store.FindAsync<SetLogEntity>(clientId, TrainingRows.Log + logId, ct) ?? throw DomainException.NotFound("No such set.");

    private async Task<List<SetLog>> LogsBetweenAsync(string clientId, DateOnly from, DateOnly to, CancellationToken ct) =>
        (await LogsAsync(clientId, TableClient.CreateQueryFilter($"WorkoutDate ge {TrainingDates.Iso(from)} and WorkoutDate le {TrainingDates.Iso(to)}"), ct))
            .OrderBy(s => s.PerformedAt).ToList();

    private async Task<List<SetLog>> LogsAsync(string clientId, string filter, CancellationToken ct)
    {
        var logs = new List<SetLog>();
        await foreach (var row in store.LogsAsync(clientId, filter, ct)) logs.Add(row.ToDto());
        return logs;
    }

    /// <summary>
    /// After an edit or delete: recompute the exercise's bests and recent sets from its logs (the truth),
    /// written only over the version read first, so a set logged meanwhile on another instance is not lost.
    /// </summary>
    private async Task RebuildStatAsync(string clientId, string exerciseId, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            var current = await store.FindAsync<ExerciseStatEntity>(clientId, TrainingRows.Stat + exerciseId, ct);
            var logs = await store.LogsAsync(clientId, TableClient.CreateQueryFilter($"ExerciseId eq {exerciseId}"), ct).ToListAsync(ct);
            var stat = ExerciseStats.Rebuild(clientId, exerciseId, logs);
            try
            {
                if (current is null) { if (logs.Count > 0) await store.AddAsync(stat, ct); }
                else if (logs.Count == 0) await store.DeleteAsync(clientId, current.RowKey, ct, current.ETag);
                else
                {
                    stat.ETag = current.ETag;
                    await store.UpdateAsync(stat, ct);
                }
                return;
            }
            catch (DomainException e) when (e.Kind == DomainErrorKind.Conflict && attempt < MaxLogAttempts)
            {
                await Task.Delay(Random.Shared.Next(10, 40 * attempt), ct);
            }
        }
    }

    private static string Describe(ProgramEntity program) =>
        (ProgramEntity.ToDate(program.StartDate), ProgramEntity.ToDate(program.EndDate)) switch
        {
            ({ } s, { } e) => $"from {TrainingDates.Iso(s)} to {TrainingDates.Iso(e)}",
            ({ } s, null) => $"from {TrainingDates.Iso(s)}",
            (null, { } e) => $"until {TrainingDates.Iso(e)}",
            _ => "on every day",
        };
}
