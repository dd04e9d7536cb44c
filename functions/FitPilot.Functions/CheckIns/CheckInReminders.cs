using System.Globalization;
using Azure.Data.Tables;
using FitPilot.Contracts.Clients;
using FitPilot.Functions.Clients;
using FitPilot.Functions.Common;
using FitPilot.Functions.Email;
using FitPilot.Functions.Events;
using FitPilot.Functions.Http;
using FitPilot.Functions.Settings;
using FitPilot.Functions.Trainers;
using FitPilot.Functions.Training;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FitPilot.Functions.CheckIns;

/// <summary>
/// The hourly pass of <c>SendCheckInReminders</c>, given the moment it runs for (tests pass any clock).
/// <para>Reminders: one query reads every schedule (partition <c>index-schedules</c>). A schedule whose due moment has passed
/// while the client is still inside that period (<see cref="CheckInRules.ReminderDue"/>), and whose hint says it was not finished
/// with, is looked at: removed clients, paused training, reminders turned off and lapsed PTs are skipped; a check-in already
/// submitted needs none. Otherwise a receipt row (<c>rem|{due}</c> in the client's partition, carrying this run's id) is inserted
/// only if absent <em>before</em> the email is queued and <see cref="CheckInDue"/> published: of two runs, overlapping or
/// repeated, one wins the insert and the other sends nothing; a run that missed hours sends late, once. If queueing fails after the
/// claim, that reminder is skipped rather than sent twice (as the trial timer's notices).</para>
/// <para>Digest: one query reads every pending summary (partition <c>index-pending</c>) and one the digest receipts of the last
/// days (partition <c>index-digests</c>); each PT with at least one pending check-in, at or after 08:00 in their zone, without a
/// receipt for their local date, gets one email after the receipt is inserted the same way.</para>
/// </summary>
public sealed class CheckInReminders(
    CheckInStore store, ClientStore clients, TrainerStore trainers, SettingsService settings, TrainingService training, IWriteGate writeGate,
    EmailOutbox outbox, EventBus events, IOptions<AppOptions> app, ILogger<CheckInReminders> log)
{
    public sealed record Result(int Due, int Reminded, int Skipped, int Digests);

    public async Task<Result> RunAsync(DateTimeOffset now, CancellationToken ct)
    {
        var run = Ids.New();
        var lapsed = new Dictionary<string, bool>();
        int due = 0, reminded = 0, skipped = 0;
        var schedules = new List<CheckInScheduleEntity>();
        await foreach (var s in store.QueryAsync<CheckInScheduleEntity>(CheckInRows.Schedules, null, ct)) schedules.Add(s);
        foreach (var schedule in schedules)
        {
            if (CheckInRules.ReminderDue(schedule.Start, schedule.DayOfWeek, schedule.LocalTime, schedule.TimeZone, now) is not { } dueOn) continue;
            if (schedule.RemindedDueOn == CheckInRows.Iso(dueOn)) continue;
            due++;
            try
            {
                switch (await RemindAsync(schedule, dueOn, run, lapsed, now, ct))
                {
                    case Outcome.Sent: reminded++; break;
                    case Outcome.Skipped: skipped++; break;
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning(e, "Check-in reminder for client {ClientId} failed; the next run tries again", schedule.ClientId);
            }
        }
        var digests = await DigestsAsync(now, run, lapsed, ct);
        log.LogInformation("Check-ins: {Due} due, {Reminded} reminded, {Skipped} skipped, {Digests} digests", due, reminded, skipped, digests);
        return new Result(due, reminded, skipped, digests);
    }

    private enum Outcome { Sent, Skipped, Done }

    private async Task<Outcome> RemindAsync(CheckInScheduleEntity schedule, DateOnly dueOn, string run, Dictionary<string, bool> lapsed, DateTimeOffset now, CancellationToken ct)
    {
        var client = await clients.FindAsync(schedule.TrainerId, schedule.ClientId, ct);
        if (client is null) return Outcome.Skipped; // removed: ClientRemoved deletes the schedule
        if (client.Status != ClientStatuses.Active) return Outcome.Skipped;
        if (await IsLapsedAsync(schedule.TrainerId, lapsed, ct)) return Outcome.Skipped;
        if (!(await settings.GetNotificationsAsync(client.Id, ct)).CheckInReminders) return Outcome.Skipped;
        if (await training.PausedAsync(client.Id, ct)) return Outcome.Skipped;
        var checkIn = await store.FindAsync<CheckInEntity>(client.Id, CheckInRows.CheckInKey(dueOn), ct);
        if (checkIn is { Submitted: true })
        {
            await MarkAsync(schedule, dueOn, ct);
            return Outcome.Done;
        }
        // The claim comes first: whoever inserts the receipt sends; everyone else has nothing to do.
        var receipt = new ReceiptEntity { PartitionKey = client.Id, RowKey = CheckInRows.ReminderKey(dueOn), Run = run, SentAt = now };
        if (!await store.TryAddAsync(receipt, ct))
        {
            await MarkAsync(schedule, dueOn, ct);
            return Outcome.Done;
        }
        var id = CheckInRows.Iso(dueOn);
        await outbox.EnqueueAsync(EmailTemplates.Render("CheckInDue", client.Email, client.Name, "Your weekly check-in is due",
            new Dictionary<string, string>
            {
                ["name"] = client.Name,
                ["due"] = dueOn.ToString("dddd d MMM", CultureInfo.InvariantCulture),
                ["link"] = app.Value.Link("/app/check-in"),
            }), ct);
        await events.PublishAsync(new CheckInDue(schedule.TrainerId, client.Id, id, dueOn), ct);
        await MarkAsync(schedule, dueOn, ct);
        return Outcome.Sent;
    }

    /// <summary>The hint on the schedule: this period is finished with, so the next runs skip it without a read. Best effort (the receipt decides).</summary>
    private async Task MarkAsync(CheckInScheduleEntity schedule, DateOnly dueOn, CancellationToken ct)
    {
        schedule.RemindedDueOn = CheckInRows.Iso(dueOn);
        try { await store.UpdateAsync(schedule, ct); }
        catch (DomainException) { } // the PT changed the schedule meanwhile: the next run reads the receipt instead
    }

    private async Task<bool> IsLapsedAsync(string trainerId, Dictionary<string, bool> lapsed, CancellationToken ct)
    {
        if (!lapsed.TryGetValue(trainerId, out var value))
            lapsed[trainerId] = value = await writeGate.RefusalAsync(trainerId, ct) is not null;
        return value;
    }

    private async Task<int> DigestsAsync(DateTimeOffset now, string run, Dictionary<string, bool> lapsed, CancellationToken ct)
    {
        var pending = new List<PendingCheckInEntity>();
        await foreach (var p in store.QueryAsync<PendingCheckInEntity>(CheckInRows.Pending, null, ct)) pending.Add(p);
        // Local dates lie within a day of UTC's: receipts from two days back on cover every zone; older ones are swept.
        var since = DateOnly.FromDateTime(now.UtcDateTime).AddDays(-2);
        var sent = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var r in store.QueryAsync<ReceiptEntity>(CheckInRows.Digests, TableClient.CreateQueryFilter($"RowKey ge {CheckInRows.Iso(since)}"), ct)) sent.Add(r.RowKey);
        if (now.UtcDateTime.Hour == 3) // once a day
            await store.DeleteWhereAsync(CheckInRows.Digests, TableClient.CreateQueryFilter($"RowKey lt {CheckInRows.Iso(since)}"), ct);

        var count = 0;
        foreach (var group in pending.GroupBy(p => p.TrainerId))
        {
            var zone = group.OrderByDescending(p => p.SubmittedAt).First().TrainerTimeZone;
            var (reached, localDate) = CheckInRules.DigestDay(zone, now);
            if (!reached || sent.Contains(CheckInRows.DigestKey(localDate, group.Key))) continue;
            try
            {
                if (await IsLapsedAsync(group.Key, lapsed, ct)) continue;
                var trainer = await trainers.FindAsync(group.Key, ct);
                if (trainer is null) continue;
                var receipt = new ReceiptEntity { PartitionKey = CheckInRows.Digests, RowKey = CheckInRows.DigestKey(localDate, group.Key), Run = run, SentAt = now };
                if (!await store.TryAddAsync(receipt, ct)) continue;
                var n = group.Count();
                await outbox.EnqueueAsync(EmailTemplates.Render("CheckInDigest", trainer.Email, trainer.Name,
                    n == 1 ? "1 check-in is waiting for your review" : $"{n} check-ins are waiting for your review",
                    new Dictionary<string, string>
                    {
                        ["name"] = trainer.Name,
                        ["count"] = n == 1 ? "1 check-in is" : $"{n} check-ins are",
                        ["clients"] = string.Join(", ", group.Select(p => p.ClientName).Distinct().Order(StringComparer.OrdinalIgnoreCase)),
                        ["link"] = app.Value.Link("/pt/check-ins"),
                    }), ct);
                count++;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning(e, "Check-in digest for PT {TrainerId} failed; the next run tries again", group.Key);
            }
        }
        return count;
    }
}
