using System.Net;
using FitPilot.Contracts.Common;
using FitPilot.Contracts.Engagement;
using FitPilot.Contracts.Training;
using FitPilot.Functions.Achievements;
using FitPilot.Functions.Events;
using FitPilot.Functions.Measurements;
using FitPilot.Functions.Storage;
using FitPilot.Functions.Training;
using FitPilot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace FitPilot.Tests.Achievements;

/// <summary>Achievements detected from the domain events, stored once per key, listed with personal bests.</summary>
[Collection(HostCollection.Name)]
public sealed class AchievementTests(HostFixture host)
{
    private readonly ApiClient _api = host.NewClient();

    private async Task<List<Achievement>> ListAsync(string token) =>
        await ApiClient.ReadAsync<List<Achievement>>(await _api.GetAsync("/api/achievements", token));

    private async Task<List<Notification>> NotificationsAsync(string token) =>
        (await ApiClient.ReadAsync<Page<Notification>>(await _api.GetAsync("/api/notifications?limit=100", token))).Items.ToList();

    private static string Envelope<T>(T domainEvent) where T : IDomainEvent =>
        StoredJson.Serialize(new EventBus.Envelope(typeof(T).Name, DateTimeOffset.UtcNow, StoredJson.SerializeToElement(domainEvent)));

    [Fact]
    public async Task First_workout_then_ten_each_granted_once_even_when_the_event_is_delivered_again()
    {
        var pt = await _api.RegisterTrainerAsync();
        var client = await _api.OnboardClientAsync(pt, host.Mailbox);
        var monday = TrainingSetup.Last(DayOfWeek.Monday);
        var program = await TrainingSetup.CreateAsync(_api, pt, client.Id, start: monday.AddDays(-7 * 10));
        var weight = 60;
        // Heavier each time: personal bests from the second workout on.
        Task<WorkoutSummary> FinishAsync(DateOnly date) => TrainingSetup.FinishWorkoutAsync(_api, client, program, date, weight += 2);

        var first = await FinishAsync(monday.AddDays(-7 * 9));
        await Eventually.HoldsAsync(async () => Assert.Contains(await ListAsync(client.Token), a => a.Id == "workouts-1" && a.Title == "First workout"));
        // The same workout finished again is still one workout.
        await FinishAsync(monday.AddDays(-7 * 9));
        for (var week = 8; week >= 0; week--) await FinishAsync(monday.AddDays(-7 * week));
        await Eventually.HoldsAsync(async () =>
        {
            var mine = await ListAsync(client.Token);
            Assert.Single(mine, a => a.Id == "workouts-1");
            Assert.Single(mine, a => a.Id == "workouts-10");
            // The PB of the first set is listed too (Training's), newest first.
            Assert.Contains(mine, a => a.Type == AchievementTypes.PersonalBest);
            Assert.Equal(mine.OrderByDescending(a => a.GrantedAt).Select(a => a.Id), mine.Select(a => a.Id));
        });
        await Eventually.HoldsAsync(async () =>
            Assert.Single(await NotificationsAsync(client.Token), n => n.Title == "Achievement: 10 workouts"));

        // Replayed: the event delivered twice more grants and notifies nothing new.
        var before = (await ListAsync(client.Token)).Count;
        var notified = (await NotificationsAsync(client.Token)).Count;
        var bus = host.Services.GetRequiredService<EventBus>();
        var replay = Envelope(new WorkoutFinished(pt.Id, first, null));
        await bus.DeliverAsync(replay, default);
        await bus.DeliverAsync(replay, default);
        var service = host.Services.GetRequiredService<Functions.Notifications.NotificationService>();
        await service.HandleAsync(new AchievementGranted(pt.Id, client.Id, "workouts-10", "10 workouts", null), default);
        Assert.Equal(before, (await ListAsync(client.Token)).Count);
        Assert.Equal(notified, (await NotificationsAsync(client.Token)).Count);

        // The PT sees them too.
        var theirs = await ApiClient.ReadAsync<List<Achievement>>(await _api.GetAsync($"/api/clients/{client.Id}/achievements", pt.Token));
        Assert.Equal(before, theirs.Count);
    }

    [Fact]
    public async Task Five_kg_down_from_the_starting_weight_is_a_milestone_granted_once()
    {
        var pt = await _api.RegisterTrainerAsync();
        var client = await _api.OnboardClientAsync(pt, host.Mailbox);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        async Task WeighAsync(DateOnly on, double kg) =>
            await ApiClient.ReadAsync<Contracts.Progress.Measurement>(await _api.PostAsync("/api/progress/measurements", new { id = Guid.NewGuid().ToString(), measuredOn = on, weightKg = kg }, client.Token), HttpStatusCode.Created);
        await WeighAsync(today.AddDays(-30), 90);
        await WeighAsync(today.AddDays(-10), 86);
        await WeighAsync(today.AddDays(-1), 84.5);
        await Eventually.HoldsAsync(async () => Assert.Single(await ListAsync(client.Token), a => a.Id == "weight-lost-5" && a.Title == "5 kg lost"));
        var bus = host.Services.GetRequiredService<EventBus>();
        await bus.DeliverAsync(Envelope(new MeasurementSaved(pt.Id, client.Id, 90, 84.5)), default);
        Assert.Single(await ListAsync(client.Token), a => a.Type == AchievementTypes.Milestone);
    }

    [Fact]
    public async Task A_removed_clients_habits_achievements_and_notifications_are_deleted()
    {
        var pt = await _api.RegisterTrainerAsync();
        var client = await _api.OnboardClientAsync(pt, host.Mailbox);
        var habit = await ApiClient.ReadAsync<Habit>(await _api.PostAsync($"/api/clients/{client.Id}/habits", new { title = "Sleep 8h" }, pt.Token), HttpStatusCode.Created);
        await _api.PostAsync($"/api/habits/{habit.Id}/ticks", new { date = DateOnly.FromDateTime(DateTime.UtcNow) }, client.Token);
        var bus = host.Services.GetRequiredService<EventBus>();
        await bus.DeliverAsync(Envelope(new MeasurementSaved(pt.Id, client.Id, 90, 80)), default);
        await Eventually.HoldsAsync(async () => Assert.NotEmpty(await NotificationsAsync(client.Token)));

        Assert.Equal(HttpStatusCode.NoContent, (await _api.DeleteAsync($"/api/clients/{client.Id}", pt.Token)).StatusCode);
        var habits = host.Services.GetRequiredService<Functions.Habits.HabitStore>();
        var achievements = host.Services.GetRequiredService<AchievementStore>();
        var notifications = host.Services.GetRequiredService<Functions.Notifications.NotificationStore>();
        await Eventually.HoldsAsync(async () =>
        {
            var rows = await habits.ReadAsync(client.Id, null, default);
            Assert.Empty(rows.Habits);
            Assert.Empty(rows.Ticks);
            Assert.Empty(await achievements.AllAsync(client.Id, default));
            Assert.Null(await notifications.CounterAsync(client.Id, default));
            Assert.Empty((await notifications.PageAsync(client.Id, 10, null, default)).Items);
        });
    }
}
