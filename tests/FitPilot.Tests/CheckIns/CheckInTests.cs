using System.Net;
using FitPilot.Contracts.Engagement;
using FitPilot.Functions.CheckIns;
using FitPilot.Functions.Common;
using FitPilot.Functions.Trainers;
using FitPilot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace FitPilot.Tests.CheckIns;

/// <summary>
/// Check-ins over HTTP against Azurite and smtp4dev: templates, schedules, draft and submit, review; and the reminder timer run
/// directly with chosen clocks (<see cref="CheckInReminders.RunAsync"/>): once per client and period however it fires.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class CheckInTests(HostFixture host, ITestOutputHelper output)
{
    private readonly ApiClient _api = host.NewClient();
    private CheckInStore Store => host.Services.GetRequiredService<CheckInStore>();
    private CheckInReminders Timer => host.Services.GetRequiredService<CheckInReminders>();

    private static object Template(string name = "Weekly check-in") => new
    {
        name,
        questions = new object[]
        {
            new { id = "mood", type = "scale", text = "How was your week?" },
            new { id = "diet", type = "choice", text = "Diet", choices = new[] { "On track", "Off track" } },
            new { id = "sleep", type = "number", text = "Average sleep", unit = "hours", required = false },
            new { id = "win", type = "long-text", text = "Your win this week" },
        },
    };

    private static object FullAnswers => new
    {
        answers = new object[]
        {
            new { questionId = "mood", number = 8 }, new { questionId = "diet", choice = "On track" },
            new { questionId = "sleep", number = 7.5 }, new { questionId = "win", text = "Squat PB!\nAnd slept well." },
        },
    };

    private async Task<CheckInTemplate> CreateTemplateAsync(ApiClient.Trainer pt, string name = "Weekly check-in") =>
        await ApiClient.ReadAsync<CheckInTemplate>(await _api.PostAsync("/api/check-in-templates", Template(name), pt.Token), HttpStatusCode.Created);

    private async Task<CheckInSchedule> AssignAsync(ApiClient.Trainer pt, string clientId, string templateId, int day, string time = "18:00") =>
        await ApiClient.ReadAsync<CheckInSchedule>(await _api.PutAsync($"/api/clients/{clientId}/check-in-schedule", new { templateId, dayOfWeek = day, localTime = time }, pt.Token));

    private async Task<ApiClient.ClientAccount> ClientInAsync(ApiClient.Trainer pt, string zone)
    {
        var client = await _api.OnboardClientAsync(pt, host.Mailbox);
        Assert.Equal(HttpStatusCode.OK, (await _api.PutAsync("/api/settings/time-zone", new { timeZone = zone }, client.Token)).StatusCode);
        return client;
    }

    /// <summary>Moves the schedule's start back, so earlier periods exist (a schedule assigned weeks ago).</summary>
    private async Task StartedDaysAgoAsync(string trainerId, string clientId, int days)
    {
        var schedule = (await Store.FindAsync<CheckInScheduleEntity>(CheckInRows.Schedules, CheckInRows.ScheduleKey(trainerId, clientId), default))!;
        schedule.StartsOn = CheckInRows.Iso(schedule.Start.AddDays(-days));
        await Store.UpdateAsync(schedule, default);
    }

    private async Task<bool> RemindedAsync(string clientId, DateOnly due) =>
        await Store.FindAsync<ReceiptEntity>(clientId, CheckInRows.ReminderKey(due), default) is not null;

    private void Trips(string what, HttpResponseMessage response) => output.WriteLine($"{what}: {ApiClient.RoundTrips(response)} storage round trips");

    [Fact]
    public async Task Template_rules_are_400_field_errors_and_a_template_in_use_cannot_be_deleted()
    {
        var pt = await _api.RegisterTrainerAsync();
        var bad = await _api.PostAsync("/api/check-in-templates", new
        {
            name = "Bad",
            questions = new object[]
            {
                new { id = "a", type = "scale", text = "A" }, new { id = "a", type = "yes-no", text = "Again" },
                new { id = "c", type = "choice", text = "One choice", choices = new[] { "Only" } },
                new { id = "d", type = "short-text", text = "Text with choices", choices = new[] { "x", "y" } },
            },
        }, pt.Token);
        var problem = await ApiClient.ProblemAsync(bad, HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        foreach (var field in new[] { "questions[1].id", "questions[2].choices", "questions[3].choices" })
            Assert.True(errors.TryGetProperty(field, out _), $"{field} missing in {errors}");
        await ApiClient.ProblemAsync(await _api.PostAsync("/api/check-in-templates", new { name = "Empty", questions = Array.Empty<object>() }, pt.Token), HttpStatusCode.BadRequest);
        await ApiClient.ProblemAsync(await _api.PostAsync("/api/check-in-templates", new { name = "Bad type", questions = new[] { new { id = "a", type = "essay", text = "A" } } }, pt.Token), HttpStatusCode.BadRequest);

        var created = await _api.PostAsync("/api/check-in-templates", Template(), pt.Token);
        Trips("POST check-in-templates", created);
        var template = await ApiClient.ReadAsync<CheckInTemplate>(created, HttpStatusCode.Created);
        Assert.Equal(["mood", "diet", "sleep", "win"], template.Questions.Select(q => q.Id));
        Assert.Equal("hours", template.Questions[2].Unit);
        var client = await _api.OnboardClientAsync(pt, host.Mailbox);
        var assigned = await _api.PutAsync($"/api/clients/{client.Id}/check-in-schedule", new { templateId = template.Id, dayOfWeek = 5, localTime = "08:00" }, pt.Token);
        Trips("PUT clients/{id}/check-in-schedule", assigned);
        await ApiClient.ProblemAsync(await _api.PutAsync($"/api/clients/{client.Id}/check-in-schedule", new { templateId = "nope", dayOfWeek = 5, localTime = "08:00" }, pt.Token), HttpStatusCode.BadRequest);
        await ApiClient.ProblemAsync(await _api.PutAsync($"/api/clients/{client.Id}/check-in-schedule", new { templateId = template.Id, dayOfWeek = 8, localTime = "25:00" }, pt.Token), HttpStatusCode.BadRequest);

        var list = await _api.GetAsync("/api/check-in-templates", pt.Token);
        Trips("GET check-in-templates", list);
        Assert.Equal(1, (await ApiClient.ReadAsync<List<CheckInTemplate>>(list)).Single().AssignedClients);
        await ApiClient.ProblemAsync(await _api.DeleteAsync($"/api/check-in-templates/{template.Id}", pt.Token), HttpStatusCode.Conflict);

        // Renamed: the schedule shows the new name.
        var renamed = await _api.PutAsync($"/api/check-in-templates/{template.Id}", Template("Friday check-in"), pt.Token);
        Trips("PUT check-in-templates/{id}", renamed);
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        var schedule = await _api.GetAsync($"/api/clients/{client.Id}/check-in-schedule", pt.Token);
        Trips("GET clients/{id}/check-in-schedule", schedule);
        Assert.Equal("Friday check-in", (await ApiClient.ReadAsync<CheckInSchedule>(schedule)).TemplateName);

        var removed = await _api.DeleteAsync($"/api/clients/{client.Id}/check-in-schedule", pt.Token);
        Trips("DELETE clients/{id}/check-in-schedule", removed);
        await ApiClient.ProblemAsync(await _api.GetAsync($"/api/clients/{client.Id}/check-in-schedule", pt.Token), HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.NoContent, (await _api.DeleteAsync($"/api/check-in-templates/{template.Id}", pt.Token)).StatusCode);
        await ApiClient.ProblemAsync(await _api.GetAsync($"/api/check-in-templates/{template.Id}", pt.Token), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_client_who_moves_time_zone_gets_reminders_in_the_new_zone_without_opening_the_check_in()
    {
        var pt = await _api.RegisterTrainerAsync();
        var client = await ClientInAsync(pt, "Australia/Sydney");
        var template = await CreateTemplateAsync(pt);
        Assert.Equal("Australia/Sydney", (await AssignAsync(pt, client.Id, template.Id, 1)).TimeZone);

        Assert.Equal(HttpStatusCode.OK, (await _api.PutAsync("/api/settings/time-zone", new { timeZone = "America/Los_Angeles" }, client.Token)).StatusCode);
        await Eventually.HoldsAsync(async () => Assert.Equal("America/Los_Angeles",
            (await ApiClient.ReadAsync<CheckInSchedule>(await _api.GetAsync($"/api/clients/{client.Id}/check-in-schedule", pt.Token))).TimeZone));
        var schedule = await host.Services.GetRequiredService<CheckInService>().FindScheduleAsync(pt.Id, client.Id, default);
        Assert.Equal("America/Los_Angeles", schedule!.TimeZone);

        // The PT's move reaches the digest's zone on their clients' schedules.
        Assert.Equal(HttpStatusCode.OK, (await _api.PutAsync("/api/settings/time-zone", new { timeZone = "Europe/London" }, pt.Token)).StatusCode);
        await Eventually.HoldsAsync(async () => Assert.Equal("Europe/London",
            (await host.Services.GetRequiredService<CheckInService>().FindScheduleAsync(pt.Id, client.Id, default))!.TrainerTimeZone));
    }

    [Fact]
    public async Task A_client_drafts_submits_once_the_PT_reviews_and_the_client_reads_the_response()
    {
        var pt = await _api.RegisterTrainerAsync();
        var client = await ClientInAsync(pt, "Australia/Sydney");
        var template = await CreateTemplateAsync(pt);
        var today = UserTime.Today("Australia/Sydney", DateTimeOffset.UtcNow);
        var schedule = await AssignAsync(pt, client.Id, template.Id, CheckInRules.IsoDay(today));
        Assert.Equal(("Australia/Sydney", today), (schedule.TimeZone, schedule.NextDueOn));
        await _api.PostAsync("/api/progress/measurements", new { id = Guid.NewGuid().ToString(), measuredOn = today.AddDays(-3), weightKg = 81.2 }, client.Token);
        await _api.PostAsync("/api/progress/measurements", new { id = Guid.NewGuid().ToString(), measuredOn = today, weightKg = 80.4 }, client.Token);

        // A daily habit for the last three days ticked twice, and a twice-a-week one for today only (due once) ticked → 3 of 4.
        var daily = await ApiClient.ReadAsync<Habit>(await _api.PostAsync($"/api/clients/{client.Id}/habits", new { title = "Walk", startsOn = today.AddDays(-2) }, pt.Token), HttpStatusCode.Created);
        var twice = await ApiClient.ReadAsync<Habit>(await _api.PostAsync($"/api/clients/{client.Id}/habits", new { title = "Stretch", timesPerWeek = 2, startsOn = today, endsOn = today }, pt.Token), HttpStatusCode.Created);
        foreach (var (habit, date) in new[] { (daily, today), (daily, today.AddDays(-1)), (twice, today) })
            Assert.Equal(HttpStatusCode.OK, (await _api.PostAsync($"/api/habits/{habit.Id}/ticks", new { date, done = true }, client.Token)).StatusCode);

        var currentResponse = await _api.GetAsync("/api/check-ins/current", client.Token);
        Trips("GET check-ins/current (nothing saved yet)", currentResponse);
        var current = await ApiClient.ReadAsync<CurrentCheckIn>(currentResponse);
        Assert.Equal((today, true, false), (current.DueOn, current.Due, current.Overdue));
        Assert.Equal(CheckInStatuses.Draft, current.CheckIn!.Status);
        Assert.Equal(4, current.CheckIn.Questions.Count);

        // A draft may be partial; a submit may not.
        var draft = await _api.PutAsync("/api/check-ins/current", new { answers = new object[] { new { questionId = "mood", number = 6 } } }, client.Token);
        Trips("PUT check-ins/current", draft);
        Assert.Equal(HttpStatusCode.OK, draft.StatusCode);
        var refused = await ApiClient.ProblemAsync(await _api.PostAsync("/api/check-ins/current/submit", new { answers = new object[] { new { questionId = "mood", number = 6 } } }, client.Token), HttpStatusCode.BadRequest);
        Assert.True(refused.GetProperty("errors").TryGetProperty("answers.diet", out _));
        var wrong = await ApiClient.ProblemAsync(await _api.PostAsync("/api/check-ins/current/submit", new { answers = new object[] { new { questionId = "mood", number = 11 }, new { questionId = "diet", choice = "Maybe" } } }, client.Token), HttpStatusCode.BadRequest);
        Assert.True(wrong.GetProperty("errors").TryGetProperty("answers[0].number", out _));
        Assert.True(wrong.GetProperty("errors").TryGetProperty("answers[1].choice", out _));
        var saved = await ApiClient.ReadAsync<CurrentCheckIn>(await _api.GetAsync("/api/check-ins/current", client.Token));
        Assert.Equal(6, saved.CheckIn!.Answers.Single().Number);
        Trips("GET check-ins/current (draft saved)", await _api.GetAsync("/api/check-ins/current", client.Token));

        var submitted = await _api.PostAsync("/api/check-ins/current/submit", FullAnswers, client.Token);
        Trips("POST check-ins/current/submit", submitted);
        var checkIn = await ApiClient.ReadAsync<CheckIn>(submitted);
        Assert.Equal((CheckInStatuses.Pending, false, today.ToString("yyyy-MM-dd")), (checkIn.Status, checkIn.Late, checkIn.Id));
        await ApiClient.ProblemAsync(await _api.PostAsync("/api/check-ins/current/submit", FullAnswers, client.Token), HttpStatusCode.Conflict);
        await ApiClient.ProblemAsync(await _api.PutAsync("/api/check-ins/current", FullAnswers, client.Token), HttpStatusCode.Conflict);
        var after = await ApiClient.ReadAsync<CurrentCheckIn>(await _api.GetAsync("/api/check-ins/current", client.Token));
        Assert.Equal((CheckInStatuses.Pending, false, false), (after.CheckIn!.Status, after.Due, after.Overdue));

        var awaitingResponse = await _api.GetAsync("/api/check-ins/awaiting-review", pt.Token);
        Trips("GET check-ins/awaiting-review", awaitingResponse);
        Assert.Equal(checkIn.Id, (await ApiClient.ReadAsync<List<CheckIn>>(awaitingResponse)).Single().Id);

        var reviewResponse = await _api.GetAsync($"/api/clients/{client.Id}/check-ins/{checkIn.Id}", pt.Token);
        Trips("GET clients/{id}/check-ins/{checkInId}", reviewResponse);
        var review = await ApiClient.ReadAsync<CheckInReview>(reviewResponse);
        Assert.Equal(4, review.CheckIn.Answers.Count);
        Assert.Null(review.Previous);
        Assert.NotNull(review.WeekAdherence);
        Assert.Equal([81.2, 80.4], review.WeightTrend.Select(w => w.WeightKg));
        Assert.Equal(75, review.HabitCompletionPercent);

        await ApiClient.ProblemAsync(await _api.PostAsync($"/api/clients/{client.Id}/check-ins/{checkIn.Id}/review", new { responseText = "  " }, pt.Token), HttpStatusCode.BadRequest);
        var reviewed = await _api.PostAsync($"/api/clients/{client.Id}/check-ins/{checkIn.Id}/review", new { responseText = "Great week!", responseUrl = "https://www.loom.com/share/abc" }, pt.Token);
        Trips("POST clients/{id}/check-ins/{checkInId}/review", reviewed);
        Assert.Equal(CheckInStatuses.Reviewed, (await ApiClient.ReadAsync<CheckIn>(reviewed)).Status);
        await ApiClient.ProblemAsync(await _api.PostAsync($"/api/clients/{client.Id}/check-ins/{checkIn.Id}/review", new { responseText = "Again" }, pt.Token), HttpStatusCode.Conflict);
        Assert.Empty(await ApiClient.ReadAsync<List<CheckIn>>(await _api.GetAsync("/api/check-ins/awaiting-review", pt.Token)));

        var mineResponse = await _api.GetAsync("/api/check-ins", client.Token);
        Trips("GET check-ins", mineResponse);
        var mine = (await ApiClient.ReadAsync<List<CheckIn>>(mineResponse)).Single();
        Assert.Equal(("Great week!", "https://www.loom.com/share/abc"), (mine.ResponseText, mine.ResponseUrl));
        var historyResponse = await _api.GetAsync($"/api/clients/{client.Id}/check-ins", pt.Token);
        Trips("GET clients/{id}/check-ins", historyResponse);
        Assert.Single(await ApiClient.ReadAsync<List<CheckIn>>(historyResponse));
        var email = await host.Mailbox.WaitForAsync(client.Email, "replied to your check-in");
        Assert.Contains("/app/check-in", email.Text); // the page the client answers and reads replies on
    }

    [Fact]
    public async Task A_check_in_submitted_after_its_due_day_is_late_and_stays_current_until_the_next_due_day()
    {
        var pt = await _api.RegisterTrainerAsync();
        var client = await ClientInAsync(pt, "America/Los_Angeles");
        var template = await CreateTemplateAsync(pt);
        var today = UserTime.Today("America/Los_Angeles", DateTimeOffset.UtcNow);
        await AssignAsync(pt, client.Id, template.Id, CheckInRules.IsoDay(today.AddDays(-2)));
        // Assigned today, the first period is next week's: nothing overdue.
        var fresh = await ApiClient.ReadAsync<CurrentCheckIn>(await _api.GetAsync("/api/check-ins/current", client.Token));
        Assert.Equal((today.AddDays(5), false, false), (fresh.DueOn, fresh.Due, fresh.Overdue));

        await StartedDaysAgoAsync(pt.Id, client.Id, 14);
        var overdue = await ApiClient.ReadAsync<CurrentCheckIn>(await _api.GetAsync("/api/check-ins/current", client.Token));
        Assert.Equal((today.AddDays(-2), true, true), (overdue.DueOn, overdue.Due, overdue.Overdue));
        var late = await ApiClient.ReadAsync<CheckIn>(await _api.PostAsync("/api/check-ins/current/submit", FullAnswers, client.Token));
        Assert.True(late.Late);
        Assert.Equal(today.AddDays(-2), late.DueOn);
        // Submitted, the next period is current.
        var next = await ApiClient.ReadAsync<CurrentCheckIn>(await _api.GetAsync("/api/check-ins/current", client.Token));
        Assert.Equal((today.AddDays(5), CheckInStatuses.Draft), (next.DueOn, next.CheckIn!.Status));
        Assert.True((await ApiClient.ReadAsync<List<CheckIn>>(await _api.GetAsync("/api/check-ins/awaiting-review", pt.Token))).Single().Late);
    }

    [Fact]
    public async Task The_timer_reminds_once_per_period_however_often_it_fires_and_catches_up_missed_hours()
    {
        var pt = await _api.RegisterTrainerAsync();
        var sydney = await ClientInAsync(pt, "Australia/Sydney");
        var angeleno = await ClientInAsync(pt, "America/Los_Angeles");
        var template = await CreateTemplateAsync(pt);
        var s1 = await AssignAsync(pt, sydney.Id, template.Id, 7, "18:00");
        var s2 = await AssignAsync(pt, angeleno.Id, template.Id, 7, "18:00");
        var due1 = CheckInRules.DueMoment(s1.NextDueOn, "18:00", "Australia/Sydney");
        var due2 = CheckInRules.DueMoment(s2.NextDueOn, "18:00", "America/Los_Angeles");
        output.WriteLine($"Sydney due {s1.NextDueOn} at {due1:u}, Los Angeles due {s2.NextDueOn} at {due2:u}");

        await Timer.RunAsync(due1.AddMinutes(-1), default);
        Assert.False(await RemindedAsync(sydney.Id, s1.NextDueOn));

        // Fired twice at once, then again an hour later: one reminder.
        await Task.WhenAll(Timer.RunAsync(due1.AddMinutes(2), default), Timer.RunAsync(due1.AddMinutes(2), default));
        await Timer.RunAsync(due1.AddHours(1), default);
        Assert.True(await RemindedAsync(sydney.Id, s1.NextDueOn));
        var reminder = await host.Mailbox.WaitForAsync(sydney.Email, "check-in is due");
        Assert.Contains("/app/check-in", reminder.Text);

        // Los Angeles missed 5 hours of runs: reminded late, once, even by two runs after it.
        Assert.False(await RemindedAsync(angeleno.Id, s2.NextDueOn));
        await Timer.RunAsync(due2.AddHours(5), default);
        await Timer.RunAsync(due2.AddHours(6), default);
        Assert.True(await RemindedAsync(angeleno.Id, s2.NextDueOn));
        await host.Mailbox.WaitForAsync(angeleno.Email, "check-in is due");

        // A run a little later again, after both emails arrived: still one each.
        await Timer.RunAsync(due2.AddHours(7), default);
        Assert.Equal(1, await CountAsync(sydney.Email, "check-in is due"));
        Assert.Equal(1, await CountAsync(angeleno.Email, "check-in is due"));
    }

    [Fact]
    public async Task Opted_out_paused_removed_and_lapsed_PTs_clients_get_no_reminder()
    {
        var pt = await _api.RegisterTrainerAsync();
        var template = await CreateTemplateAsync(pt);
        const string zone = "Australia/Sydney";
        var control = await ClientInAsync(pt, zone);
        var optedOut = await ClientInAsync(pt, zone);
        var paused = await ClientInAsync(pt, zone);
        var removed = await ClientInAsync(pt, zone);
        Assert.Equal(HttpStatusCode.OK, (await _api.PutAsync("/api/settings/notifications", new { emailOnNewMessage = true, emailOnCheckIn = true, emailOnBooking = true, checkInReminders = false, weeklySummary = true }, optedOut.Token)).StatusCode);
        var program = await TrainingSetup.CreateAsync(_api, pt, paused.Id);
        Assert.Equal(HttpStatusCode.OK, (await _api.PostAsync($"/api/programs/{program.Id}/pause", null, pt.Token)).StatusCode);
        var lapsedPt = await _api.RegisterTrainerAsync();
        var lapsedTemplate = await CreateTemplateAsync(lapsedPt);
        var lapsedClient = await ClientInAsync(lapsedPt, zone);

        var schedules = new List<(ApiClient.ClientAccount Client, CheckInSchedule Schedule)>();
        foreach (var c in new[] { control, optedOut, paused, removed })
            schedules.Add((c, await AssignAsync(pt, c.Id, template.Id, 3, "07:30")));
        schedules.Add((lapsedClient, await AssignAsync(lapsedPt, lapsedClient.Id, lapsedTemplate.Id, 3, "07:30")));
        await host.Services.GetRequiredService<TrainerStore>().ChangeWithRetryAsync(lapsedPt.Id, t => t.TrialStartDate = DateTimeOffset.UtcNow.AddDays(-30), default);
        Assert.Equal(HttpStatusCode.NoContent, (await _api.DeleteAsync($"/api/clients/{removed.Id}", pt.Token)).StatusCode);

        var due = schedules[0].Schedule.NextDueOn;
        Assert.All(schedules, s => Assert.Equal(due, s.Schedule.NextDueOn));
        await Timer.RunAsync(CheckInRules.DueMoment(due, "07:30", zone).AddMinutes(10), default);
        Assert.True(await RemindedAsync(control.Id, due));
        await host.Mailbox.WaitForAsync(control.Email, "check-in is due");
        foreach (var (c, _) in schedules.Skip(1))
        {
            Assert.False(await RemindedAsync(c.Id, due), c.Email);
            Assert.Equal(0, await CountAsync(c.Email, "check-in is due"));
        }
    }

    [Fact]
    public async Task The_PT_gets_one_digest_a_day_from_8_am_their_time_when_check_ins_await_review()
    {
        var pt = await _api.RegisterTrainerAsync();
        var client = await ClientInAsync(pt, "Australia/Sydney");
        var template = await CreateTemplateAsync(pt);
        var today = UserTime.Today("Australia/Sydney", DateTimeOffset.UtcNow);
        await AssignAsync(pt, client.Id, template.Id, CheckInRules.IsoDay(today));
        Assert.Equal(HttpStatusCode.OK, (await _api.PostAsync("/api/check-ins/current/submit", FullAnswers, client.Token)).StatusCode);
        var schedule = (await host.Services.GetRequiredService<CheckInService>().FindScheduleAsync(pt.Id, client.Id, default))!;
        var ptZone = schedule.TrainerTimeZone;
        var tomorrow = UserTime.Today(ptZone, DateTimeOffset.UtcNow).AddDays(1);
        DateTimeOffset At(string time) => CheckInRules.DueMoment(tomorrow, time, ptZone);

        await Timer.RunAsync(At("07:59"), default);
        Assert.Null(await Store.FindAsync<ReceiptEntity>(CheckInRows.Digests, CheckInRows.DigestKey(tomorrow, pt.Id), default));
        await Task.WhenAll(Timer.RunAsync(At("08:00"), default), Timer.RunAsync(At("08:00"), default));
        await Timer.RunAsync(At("09:00"), default);
        Assert.NotNull(await Store.FindAsync<ReceiptEntity>(CheckInRows.Digests, CheckInRows.DigestKey(tomorrow, pt.Id), default));
        var digest = await host.Mailbox.WaitForAsync(pt.Email, "waiting for your review");
        Assert.Contains("1 check-in is waiting", digest.Subject);
        Assert.Contains("Test Client", digest.Text);
        Assert.Contains("/pt/check-ins", digest.Text);
        await Timer.RunAsync(At("15:00"), default);
        Assert.Equal(1, await CountAsync(pt.Email, "waiting for your review"));
    }

    [Fact]
    public async Task Another_PT_gets_404_on_every_check_in_route_of_a_client_or_template_not_theirs()
    {
        var owner = await _api.RegisterTrainerAsync();
        var intruder = await _api.RegisterTrainerAsync();
        var client = await _api.OnboardClientAsync(owner, host.Mailbox);
        var template = await CreateTemplateAsync(owner);
        var mine = await CreateTemplateAsync(intruder);
        await AssignAsync(owner, client.Id, template.Id, CheckInRules.IsoDay(UserTime.Today(null, DateTimeOffset.UtcNow)));
        var checkIn = await ApiClient.ReadAsync<CheckIn>(await _api.PostAsync("/api/check-ins/current/submit", FullAnswers, client.Token));

        var calls = new (HttpMethod Method, string Path, object? Body)[]
        {
            (HttpMethod.Get, $"/api/check-in-templates/{template.Id}", null),
            (HttpMethod.Put, $"/api/check-in-templates/{template.Id}", Template("Stolen")),
            (HttpMethod.Delete, $"/api/check-in-templates/{template.Id}", null),
            (HttpMethod.Get, $"/api/clients/{client.Id}/check-in-schedule", null),
            (HttpMethod.Put, $"/api/clients/{client.Id}/check-in-schedule", new { templateId = mine.Id, dayOfWeek = 1, localTime = "08:00" }),
            (HttpMethod.Delete, $"/api/clients/{client.Id}/check-in-schedule", null),
            (HttpMethod.Get, $"/api/clients/{client.Id}/check-ins", null),
            (HttpMethod.Get, $"/api/clients/{client.Id}/check-ins/{checkIn.Id}", null),
            (HttpMethod.Post, $"/api/clients/{client.Id}/check-ins/{checkIn.Id}/review", new { responseText = "Hijacked" }),
        };
        foreach (var (method, path, body) in calls)
            await ApiClient.ProblemAsync(await _api.SendAsync(method, path, intruder.Token, body), HttpStatusCode.NotFound);
        Assert.Empty(await ApiClient.ReadAsync<List<CheckIn>>(await _api.GetAsync("/api/check-ins/awaiting-review", intruder.Token)));
        // All still there for the owner.
        Assert.Equal(checkIn.Id, (await ApiClient.ReadAsync<List<CheckIn>>(await _api.GetAsync("/api/check-ins/awaiting-review", owner.Token))).Single().Id);
        Assert.Equal("Weekly check-in", (await ApiClient.ReadAsync<CheckInSchedule>(await _api.GetAsync($"/api/clients/{client.Id}/check-in-schedule", owner.Token))).TemplateName);
    }

    [Fact]
    public async Task A_removed_clients_check_in_rows_are_deleted()
    {
        var pt = await _api.RegisterTrainerAsync();
        var client = await _api.OnboardClientAsync(pt, host.Mailbox);
        var template = await CreateTemplateAsync(pt);
        await AssignAsync(pt, client.Id, template.Id, CheckInRules.IsoDay(UserTime.Today(null, DateTimeOffset.UtcNow)));
        Assert.Equal(HttpStatusCode.OK, (await _api.PostAsync("/api/check-ins/current/submit", FullAnswers, client.Token)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await _api.DeleteAsync($"/api/clients/{client.Id}", pt.Token)).StatusCode);
        await Eventually.HoldsAsync(async () =>
        {
            Assert.Null(await Store.FindAsync<CheckInScheduleEntity>(CheckInRows.Schedules, CheckInRows.ScheduleKey(pt.Id, client.Id), default));
            Assert.Empty(await Store.QueryAsync<CheckInEntity>(client.Id, null, default).ToListAsync());
            Assert.Empty(await Store.QueryAsync<PendingCheckInEntity>(CheckInRows.Pending, CheckInRows.Range(pt.Id + "|"), default).ToListAsync());
        });
        Assert.Single(await ApiClient.ReadAsync<List<CheckInTemplate>>(await _api.GetAsync("/api/check-in-templates", pt.Token)));
    }

    private Task<int> CountAsync(string to, string subject) => host.Mailbox.CountToAsync(to, subject);
}
