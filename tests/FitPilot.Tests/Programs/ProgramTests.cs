using System.Net;
using System.Net.Http.Json;
using Azure.Data.Tables;
using FitPilot.Contracts.Programs;
using FitPilot.Contracts.Training;
using FitPilot.Functions.Storage;
using FitPilot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace FitPilot.Tests.Programs;

[Collection(HostCollection.Name)]
public sealed class ProgramTests(HostFixture host)
{
    private readonly ApiClient _api = host.NewClient();

    [Fact]
    public async Task A_template_keeps_its_grid_with_names_filled_in_and_ids_for_every_entry()
    {
        var pt = await _api.RegisterTrainerAsync();
        var template = await TrainingSetup.CreateAsync(_api, pt, clientId: null, "Beginner strength");
        Assert.True(template.IsTemplate);
        var monday = template.Days.Single(d => d.DayOfWeek == 1);
        Assert.Equal("Lower + push", monday.Title);
        Assert.Equal(["Barbell Squat", "Barbell Bench Press - Medium Grip", "Pullups"], monday.Exercises.Select(e => e.ExerciseName));
        Assert.All(template.Days.SelectMany(d => d.Exercises), e => Assert.False(string.IsNullOrEmpty(e.Id)));
        Assert.Equal("3-1-1-0", monday.Exercises[0].Tempo);
        Assert.Equal("A", monday.Exercises[1].SupersetGroup);

        var list = await ApiClient.ReadAsync<List<ProgramSummary>>(await _api.GetAsync("/api/programs?templates=true", pt.Token));
        Assert.Equal(2, Assert.Single(list).TrainingDays);
    }

    [Fact]
    public async Task Bulk_edits_are_one_save_and_a_second_tab_with_an_old_copy_gets_409()
    {
        var pt = await _api.RegisterTrainerAsync();
        var created = await _api.PostAsync("/api/programs", new { name = "Block", isTemplate = true, days = TrainingSetup.Days() }, pt.Token);
        var program = await ApiClient.ReadAsync<ProgramDto>(created, HttpStatusCode.Created);
        var etag = created.Headers.ETag!;

        // Tab one: copy Monday to Wednesday, move deadlift from Thursday to Friday, 4×6 for all of Monday, reorder Monday.
        var monday = program.Days.Single(d => d.DayOfWeek == 1);
        var edited = new
        {
            name = "Block v2", isTemplate = true,
            days = new object[]
            {
                new { dayOfWeek = 1, title = monday.Title, exercises = Enumerable.Reverse(monday.Exercises).Select(e => e with { Sets = 4, Reps = 6 }).ToList() },
                new { dayOfWeek = 3, title = "Copy of Monday", exercises = monday.Exercises.Select(e => e with { Id = null }).ToList() },
                new { dayOfWeek = 5, title = "Pull", exercises = program.Days.Single(d => d.DayOfWeek == 4).Exercises },
            },
        };
        var tabOne = await Put(program.Id, edited, pt.Token, etag);
        var saved = await ApiClient.ReadAsync<ProgramDto>(tabOne);
        Assert.Equal([1, 3, 5], saved.Days.Select(d => d.DayOfWeek));
        Assert.All(saved.Days.Single(d => d.DayOfWeek == 1).Exercises, e => Assert.Equal((4, 6), (e.Sets, e.Reps)));
        Assert.Equal("Pullups", saved.Days.Single(d => d.DayOfWeek == 1).Exercises[0].ExerciseName);
        var ids = saved.Days.SelectMany(d => d.Exercises).Select(e => e.Id).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());

        // Tab two still has the first version.
        var problem = await ApiClient.ProblemAsync(await Put(program.Id, new { name = "Block (tab two)", isTemplate = true, days = TrainingSetup.Days() }, pt.Token, etag), HttpStatusCode.Conflict);
        Assert.Contains("Someone else changed this", problem.GetProperty("detail").GetString());
        Assert.Equal("Block v2", (await ApiClient.ReadAsync<ProgramDto>(await _api.GetAsync($"/api/programs/{program.Id}", pt.Token))).Name);
    }

    [Fact]
    public async Task Bad_programs_are_refused_field_by_field_and_nothing_is_written()
    {
        var pt = await _api.RegisterTrainerAsync();
        var other = await _api.RegisterTrainerAsync();
        var theirs = await ApiClient.ReadAsync<Contracts.Exercises.ExerciseDto>(await _api.PostAsync("/api/exercises", new { name = "Their move", category = "strength", primaryMuscles = new[] { "chest" } }, other.Token), HttpStatusCode.Created);

        async Task<string> Refused(object day)
        {
            var response = await _api.PostAsync("/api/programs", new { name = "Bad", isTemplate = true, days = new[] { day } }, pt.Token);
            var problem = await ApiClient.ProblemAsync(response, HttpStatusCode.BadRequest);
            return string.Join(",", problem.GetProperty("errors").EnumerateObject().Select(p => p.Name));
        }
        Assert.Contains("days[0].dayOfWeek", await Refused(new { dayOfWeek = 7, exercises = Array.Empty<object>() }));
        Assert.Contains("days[0].exercises[0].sets", await Refused(new { dayOfWeek = 1, exercises = new[] { TrainingSetup.Exercise("Barbell_Squat", sets: 10_000) } }));
        Assert.Contains("days[0].exercises[0].weightKg", await Refused(new { dayOfWeek = 1, exercises = new[] { TrainingSetup.Exercise("Barbell_Squat", weightKg: -20) } }));
        Assert.Contains("days[0].exercises[0].exerciseId", await Refused(new { dayOfWeek = 1, exercises = new[] { TrainingSetup.Exercise("No_Such_Exercise") } }));
        Assert.Contains("days[0].exercises[0].exerciseId", await Refused(new { dayOfWeek = 1, exercises = new[] { TrainingSetup.Exercise(theirs.Id) } }));
        Assert.Contains("days[0].exercises[0].tempo", await Refused(new { dayOfWeek = 1, exercises = new[] { TrainingSetup.Exercise("Barbell_Squat", tempo: "slow") } }));
        var tooMany = Enumerable.Range(0, 16).Select(_ => TrainingSetup.Exercise("Barbell_Squat")).ToArray();
        Assert.Contains("days[0].exercises", await Refused(new { dayOfWeek = 1, exercises = tooMany }));

        Assert.Empty(await ApiClient.ReadAsync<List<ProgramSummary>>(await _api.GetAsync("/api/programs", pt.Token)));
    }

    [Fact]
    public async Task A_template_assigned_to_two_clients_gives_each_their_own_program_and_today()
    {
        var pt = await _api.RegisterTrainerAsync();
        var a = await _api.OnboardClientAsync(pt, host.Mailbox);
        var b = await _api.OnboardClientAsync(pt, host.Mailbox);
        var template = await TrainingSetup.CreateAsync(_api, pt, null);
        var monday = TrainingSetup.Next(DayOfWeek.Monday);

        var assigned = await ApiClient.ReadAsync<List<ProgramDto>>(await _api.PostAsync($"/api/programs/{template.Id}/assign",
            new { clientIds = new[] { a.Id, b.Id }, startDate = monday }, pt.Token), HttpStatusCode.Created);
        Assert.Equal(new[] { a.Id, b.Id }.Order(), assigned.Select(p => p.ClientId!).Order());
        Assert.Equal(2, assigned.Select(p => p.Id).Distinct().Count());

        foreach (var client in new[] { a, b })
        {
            var today = await ApiClient.ReadAsync<TodayWorkout>(await _api.GetAsync($"/api/today?date={monday:yyyy-MM-dd}", client.Token));
            Assert.Equal("active", today.Status);
            Assert.Equal("Lower + push", today.DayTitle);
            Assert.Equal(3, today.Exercises.Count);
            var tuesday = await ApiClient.ReadAsync<TodayWorkout>(await _api.GetAsync($"/api/today?date={monday.AddDays(1):yyyy-MM-dd}", client.Token));
            Assert.Equal("rest", tuesday.Status);
        }
        // A client of another PT cannot be assigned, and nothing is created for anyone.
        var stranger = await _api.OnboardClientAsync(await _api.RegisterTrainerAsync(), host.Mailbox);
        await ApiClient.ProblemAsync(await _api.PostAsync($"/api/programs/{template.Id}/assign", new { clientIds = new[] { a.Id, stranger.Id } }, pt.Token), HttpStatusCode.BadRequest);
        Assert.Equal(2, (await ApiClient.ReadAsync<List<ProgramSummary>>(await _api.GetAsync("/api/programs?templates=false", pt.Token))).Count);
    }

    [Fact]
    public async Task Pausing_resuming_pushing_back_and_ending_move_the_clients_schedule()
    {
        var pt = await _api.RegisterTrainerAsync();
        var client = await _api.OnboardClientAsync(pt, host.Mailbox);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var program = await TrainingSetup.CreateAsync(_api, pt, client.Id, start: today.AddDays(-7));
        async Task<TodayWorkout> On(DateOnly date) => await ApiClient.ReadAsync<TodayWorkout>(await _api.GetAsync($"/api/today?date={date:yyyy-MM-dd}", client.Token));
        var nextMonday = TrainingSetup.Next(DayOfWeek.Monday, weeksAhead: 1);
        Assert.Equal("Lower + push", (await On(nextMonday)).DayTitle);

        await _api.PostAsync($"/api/programs/{program.Id}/pause", null, pt.Token);
        Assert.Equal("paused", (await On(today)).Status);
        await ApiClient.ProblemAsync(await _api.PostAsync($"/api/programs/{program.Id}/pause", null, pt.Token), HttpStatusCode.Conflict);
        await _api.PostAsync($"/api/programs/{program.Id}/resume", null, pt.Token);

        var pushed = await ApiClient.ReadAsync<ProgramDto>(await _api.PostAsync($"/api/programs/{program.Id}/push-back", new { days = 1 }, pt.Token));
        Assert.Equal(1, pushed.ScheduleOffsetDays);
        Assert.Equal("rest", (await On(nextMonday)).Status);
        Assert.Equal("Lower + push", (await On(nextMonday.AddDays(1))).DayTitle);

        await _api.PostAsync($"/api/programs/{program.Id}/end", null, pt.Token);
        Assert.Equal("none", (await On(today.AddDays(1))).Status);
    }

    [Fact]
    public async Task An_exercise_used_by_a_program_cannot_be_deleted()
    {
        var pt = await _api.RegisterTrainerAsync();
        var own = await ApiClient.ReadAsync<Contracts.Exercises.ExerciseDto>(await _api.PostAsync("/api/exercises", new { name = "Sled push", category = "strongman", primaryMuscles = new[] { "quadriceps" } }, pt.Token), HttpStatusCode.Created);
        await _api.PostAsync("/api/programs", new { name = "Sled day", isTemplate = true, days = new[] { new { dayOfWeek = 2, exercises = new[] { TrainingSetup.Exercise(own.Id) } } } }, pt.Token);
        await ApiClient.ProblemAsync(await _api.DeleteAsync($"/api/exercises/{own.Id}", pt.Token), HttpStatusCode.Conflict);
    }

    private async Task<HttpResponseMessage> Put(string id, object body, string token, System.Net.Http.Headers.EntityTagHeaderValue etag)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/programs/{id}") { Content = JsonContent.Create(body, options: ApiClient.Json) };
        request.Headers.Authorization = new("Bearer", token);
        request.Headers.IfMatch.Add(etag);
        return await _api.Http.SendAsync(request);
    }
}
