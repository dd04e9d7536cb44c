using System.Net;
using FitPilot.Contracts.Programs;
using FitPilot.Contracts.Training;
using FitPilot.Tests.Infrastructure;

namespace FitPilot.Tests.Training;

/// <summary>A burst of set logs from one client (an offline queue replaying, a double tap) all land, once each, numbered apart.</summary>
[Collection(HostCollection.Name)]
public sealed class ConcurrentLoggingTests(HostFixture host)
{
    private readonly ApiClient _api = host.NewClient();

    private async Task<(ApiClient.ClientAccount Client, ApiClient.Trainer Pt, ProgramDto Program, IReadOnlyList<ProgramExercise> Entries, DateOnly Today)> ArrangeAsync()
    {
        var pt = await _api.RegisterTrainerAsync();
        var client = await _api.OnboardClientAsync(pt, host.Mailbox);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var program = await ApiClient.ReadAsync<ProgramDto>(await _api.PostAsync("/api/programs", new
        {
            name = "Burst", clientId = client.Id, startDate = today.AddDays(-7),
            days = Enumerable.Range(0, 7).Select(d => new
            {
                dayOfWeek = d,
                exercises = new[] { TrainingSetup.Exercise("Barbell_Squat", sets: 20), TrainingSetup.Exercise("Barbell_Squat", sets: 20), TrainingSetup.Exercise("Pullups", sets: 20) },
            }).ToArray(),
        }, pt.Token), HttpStatusCode.Created);
        return (client, pt, program, program.Days.Single(d => d.DayOfWeek == (int)today.DayOfWeek).Exercises, today);
    }

    [Fact]
    public async Task Fifty_distinct_sets_logged_at_once_are_all_stored_and_none_is_told_someone_else_changed_it()
    {
        var (client, pt, program, entries, today) = await ArrangeAsync();
        var sets = Enumerable.Range(0, 50).Select(i => (Id: Guid.NewGuid().ToString(), Entry: entries[i % 3], Number: i / 3 + 1, Weight: 50.0 + i)).ToList();
        var responses = await Task.WhenAll(sets.Select(s => _api.PostAsync("/api/logs", new
        {
            id = s.Id, programId = program.Id, programExerciseId = s.Entry.Id, exerciseId = s.Entry.ExerciseId, setNumber = s.Number,
            weightKg = s.Weight, reps = 5, workoutDate = today,
        }, client.Token)));
        foreach (var r in responses)
            Assert.True(r.StatusCode == HttpStatusCode.Created, $"{(int)r.StatusCode} {await r.Content.ReadAsStringAsync()}");

        var logs = await ApiClient.ReadAsync<List<SetLog>>(await _api.GetAsync($"/api/clients/{client.Id}/logs?from={today:yyyy-MM-dd}&to={today:yyyy-MM-dd}", pt.Token));
        Assert.Equal(sets.Select(s => s.Id).Order(), logs.Select(l => l.Id).Order());
        // The stats saw every set: today lists them (up to its per-day cap) and the heaviest squat is the best.
        var todays = await ApiClient.ReadAsync<TodayWorkout>(await _api.GetAsync($"/api/today?date={today:yyyy-MM-dd}", client.Token));
        Assert.Equal(16, todays.Exercises.Single(e => e.Prescription.ExerciseId == "Pullups").Today.Count);
        var squats = todays.Exercises.Where(e => e.Prescription.ExerciseId == "Barbell_Squat").SelectMany(e => e.Today).ToList();
        Assert.Equal(34, squats.Count);
        var history = await ApiClient.ReadAsync<ExerciseHistory>(await _api.GetAsync("/api/exercises/Barbell_Squat/history", client.Token));
        Assert.Equal(sets.Where(s => s.Entry.ExerciseId == "Barbell_Squat").Max(s => s.Weight), history.Sets.Max(s => s.WeightKg));
        // Replaying the whole burst stores nothing twice.
        var replays = await Task.WhenAll(sets.Select(s => _api.PostAsync("/api/logs", new
        {
            id = s.Id, programId = program.Id, programExerciseId = s.Entry.Id, exerciseId = s.Entry.ExerciseId, setNumber = s.Number,
            weightKg = s.Weight, reps = 5, workoutDate = today,
        }, client.Token)));
        Assert.All(replays, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(50, (await ApiClient.ReadAsync<List<SetLog>>(await _api.GetAsync($"/api/clients/{client.Id}/logs?from={today:yyyy-MM-dd}&to={today:yyyy-MM-dd}", pt.Token))).Count);
    }

    [Fact]
    public async Task A_set_number_already_logged_that_day_is_stored_as_the_next_extra_set()
    {
        var (client, pt, program, entries, today) = await ArrangeAsync();
        object Set(int number, double weight, ProgramExercise? entry = null) => new
        {
            id = Guid.NewGuid().ToString(), programId = program.Id, programExerciseId = (entry ?? entries[0]).Id, exerciseId = (entry ?? entries[0]).ExerciseId,
            setNumber = number, weightKg = weight, reps = 5, workoutDate = today,
        };
        Assert.Equal(1, (await ApiClient.ReadAsync<LogSetResponse>(await _api.PostAsync("/api/logs", Set(1, 60), client.Token), HttpStatusCode.Created)).Log.SetNumber);
        Assert.Equal(2, (await ApiClient.ReadAsync<LogSetResponse>(await _api.PostAsync("/api/logs", Set(2, 62.5), client.Token), HttpStatusCode.Created)).Log.SetNumber);
        // A second device (or a stale screen) sends set 2 again with another id: it becomes set 3, nothing is lost.
        var extra = await ApiClient.ReadAsync<LogSetResponse>(await _api.PostAsync("/api/logs", Set(2, 65), client.Token), HttpStatusCode.Created);
        Assert.Equal(3, extra.Log.SetNumber);
        // The same number on another entry of the program, or another day, is its own.
        Assert.Equal(2, (await ApiClient.ReadAsync<LogSetResponse>(await _api.PostAsync("/api/logs", Set(2, 40, entries[2]), client.Token), HttpStatusCode.Created)).Log.SetNumber);

        var todays = await ApiClient.ReadAsync<TodayWorkout>(await _api.GetAsync($"/api/today?date={today:yyyy-MM-dd}", client.Token));
        Assert.Equal([1, 2, 3], todays.Exercises[0].Today.Select(s => s.SetNumber).Order());
        // Deleting set 2 frees its number.
        var set2 = todays.Exercises[0].Today.Single(s => s.SetNumber == 2);
        Assert.Equal(HttpStatusCode.NoContent, (await _api.DeleteAsync($"/api/logs/{set2.Id}", client.Token)).StatusCode);
        Assert.Equal(2, (await ApiClient.ReadAsync<LogSetResponse>(await _api.PostAsync("/api/logs", Set(2, 62.5), client.Token), HttpStatusCode.Created)).Log.SetNumber);
        // Once every number up to 20 is taken, another is refused with a clear problem.
        for (var n = 4; n <= 20; n++) await _api.PostAsync("/api/logs", Set(n, 60), client.Token);
        await ApiClient.ProblemAsync(await _api.PostAsync("/api/logs", Set(5, 60), client.Token), HttpStatusCode.Conflict);
    }
}
