using System.Net;
using FitPilot.Contracts.Engagement;
using FitPilot.Contracts.Training;
using FitPilot.Functions.Common;
using FitPilot.Functions.Habits;
using FitPilot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace FitPilot.Tests.Habits;

/// <summary>Habits through the API against real Azurite: the PT assigns, the client ticks, streaks, tenants, removal.</summary>
[Collection(HostCollection.Name)]
public sealed class HabitTests(HostFixture host)
{
    private readonly ApiClient _api = host.NewClient();

    private sealed record Setup(ApiClient.Trainer Pt, ApiClient.ClientAccount Client, DateOnly Today);

    private async Task<Setup> ArrangeAsync()
    {
        var pt = await _api.RegisterTrainerAsync("Habit Coach");
        var client = await _api.OnboardClientAsync(pt, host.Mailbox);
        // The client's today, in their own time zone (the test host's sign-ups are in UTC unless told otherwise).
        await _api.PutAsync("/api/settings/time-zone", new { timeZone = "UTC" }, client.Token);
        return new Setup(pt, client, UserTime.Today("UTC", DateTimeOffset.UtcNow));
    }

    private async Task<Habit> CreateAsync(Setup s, string title = "Walk 8k steps", int? timesPerWeek = null, DateOnly? startsOn = null, DateOnly? endsOn = null) =>
        await ApiClient.ReadAsync<Habit>(await _api.PostAsync($"/api/clients/{s.Client.Id}/habits", new { title, timesPerWeek, startsOn, endsOn }, s.Pt.Token), HttpStatusCode.Created);

    private async Task<HabitProgress> TickAsync(Setup s, string habitId, DateOnly date, bool done = true) =>
        await ApiClient.ReadAsync<HabitProgress>(await _api.PostAsync($"/api/habits/{habitId}/ticks", new { date, done }, s.Client.Token));

    [Fact]
    public async Task A_PT_assigns_a_habit_and_the_client_ticks_today_and_yesterday_once_each()
    {
        var s = await ArrangeAsync();
        var habit = await CreateAsync(s);
        var mine = Assert.Single(await ApiClient.ReadAsync<List<HabitProgress>>(await _api.GetAsync("/api/habits", s.Client.Token)));
        Assert.Equal((habit.Id, "Walk 8k steps", false, 0, "days"), (mine.Habit.Id, mine.Habit.Title, mine.DoneToday, mine.CurrentStreak, mine.StreakUnit));

        var yesterday = await TickAsync(s, habit.Id, s.Today.AddDays(-1));
        Assert.Equal((false, true, 1), (yesterday.DoneToday, yesterday.DoneYesterday, yesterday.CurrentStreak));
        var today = await TickAsync(s, habit.Id, s.Today);
        Assert.Equal((true, 2, 2), (today.DoneToday, today.CurrentStreak, today.BestStreak));
        // The same tick again changes nothing: one row per habit and day.
        var again = await TickAsync(s, habit.Id, s.Today);
        Assert.Equal((2, 2), (again.CurrentStreak, again.DoneDays.Count));
        var store = host.Services.GetRequiredService<HabitStore>();
        Assert.Equal(2, (await store.ReadHabitAsync(s.Client.Id, habit.Id, default)).Ticks.Count);

        // Done = false unticks.
        var unticked = await TickAsync(s, habit.Id, s.Today, done: false);
        Assert.Equal((false, 1, 1), (unticked.DoneToday, unticked.CurrentStreak, unticked.DoneDays.Count));

        // The PT sees the same progress.
        var theirs = Assert.Single(await ApiClient.ReadAsync<List<HabitProgress>>(await _api.GetAsync($"/api/clients/{s.Client.Id}/habits", s.Pt.Token)));
        Assert.Equal((1, true), (theirs.CurrentStreak, theirs.DoneYesterday));
    }

    [Fact]
    public async Task The_future_and_days_before_yesterday_are_refused_on_date()
    {
        var s = await ArrangeAsync();
        var habit = await CreateAsync(s);
        foreach (var date in new[] { s.Today.AddDays(1), s.Today.AddDays(-2), s.Today.AddDays(-30) })
        {
            var problem = await ApiClient.ProblemAsync(await _api.PostAsync($"/api/habits/{habit.Id}/ticks", new { date, done = true }, s.Client.Token), HttpStatusCode.BadRequest);
            Assert.True(problem.GetProperty("errors").TryGetProperty("date", out _), problem.ToString());
        }
        // Outside the habit's own dates too.
        var later = await CreateAsync(s, "Stretch", startsOn: s.Today.AddDays(3));
        await ApiClient.ProblemAsync(await _api.PostAsync($"/api/habits/{later.Id}/ticks", new { date = s.Today, done = true }, s.Client.Token), HttpStatusCode.BadRequest);
        await ApiClient.ProblemAsync(await _api.PostAsync("/api/habits/no-such-habit/ticks", new { date = s.Today, done = true }, s.Client.Token), HttpStatusCode.NotFound);
        Assert.Empty((await host.Services.GetRequiredService<HabitStore>().ReadHabitAsync(s.Client.Id, habit.Id, default)).Ticks);
    }

    [Fact]
    public async Task The_client_sees_only_active_habits_and_a_weekly_habit_counts_weeks()
    {
        var s = await ArrangeAsync();
        await CreateAsync(s, "Ended", endsOn: s.Today.AddDays(-3), startsOn: s.Today.AddDays(-10));
        await CreateAsync(s, "Not yet", startsOn: s.Today.AddDays(2));
        var weekly = await CreateAsync(s, "Yoga", timesPerWeek: 1);
        var progress = await TickAsync(s, weekly.Id, s.Today);
        Assert.Equal(("weeks", 1, 1, 1), (progress.StreakUnit, progress.CurrentStreak, progress.DoneThisWeek, progress.TargetThisWeek));
        Assert.Equal(["Yoga"], (await ApiClient.ReadAsync<List<HabitProgress>>(await _api.GetAsync("/api/habits", s.Client.Token))).Select(h => h.Habit.Title));
        Assert.Equal(3, (await ApiClient.ReadAsync<List<HabitProgress>>(await _api.GetAsync($"/api/clients/{s.Client.Id}/habits", s.Pt.Token))).Count);
    }

    [Fact]
    public async Task A_tick_is_in_the_clients_time_zone()
    {
        var s = await ArrangeAsync();
        var habit = await CreateAsync(s);
        // Kiritimati is UTC+14: its today is UTC's today or tomorrow, never yesterday.
        await _api.PutAsync("/api/settings/time-zone", new { timeZone = "Pacific/Kiritimati" }, s.Client.Token);
        var theirToday = UserTime.Today("Pacific/Kiritimati", DateTimeOffset.UtcNow);
        Assert.True((await TickAsync(s, habit.Id, theirToday)).DoneToday);
        // Niue is UTC−11: the same date may be its tomorrow, which is refused.
        await _api.PutAsync("/api/settings/time-zone", new { timeZone = "Pacific/Niue" }, s.Client.Token);
        var niueToday = UserTime.Today("Pacific/Niue", DateTimeOffset.UtcNow);
        var response = await _api.PostAsync($"/api/habits/{habit.Id}/ticks", new { date = niueToday.AddDays(1), done = true }, s.Client.Token);
        await ApiClient.ProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task PT_edits_and_deletes_a_habit_and_another_PT_gets_404_on_every_habit_route()
    {
        var s = await ArrangeAsync();
        var habit = await CreateAsync(s);
        var intruder = await _api.RegisterTrainerAsync();
        var body = new { title = "Hijacked" };
        await ApiClient.ProblemAsync(await _api.GetAsync($"/api/clients/{s.Client.Id}/habits", intruder.Token), HttpStatusCode.NotFound);
        await ApiClient.ProblemAsync(await _api.PostAsync($"/api/clients/{s.Client.Id}/habits", body, intruder.Token), HttpStatusCode.NotFound);
        await ApiClient.ProblemAsync(await _api.PutAsync($"/api/clients/{s.Client.Id}/habits/{habit.Id}", body, intruder.Token), HttpStatusCode.NotFound);
        await ApiClient.ProblemAsync(await _api.DeleteAsync($"/api/clients/{s.Client.Id}/habits/{habit.Id}", intruder.Token), HttpStatusCode.NotFound);
        await ApiClient.ProblemAsync(await _api.GetAsync($"/api/clients/{s.Client.Id}/achievements", intruder.Token), HttpStatusCode.NotFound);

        var renamed = await ApiClient.ReadAsync<Habit>(await _api.PutAsync($"/api/clients/{s.Client.Id}/habits/{habit.Id}", new { title = "Walk 10k", timesPerWeek = 5 }, s.Pt.Token));
        Assert.Equal(("Walk 10k", 5), (renamed.Title, renamed.TimesPerWeek));
        await ApiClient.ProblemAsync(await _api.PutAsync($"/api/clients/{s.Client.Id}/habits/{habit.Id}", new { title = "X", startsOn = s.Today, endsOn = s.Today.AddDays(-1) }, s.Pt.Token), HttpStatusCode.BadRequest);
        await TickAsync(s, habit.Id, s.Today);
        Assert.Equal(HttpStatusCode.NoContent, (await _api.DeleteAsync($"/api/clients/{s.Client.Id}/habits/{habit.Id}", s.Pt.Token)).StatusCode);
        Assert.Empty(await ApiClient.ReadAsync<List<HabitProgress>>(await _api.GetAsync("/api/habits", s.Client.Token)));
        var rows = await host.Services.GetRequiredService<HabitStore>().ReadAsync(s.Client.Id, null, default);
        Assert.Empty(rows.Habits);
        Assert.Empty(rows.Ticks);
    }

    [Fact]
    public async Task A_seven_day_streak_earns_its_achievement_once_and_the_client_is_notified()
    {
        var s = await ArrangeAsync();
        var habit = await CreateAsync(s, "Drink water");
        var store = host.Services.GetRequiredService<HabitStore>();
        // Six earlier days already ticked (the API only takes today and yesterday).
        for (var d = 1; d <= 6; d++)
        {
            var date = s.Today.AddDays(-d);
            await store.UpsertAsync(new HabitTickEntity { PartitionKey = s.Client.Id, RowKey = HabitRows.TickKey(habit.Id, date), HabitId = habit.Id, Date = HabitRows.Iso(date), TickedAt = DateTimeOffset.UtcNow }, default);
        }
        Assert.Equal(7, (await TickAsync(s, habit.Id, s.Today)).CurrentStreak);
        var key = $"habit-streak-7|{habit.Id}";
        await Eventually.HoldsAsync(async () =>
        {
            var achievements = await ApiClient.ReadAsync<List<Achievement>>(await _api.GetAsync("/api/achievements", s.Client.Token));
            Assert.Equal("7-day streak: Drink water", Assert.Single(achievements, a => a.Id == key).Title);
            var notifications = await ApiClient.ReadAsync<Contracts.Common.Page<Notification>>(await _api.GetAsync("/api/notifications", s.Client.Token));
            Assert.Contains(notifications.Items, n => n.Kind == NotificationKinds.Achievement && n.Link == "app/profile" && n.Title.Contains("7-day streak"));
        });
        // Untick and tick again: the streak is 7 again, the achievement stays single.
        await TickAsync(s, habit.Id, s.Today, done: false);
        await TickAsync(s, habit.Id, s.Today);
        var theirs = await ApiClient.ReadAsync<List<Achievement>>(await _api.GetAsync($"/api/clients/{s.Client.Id}/achievements", s.Pt.Token));
        Assert.Single(theirs, a => a.Id == key);
    }
}
