using FitPilot.Functions.CheckIns;
using FitPilot.Contracts.Engagement;
using FitPilot.Functions.Clients;
using FitPilot.Functions.Common;
using FitPilot.Functions.Events;
using FitPilot.Functions.Storage;

namespace FitPilot.Functions.Habits;

/// <summary>
/// Habits a PT gives their client, and the client's ticks (today or yesterday, in their time zone). A PT's
/// calls read the client's row under the PT first, so another PT's client is a 404. Progress is
/// <see cref="HabitStreaks"/>; each tick publishes <see cref="HabitTicked"/>.
/// </summary>
public sealed class HabitService(HabitStore store, ClientStore clients, EventBus events, PartitionLocks locks, TimeProvider clock)
    : IEventHandler<ClientRemoved>, ICheckInHabits
{
    public const int MaxHabitsPerClient = 30;

    /// <summary>A PT's view: every habit of their client (ended ones too), with progress in the client's time zone.</summary>
    public async Task<List<HabitProgress>> ClientHabitsAsync(string trainerId, string clientId, CancellationToken ct)
    {
        var client = await clients.GetAsync(trainerId, clientId, ct);
        var rows = await store.ReadAsync(clientId, null, ct);
        var today = UserTime.Today(client.TimeZone, clock.GetUtcNow());
        return rows.Habits.OrderBy(h => h.CreatedAt).Select(h => Progress(h, rows.Ticks, today)).ToList();
    }

    /// <summary>The client's own active habits (started, not ended) on their today.</summary>
    public async Task<List<HabitProgress>> MyHabitsAsync(string clientId, DateOnly today, CancellationToken ct)
    {
        var rows = await store.ReadAsync(clientId, null, ct);
        return rows.Habits.Where(h => IsActive(h, today)).OrderBy(h => h.CreatedAt).Select(h => Progress(h, rows.Ticks, today)).ToList();
    }

    public async Task<Habit> CreateAsync(string trainerId, string clientId, SaveHabitRequest request, CancellationToken ct)
    {
        await clients.GetAsync(trainerId, clientId, ct);
        Validate(request);
        using var _ = await locks.EnterAsync(clientId, ct);
        var existing = await store.ReadAsync(clientId, Azure.Data.Tables.TableClient.CreateQueryFilter($"RowKey ge {HabitRows.Habit} and RowKey lt {"habit}"}"), ct);
        if (existing.Habits.Count >= MaxHabitsPerClient)
            throw DomainException.Conflict($"A client can have at most {MaxHabitsPerClient} habits. Delete one first.", "Too many habits");
        var habit = new HabitEntity { PartitionKey = clientId, RowKey = HabitRows.HabitKey(Ids.New()), TrainerId = trainerId, CreatedAt = clock.GetUtcNow() };
        habit.Apply(request);
        await store.AddAsync(habit, ct);
        await events.PublishAsync(Scheduled(trainerId, habit, deleted: false), ct);
        return habit.ToDto();
    }

    public async Task<Habit> UpdateAsync(string trainerId, string clientId, string habitId, SaveHabitRequest request, CancellationToken ct)
    {
        await clients.GetAsync(trainerId, clientId, ct);
        Validate(request);
        var habit = (await store.ReadAsync(clientId, Azure.Data.Tables.TableClient.CreateQueryFilter($"RowKey eq {HabitRows.HabitKey(habitId)}"), ct)).Habits.SingleOrDefault()
            ?? throw DomainException.NotFound("No such habit.");
        habit.Apply(request);
        await store.UpdateAsync(habit, ct);
        await events.PublishAsync(Scheduled(trainerId, habit, deleted: false), ct);
        return habit.ToDto();
    }

    /// <summary>Deletes a habit and its ticks (the ticks first: a failure half-way leaves the habit to delete again).</summary>
    public async Task DeleteAsync(string trainerId, string clientId, string habitId, CancellationToken ct)
    {
        await clients.GetAsync(trainerId, clientId, ct);
        var rows = await store.ReadHabitAsync(clientId, habitId, ct);
        if (rows.Habits.Count == 0) throw DomainException.NotFound("No such habit.");
        await store.DeleteAllAsync(clientId, rows.Ticks, ct);
        await store.DeleteAsync(clientId, rows.Habits[0].RowKey, ct);
        await events.PublishAsync(Scheduled(trainerId, rows.Habits[0], deleted: true), ct);
    }

    /// <summary>The habit's target and days for the dashboard's "due" counts (from its start date, else the day it was given).</summary>
    private static HabitScheduled Scheduled(string trainerId, HabitEntity habit, bool deleted) =>
        new(trainerId, habit.PartitionKey, habit.Id, habit.TimesPerWeek, HabitRows.Date(habit.StartsOn) ?? DateOnly.FromDateTime(habit.CreatedAt.UtcDateTime),
            HabitRows.Date(habit.EndsOn), deleted);

    /// <summary>
    /// Ticks (or unticks) a habit for today or yesterday in the client's time zone: one row per habit and day, so a
    /// repeated tick changes nothing. Answers the habit's progress after it.
    /// </summary>
    public async Task<HabitProgress> TickAsync(string trainerId, string clientId, string habitId, DateOnly today, TickHabitRequest request, CancellationToken ct)
    {
        if (request.Date > today) throw DomainException.Invalid("date", "A habit cannot be ticked for a day that has not come yet.");
        if (request.Date < today.AddDays(-1)) throw DomainException.Invalid("date", "A habit can be ticked for today or yesterday only.");
        var rows = await store.ReadHabitAsync(clientId, habitId, ct);
        var habit = rows.Habits.SingleOrDefault() ?? throw DomainException.NotFound("No such habit.");
        if (HabitRows.Date(habit.StartsOn) is { } starts && request.Date < starts || HabitRows.Date(habit.EndsOn) is { } ends && request.Date > ends)
            throw DomainException.Invalid("date", "This habit does not run on that day.");
        var key = HabitRows.TickKey(habitId, request.Date);
        var ticked = rows.Ticks.Any(t => t.RowKey == key);
        if (request.Done && !ticked)
        {
            var tick = new HabitTickEntity { PartitionKey = clientId, RowKey = key, HabitId = habitId, Date = HabitRows.Iso(request.Date), TickedAt = clock.GetUtcNow() };
            await store.UpsertAsync(tick, ct);
            rows.Ticks.Add(tick);
        }
        else if (!request.Done && ticked)
        {
            await store.DeleteAsync(clientId, key, ct);
            rows.Ticks.RemoveAll(t => t.RowKey == key);
        }
        var progress = Progress(habit, rows.Ticks, today);
        if (request.Done != ticked)
            await events.PublishAsync(new HabitTicked(trainerId, clientId, habitId, habit.Title, request.Date, request.Done, progress.CurrentStreak, progress.StreakUnit), ct);
        return progress;
    }

    /// <summary>For a check-in review: the share of the client's habits done between two dates, or null when none was due.</summary>
    public async Task<double?> CompletionPercentAsync(string clientId, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var rows = await store.ReadAsync(clientId, null, ct);
        int due = 0, done = 0;
        foreach (var habit in rows.Habits)
        {
            var days = rows.Ticks.Where(t => t.HabitId == habit.Id).Select(t => HabitRows.Date(t.Date)!.Value);
            // Without a first day, a habit is due from the day it was given (its UTC date: the client's zone is not at hand).
            var startsOn = HabitRows.Date(habit.StartsOn) ?? DateOnly.FromDateTime(habit.CreatedAt.UtcDateTime);
            var (d, n) = HabitStreaks.Completion(habit.TimesPerWeek, startsOn, HabitRows.Date(habit.EndsOn), days, from, to);
            due += d;
            done += n;
        }
        return due == 0 ? null : Math.Round(100.0 * done / due, 1);
    }

    /// <summary>A removed client's habits and ticks go with them.</summary>
    public Task HandleAsync(ClientRemoved removed, CancellationToken ct) => store.DeletePartitionAsync(removed.ClientId, ct);

    private static bool IsActive(HabitEntity habit, DateOnly today) =>
        !(HabitRows.Date(habit.StartsOn) is { } s && s > today) && !(HabitRows.Date(habit.EndsOn) is { } e && e < today);

    private static HabitProgress Progress(HabitEntity habit, IEnumerable<HabitTickEntity> ticks, DateOnly today)
    {
        var days = ticks.Where(t => t.HabitId == habit.Id).Select(t => HabitRows.Date(t.Date)!.Value);
        var r = HabitStreaks.Compute(habit.TimesPerWeek, HabitRows.Date(habit.StartsOn), HabitRows.Date(habit.EndsOn), days, today);
        return new HabitProgress(habit.ToDto(), r.DoneToday, r.DoneYesterday, r.CurrentStreak, r.BestStreak, r.Unit, r.DoneThisWeek, r.TargetThisWeek, r.DoneDays);
    }

    private static void Validate(SaveHabitRequest request)
    {
        if (request.StartsOn is { } s && request.EndsOn is { } e && e < s)
            throw DomainException.Invalid("endsOn", "The last day must be on or after the first day.");
    }
}
