using System.Net;
using FitPilot.Contracts.Activity;
using FitPilot.Contracts.Auth;
using FitPilot.Contracts.Common;
using FitPilot.Contracts.Exercises;
using FitPilot.Contracts.Programs;
using FitPilot.Contracts.Settings;
using FitPilot.Contracts.Training;
using FitPilot.Tests.Infrastructure;

namespace FitPilot.Tests.Training;

/// <summary>The gym floor: finishing a workout (and the PT's activity feed), swapping an exercise for a day, kg or lb.</summary>
[Collection(HostCollection.Name)]
public sealed class WorkoutTests(HostFixture host)
{
    private readonly ApiClient _api = host.NewClient();

    private sealed record Setup(ApiClient.Trainer Pt, ApiClient.ClientAccount Client, ProgramDto Program, DateOnly Monday, ProgramExercise Squat, ProgramExercise Bench);

    private async Task<Setup> ArrangeAsync()
    {
        var pt = await _api.RegisterTrainerAsync();
        var client = await _api.OnboardClientAsync(pt, host.Mailbox);
        var monday = TrainingSetup.Last(DayOfWeek.Monday);
        var program = await TrainingSetup.CreateAsync(_api, pt, client.Id, start: monday.AddDays(-14));
        var day = program.Days.Single(d => d.DayOfWeek == 1);
        return new Setup(pt, client, program, monday, day.Exercises[0], day.Exercises[1]);
    }

    private Task<HttpResponseMessage> LogAsync(Setup s, ProgramExercise entry, double weight, int reps, int set, DateOnly date, int minute, string? exerciseId = null) =>
        _api.PostAsync("/api/logs", new
        {
            id = Guid.NewGuid().ToString(), programId = s.Program.Id, programExerciseId = entry.Id, exerciseId = exerciseId ?? entry.ExerciseId,
            setNumber = set, weightKg = weight, reps, rir = 2, workoutDate = date, performedAt = date.ToDateTime(new TimeOnly(7, minute)),
        }, s.Client.Token);

    private async Task<List<ActivityItem>> ActivityAsync(ApiClient.Trainer pt, string? clientId = null) =>
        (await ApiClient.ReadAsync<Page<ActivityItem>>(await _api.GetAsync("/api/activity" + (clientId is null ? "" : $"?clientId={clientId}"), pt.Token))).Items.ToList();

    [Fact]
    public async Task Finishing_a_workout_gives_its_summary_and_the_PT_sees_it_in_recent_activity()
    {
        var s = await ArrangeAsync();
        var lastWeek = s.Monday.AddDays(-7);
        Assert.Equal(HttpStatusCode.Created, (await LogAsync(s, s.Squat, 100, 5, 1, lastWeek, 0)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await LogAsync(s, s.Squat, 105, 5, 1, s.Monday, 0)).StatusCode); // a heavier squat: a personal best
        Assert.Equal(HttpStatusCode.Created, (await LogAsync(s, s.Squat, 100, 5, 2, s.Monday, 4)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await LogAsync(s, s.Bench, 80, 8, 1, s.Monday, 42)).StatusCode);

        var summary = await ApiClient.ReadAsync<WorkoutSummary>(await _api.PostAsync("/api/workouts/finish",
            new { date = s.Monday, programId = s.Program.Id, rpe = 8, comment = "Squats felt fast.\nBench was heavy." }, s.Client.Token));
        Assert.Equal((2, 3, 105 * 5 + 100 * 5 + 80 * 8.0, 42, 8, "Squats felt fast.\nBench was heavy."),
            (summary.Exercises, summary.Sets, summary.VolumeKg, summary.DurationMinutes!.Value, summary.Rpe!.Value, summary.Comment));
        Assert.Equal("Lower + push", summary.DayTitle);
        Assert.Contains(summary.PersonalBests, t => t.Contains("105 kg"));

        // The day shows it finished; a later look at last week's day shows nothing finished there.
        var today = await ApiClient.ReadAsync<TodayWorkout>(await _api.GetAsync($"/api/today?date={s.Monday:yyyy-MM-dd}", s.Client.Token));
        Assert.Equal(8, today.Finished!.Rpe);
        Assert.Null((await ApiClient.ReadAsync<TodayWorkout>(await _api.GetAsync($"/api/today?date={lastWeek:yyyy-MM-dd}", s.Client.Token))).Finished);

        await Eventually.HoldsAsync(async () =>
        {
            var item = Assert.Single(await ActivityAsync(s.Pt));
            Assert.Equal((ActivityKinds.WorkoutFinished, s.Client.Id, 3, 8), (item.Kind, item.ClientId, item.Workout!.Sets, item.Workout.Rpe!.Value));
            Assert.False(string.IsNullOrWhiteSpace(item.ClientName));
            Assert.Single(await ActivityAsync(s.Pt, s.Client.Id));
        });

        // Another PT sees nothing of it, and cannot ask for this client's activity.
        var other = await _api.RegisterTrainerAsync();
        Assert.Empty(await ActivityAsync(other));
        Assert.Equal(HttpStatusCode.NotFound, (await _api.GetAsync($"/api/activity?clientId={s.Client.Id}", other.Token)).StatusCode);
    }

    [Fact]
    public async Task Finishing_again_replaces_the_summary_and_the_feed_keeps_one_entry()
    {
        var s = await ArrangeAsync();
        await LogAsync(s, s.Squat, 100, 5, 1, s.Monday, 0);
        await ApiClient.ReadAsync<WorkoutSummary>(await _api.PostAsync("/api/workouts/finish", new { date = s.Monday, programId = s.Program.Id, rpe = 6 }, s.Client.Token));
        await Eventually.HoldsAsync(async () => Assert.Single(await ActivityAsync(s.Pt)));

        await LogAsync(s, s.Squat, 100, 5, 2, s.Monday, 3); // a forgotten set
        var again = await ApiClient.ReadAsync<WorkoutSummary>(await _api.PostAsync("/api/workouts/finish", new { date = s.Monday, programId = s.Program.Id, rpe = 7, comment = "Forgot one" }, s.Client.Token));
        Assert.Equal(2, again.Sets);
        await Eventually.HoldsAsync(async () =>
        {
            var item = Assert.Single(await ActivityAsync(s.Pt));
            Assert.Equal((2, 7, "Forgot one"), (item.Workout!.Sets, item.Workout.Rpe!.Value, item.Workout.Comment));
        });
    }

    [Fact]
    public async Task Finishing_needs_a_logged_set_a_past_or_present_day_and_ones_own_program()
    {
        var s = await ArrangeAsync();
        var empty = await _api.PostAsync("/api/workouts/finish", new { date = s.Monday, programId = s.Program.Id }, s.Client.Token);
        Assert.Contains("at least one set", (await ApiClient.ProblemAsync(empty, HttpStatusCode.Conflict)).GetProperty("detail").GetString());

        await LogAsync(s, s.Squat, 100, 5, 1, s.Monday, 0);
        var future = await _api.PostAsync("/api/workouts/finish", new { date = s.Monday.AddDays(30), programId = s.Program.Id }, s.Client.Token);
        Assert.Equal(HttpStatusCode.BadRequest, future.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await _api.PostAsync("/api/workouts/finish", new { date = s.Monday, programId = s.Program.Id, rpe = 11 }, s.Client.Token)).StatusCode);

        var stranger = await ArrangeAsync();
        Assert.Equal(HttpStatusCode.BadRequest, (await _api.PostAsync("/api/workouts/finish", new { date = s.Monday, programId = s.Program.Id }, stranger.Client.Token)).StatusCode);
        await Task.Delay(500);
        Assert.Empty(await ActivityAsync(s.Pt));
        Assert.Empty(await ActivityAsync(stranger.Pt));
    }

    [Fact]
    public async Task A_removed_clients_activity_goes_with_them()
    {
        var s = await ArrangeAsync();
        await LogAsync(s, s.Squat, 100, 5, 1, s.Monday, 0);
        await ApiClient.ReadAsync<WorkoutSummary>(await _api.PostAsync("/api/workouts/finish", new { date = s.Monday, programId = s.Program.Id }, s.Client.Token));
        await Eventually.HoldsAsync(async () => Assert.Single(await ActivityAsync(s.Pt)));

        Assert.Equal(HttpStatusCode.NoContent, (await _api.DeleteAsync($"/api/clients/{s.Client.Id}", s.Pt.Token)).StatusCode);
        await Eventually.HoldsAsync(async () => Assert.Empty(await ActivityAsync(s.Pt)));
    }

    [Fact]
    public async Task A_swapped_exercise_is_logged_for_the_day_and_the_PT_sees_what_it_replaced()
    {
        var s = await ArrangeAsync();
        var swapped = await ApiClient.ReadAsync<TodayWorkout>(await _api.PutAsync("/api/today/swap",
            new { date = s.Monday, programId = s.Program.Id, programExerciseId = s.Squat.Id, exerciseId = "Leg_Press" }, s.Client.Token));
        var card = swapped.Exercises[0];
        Assert.Equal(("Leg_Press", "Leg Press", "Barbell Squat"), (card.Prescription.ExerciseId, card.Prescription.ExerciseName, card.SwappedFrom));
        Assert.Equal((3, 5), (card.Prescription.Sets, card.Prescription.Reps)); // the prescription stays

        // The swap is for that day only.
        var nextWeek = await ApiClient.ReadAsync<TodayWorkout>(await _api.GetAsync($"/api/today?date={s.Monday.AddDays(-7):yyyy-MM-dd}", s.Client.Token));
        Assert.Equal("Barbell_Squat", nextWeek.Exercises[0].Prescription.ExerciseId);

        // The client logs the leg press against the squat's entry; the squat itself is refused that day.
        var log = await ApiClient.ReadAsync<LogSetResponse>(await LogAsync(s, s.Squat, 200, 10, 1, s.Monday, 0, exerciseId: "Leg_Press"), HttpStatusCode.Created);
        Assert.Equal(("Leg_Press", "Barbell Squat"), (log.Log.ExerciseId, log.Log.SwappedFrom));
        Assert.Equal(HttpStatusCode.BadRequest, (await LogAsync(s, s.Squat, 100, 5, 2, s.Monday, 2)).StatusCode);

        var seen = await ApiClient.ReadAsync<List<SetLog>>(await _api.GetAsync($"/api/clients/{s.Client.Id}/logs", s.Pt.Token));
        var set = Assert.Single(seen);
        Assert.Equal(("Leg Press", "Barbell Squat"), (set.ExerciseName, set.SwappedFrom));

        // The leg press has its own history; the squat's is untouched.
        Assert.Single((await ApiClient.ReadAsync<ExerciseHistory>(await _api.GetAsync("/api/exercises/Leg_Press/history", s.Client.Token))).Sets);
        Assert.Empty((await ApiClient.ReadAsync<ExerciseHistory>(await _api.GetAsync("/api/exercises/Barbell_Squat/history", s.Client.Token))).Sets);

        // No exercise goes back to the prescription.
        var back = await ApiClient.ReadAsync<TodayWorkout>(await _api.PutAsync("/api/today/swap",
            new { date = s.Monday, programId = s.Program.Id, programExerciseId = s.Squat.Id }, s.Client.Token));
        Assert.Equal(("Barbell_Squat", (string?)null), (back.Exercises[0].Prescription.ExerciseId, back.Exercises[0].SwappedFrom));
    }

    [Fact]
    public async Task A_swap_takes_only_an_exercise_the_clients_coach_can_see()
    {
        var s = await ArrangeAsync();
        var own = await ApiClient.ReadAsync<ExerciseDto>(await _api.PostAsync("/api/exercises", new { name = "Sled push", category = "strength", primaryMuscles = new[] { "quadriceps" } }, s.Pt.Token), HttpStatusCode.Created);
        var ok = await ApiClient.ReadAsync<TodayWorkout>(await _api.PutAsync("/api/today/swap",
            new { date = s.Monday, programId = s.Program.Id, programExerciseId = s.Squat.Id, exerciseId = own.Id }, s.Client.Token));
        Assert.Equal("Sled push", ok.Exercises[0].Prescription.ExerciseName);

        var stranger = await _api.RegisterTrainerAsync();
        var theirs = await ApiClient.ReadAsync<ExerciseDto>(await _api.PostAsync("/api/exercises", new { name = "Secret move", category = "strength", primaryMuscles = new[] { "chest" } }, stranger.Token), HttpStatusCode.Created);

        // The client searches their coach's library (own exercises included) to find a swap, never another PT's.
        var found = await ApiClient.ReadAsync<Page<ExerciseDto>>(await _api.GetAsync("/api/exercises?source=own", s.Client.Token));
        Assert.Equal([own.Id], found.Items.Select(e => e.Id));
        Assert.Empty((await ApiClient.ReadAsync<Page<ExerciseDto>>(await _api.GetAsync("/api/exercises?q=Secret%20move", s.Client.Token))).Items);
        Assert.NotEmpty((await ApiClient.ReadAsync<Page<ExerciseDto>>(await _api.GetAsync("/api/exercises?muscle=quadriceps&limit=5", s.Client.Token))).Items);
        foreach (var body in new object[]
        {
            new { date = s.Monday, programId = s.Program.Id, programExerciseId = s.Squat.Id, exerciseId = theirs.Id },
            new { date = s.Monday, programId = s.Program.Id, programExerciseId = s.Squat.Id, exerciseId = "No_Such_Exercise" },
            new { date = s.Monday, programId = s.Program.Id, programExerciseId = "not-an-entry", exerciseId = "Leg_Press" },
            new { date = s.Monday, programId = "not-a-program", programExerciseId = s.Squat.Id, exerciseId = "Leg_Press" },
        })
        {
            var refused = await _api.PutAsync("/api/today/swap", body, s.Client.Token);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        }
        var today = await ApiClient.ReadAsync<TodayWorkout>(await _api.GetAsync($"/api/today?date={s.Monday:yyyy-MM-dd}", s.Client.Token));
        Assert.Equal("Sled push", today.Exercises[0].Prescription.ExerciseName);
    }

    [Fact]
    public async Task Today_carries_each_exercises_pictures_instructions_and_video_for_the_gym()
    {
        var s = await ArrangeAsync();
        var today = await ApiClient.ReadAsync<TodayWorkout>(await _api.GetAsync($"/api/today?date={s.Monday:yyyy-MM-dd}", s.Client.Token));
        var squat = today.Exercises[0].Exercise!;
        Assert.Equal(["/media/exercises/Barbell_Squat/0.webp", "/media/exercises/Barbell_Squat/1.webp"], squat.Images);
        Assert.NotEmpty(squat.Instructions);

        // The PT's own exercise, with a YouTube link, swapped in: its video and steps come along.
        var own = await ApiClient.ReadAsync<ExerciseDto>(await _api.PostAsync("/api/exercises", new
        {
            name = "Box squat", category = "strength", primaryMuscles = new[] { "quadriceps" }, instructions = new[] { "Sit back to the box", "Drive up" },
            videoUrl = "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
        }, s.Pt.Token), HttpStatusCode.Created);
        var swapped = await ApiClient.ReadAsync<TodayWorkout>(await _api.PutAsync("/api/today/swap",
            new { date = s.Monday, programId = s.Program.Id, programExerciseId = s.Squat.Id, exerciseId = own.Id }, s.Client.Token));
        var box = swapped.Exercises[0].Exercise!;
        Assert.Equal((own.Id, "youtube", 2), (box.Id, box.VideoProvider, box.Instructions.Count));
        Assert.Contains("youtube-nocookie.com/embed/dQw4w9WgXcQ", box.VideoEmbedUrl);
        Assert.Empty(box.Images);
        Assert.Equal("Barbell_Bench_Press_-_Medium_Grip", swapped.Exercises[1].Exercise!.Id);
    }

    [Fact]
    public async Task Each_user_chooses_kg_or_lb()
    {
        var s = await ArrangeAsync();
        Assert.Equal("kg", (await ApiClient.ReadAsync<MeResponse>(await _api.GetAsync("/api/me", s.Client.Token))).WeightUnit);
        await ApiClient.ReadAsync<UnitSettings>(await _api.PutAsync("/api/settings/units", new { weightUnit = "lb" }, s.Client.Token));
        Assert.Equal("lb", (await ApiClient.ReadAsync<MeResponse>(await _api.GetAsync("/api/me", s.Client.Token))).WeightUnit);
        Assert.Equal("kg", (await ApiClient.ReadAsync<MeResponse>(await _api.GetAsync("/api/me", s.Pt.Token))).WeightUnit);

        var refused = await _api.PutAsync("/api/settings/units", new { weightUnit = "stone" }, s.Pt.Token);
        Assert.Contains("kg or lb", (await ApiClient.ProblemAsync(refused, HttpStatusCode.BadRequest)).GetProperty("errors").GetProperty("weightUnit")[0].GetString());
        Assert.Equal("kg", (await ApiClient.ReadAsync<MeResponse>(await _api.GetAsync("/api/me", s.Pt.Token))).WeightUnit);
    }
}
