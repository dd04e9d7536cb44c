using System.Net;
using FitPilot.Contracts.Programs;
using FitPilot.Contracts.Training;
using FitPilot.Tests.Infrastructure;

namespace FitPilot.Tests.Training;

[Collection(HostCollection.Name)]
public sealed class TrainingTests(HostFixture host)
{
    private readonly ApiClient _api = host.NewClient();

    private sealed record Setup(ApiClient.Trainer Pt, ApiClient.ClientAccount Client, ProgramDto Program, DateOnly Monday, ProgramExercise Squat);

    private async Task<Setup> ArrangeAsync()
    {
        var pt = await _api.RegisterTrainerAsync();
        var client = await _api.OnboardClientAsync(pt, host.Mailbox);
        var monday = TrainingSetup.Last(DayOfWeek.Monday);
        var program = await TrainingSetup.CreateAsync(_api, pt, client.Id, start: monday.AddDays(-14));
        var squat = program.Days.Single(d => d.DayOfWeek == 1).Exercises[0];
        return new Setup(pt, client, program, monday, squat);
    }

    private static object Set(Setup s, double weight, int reps, DateOnly date, int set = 1, string? id = null, ProgramExercise? entry = null) => new
    {
        id = id ?? Guid.NewGuid().ToString(), programId = s.Program.Id, programExerciseId = (entry ?? s.Squat).Id, exerciseId = (entry ?? s.Squat).ExerciseId,
        setNumber = set, weightKg = weight, reps, rir = 2, workoutDate = date, performedAt = date.ToDateTime(new TimeOnly(7, 0)).AddSeconds(set),
    };

    [Fact]
    public async Task Today_shows_targets_supersets_tempo_and_RIR_and_last_times_numbers()
    {
        var s = await ArrangeAsync();
        var lastWeek = s.Monday.AddDays(-7);
        await _api.PostAsync("/api/logs", Set(s, 95, 5, lastWeek, 1), s.Client.Token);
        await _api.PostAsync("/api/logs", Set(s, 97.5, 5, lastWeek, 2), s.Client.Token);

        var today = await ApiClient.ReadAsync<TodayWorkout>(await _api.GetAsync($"/api/today?date={s.Monday:yyyy-MM-dd}", s.Client.Token));
        Assert.Equal("Lower + push", today.DayTitle);
        var squat = today.Exercises[0];
        Assert.Equal((3, 5, 100.0, "3-1-1-0", 2), (squat.Prescription.Sets, squat.Prescription.Reps, squat.TargetWeightKg!.Value, squat.Prescription.Tempo, squat.Prescription.Rir!.Value));
        Assert.Equal([95.0, 97.5], squat.LastTime.Select(x => x.WeightKg));
        Assert.Empty(squat.Today);
        Assert.Equal(["A", "A"], today.Exercises.Skip(1).Select(e => e.Prescription.SupersetGroup));
    }

    [Fact]
    public async Task Logging_the_same_set_twice_stores_it_once()
    {
        var s = await ArrangeAsync();
        var id = Guid.NewGuid().ToString();
        var first = await _api.PostAsync("/api/logs", Set(s, 100, 5, s.Monday, id: id), s.Client.Token);
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var replay = await ApiClient.ReadAsync<LogSetResponse>(await _api.PostAsync("/api/logs", Set(s, 100, 5, s.Monday, id: id), s.Client.Token));
        Assert.True(replay.Replayed);
        Assert.Equal(id, replay.Log.Id);

        var history = await ApiClient.ReadAsync<ExerciseHistory>(await _api.GetAsync("/api/exercises/Barbell_Squat/history", s.Client.Token));
        Assert.Single(history.Sets);
        var today = await ApiClient.ReadAsync<TodayWorkout>(await _api.GetAsync($"/api/today?date={s.Monday:yyyy-MM-dd}", s.Client.Token));
        Assert.Single(today.Exercises[0].Today);
    }

    [Fact]
    public async Task New_personal_bests_are_detected_and_granted_as_pr_achievements()
    {
        var s = await ArrangeAsync();
        var week1 = s.Monday.AddDays(-14);
        var baseline = await ApiClient.ReadAsync<LogSetResponse>(await _api.PostAsync("/api/logs", Set(s, 100, 5, week1), s.Client.Token), HttpStatusCode.Created);
        Assert.Empty(baseline.NewPersonalBests); // the first time sets the baseline

        var heavier = await ApiClient.ReadAsync<LogSetResponse>(await _api.PostAsync("/api/logs", Set(s, 105, 5, week1.AddDays(7)), s.Client.Token), HttpStatusCode.Created);
        Assert.Equal([PersonalBestKinds.HeaviestWeight, PersonalBestKinds.BestEstimatedOneRepMax], heavier.NewPersonalBests.Select(p => p.Kind));
        Assert.Equal(122.5, heavier.NewPersonalBests[1].EstimatedOneRepMaxKg); // Epley: 105 × (1 + 5/30)

        var moreReps = await ApiClient.ReadAsync<LogSetResponse>(await _api.PostAsync("/api/logs", Set(s, 100, 8, s.Monday), s.Client.Token), HttpStatusCode.Created);
        Assert.Contains(moreReps.NewPersonalBests, p => p.Kind == PersonalBestKinds.MostRepsAtWeight && p.Title.Contains("8 reps at 100 kg (was 5)"));

        var notABest = await ApiClient.ReadAsync<LogSetResponse>(await _api.PostAsync("/api/logs", Set(s, 90, 5, s.Monday, 2), s.Client.Token), HttpStatusCode.Created);
        Assert.Empty(notABest.NewPersonalBests);

        var achievements = await ApiClient.ReadAsync<List<Achievement>>(await _api.GetAsync("/api/achievements", s.Client.Token));
        Assert.Equal(2, achievements.Count);
        Assert.All(achievements, a => Assert.Equal("pr", a.Type));
    }

    [Fact]
    public async Task Bad_set_logs_are_refused_and_write_nothing()
    {
        var s = await ArrangeAsync();
        var other = await ArrangeAsync();
        async Task Refused(object body, string field)
        {
            var problem = await ApiClient.ProblemAsync(await _api.PostAsync("/api/logs", body, s.Client.Token), HttpStatusCode.BadRequest);
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"expected an error on {field}: {problem}");
        }
        await Refused(Set(s, -5, 5, s.Monday), "weightKg");
        await Refused(Set(s, 100, -1, s.Monday), "reps");
        await Refused(Set(s, 100, 5, s.Monday, set: 10_000), "setNumber");
        await Refused(Set(s, 100, 5, s.Monday, id: "x"), "id");
        await Refused(new { id = Guid.NewGuid().ToString(), programId = s.Program.Id, programExerciseId = "nope", exerciseId = "Barbell_Squat", weightKg = 100, reps = 5 }, "programExerciseId");
        // Another client's program is not theirs to log against.
        await Refused(Set(other, 100, 5, s.Monday) , "programExerciseId");

        var history = await ApiClient.ReadAsync<ExerciseHistory>(await _api.GetAsync("/api/exercises/Barbell_Squat/history", s.Client.Token));
        Assert.Empty(history.Sets);
    }

    [Fact]
    public async Task A_client_corrects_and_deletes_their_sets_and_the_bests_follow()
    {
        var s = await ArrangeAsync();
        var set = await ApiClient.ReadAsync<LogSetResponse>(await _api.PostAsync("/api/logs", Set(s, 100, 5, s.Monday.AddDays(-7)), s.Client.Token), HttpStatusCode.Created);
        var fixedSet = await ApiClient.ReadAsync<SetLog>(await _api.PutAsync($"/api/logs/{set.Log.Id}", new { weightKg = 60, reps = 5 }, s.Client.Token));
        Assert.Equal(60, fixedSet.WeightKg);
        // With 60 kg as the best, 70 kg the week after is a new best.
        var next = await ApiClient.ReadAsync<LogSetResponse>(await _api.PostAsync("/api/logs", Set(s, 70, 5, s.Monday), s.Client.Token), HttpStatusCode.Created);
        Assert.Contains(next.NewPersonalBests, p => p.Kind == PersonalBestKinds.HeaviestWeight);

        Assert.Equal(HttpStatusCode.NoContent, (await _api.DeleteAsync($"/api/logs/{next.Log.Id}", s.Client.Token)).StatusCode);
        var history = await ApiClient.ReadAsync<ExerciseHistory>(await _api.GetAsync("/api/exercises/Barbell_Squat/history", s.Client.Token));
        Assert.Equal([60.0], history.Sets.Select(x => x.WeightKg));
        Assert.Equal(70.0, Assert.Single(history.EstimatedOneRepMax).EstimatedOneRepMaxKg); // Epley 60 × (1 + 5/30)

        // Nobody else's client can touch it.
        var stranger = await ArrangeAsync();
        await ApiClient.ProblemAsync(await _api.PutAsync($"/api/logs/{set.Log.Id}", new { weightKg = 1, reps = 1 }, stranger.Client.Token), HttpStatusCode.NotFound);
        await ApiClient.ProblemAsync(await _api.DeleteAsync($"/api/logs/{set.Log.Id}", stranger.Client.Token), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_PT_sees_the_clients_logs_and_weekly_adherence()
    {
        var s = await ArrangeAsync();
        // The week up to Sunday after the Monday: Monday and Thursday are prescribed; only Monday is done.
        await _api.PostAsync("/api/logs", Set(s, 100, 5, s.Monday), s.Client.Token);
        var sunday = s.Monday.AddDays(6);
        var adherence = await ApiClient.ReadAsync<Adherence>(await _api.GetAsync($"/api/clients/{s.Client.Id}/adherence?to={sunday:yyyy-MM-dd}", s.Pt.Token));
        Assert.Equal((2, 1, 50.0), (adherence.PrescribedSessions, adherence.CompletedSessions, adherence.Percent!.Value));

        var logs = await ApiClient.ReadAsync<List<SetLog>>(await _api.GetAsync($"/api/clients/{s.Client.Id}/logs?from={s.Monday:yyyy-MM-dd}&to={sunday:yyyy-MM-dd}", s.Pt.Token));
        Assert.Equal("Barbell Squat", Assert.Single(logs).ExerciseName);
        var history = await ApiClient.ReadAsync<ExerciseHistory>(await _api.GetAsync($"/api/clients/{s.Client.Id}/exercises/Barbell_Squat/history", s.Pt.Token));
        Assert.Single(history.Sets);

        var otherPt = await _api.RegisterTrainerAsync();
        await ApiClient.ProblemAsync(await _api.GetAsync($"/api/clients/{s.Client.Id}/logs", otherPt.Token), HttpStatusCode.NotFound);
        await ApiClient.ProblemAsync(await _api.GetAsync($"/api/clients/{s.Client.Id}/adherence", otherPt.Token), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task History_gives_each_workout_days_volume_next_to_its_best_e1RM_and_from_keeps_the_later_days()
    {
        var s = await ArrangeAsync();
        await _api.PostAsync("/api/logs", Set(s, 90, 5, s.Monday.AddDays(-14)), s.Client.Token);
        await _api.PostAsync("/api/logs", Set(s, 95, 5, s.Monday.AddDays(-7), 1), s.Client.Token);
        await _api.PostAsync("/api/logs", Set(s, 95, 3, s.Monday.AddDays(-7), 2), s.Client.Token);
        await _api.PostAsync("/api/logs", Set(s, 100, 5, s.Monday), s.Client.Token);

        var all = await ApiClient.ReadAsync<ExerciseHistory>(await _api.GetAsync("/api/exercises/Barbell_Squat/history", s.Client.Token));
        Assert.Equal([
            new HistoryPoint(s.Monday.AddDays(-14), 105, 450, 1),
            new HistoryPoint(s.Monday.AddDays(-7), 110.8, 760, 2), // 95 × 5 + 95 × 3
            new HistoryPoint(s.Monday, 116.7, 500, 1),
        ], all.EstimatedOneRepMax);

        var recent = await ApiClient.ReadAsync<ExerciseHistory>(await _api.GetAsync($"/api/exercises/Barbell_Squat/history?from={s.Monday.AddDays(-7):yyyy-MM-dd}", s.Client.Token));
        Assert.Equal([s.Monday.AddDays(-7), s.Monday], recent.EstimatedOneRepMax.Select(p => p.Date));
        Assert.Equal(3, recent.Sets.Count);
        var ptView = await ApiClient.ReadAsync<ExerciseHistory>(await _api.GetAsync($"/api/clients/{s.Client.Id}/exercises/Barbell_Squat/history?from={s.Monday:yyyy-MM-dd}", s.Pt.Token));
        Assert.Equal([500.0], ptView.EstimatedOneRepMax.Select(p => p.VolumeKg));
        // A range with nothing in it still names the exercise.
        var none = await ApiClient.ReadAsync<ExerciseHistory>(await _api.GetAsync($"/api/exercises/Barbell_Squat/history?from={s.Monday.AddDays(1):yyyy-MM-dd}", s.Client.Token));
        Assert.Equal(("Barbell Squat", 0), (none.ExerciseName, none.Sets.Count));

        foreach (var bad in new[] { "last-month", "2026-02-30", "1999-12-31" })
        {
            var problem = await ApiClient.ProblemAsync(await _api.GetAsync($"/api/clients/{s.Client.Id}/exercises/Barbell_Squat/history?from={bad}", s.Pt.Token), HttpStatusCode.BadRequest);
            Assert.True(problem.GetProperty("errors").TryGetProperty("from", out _), problem.ToString());
        }
        await ApiClient.ProblemAsync(await _api.GetAsync("/api/exercises/Barbell_Squat/history?from=soon", s.Client.Token), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task The_PT_lists_the_exercises_a_client_logged_most_recent_first_with_their_number_of_sessions()
    {
        var s = await ArrangeAsync();
        var bench = s.Program.Days.Single(d => d.DayOfWeek == 1).Exercises[1];
        // Out of order, and two sets on one day: three squat sessions.
        await _api.PostAsync("/api/logs", Set(s, 100, 5, s.Monday), s.Client.Token);
        await _api.PostAsync("/api/logs", Set(s, 90, 5, s.Monday.AddDays(-14)), s.Client.Token);
        await _api.PostAsync("/api/logs", Set(s, 95, 5, s.Monday.AddDays(-7), 1), s.Client.Token);
        await _api.PostAsync("/api/logs", Set(s, 95, 5, s.Monday.AddDays(-7), 2), s.Client.Token);
        await _api.PostAsync("/api/logs", Set(s, 60, 8, s.Monday.AddDays(-7), entry: bench), s.Client.Token);

        var listed = await _api.GetAsync($"/api/clients/{s.Client.Id}/exercises", s.Pt.Token);
        Assert.Equal([
            new LoggedExercise("Barbell_Squat", "Barbell Squat", s.Monday, 3),
            new LoggedExercise(bench.ExerciseId, "Barbell Bench Press - Medium Grip", s.Monday.AddDays(-7), 1),
        ], await ApiClient.ReadAsync<List<LoggedExercise>>(listed));

        // Deleting a day's only set takes the session away.
        var history = await ApiClient.ReadAsync<ExerciseHistory>(await _api.GetAsync("/api/exercises/Barbell_Squat/history", s.Client.Token));
        await _api.DeleteAsync($"/api/logs/{history.Sets.Single(x => x.WorkoutDate == s.Monday).Id}", s.Client.Token);
        var after = await ApiClient.ReadAsync<List<LoggedExercise>>(await _api.GetAsync($"/api/clients/{s.Client.Id}/exercises", s.Pt.Token));
        Assert.Equal((s.Monday.AddDays(-7), 2), (after[0].LastLoggedDate, after.Single(e => e.ExerciseId == "Barbell_Squat").Sessions));

        var otherPt = await _api.RegisterTrainerAsync();
        await ApiClient.ProblemAsync(await _api.GetAsync($"/api/clients/{s.Client.Id}/exercises", otherPt.Token), HttpStatusCode.NotFound);
        await ApiClient.ProblemAsync(await _api.GetAsync($"/api/clients/{s.Client.Id}/exercises/Barbell_Squat/history?from={s.Monday:yyyy-MM-dd}", otherPt.Token), HttpStatusCode.NotFound);
        await ApiClient.ProblemAsync(await _api.GetAsync($"/api/clients/{s.Client.Id}/exercises", s.Client.Token), HttpStatusCode.Forbidden);

        var fresh = await ArrangeAsync();
        Assert.Empty(await ApiClient.ReadAsync<List<LoggedExercise>>(await _api.GetAsync($"/api/clients/{fresh.Client.Id}/exercises", fresh.Pt.Token)));
    }

    [Fact]
    public async Task A_stat_row_from_before_sessions_were_counted_is_rebuilt_when_the_PT_lists_the_exercises()
    {
        var s = await ArrangeAsync();
        await _api.PostAsync("/api/logs", Set(s, 90, 5, s.Monday.AddDays(-14)), s.Client.Token);
        await _api.PostAsync("/api/logs", Set(s, 95, 5, s.Monday.AddDays(-7)), s.Client.Token);
        await _api.PostAsync("/api/logs", Set(s, 100, 5, s.Monday), s.Client.Token);
        var storage = (Functions.Storage.StorageClients)host.Services.GetService(typeof(Functions.Storage.StorageClients))!;
        var table = storage.Table(Functions.Storage.StorageNames.TrainingTable);
        var row = (await table.GetEntityAsync<Azure.Data.Tables.TableEntity>(s.Client.Id, "stat|Barbell_Squat")).Value;
        row.Remove(nameof(Functions.Training.ExerciseStatEntity.LoggedFrom));
        row.Remove(nameof(Functions.Training.ExerciseStatEntity.LoggedDays));
        await table.UpdateEntityAsync(row, row.ETag, Azure.Data.Tables.TableUpdateMode.Replace);

        var listed = await ApiClient.ReadAsync<List<LoggedExercise>>(await _api.GetAsync($"/api/clients/{s.Client.Id}/exercises", s.Pt.Token));
        Assert.Equal(3, Assert.Single(listed).Sessions); // three days, not the two the row kept sets of
        var rebuilt = (await table.GetEntityAsync<Azure.Data.Tables.TableEntity>(s.Client.Id, "stat|Barbell_Squat")).Value;
        Assert.NotNull(rebuilt.GetString(nameof(Functions.Training.ExerciseStatEntity.LoggedDays)));
    }

    [Fact]
    public async Task Today_and_logging_a_set_take_at_most_two_storage_round_trips()
    {
        var s = await ArrangeAsync();
        await _api.GetAsync("/api/me", s.Client.Token); // the session check is cached after the first call
        var today = await _api.GetAsync($"/api/today?date={s.Monday:yyyy-MM-dd}", s.Client.Token);
        var first = await _api.PostAsync("/api/logs", Set(s, 100, 5, s.Monday), s.Client.Token);
        var second = await _api.PostAsync("/api/logs", Set(s, 102.5, 5, s.Monday, 2), s.Client.Token);
        Assert.True(ApiClient.RoundTrips(today) <= 2, $"today: {ApiClient.RoundTrips(today)}");
        Assert.True(ApiClient.RoundTrips(first) <= 2, $"first log: {ApiClient.RoundTrips(first)}");
        Assert.True(ApiClient.RoundTrips(second) <= 2, $"second log: {ApiClient.RoundTrips(second)}");
    }

    [Fact]
    public async Task Removing_a_client_deletes_their_programs_and_training()
    {
        var s = await ArrangeAsync();
        await _api.PostAsync("/api/logs", Set(s, 100, 5, s.Monday), s.Client.Token);
        Assert.Equal(HttpStatusCode.NoContent, (await _api.DeleteAsync($"/api/clients/{s.Client.Id}", s.Pt.Token)).StatusCode);
        // The data follows the ClientRemoved event, delivered by the queue trigger.
        await Eventually.HoldsAsync(async () =>
        {
            Assert.Empty(await ApiClient.ReadAsync<List<ProgramSummary>>(await _api.GetAsync($"/api/programs?clientId={s.Client.Id}", s.Pt.Token)));
            var storage = host.Services.GetService(typeof(Functions.Storage.StorageClients)) as Functions.Storage.StorageClients;
            var rows = storage!.Table(Functions.Storage.StorageNames.TrainingTable).QueryAsync<Azure.Data.Tables.TableEntity>($"PartitionKey eq '{s.Client.Id}'");
            Assert.Empty(await rows.ToListAsync());
        });
    }
}
