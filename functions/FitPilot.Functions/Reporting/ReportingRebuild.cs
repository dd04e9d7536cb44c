using Azure.Data.Tables;
using FitPilot.Contracts.Clients;
using FitPilot.Contracts.Trainers;
using FitPilot.Functions.Billing;
using FitPilot.Functions.CheckIns;
using FitPilot.Functions.Clients;
using FitPilot.Functions.Trainers;
using FitPilot.Functions.Training;
using Microsoft.EntityFrameworkCore;

namespace FitPilot.Functions.Reporting;

/// <summary>
/// Recomputes the reporting store from the system of record (Table Storage): every PT's clients, program copies, finished
/// workouts and check-ins, their trial and their subscription, then their weeks — the same facts the events write, so the
/// same rows. What Table Storage no longer holds is kept: a removed client's ids and dates (their data is deleted on
/// removal) and past subscription changes (Billing keeps only the current state; a rebuild records that state once).
/// </summary>
public sealed class ReportingRebuild(
    IDbContextFactory<ReportingDb> contexts, ReportingProjection projection, TrainerStore trainers, ClientStore clients,
    TrainingStore training, CheckInStore checkIns, BillingStore billing)
{
    public sealed record RebuildResult(int Trainers, int Clients, int Workouts, int CheckIns);

    /// <summary>Every PT: the store's facts are cleared first (a PT deleted since leaves nothing behind), then each PT is written anew.</summary>
    public async Task<RebuildResult> RebuildAsync(CancellationToken ct)
    {
        await using (var db = await contexts.CreateDbContextAsync(ct))
        {
            await db.Database.EnsureCreatedAsync(ct);
            await db.Clients.Where(c => c.RemovedOn == null).ExecuteDeleteAsync(ct);
            await db.Workouts.ExecuteDeleteAsync(ct);
            await db.Programs.ExecuteDeleteAsync(ct);
            await db.CheckIns.ExecuteDeleteAsync(ct);
            await db.PtWeeks.ExecuteDeleteAsync(ct);
            await db.Trials.ExecuteDeleteAsync(ct);
        }
        var total = new RebuildResult(0, 0, 0, 0);
        await foreach (var trainer in trainers.AllAsync(ct))
        {
            var one = await WriteAsync(trainer, ct);
            total = new RebuildResult(total.Trainers + 1, total.Clients + one.Clients, total.Workouts + one.Workouts, total.CheckIns + one.CheckIns);
        }
        return total;
    }

    /// <summary>One PT: their facts (but a removed client's dates) replaced by what Table Storage holds, then their weeks.</summary>
    public async Task<RebuildResult> RebuildTrainerAsync(string trainerId, CancellationToken ct)
    {
        var trainer = await trainers.FindAsync(trainerId, ct) ?? throw new InvalidOperationException($"No PT {trainerId}.");
        await using (var db = await contexts.CreateDbContextAsync(ct))
        {
            await db.Clients.Where(c => c.TrainerId == trainerId && c.RemovedOn == null).ExecuteDeleteAsync(ct);
            await db.Workouts.Where(c => c.TrainerId == trainerId).ExecuteDeleteAsync(ct);
            await db.Programs.Where(c => c.TrainerId == trainerId).ExecuteDeleteAsync(ct);
            await db.CheckIns.Where(c => c.TrainerId == trainerId).ExecuteDeleteAsync(ct);
            await db.PtWeeks.Where(c => c.TrainerId == trainerId).ExecuteDeleteAsync(ct);
            await db.Trials.Where(c => c.TrainerId == trainerId).ExecuteDeleteAsync(ct);
        }
        return await WriteAsync(trainer, ct);
    }

    private async Task<RebuildResult> WriteAsync(TrainerEntity trainer, CancellationToken ct)
    {
        var facts = await FactsAsync(trainer, ct);
        var subscription = await billing.FindSubscriptionAsync(trainer.Id, ct);
        await projection.WriteAsync(async db =>
        {
            db.Clients.AddRange(facts.Clients);
            db.Workouts.AddRange(facts.Workouts);
            db.Programs.AddRange(facts.Programs);
            db.CheckIns.AddRange(facts.CheckIns);
            db.Trials.Add(new TrialFact { TrainerId = trainer.Id, Tier = SubscriptionTiers.Solo, StartedAt = trainer.TrialStartDate });
            if (subscription is { Status: not null, StateAsOf: { } asOf } && await db.SubscriptionChanges.FindAsync([trainer.Id, subscription.Version], ct) is null)
                db.SubscriptionChanges.Add(new SubscriptionChangeFact
                {
                    TrainerId = trainer.Id, Version = subscription.Version, Status = subscription.Status, Tier = subscription.Tier, Interval = subscription.Interval, AsOf = asOf,
                });
            await db.SaveChangesAsync(ct);
        }, ct);
        await projection.RecomputeAsync(trainer.Id, ct);
        return new RebuildResult(1, facts.Clients.Count, facts.Workouts.Count, facts.CheckIns.Count);
    }

    private async Task<WeeklyRules.Facts> FactsAsync(TrainerEntity trainer, CancellationToken ct)
    {
        List<ClientFact> people = [];
        List<WorkoutFact> workouts = [];
        List<ProgramFact> programs = [];
        List<CheckInFact> submitted = [];
        var range = TableClient.CreateQueryFilter($"(RowKey ge {TrainingRows.Program} and RowKey lt {"prog}"}) or (RowKey ge {TrainingRows.Done} and RowKey lt {"done}"})");
        await foreach (var client in clients.AllAsync(trainer.Id, ct))
        {
            if (client.Status == ClientStatuses.Active && client.JoinedAt is { } joined)
                people.Add(new ClientFact { TrainerId = trainer.Id, ClientId = client.Id, JoinedOn = WeeklyRules.Day(joined, trainer.TimeZone) });
            var rows = await training.ReadAsync(client.Id, range, ct);
            programs.AddRange(rows.Programs.Select(p => WeeklyRules.Fact(trainer.Id, client.Id, p.Id, TrainingStore.ProgramCopies.Scheduled(p))));
            workouts.AddRange(rows.Sessions.Select(s => s.Summary()).Select(s => new WorkoutFact
            {
                TrainerId = trainer.Id, ClientId = client.Id, Date = s.Date, ProgramId = s.ProgramId, PersonalBests = s.PersonalBests.Count,
            }));
            await foreach (var checkIn in checkIns.QueryAsync<CheckInEntity>(client.Id, CheckInRows.Range(CheckInRows.CheckIn), ct))
                if (checkIn.Submitted && checkIn.TrainerId == trainer.Id)
                    submitted.Add(new CheckInFact
                    {
                        TrainerId = trainer.Id, ClientId = client.Id, CheckInId = checkIn.DueOn, DueOn = checkIn.Due, SubmittedAt = checkIn.SubmittedAt, ReviewedAt = checkIn.ReviewedAt,
                    });
        }
        return new WeeklyRules.Facts(people, workouts, programs, submitted);
    }
}
