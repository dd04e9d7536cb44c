using System.Net;
using Azure.Data.Tables;
using FitPilot.Contracts.Programs;
using FitPilot.Contracts.Training;
using FitPilot.Functions.Storage;
using FitPilot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace FitPilot.Tests.Programs;

/// <summary>Programs stored before their days had a versioned type of their own still read, edit and train as before.</summary>
[Collection(HostCollection.Name)]
public sealed class StoredProgramCompatibilityTests(HostFixture host)
{
    private readonly ApiClient _api = host.NewClient();

    /// <summary>A day exactly as the first versions wrote it: the contract serialised with the Web defaults (non-ASCII escaped, no version column).</summary>
    private const string DayWrittenBefore =
        """{"dayOfWeek":1,"title":"Lower \u2014 heavy","exercises":[{"id":"e1a2b3c4d5e6","exerciseId":"Barbell_Squat","exerciseName":"Barbell Squat","sets":3,"reps":5,"repsMax":null,"weightKg":100,"percentOf1Rm":null,"restSeconds":120,"dropSets":1,"supersetGroup":"A","tempo":"3-1-1-0","tutSeconds":40,"rir":2,"notes":"\u041C\u0435\u0434\u043B\u0435\u043D\u043D\u043E"}]}""";

    [Fact]
    public async Task A_program_stored_in_the_earlier_format_reads_edits_and_trains_unchanged()
    {
        var pt = await _api.RegisterTrainerAsync();
        var client = await _api.OnboardClientAsync(pt, host.Mailbox);
        var storage = host.Services.GetRequiredService<StorageClients>();
        var id = Guid.NewGuid().ToString("N");
        var monday = TrainingSetup.Last(DayOfWeek.Monday);
        TableEntity Row(string partition, string rowKey) => new(partition, rowKey)
        {
            ["Name"] = "Stored before", ["ClientId"] = client.Id, ["IsTemplate"] = false, ["Status"] = "active",
            ["StartDate"] = new DateTimeOffset(monday.AddDays(-7).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), ["ScheduleOffsetDays"] = 0,
            ["ExerciseIds"] = "Barbell_Squat", ["Day1"] = DayWrittenBefore,
            ["CreatedAt"] = DateTimeOffset.UtcNow.AddDays(-30), ["UpdatedAt"] = DateTimeOffset.UtcNow.AddDays(-30),
        };
        await storage.Table(StorageNames.ProgramsTable).AddEntityAsync(Row(pt.Id, id));
        await storage.Table(StorageNames.TrainingTable).AddEntityAsync(Row(client.Id, "prog|" + id));

        var read = await _api.GetAsync($"/api/programs/{id}", pt.Token);
        var program = await ApiClient.ReadAsync<ProgramDto>(read);
        var entry = program.Days.Single().Exercises.Single();
        Assert.Equal(("Lower — heavy", "Медленно", "3-1-1-0", "A"), (program.Days[0].Title, entry.Notes, entry.Tempo, entry.SupersetGroup));
        Assert.Equal((3, 5, 100.0, 120, 1, 40, 2), (entry.Sets, entry.Reps, entry.WeightKg!.Value, entry.RestSeconds!.Value, entry.DropSets, entry.TutSeconds!.Value, entry.Rir!.Value));
        Assert.Equal("e1a2b3c4d5e6", entry.Id);

        // The client trains on it and logs a set against the stored entry id.
        var today = await ApiClient.ReadAsync<TodayWorkout>(await _api.GetAsync($"/api/today?date={monday:yyyy-MM-dd}", client.Token));
        Assert.Equal("Barbell Squat", today.Exercises.Single().Prescription.ExerciseName);
        Assert.Equal(HttpStatusCode.Created, (await _api.PostAsync("/api/logs", new
        {
            id = Guid.NewGuid().ToString(), programId = id, programExerciseId = entry.Id, exerciseId = "Barbell_Squat", weightKg = 100, reps = 5, workoutDate = monday,
        }, client.Token)).StatusCode);

        // Saving it again writes the current version, and it reads back the same.
        var saveRequest = new HttpRequestMessage(HttpMethod.Put, $"/api/programs/{id}")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new { name = program.Name, clientId = client.Id, startDate = program.StartDate, days = program.Days }, options: ApiClient.Json),
        };
        saveRequest.Headers.Authorization = new("Bearer", pt.Token);
        saveRequest.Headers.TryAddWithoutValidation("If-Match", read.Headers.ETag!.ToString());
        var saved = await ApiClient.ReadAsync<ProgramDto>(await _api.Http.SendAsync(saveRequest));
        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(program.Days), System.Text.Json.JsonSerializer.Serialize(saved.Days));
        var stored = (await storage.Table(StorageNames.ProgramsTable).GetEntityAsync<TableEntity>(pt.Id, id)).Value;
        Assert.Equal(1, stored.GetInt32("DaysVersion"));
        Assert.Contains("Медленно", stored.GetString("Day1"));
    }
}
