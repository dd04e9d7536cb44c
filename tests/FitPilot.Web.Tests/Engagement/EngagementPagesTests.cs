using System.Net;
using FitPilot.Contracts.Auth;
using FitPilot.Contracts.Clients;
using FitPilot.Contracts.Common;
using FitPilot.Contracts.Engagement;
using FitPilot.Contracts.Progress;
using FitPilot.Contracts.Trainers;
using FitPilot.Contracts.Training;
using FitPilot.Web.Auth;
using FitPilot.Web.Engagement;
using FitPilot.Web.Pages.Client;
using FitPilot.Web.Pages.Trainer;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace FitPilot.Web.Tests.Engagement;

/// <summary>Check-ins, habits and notifications in the web app (issue 12), over a fake API.</summary>
public sealed class EngagementPagesTests : WebTest
{
    private static readonly DateOnly Due = new(2026, 11, 23);
    private static readonly ClientProfile Sam = new("c1", "t1", "Sam Client", "sam@example.com", ClientStatuses.Active, null, null, null, null, null, null, null, null, null, null,
        DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch);

    private static readonly CheckInQuestion[] Questions =
    [
        new() { Id = "energy", Type = QuestionTypes.Scale, Text = "Energy this week" },
        new() { Id = "weight", Type = QuestionTypes.Number, Text = "Morning weight", Unit = "kg" },
        new() { Id = "diet", Type = QuestionTypes.Choice, Text = "Diet", Choices = ["On plan", "Mostly", "Off plan"] },
        new() { Id = "wins", Type = QuestionTypes.LongText, Text = "Wins", Required = false },
    ];

    private static CheckIn CheckIn(string status, IReadOnlyList<CheckInAnswer>? answers = null, string id = "ci1", DateOnly? due = null, string? response = null, string? url = null) =>
        new(id, "c1", "Sam Client", "Weekly", due ?? Due, status, false, Questions, answers ?? [], status == CheckInStatuses.Draft ? null : DateTimeOffset.UnixEpoch,
            response, url, status == CheckInStatuses.Reviewed ? DateTimeOffset.UnixEpoch : null);

    private void SignedInClient() => Get<Session>().Set(new MeResponse("c1", Roles.Client, Sam.Email, Sam.Name, null, Sam));

    private void SignedInTrainer()
    {
        var pt = new TrainerProfile("t1", "Pat Coach", "pat@example.com", null, null, null, null, null, null, null, null, "Solo", "trial", DateTimeOffset.UnixEpoch, 14, null,
            DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch);
        Get<Session>().Set(new MeResponse("t1", Roles.Trainer, pt.Email, pt.Name, pt, null));
    }

    [Fact]
    public void The_template_builder_adds_reorders_and_types_questions_and_saves_the_right_request()
    {
        SignedInTrainer();
        Api.On("POST", "/api/check-in-templates", HttpStatusCode.Created,
            FakeApi.Json(new CheckInTemplate("t9", "Sunday check-in", [], 0, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch)));
        var cut = Render<CheckInTemplateBuilder>();

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=question-editor]")));
        cut.Find("#template-name").Input("Sunday check-in");
        cut.Find("#question-1-text").Input("Sleep quality");
        cut.FindAll("button").Single(b => b.TextContent.Contains("Add question")).Click();
        cut.Find("#question-2-text").Input("Morning weight");
        cut.Find("#question-2-type").Change(QuestionTypes.Number);
        cut.Find("#question-2-unit").Input("kg");
        cut.FindAll("button").Single(b => b.TextContent.Contains("Add question")).Click();
        cut.Find("#question-3-text").Input("Diet");
        cut.Find("#question-3-type").Change(QuestionTypes.Choice);
        cut.Find("#question-3-choices").Input("On plan\nOff plan");
        cut.FindAll("[data-testid=question-editor]")[2].QuerySelector("input[type=checkbox]")!.Change(false);
        // The weight question goes first.
        cut.Find("button[aria-label='Move question 2 up']").Click();
        Assert.Equal("Morning weight", cut.Find("#question-1-text").GetAttribute("value"));

        cut.Find("form").Submit();

        cut.WaitForAssertion(() => Assert.Contains(Api.Sent, r => r.Method == "POST" && r.PathAndQuery == "/api/check-in-templates"));
        var body = Api.Sent.Single(r => r.Method == "POST").Json;
        Assert.Equal("Sunday check-in", body.GetProperty("name").GetString());
        var questions = body.GetProperty("questions").EnumerateArray().ToList();
        Assert.Equal(["Morning weight", "Sleep quality", "Diet"], questions.Select(q => q.GetProperty("text").GetString()));
        Assert.Equal(["number", "scale", "choice"], questions.Select(q => q.GetProperty("type").GetString()));
        Assert.Equal("kg", questions[0].GetProperty("unit").GetString());
        Assert.Equal(["On plan", "Off plan"], questions[2].GetProperty("choices").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal([true, true, false], questions.Select(q => q.GetProperty("required").GetBoolean()));
        Assert.Equal(3, questions.Select(q => q.GetProperty("id").GetString()).Distinct().Count());
        cut.WaitForAssertion(() => Assert.EndsWith("/pt/check-ins", Services.GetRequiredService<NavigationManager>().Uri));
    }

    [Fact]
    public void The_client_answers_by_type_a_server_field_error_shows_at_its_question_and_the_form_recovers_once_corrected()
    {
        SignedInClient();
        Api.On("GET", "/api/check-ins", HttpStatusCode.OK, "[]") // routes match by prefix, the last one added first
           .On("GET", "/api/check-ins/current", HttpStatusCode.OK, FakeApi.Json(new CurrentCheckIn(CheckIn(CheckInStatuses.Draft), Due, true, false)))
           .On("POST", "/api/check-ins/current/submit", HttpStatusCode.BadRequest,
               FakeApi.Problem(400, "Check the highlighted fields", null, """{"answers[1].number":["Enter your weight in kg between 20 and 400."]}"""), "application/problem+json");
        var cut = Render<CheckInPage>();

        cut.WaitForAssertion(() => Assert.Equal(4, cut.FindAll("[data-testid=question]").Count));
        // Scale: ten labelled radio buttons in a group named by the question.
        Assert.Equal("Energy this week", cut.Find("[data-question=energy] legend").TextContent);
        Assert.Equal(10, cut.FindAll("[data-question=energy] input[type=radio]").Count);
        foreach (var radio in cut.FindAll("input[type=radio]")) Assert.NotNull(cut.Find($"label[for={radio.Id}]"));
        Assert.Equal("kg", cut.Find("[data-question=weight] .unit").TextContent);

        // Submitting with required answers missing: the browser says so by each question and sends nothing.
        cut.Find("form").Submit();
        Assert.Equal(3, cut.FindAll("[data-testid=question-error]").Count);
        Assert.DoesNotContain(Api.Sent, r => r.Method == "POST");

        cut.Find("#q-energy-7").Change("7");
        cut.Find("#q-weight").Change("2");
        cut.Find("#q-diet-1").Change("1");
        cut.Find("form").Submit();

        cut.WaitForAssertion(() => Assert.Equal("Enter your weight in kg between 20 and 400.", cut.Find("[data-question=weight] [data-testid=question-error]").TextContent));
        Assert.Single(cut.FindAll("[data-testid=question-error]"));
        Assert.Equal("q-weight-error", cut.Find("#q-weight").GetAttribute("aria-describedby"));
        var first = Api.Sent.Single(r => r.Method == "POST").Json.GetProperty("answers").EnumerateArray().ToList();
        Assert.Equal(["energy", "weight", "diet"], first.Select(a => a.GetProperty("questionId").GetString()));
        Assert.Equal(7, first[0].GetProperty("number").GetDouble());
        Assert.Equal("Mostly", first[2].GetProperty("choice").GetString());

        // Correcting the answer clears its error; the submit goes through and the answers become read-only.
        var submitted = CheckIn(CheckInStatuses.Pending, [new() { QuestionId = "energy", Number = 7 }, new() { QuestionId = "weight", Number = 82 }, new() { QuestionId = "diet", Choice = "Mostly" }]);
        Api.On("POST", "/api/check-ins/current/submit", HttpStatusCode.OK, FakeApi.Json(submitted));
        cut.Find("#q-weight").Change("82");
        Assert.Empty(cut.FindAll("[data-testid=question-error]"));
        cut.Find("form").Submit();

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=submitted-check-in]")));
        Assert.Empty(cut.FindAll("input"));
        Assert.Contains("82 kg", cut.Find("[data-testid=answers]").TextContent);
        Assert.Equal(82, Api.Sent.Last(r => r.Method == "POST").Json.GetProperty("answers")[1].GetProperty("number").GetDouble());
    }

    [Fact]
    public void A_second_submit_of_the_period_says_it_was_submitted_already_and_shows_what_was_sent()
    {
        SignedInClient();
        Api.On("GET", "/api/check-ins", HttpStatusCode.OK, "[]")
           .On("GET", "/api/check-ins/current", HttpStatusCode.OK,
                FakeApi.Json(new CurrentCheckIn(CheckIn(CheckInStatuses.Draft, [new() { QuestionId = "energy", Number = 6 }, new() { QuestionId = "weight", Number = 80 }, new() { QuestionId = "diet", Choice = "On plan" }]), Due, true, false)))
           .On("POST", "/api/check-ins/current/submit", HttpStatusCode.Conflict,
               FakeApi.Problem(409, "Already submitted", "This week's check-in was submitted already."), "application/problem+json");
        var cut = Render<CheckInPage>();
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("form")));
        Assert.Equal("true", cut.Find("#q-energy-6").HasAttribute("checked") ? "true" : "false"); // the draft's answers are filled in

        // Meanwhile it was sent from another device.
        Api.On("GET", "/api/check-ins/current", HttpStatusCode.OK,
            FakeApi.Json(new CurrentCheckIn(CheckIn(CheckInStatuses.Pending, [new() { QuestionId = "energy", Number = 6 }]), Due, false, false)));
        cut.Find("form").Submit();

        cut.WaitForAssertion(() => Assert.Equal("This week's check-in was submitted already.", cut.Find("[data-testid=already-submitted]").TextContent));
        Assert.Contains("6 / 10", cut.Find("[data-testid=answers]").TextContent);
    }

    [Fact]
    public void A_reviewed_check_in_shows_the_coachs_response_and_video_link_in_the_history()
    {
        SignedInClient();
        var reviewed = CheckIn(CheckInStatuses.Reviewed, [new() { QuestionId = "energy", Number = 8 }], id: "old", due: Due.AddDays(-7), response: "Great week, keep going.", url: "https://loom.com/share/abc");
        Api.On("GET", "/api/check-ins", HttpStatusCode.OK, FakeApi.Json(new[] { reviewed }))
           .On("GET", "/api/check-ins/current", HttpStatusCode.OK, FakeApi.Json(new CurrentCheckIn(CheckIn(CheckInStatuses.Draft), Due.AddDays(7), false, false)));
        var cut = Render<CheckInPage>();
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=check-in-history]")));
        var response = cut.Find("[data-testid=check-in-history] [data-testid=pt-response]");
        Assert.Contains("Great week, keep going.", response.TextContent);
        Assert.Equal("https://loom.com/share/abc", response.QuerySelector("a")!.GetAttribute("href"));
    }

    [Fact]
    public void Ticking_a_habit_sends_the_day_and_toggles_aria_pressed_and_yesterday_can_be_ticked_too()
    {
        SignedInClient(); // UTC; the clock says 23 Nov 2026
        var habit = new Habit("h1", "Drink water", null, null, null, DateTimeOffset.UnixEpoch);
        var before = new HabitProgress(habit, false, false, 2, 5, "days", 3, 7, []);
        Api.On("GET", "/api/habits", HttpStatusCode.OK, FakeApi.Json(new[] { before }))
           .On("POST", "/api/habits/h1/ticks", HttpStatusCode.OK, FakeApi.Json(before with { DoneToday = true, CurrentStreak = 3, DoneThisWeek = 4 }));
        var cut = Render<ClientTodayCards>();

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=habits-today]")));
        var today = cut.Find("button[aria-label='Drink water, today']");
        Assert.Equal("false", today.GetAttribute("aria-pressed"));
        Assert.Equal("Streak 2 days (best 5) · 3 of 7 this week", cut.Find("[data-testid=habit-figures]").TextContent);
        today.Click();

        cut.WaitForAssertion(() => Assert.Equal("true", cut.Find("button[aria-label='Drink water, today']").GetAttribute("aria-pressed")));
        Assert.Equal("Streak 3 days (best 5) · 4 of 7 this week", cut.Find("[data-testid=habit-figures]").TextContent);
        var tick = Api.Sent.Single(r => r.Method == "POST").Json;
        Assert.Equal("2026-11-23", tick.GetProperty("date").GetString());
        Assert.True(tick.GetProperty("done").GetBoolean());

        Api.On("POST", "/api/habits/h1/ticks", HttpStatusCode.OK, FakeApi.Json(before with { DoneToday = true, DoneYesterday = true }));
        cut.Find("button[aria-label='Drink water, yesterday']").Click();
        cut.WaitForAssertion(() => Assert.Equal("true", cut.Find("button[aria-label='Drink water, yesterday']").GetAttribute("aria-pressed")));
        Assert.Equal("2026-11-22", Api.Sent.Last(r => r.Method == "POST").Json.GetProperty("date").GetString());
    }

    [Fact]
    public void Home_shows_check_in_due_and_the_latest_achievement()
    {
        SignedInClient();
        Api.On("GET", "/api/check-ins/current", HttpStatusCode.OK, FakeApi.Json(new CurrentCheckIn(CheckIn(CheckInStatuses.Draft), Due, true, false)))
           .On("GET", "/api/achievements", HttpStatusCode.OK, FakeApi.Json(new[]
           {
               new Achievement("a1", AchievementTypes.Milestone, "First workout", null, DateTimeOffset.UnixEpoch),
               new Achievement("a2", AchievementTypes.Streak, "7-day habit streak", "Drink water", DateTimeOffset.UnixEpoch.AddDays(3)),
           }));
        var cut = Render<ClientTodayCards>();
        cut.WaitForAssertion(() => Assert.Equal("app/check-in", cut.Find("[data-testid=check-in-due] a").GetAttribute("href")));
        Assert.Contains("7-day habit streak", cut.Find("[data-testid=latest-achievement]").TextContent);
        Assert.Empty(cut.FindAll("[data-testid=habits-today]")); // the habits did not load (404 here): nothing shown
    }

    [Fact]
    public void The_bell_shows_the_unread_count_in_its_name_and_mark_all_read_clears_it()
    {
        SignedInClient();
        Api.On("GET", "/api/notifications", HttpStatusCode.OK, FakeApi.Json(new Page<Notification>(
           [
               new("n1", NotificationKinds.CheckInReviewed, "Your check-in was reviewed", null, "app/check-in", DateTimeOffset.UnixEpoch, null),
               new("n2", NotificationKinds.Achievement, "First workout", null, "app/profile", DateTimeOffset.UnixEpoch, null),
               new("n3", NotificationKinds.CheckInDue, "Check-in due", null, "app/check-in", DateTimeOffset.UnixEpoch, null),
               new("n4", NotificationKinds.Achievement, "Old one", null, null, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch),
           ], null)))
           .On("GET", "/api/notifications/unread-count", HttpStatusCode.OK, FakeApi.Json(new UnreadCount(3)))
           .On("POST", "/api/notifications/read-all", HttpStatusCode.NoContent);
        var cut = Render(b =>
        {
            b.OpenComponent<NotificationBell>(0);
            b.AddAttribute(1, nameof(NotificationBell.Href), "app/notifications");
            b.CloseComponent();
            b.OpenComponent<NotificationCentre>(2);
            b.CloseComponent();
        });

        cut.WaitForAssertion(() => Assert.Equal("Notifications, 3 unread", cut.Find("[data-testid=notification-bell]").GetAttribute("aria-label")));
        Assert.Equal("3", cut.Find(".bell-count").TextContent);
        Assert.Equal("app/notifications", cut.Find("[data-testid=notification-bell]").GetAttribute("href"));
        Assert.Equal(3, cut.FindAll("[data-testid=notification] strong").Count); // unread in bold

        cut.FindAll("button").Single(b => b.TextContent == "Mark all read").Click();

        cut.WaitForAssertion(() => Assert.Equal("Notifications", cut.Find("[data-testid=notification-bell]").GetAttribute("aria-label")));
        Assert.Empty(cut.FindAll(".bell-count"));
        Assert.Empty(cut.FindAll("[data-testid=notification] strong"));
        Assert.Contains("POST /api/notifications/read-all", Api.Requests);
    }

    [Fact]
    public void Opening_a_notification_marks_it_read_and_follows_its_link()
    {
        SignedInClient();
        Api.On("GET", "/api/notifications", HttpStatusCode.OK, FakeApi.Json(new Page<Notification>(
               [new("n1", NotificationKinds.CheckInReviewed, "Your check-in was reviewed", null, "app/check-in", DateTimeOffset.UnixEpoch, null)], null)))
           .On("POST", "/api/notifications/n1/read", HttpStatusCode.NoContent);
        var cut = Render<NotificationCentre>();
        cut.WaitForAssertion(() => cut.Find("[data-testid=notification] button").Click());
        cut.WaitForAssertion(() => Assert.EndsWith("/app/check-in", Services.GetRequiredService<NavigationManager>().Uri));
        Assert.Contains("POST /api/notifications/n1/read", Api.Requests);
    }

    [Fact]
    public void The_pt_review_shows_the_previous_answers_and_the_week_and_sends_the_response()
    {
        SignedInTrainer();
        var current = CheckIn(CheckInStatuses.Pending, [new() { QuestionId = "energy", Number = 8 }, new() { QuestionId = "weight", Number = 81.5 }]);
        var previous = CheckIn(CheckInStatuses.Reviewed, [new() { QuestionId = "energy", Number = 5 }, new() { QuestionId = "weight", Number = 83 }], id: "ci0", due: Due.AddDays(-7));
        Api.On("GET", "/api/clients/c1/check-ins/ci1", HttpStatusCode.OK, FakeApi.Json(new CheckInReview(current, previous,
                new Adherence(Due.AddDays(-6), Due, 4, 3, 75), [new WeightPoint(Due.AddDays(-14), 83.2), new WeightPoint(Due.AddDays(-1), 81.5)], 80)))
           .On("POST", "/api/clients/c1/check-ins/ci1/review", HttpStatusCode.OK,
               FakeApi.Json(current with { Status = CheckInStatuses.Reviewed, ResponseText = "Nice work.", ResponseUrl = "https://loom.com/share/x", ReviewedAt = DateTimeOffset.UnixEpoch }));
        var cut = Render<CheckInReviewPage>(ps => ps.Add(p => p.ClientId, "c1").Add(p => p.CheckInId, "ci1"));

        cut.WaitForAssertion(() => Assert.Equal(4, cut.FindAll("[data-testid=answer-row]").Count));
        var rows = cut.FindAll("[data-testid=answer-row]");
        Assert.Equal("8 / 10", rows[0].QuerySelectorAll("td")[0].TextContent);
        Assert.Equal("5 / 10", rows[0].QuerySelector("[data-testid=previous-answer]")!.TextContent);
        Assert.Equal("83 kg", rows[1].QuerySelector("[data-testid=previous-answer]")!.TextContent);
        Assert.Equal("3 of 4 sessions done (75 %)", cut.Find("[data-testid=week-adherence]").TextContent);
        Assert.Equal("80 % done", cut.Find("[data-testid=habit-completion]").TextContent);
        Assert.NotNull(cut.Find("[data-testid=weight-trend]"));

        cut.Find("#response-text").Input("Nice work.");
        cut.Find("#response-url").Input("https://loom.com/share/x");
        cut.Find("form").Submit();

        cut.WaitForAssertion(() => Assert.Equal("Reviewed", cut.Find("[data-testid=review-status]").TextContent));
        var sent = Api.Sent.Single(r => r.Method == "POST").Json;
        Assert.Equal("Nice work.", sent.GetProperty("responseText").GetString());
        Assert.Equal("https://loom.com/share/x", sent.GetProperty("responseUrl").GetString());
        Assert.Equal("Nice work.", cut.Find("[data-testid=response-text]").TextContent);
    }

    [Fact]
    public void The_pt_gives_a_client_a_weekly_check_in_and_sees_the_next_due_date_in_the_clients_zone()
    {
        SignedInTrainer();
        Api.On("GET", "/api/check-in-templates", HttpStatusCode.OK, FakeApi.Json(new[]
            {
                new CheckInTemplate("t1", "Weekly", Questions, 0, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch),
                new CheckInTemplate("t2", "Monthly deep dive", Questions, 0, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch),
            }))
           .On("GET", "/api/clients/c1/check-in-schedule", HttpStatusCode.NotFound, FakeApi.Problem(404, "Not found"), "application/problem+json")
           .On("PUT", "/api/clients/c1/check-in-schedule", HttpStatusCode.OK,
               FakeApi.Json(new CheckInSchedule("c1", "t2", "Monthly deep dive", 7, "18:30", "Australia/Sydney", new DateOnly(2026, 11, 29))));
        var cut = Render<ClientCheckInCard>(ps => ps.Add(p => p.ClientId, "c1").Add(p => p.ClientName, "Sam").Add(p => p.TimeZone, "Australia/Sydney"));

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("#check-in-template")));
        Assert.Contains("Australia/Sydney", cut.Find("label[for=check-in-time]").TextContent);
        cut.Find("#check-in-template").Change("t2");
        cut.Find("#check-in-day").Change("7");
        cut.Find("#check-in-time").Change("18:30");
        cut.Find("form").Submit();

        cut.WaitForAssertion(() => Assert.Equal("Monthly deep dive · Sundays at 18:30 (Australia/Sydney) · next on Sun 29 Nov", cut.Find("[data-testid=check-in-schedule]").TextContent));
        var sent = Api.Sent.Single(r => r.Method == "PUT").Json;
        Assert.Equal("t2", sent.GetProperty("templateId").GetString());
        Assert.Equal(7, sent.GetProperty("dayOfWeek").GetInt32());
        Assert.Equal("18:30", sent.GetProperty("localTime").GetString());
    }

    [Fact]
    public void The_pt_adds_a_habit_three_times_a_week()
    {
        SignedInTrainer();
        Api.On("GET", "/api/clients/c1/habits", HttpStatusCode.OK, "[]")
           .On("POST", "/api/clients/c1/habits", HttpStatusCode.Created, FakeApi.Json(new Habit("h1", "Walk 8k steps", 3, null, null, DateTimeOffset.UnixEpoch)));
        var cut = Render<ClientHabitsCard>(ps => ps.Add(p => p.ClientId, "c1"));
        cut.WaitForAssertion(() => cut.FindAll("button").Single(b => b.TextContent.Contains("Add habit")).Click());
        cut.Find("#habit-title").Input("Walk 8k steps");
        cut.Find("#habit-target").Change("3");
        cut.Find("form").Submit();
        cut.WaitForAssertion(() => Assert.Contains(Api.Sent, r => r.Method == "POST"));
        var sent = Api.Sent.Single(r => r.Method == "POST").Json;
        Assert.Equal("Walk 8k steps", sent.GetProperty("title").GetString());
        Assert.Equal(3, sent.GetProperty("timesPerWeek").GetInt32());
    }
}
