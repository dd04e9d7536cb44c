using System.Net;
using FitPilot.Contracts.Programs;
using FitPilot.Contracts.Training;
using FitPilot.Tests.Infrastructure;

namespace FitPilot.Tests.Storage;

/// <summary>Everything the API accepts also stores: the largest valid program and set history, in several scripts.</summary>
[Collection(HostCollection.Name)]
public sealed class StoredSizeTests(HostFixture host)
{
    private readonly ApiClient _api = host.NewClient();

    /// <summary>Text of exactly <paramref name="length"/> UTF-16 units in a script (emoji are two units each).</summary>
    public static string Text(string script, int length)
    {
        var sample = script switch
        {
            "cyrillic" => "Приседайте медленно, держите спину ровно. ",
            "cjk" => "慢慢地蹲下，保持背部挺直。呼吸要均匀。",
            "arabic" => "انزل ببطء وحافظ على استقامة ظهرك. ",
            "emoji" => "🏋️‍♀️💪🔥😅👍🏽",
            _ => "Slow down, keep your back straight. ",
        };
        var text = string.Concat(Enumerable.Repeat(sample, length / sample.Length + 2));
        var cut = text[..length];
        return char.IsHighSurrogate(cut[^1]) ? cut[..^1] + "!" : cut;
    }

    [Theory]
    [InlineData("cyrillic")]
    [InlineData("cjk")]
    [InlineData("arabic")]
    [InlineData("emoji")]
    public async Task The_largest_valid_program_stores_and_reads_back_unchanged(string script)
    {
        var pt = await _api.RegisterTrainerAsync();
        var client = await _api.OnboardClientAsync(pt, host.Mailbox);
        // An own exercise with the longest name and instructions, used alongside library ones.
        var own = await ApiClient.ReadAsync<Contracts.Exercises.ExerciseDto>(await _api.PostAsync("/api/exercises", new
        {
            name = Text(script, 120), description = Text(script, 2000), category = "strength", primaryMuscles = new[] { "chest" },
            instructions = Enumerable.Range(0, 30).Select(_ => Text(script, 1000)).ToArray(),
        }, pt.Token), HttpStatusCode.Created);
        var request = new
        {
            name = Text(script, 100), clientId = client.Id, notes = Text(script, 1000),
            days = Enumerable.Range(0, 7).Select(d => new
            {
                dayOfWeek = d, title = Text(script, 60),
                exercises = Enumerable.Range(0, 15).Select(i => new
                {
                    exerciseId = i % 2 == 0 ? own.Id : "Barbell_Squat", sets = 20, reps = 8, repsMax = 12, weightKg = 999.75, restSeconds = 3600, dropSets = 5,
                    supersetGroup = "Z", tempo = "10-10-10-10", tutSeconds = 600, rir = 10, notes = Text(script, 500),
                }).ToArray(),
            }).ToArray(),
        };
        var created = await ApiClient.ReadAsync<ProgramDto>(await _api.PostAsync("/api/programs", request, pt.Token), HttpStatusCode.Created);
        var read = await ApiClient.ReadAsync<ProgramDto>(await _api.GetAsync($"/api/programs/{created.Id}", pt.Token));
        Assert.Equal(request.name, read.Name);
        Assert.Equal(7, read.Days.Count);
        Assert.All(read.Days, d => Assert.Equal(15, d.Exercises.Count));
        Assert.All(read.Days.SelectMany(d => d.Exercises), e => Assert.Equal(Text(script, 500), e.Notes));
        Assert.Equal(own.Name, read.Days[0].Exercises[0].ExerciseName);
        var exercise = await ApiClient.ReadAsync<Contracts.Exercises.ExerciseDto>(await _api.GetAsync($"/api/exercises/{own.Id}", pt.Token));
        Assert.Equal(30, exercise.Instructions.Count);

        // The client's copy stores too: their today carries the same notes.
        var date = TrainingSetup.Next(DayOfWeek.Monday);
        var today = await ApiClient.ReadAsync<TodayWorkout>(await _api.GetAsync($"/api/today?date={date:yyyy-MM-dd}", client.Token));
        Assert.Equal(15, today.Exercises.Count);
        Assert.Equal(Text(script, 500), today.Exercises[1].Prescription.Notes);
    }

    [Theory]
    [InlineData("cjk")]
    [InlineData("emoji")]
    public async Task A_long_day_of_sets_with_the_longest_notes_stores_every_set(string script)
    {
        var pt = await _api.RegisterTrainerAsync();
        var client = await _api.OnboardClientAsync(pt, host.Mailbox);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        // Three entries of the same exercise on every day: 60 set numbers of one exercise in one day.
        var program = await ApiClient.ReadAsync<ProgramDto>(await _api.PostAsync("/api/programs", new
        {
            name = "Volume", clientId = client.Id, startDate = today.AddDays(-7),
            days = Enumerable.Range(0, 7).Select(d => new { dayOfWeek = d, exercises = Enumerable.Range(0, 3).Select(_ => TrainingSetup.Exercise("Barbell_Squat", sets: 20)).ToArray() }).ToArray(),
        }, pt.Token), HttpStatusCode.Created);
        var entries = program.Days.Single(d => d.DayOfWeek == (int)today.DayOfWeek).Exercises;
        var notes = Text(script, 490) + new string('\n', 10);
        for (var i = 0; i < 45; i++)
        {
            var entry = entries[i % 3];
            var response = await _api.PostAsync("/api/logs", new
            {
                id = Guid.NewGuid().ToString(), programId = program.Id, programExerciseId = entry.Id, exerciseId = entry.ExerciseId,
                setNumber = i / 3 + 1, weightKg = 100 + i, reps = 5, rir = 1, notes, workoutDate = today,
            }, client.Token);
            Assert.True(response.StatusCode == HttpStatusCode.Created, $"set {i + 1}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
        var logs = await ApiClient.ReadAsync<List<SetLog>>(await _api.GetAsync($"/api/clients/{client.Id}/logs?from={today:yyyy-MM-dd}&to={today:yyyy-MM-dd}", pt.Token));
        Assert.Equal(45, logs.Count);
        Assert.All(logs, l => Assert.Equal(notes, l.Notes));
        // Today shows the newest sets that fit, with their notes, and the heaviest is a best.
        var todays = await ApiClient.ReadAsync<TodayWorkout>(await _api.GetAsync($"/api/today?date={today:yyyy-MM-dd}", client.Token));
        var shown = todays.Exercises.SelectMany(e => e.Today).ToList();
        Assert.InRange(shown.Count, 15, 45);
        Assert.Contains(shown, s => s.WeightKg == 144);
        Assert.All(shown, s => Assert.Equal(notes, s.Notes));
        // Editing and deleting still rebuild the stats within the limits.
        var last = logs.Single(l => l.WeightKg == 144);
        Assert.Equal(HttpStatusCode.OK, (await _api.PutAsync($"/api/logs/{last.Id}", new { weightKg = 150, reps = 5, notes }, client.Token)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await _api.DeleteAsync($"/api/logs/{logs[0].Id}", client.Token)).StatusCode);
    }
}
