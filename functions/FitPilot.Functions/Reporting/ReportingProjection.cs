using FitPilot.Contracts.Reporting;
using FitPilot.Functions.Accounts;
using FitPilot.Functions.Billing;
using FitPilot.Functions.CheckIns;
using FitPilot.Functions.Clients;
using FitPilot.Functions.Events;
using FitPilot.Functions.Invitations;
using FitPilot.Functions.Settings;
using FitPilot.Functions.Trainers;
using FitPilot.Functions.Training;
using Microsoft.EntityFrameworkCore;

namespace FitPilot.Functions.Reporting;

/// <summary>
/// Keeps the reporting store up to date from other features' events. Each event writes its fact by natural key (a replay
/// writes the same values over the same row), then the PT's weeks are recomputed from their facts (<see cref="WeeklyRules"/>)
/// and only rows that changed are written: replayed events change nothing. A removed client's facts go with them
/// (their data is deleted everywhere else too); only their ids and join/leave dates stay, for the active and removed counts.
/// Dates are the PT's (their profile's time zone, read at each event, see <see cref="WeeklyRules"/>); when the PT moves
/// to another zone their weeks are recomputed, and join and removal dates already written keep the zone they were written
/// in until a rebuild (which takes current clients' join dates from Table Storage again).
/// </summary>
public sealed class ReportingProjection(IDbContextFactory<ReportingDb> contexts, TrainerStore trainers, TimeProvider clock) :
    IEventHandler<ClientJoined>, IEventHandler<ClientRemoved>, IEventHandler<WorkoutFinished>, IEventHandler<ProgramScheduleChanged>,
    IEventHandler<CheckInSubmitted>, IEventHandler<CheckInReviewed>, IEventHandler<TrialStarted>, IEventHandler<SubscriptionChanged>,
    IEventHandler<TimeZoneChanged>
{
    private const int MaxAttempts = 5;
    /// <summary>One writer per instance (SQLite has one writer per file; Azure SQL's other instances are met by the retry).</summary>
    private readonly SemaphoreSlim _writer = new(1, 1);

    /// <summary>The PT's time zone (their profile's IANA id; null, read as UTC, when unset or the PT is gone).</summary>
    private async Task<string?> ZoneAsync(string trainerId, CancellationToken ct) => (await trainers.FindAsync(trainerId, ct))?.TimeZone;

    private DateOnly Today(string? zone) => WeeklyRules.Day(clock.GetUtcNow(), zone);

    public Task HandleAsync(ClientJoined e, CancellationToken ct) => ChangeAsync(e.TrainerId, async (db, zone) =>
    {
        var client = await db.Clients.FindAsync([e.TrainerId, e.ClientId], ct);
        if (client is null) db.Clients.Add(new ClientFact { TrainerId = e.TrainerId, ClientId = e.ClientId, JoinedOn = WeeklyRules.Day(e.JoinedAt, zone) });
        else if (client.RemovedOn is null) client.JoinedOn = WeeklyRules.Day(e.JoinedAt, zone);
    }, ct);

    public Task HandleAsync(ClientRemoved e, CancellationToken ct) => ChangeAsync(e.TrainerId, async (db, zone) =>
    {
        var client = await db.Clients.FindAsync([e.TrainerId, e.ClientId], ct);
        if (client is { JoinedOn: not null }) client.RemovedOn ??= Today(zone);
        else if (client is not null) db.Clients.Remove(client);
        db.Workouts.RemoveRange(await db.Workouts.Where(w => w.TrainerId == e.TrainerId && w.ClientId == e.ClientId).ToListAsync(ct));
        db.Programs.RemoveRange(await db.Programs.Where(w => w.TrainerId == e.TrainerId && w.ClientId == e.ClientId).ToListAsync(ct));
        db.CheckIns.RemoveRange(await db.CheckIns.Where(w => w.TrainerId == e.TrainerId && w.ClientId == e.ClientId).ToListAsync(ct));
    }, ct);

    public Task HandleAsync(WorkoutFinished e, CancellationToken ct) => ChangeAsync(e.TrainerId, async (db, _) =>
    {
        var s = e.Summary;
        if (await RemovedAsync(db, e.TrainerId, s.ClientId, ct)) return;
        var workout = await db.Workouts.FindAsync([e.TrainerId, s.ClientId, s.Date, s.ProgramId], ct);
        if (workout is null) db.Workouts.Add(new WorkoutFact { TrainerId = e.TrainerId, ClientId = s.ClientId, Date = s.Date, ProgramId = s.ProgramId, PersonalBests = s.PersonalBests.Count });
        else workout.PersonalBests = s.PersonalBests.Count;
    }, ct);

    public Task HandleAsync(ProgramScheduleChanged e, CancellationToken ct) => ChangeAsync(e.TrainerId, async (db, _) =>
    {
        var program = await db.Programs.FindAsync([e.TrainerId, e.ClientId, e.ProgramId], ct);
        if (e.Program is null || await RemovedAsync(db, e.TrainerId, e.ClientId, ct))
        {
            if (program is not null) db.Programs.Remove(program);
            return;
        }
        var fact = WeeklyRules.Fact(e.TrainerId, e.ClientId, e.ProgramId, e.Program);
        if (program is null) db.Programs.Add(fact);
        else db.Entry(program).CurrentValues.SetValues(fact);
    }, ct);

    public Task HandleAsync(CheckInSubmitted e, CancellationToken ct) =>
        CheckInAsync(e.TrainerId, e.ClientId, e.CheckInId, e.DueOn, c => c.SubmittedAt = e.SubmittedAt ?? c.SubmittedAt ?? clock.GetUtcNow(), ct);

    public Task HandleAsync(CheckInReviewed e, CancellationToken ct) =>
        CheckInAsync(e.TrainerId, e.ClientId, e.CheckInId, e.DueOn, c => c.ReviewedAt = e.ReviewedAt ?? c.ReviewedAt ?? clock.GetUtcNow(), ct);

    public Task HandleAsync(TrialStarted e, CancellationToken ct) => WriteAsync(async db =>
    {
        var trial = await db.Trials.FindAsync([e.TrainerId], ct);
        if (trial is null) db.Trials.Add(new TrialFact { TrainerId = e.TrainerId, Tier = e.Tier, StartedAt = e.StartedAt });
    }, ct);

    public Task HandleAsync(SubscriptionChanged e, CancellationToken ct) => WriteAsync(async db =>
    {
        var change = await db.SubscriptionChanges.FindAsync([e.TrainerId, e.Version], ct);
        var fact = new SubscriptionChangeFact { TrainerId = e.TrainerId, Version = e.Version, Status = e.Status, Tier = e.Tier, Interval = e.Interval, AsOf = e.AsOf };
        if (change is null) db.SubscriptionChanges.Add(fact);
        else db.Entry(change).CurrentValues.SetValues(fact);
    }, ct);

    /// <summary>The PT moved to another time zone: their weeks again, in the new zone (a client's move changes no PT week).</summary>
    public Task HandleAsync(TimeZoneChanged e, CancellationToken ct) => e.ClientId is null ? RecomputeAsync(e.TrainerId, ct) : Task.CompletedTask;

    /// <summary>The PT's last <paramref name="weeks"/> weeks (in their time zone), oldest first; weeks before their first fact are zeros.</summary>
    public async Task<WeeklyInsights> WeeklyAsync(string trainerId, int weeks, CancellationToken ct)
    {
        var current = WeeklyRules.WeekStart(Today(await ZoneAsync(trainerId, ct)));
        var from = current.AddDays(-7 * (weeks - 1));
        List<PtWeekRow> rows;
        await using (var db = await contexts.CreateDbContextAsync(ct))
            rows = await db.PtWeeks.AsNoTracking().Where(w => w.TrainerId == trainerId && w.WeekStart >= from).ToListAsync(ct);
        if (!rows.Any(r => r.WeekStart == current))
        {
            // Nothing happened yet this week: bring the PT's weeks up to today (the same computation an event does).
            await RecomputeAsync(trainerId, ct);
            await using var db = await contexts.CreateDbContextAsync(ct);
            rows = await db.PtWeeks.AsNoTracking().Where(w => w.TrainerId == trainerId && w.WeekStart >= from).ToListAsync(ct);
        }
        var byWeek = rows.ToDictionary(r => r.WeekStart);
        var list = new List<WeeklyInsight>();
        for (var week = from; week <= current; week = week.AddDays(7))
            list.Add(WeeklyRules.ToContract(byWeek.GetValueOrDefault(week) ?? new PtWeekRow { TrainerId = trainerId, WeekStart = week, Week = WeeklyRules.WeekName(week) }));
        return new WeeklyInsights(list);
    }

    /// <summary>The PT's weeks from their facts, writing only rows that changed.</summary>
    public Task RecomputeAsync(string trainerId, CancellationToken ct) => ChangeAsync(trainerId, (_, _) => Task.CompletedTask, ct);

    private async Task RecomputeAsync(ReportingDb db, string trainerId, string? zone, CancellationToken ct)
    {
        await db.SaveChangesAsync(ct); // the fact just written takes part
        var facts = new WeeklyRules.Facts(
            await db.Clients.AsNoTracking().Where(c => c.TrainerId == trainerId).ToListAsync(ct),
            await db.Workouts.AsNoTracking().Where(c => c.TrainerId == trainerId).ToListAsync(ct),
            await db.Programs.AsNoTracking().Where(c => c.TrainerId == trainerId).ToListAsync(ct),
            await db.CheckIns.AsNoTracking().Where(c => c.TrainerId == trainerId).ToListAsync(ct));
        var computed = WeeklyRules.Weeks(trainerId, facts, zone, Today(zone)).ToDictionary(r => r.WeekStart);
        var stored = await db.PtWeeks.Where(w => w.TrainerId == trainerId).ToListAsync(ct);
        foreach (var row in stored)
        {
            if (!computed.Remove(row.WeekStart, out var fresh)) db.PtWeeks.Remove(row);
            else if (!WeeklyRules.Same(row, fresh)) db.Entry(row).CurrentValues.SetValues(fresh);
        }
        db.PtWeeks.AddRange(computed.Values);
    }

    private Task CheckInAsync(string trainerId, string clientId, string checkInId, DateOnly dueOn, Action<CheckInFact> change, CancellationToken ct) =>
        ChangeAsync(trainerId, async (db, _) =>
        {
            if (await RemovedAsync(db, trainerId, clientId, ct)) return;
            var checkIn = await db.CheckIns.FindAsync([trainerId, clientId, checkInId], ct);
            if (checkIn is null) db.CheckIns.Add(checkIn = new CheckInFact { TrainerId = trainerId, ClientId = clientId, CheckInId = checkInId, DueOn = dueOn });
            change(checkIn);
        }, ct);

    private static async Task<bool> RemovedAsync(ReportingDb db, string trainerId, string clientId, CancellationToken ct) =>
        await db.Clients.AnyAsync(c => c.TrainerId == trainerId && c.ClientId == clientId && c.RemovedOn != null, ct);

    /// <summary>Writes a fact of a PT, then their weeks (both in the PT's time zone, read before the write).</summary>
    private async Task ChangeAsync(string trainerId, Func<ReportingDb, string?, Task> change, CancellationToken ct)
    {
        var zone = await ZoneAsync(trainerId, ct);
        await WriteAsync(async db =>
        {
            await change(db, zone);
            await RecomputeAsync(db, trainerId, zone, ct);
        }, ct);
    }

    /// <summary>One unit of work in one transaction; a conflict with another instance (a row added meanwhile) starts it again.</summary>
    internal async Task WriteAsync(Func<ReportingDb, Task> work, CancellationToken ct)
    {
        await _writer.WaitAsync(ct);
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                await using var db = await contexts.CreateDbContextAsync(ct);
                try
                {
                    await using var tx = await db.Database.BeginTransactionAsync(ct);
                    await work(db);
                    await db.SaveChangesAsync(ct);
                    await tx.CommitAsync(ct);
                    return;
                }
                catch (DbUpdateException) when (attempt < MaxAttempts)
                {
                    await Task.Delay(Random.Shared.Next(10, 50 * attempt), ct);
                }
            }
        }
        finally { _writer.Release(); }
    }
}
