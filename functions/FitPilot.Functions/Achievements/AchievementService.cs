using FitPilot.Contracts.Training;
using FitPilot.Functions.Clients;
using FitPilot.Functions.Events;
using FitPilot.Functions.Habits;
using FitPilot.Functions.Measurements;
using FitPilot.Functions.Training;

namespace FitPilot.Functions.Achievements;

/// <summary>
/// Achievements detected from the domain events that cause them (<see cref="AchievementRules"/>): finished workouts
/// and weekly streaks (counts and adherence from Training's service), habit streaks, weight milestones. Each is stored
/// once under its key; a newly stored one publishes <see cref="AchievementGranted"/>. Personal bests stay in Training;
/// the lists show both.
/// </summary>
public sealed class AchievementService(AchievementStore store, TrainingService training, ClientStore clients, EventBus events, TimeProvider clock)
    : IEventHandler<WorkoutFinished>, IEventHandler<HabitTicked>, IEventHandler<MeasurementSaved>, IEventHandler<ClientRemoved>
{
    /// <summary>Weeks of adherence looked at for a workout streak: the longest streak rewarded, the current week, and a few rest weeks.</summary>
    private const int StreakWeeksRead = 12;

    /// <summary>The client's achievements, personal bests included, newest first.</summary>
    public async Task<List<Achievement>> ListAsync(string clientId, CancellationToken ct)
    {
        var mine = await store.AllAsync(clientId, ct);
        var bests = await training.AchievementsAsync(clientId, ct);
        return mine.Select(a => a.ToDto()).Concat(bests).OrderByDescending(a => a.GrantedAt).ToList();
    }

    /// <summary>A PT's view of their client's achievements (another PT's client is a 404).</summary>
    public async Task<List<Achievement>> ClientAchievementsAsync(string trainerId, string clientId, CancellationToken ct)
    {
        await clients.GetAsync(trainerId, clientId, ct);
        return await ListAsync(clientId, ct);
    }

    public async Task HandleAsync(WorkoutFinished finished, CancellationToken ct)
    {
        var clientId = finished.Summary.ClientId;
        var count = await training.FinishedWorkoutCountAsync(clientId, ct);
        var weeks = await training.WeeklyAdherenceAsync(clientId, finished.Summary.Date, StreakWeeksRead, ct);
        await GrantAsync(finished.TrainerId, clientId, [.. AchievementRules.ForWorkouts(count), .. AchievementRules.ForWorkoutStreak(AchievementRules.WorkoutStreak(weeks))], ct);
    }

    public Task HandleAsync(HabitTicked ticked, CancellationToken ct) =>
        ticked.Done
            ? GrantAsync(ticked.TrainerId, ticked.ClientId, AchievementRules.ForHabitStreak(ticked.HabitId, ticked.Title, ticked.CurrentStreak, ticked.StreakUnit).ToList(), ct)
            : Task.CompletedTask;

    public Task HandleAsync(MeasurementSaved saved, CancellationToken ct) =>
        GrantAsync(saved.TrainerId, saved.ClientId, AchievementRules.ForWeight(saved.StartingWeightKg, saved.LatestWeightKg).ToList(), ct);

    /// <summary>A removed client's achievements go with them.</summary>
    public Task HandleAsync(ClientRemoved removed, CancellationToken ct) => store.DeletePartitionAsync(removed.ClientId, ct);

    /// <summary>Stores the earned achievements not stored yet (insert-if-absent by key) and announces each one this call stored.</summary>
    private async Task GrantAsync(string trainerId, string clientId, IReadOnlyList<Earned> earned, CancellationToken ct)
    {
        if (earned.Count == 0) return;
        var held = (await store.AllAsync(clientId, ct)).Select(a => a.RowKey).ToHashSet(StringComparer.Ordinal);
        var missing = earned.Where(e => !held.Contains(e.Key)).ToList();
        // The client is gone (removed meanwhile): nothing to keep for them.
        if (missing.Count == 0 || await clients.FindAsync(trainerId, clientId, ct) is null) return;
        foreach (var e in missing)
        {
            var row = new GrantedAchievementEntity
            {
                PartitionKey = clientId, RowKey = e.Key, TrainerId = trainerId, Type = e.Type, Title = e.Title, Description = e.Description, GrantedAt = clock.GetUtcNow(),
            };
            if (await store.TryAddAsync(row, ct))
                await events.PublishAsync(new AchievementGranted(trainerId, clientId, e.Key, e.Title, e.Description), ct);
        }
    }
}
