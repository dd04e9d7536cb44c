using System.Net;
using FitPilot.Contracts.Programs;
using FitPilot.Contracts.Training;
using FitPilot.Tests.Infrastructure;

namespace FitPilot.Tests.Programs;

/// <summary>Every date the API takes stays in a sensible window, so date arithmetic never overflows and a far-future set cannot hide today's.</summary>
[Collection(HostCollection.Name)]
public sealed class DateBoundsTests(HostFixture host)
{
    private readonly ApiClient _api = host.NewClient();

    [Fact]
    public async Task Dates_at_the_ends_of_the_calendar_are_refused_everywhere_with_a_400()
    {
        var pt = await _api.RegisterTrainerAsync();
        var client = await _api.OnboardClientAsync(pt, host.Mailbox);
        var template = await TrainingSetup.CreateAsync(_api, pt, null);
        var before = await ProgramCountAsync(pt);

        foreach (var (start, end) in new[] { ("0001-01-01", "0001-01-02"), ("2026-01-01", "9999-12-31"), ("1899-12-31", (string?)null) })
        {
            var problem = await ApiClient.ProblemAsync(await _api.PostAsync("/api/programs", new { name = "Far", clientId = client.Id, startDate = start, endDate = end }, pt.Token), HttpStatusCode.BadRequest);
            Assert.True(problem.GetProperty("errors").EnumerateObject().Any(e => e.Name is "startDate" or "endDate"), problem.ToString());
        }
        await ApiClient.ProblemAsync(await _api.PostAsync($"/api/programs/{template.Id}/duplicate", new { clientId = client.Id, startDate = "9999-12-31" }, pt.Token), HttpStatusCode.BadRequest);
        await ApiClient.ProblemAsync(await _api.PostAsync($"/api/programs/{template.Id}/assign", new { clientIds = new[] { client.Id }, startDate = "9999-12-31" }, pt.Token), HttpStatusCode.BadRequest);
        foreach (var query in new[] { "adherence?to=0001-01-01", "adherence?to=9999-12-31", "logs?to=0001-01-03", "logs?from=0001-01-01&to=0001-01-02", "logs?from=9999-12-25&to=9999-12-31" })
            await ApiClient.ProblemAsync(await _api.GetAsync($"/api/clients/{client.Id}/{query}", pt.Token), HttpStatusCode.BadRequest);
        await ApiClient.ProblemAsync(await _api.GetAsync("/api/today?date=9999-12-31", client.Token), HttpStatusCode.BadRequest);
        await ApiClient.ProblemAsync(await _api.GetAsync("/api/today?date=0001-01-01", client.Token), HttpStatusCode.BadRequest);
        Assert.Equal(before, await ProgramCountAsync(pt));
    }

    [Fact]
    public async Task A_program_at_the_end_of_the_window_cannot_be_pushed_or_copied_past_it()
    {
        var pt = await _api.RegisterTrainerAsync();
        var client = await _api.OnboardClientAsync(pt, host.Mailbox);
        var late = await ApiClient.ReadAsync<ProgramDto>(await _api.PostAsync("/api/programs", new
        {
            name = "Late", clientId = client.Id, startDate = "2099-11-01", endDate = "2099-12-01", days = TrainingSetup.Days(),
        }, pt.Token), HttpStatusCode.Created);

        await ApiClient.ProblemAsync(await _api.PostAsync($"/api/programs/{late.Id}/push-back", new { days = 90 }, pt.Token), HttpStatusCode.Conflict);
        await ApiClient.ProblemAsync(await _api.PostAsync($"/api/programs/{late.Id}/duplicate", new { startDate = "2099-12-25" }, pt.Token), HttpStatusCode.BadRequest);
        var unchanged = await ApiClient.ReadAsync<ProgramDto>(await _api.GetAsync($"/api/programs/{late.Id}", pt.Token));
        Assert.Equal((new DateOnly(2099, 11, 1), new DateOnly(2099, 12, 1), 0), (unchanged.StartDate!.Value, unchanged.EndDate!.Value, unchanged.ScheduleOffsetDays));
        // Up to the end of the window it still works.
        var moved = await ApiClient.ReadAsync<ProgramDto>(await _api.PostAsync($"/api/programs/{late.Id}/push-back", new { days = 30 }, pt.Token));
        Assert.Equal((new DateOnly(2099, 12, 1), new DateOnly(2099, 12, 31)), (moved.StartDate!.Value, moved.EndDate!.Value));
        await ApiClient.ProblemAsync(await _api.PostAsync($"/api/programs/{late.Id}/push-back", new { days = 1 }, pt.Token), HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_set_is_logged_for_a_day_of_its_program_up_to_the_clients_today_and_a_future_one_is_refused()
    {
        var pt = await _api.RegisterTrainerAsync();
        var client = await _api.OnboardClientAsync(pt, host.Mailbox);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var program = await ApiClient.ReadAsync<ProgramDto>(await _api.PostAsync("/api/programs", new
        {
            name = "Every day", clientId = client.Id, startDate = today.AddDays(-10), endDate = today.AddDays(30),
            days = Enumerable.Range(0, 7).Select(d => new { dayOfWeek = d, exercises = new[] { TrainingSetup.Exercise("Barbell_Squat") } }),
        }, pt.Token), HttpStatusCode.Created);
        object Set(DateOnly? date, DateTimeOffset? performedAt = null)
        {
            var entry = program.Days.Single(d => d.DayOfWeek == (int)(date ?? today).DayOfWeek).Exercises[0];
            return new { id = Guid.NewGuid().ToString(), programId = program.Id, programExerciseId = entry.Id, exerciseId = entry.ExerciseId, weightKg = 60, reps = 5, workoutDate = date, performedAt };
        }

        foreach (var bad in new object[] { Set(new DateOnly(9999, 12, 31)), Set(new DateOnly(1, 1, 3)), Set(today.AddDays(2)), Set(today.AddDays(-11)), Set(today, DateTimeOffset.UtcNow.AddDays(3)), Set(today, new DateTimeOffset(1, 1, 1, 0, 0, 0, TimeSpan.Zero)) })
            await ApiClient.ProblemAsync(await _api.PostAsync("/api/logs", bad, client.Token), HttpStatusCode.BadRequest);

        // Today, tomorrow (a client ahead of UTC) and the program's first day are fine; today's sets still show.
        Assert.Equal(HttpStatusCode.Created, (await _api.PostAsync("/api/logs", Set(today), client.Token)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await _api.PostAsync("/api/logs", Set(today.AddDays(1)), client.Token)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await _api.PostAsync("/api/logs", Set(today.AddDays(-10)), client.Token)).StatusCode);
        var todays = await ApiClient.ReadAsync<TodayWorkout>(await _api.GetAsync($"/api/today?date={today:yyyy-MM-dd}", client.Token));
        Assert.Single(todays.Exercises[0].Today);
        var history = await ApiClient.ReadAsync<ExerciseHistory>(await _api.GetAsync("/api/exercises/Barbell_Squat/history", client.Token));
        Assert.Equal(3, history.Sets.Count);
    }

    private async Task<int> ProgramCountAsync(ApiClient.Trainer pt) =>
        (await ApiClient.ReadAsync<List<ProgramSummary>>(await _api.GetAsync("/api/programs", pt.Token))).Count;
}
