using System.ComponentModel.DataAnnotations;
using System.Net;
using System.Reflection;
using FitPilot.Contracts.Auth;
using FitPilot.Contracts.Clients;
using FitPilot.Contracts.Exercises;
using FitPilot.Contracts.Programs;
using FitPilot.Contracts.Training;
using FitPilot.Web.Auth;
using FitPilot.Web.Training;

namespace FitPilot.Web.Tests.Training;

/// <summary>The client's "today": the exercise card (log, correct, delete, extra sets, pictures, kg or lb) and the page that numbers and sends them.</summary>
public sealed class TodayTests : WebTest
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.Now);
    private static readonly ProgramExercise Squat = new() { Id = "pe1", ExerciseId = "Barbell_Squat", ExerciseName = "Barbell Squat", Sets = 4, Reps = 5, Rir = 2, RestSeconds = 60 };
    private static readonly ExerciseDto SquatDetails = new("Barbell_Squat", ExerciseSources.Library, "Barbell Squat", null, ["Unrack the bar", "Sit down between your heels"],
        "https://www.youtube.com/watch?v=abc", "youtube", "https://www.youtube-nocookie.com/embed/abc", ["quadriceps"], ["glutes"], "barbell", "beginner", "strength", "push", "compound",
        null, null, ["/media/exercises/Barbell_Squat/0.webp", "/media/exercises/Barbell_Squat/1.webp"]);

    // The exercise card

    [Fact]
    public void Logging_a_set_raises_SetEntered_with_what_was_typed()
    {
        var item = new TodayExercise(Squat, [], [], 100);
        var entered = new List<SetEntered>();
        var cut = Render<TodayExerciseCard>(ps => ps.Add(p => p.Item, item).Add(p => p.OnLog, entered.Add));
        Assert.Equal("100", cut.Find("#w-pe1").GetAttribute("value")); // the target weight to start from

        cut.Find("#w-pe1").Change("102.5");
        cut.Find("#r-pe1").Change("4");
        cut.Find("#rir-pe1").Change("1");
        cut.Find("#n-pe1").Change("  Felt heavy ");
        cut.Find("form.log-set").Submit();

        Assert.Equal(new SetEntered(item, 102.5, 4, 1, "Felt heavy"), Assert.Single(entered));
        Assert.Equal("", cut.Find("#n-pe1").GetAttribute("value") ?? ""); // the note is for one set
        Assert.Equal(("102.5", "1"), (cut.Find("#w-pe1").GetAttribute("value"), cut.Find("#rir-pe1").GetAttribute("value"))); // weight and RIR carry to the next set
    }

    [Fact]
    public void Steppers_add_plates_and_reps_in_the_users_unit_and_pounds_are_sent_as_kilograms()
    {
        var entered = new List<SetEntered>();
        var cut = Render<TodayExerciseCard>(ps => ps.Add(p => p.Item, new TodayExercise(Squat, [], [], 100)).Add(p => p.Unit, "lb").Add(p => p.OnLog, entered.Add));
        Assert.Equal("Weight (lb)", cut.Find("label[for=w-pe1]").TextContent);
        Assert.Equal("220.5", cut.Find("#w-pe1").GetAttribute("value"));
        Assert.Contains("@ 220.5 lb", cut.Find(".prescription").TextContent);

        cut.Find("#w-pe1").Change("220");
        cut.Find("button[aria-label='5 lb more']").Click();
        cut.Find("button[aria-label='1 rep more']").Click();
        Assert.Equal(("225", "6"), (cut.Find("#w-pe1").GetAttribute("value"), cut.Find("#r-pe1").GetAttribute("value")));
        cut.Find("form.log-set").Submit();
        Assert.Equal((102.058, 6), (Assert.Single(entered).WeightKg, entered[0].Reps)); // 225 lb, stored in kg

        var kg = Render<TodayExerciseCard>(ps => ps.Add(p => p.Item, new TodayExercise(Squat with { Id = "pe2" }, [], [], 100)));
        kg.Find("button[aria-label='2.5 kg less']").Click();
        Assert.Equal("97.5", kg.Find("#w-pe2").GetAttribute("value"));
    }

    [Fact]
    public void The_log_form_takes_the_ranges_of_LogSetRequest_and_refuses_a_weight_outside_them()
    {
        var entered = new List<SetEntered>();
        var cut = Render<TodayExerciseCard>(ps => ps.Add(p => p.Item, new TodayExercise(Squat, [], [], null)).Add(p => p.OnLog, entered.Add));
        Assert.Equal(Range(nameof(LogSetRequest.WeightKg)).Maximum.ToString(), cut.Find("#w-pe1").GetAttribute("max"));
        Assert.Equal(Range(nameof(LogSetRequest.Reps)).Maximum.ToString(), cut.Find("#r-pe1").GetAttribute("max"));
        Assert.Equal(Range(nameof(LogSetRequest.Rir)).Maximum.ToString(), cut.Find("#rir-pe1").GetAttribute("max"));
        Assert.Equal(typeof(LogSetRequest).GetProperty(nameof(LogSetRequest.Notes))!.GetCustomAttribute<StringLengthAttribute>()!.MaximumLength.ToString(), cut.Find("#n-pe1").GetAttribute("maxlength"));

        cut.Find("#w-pe1").Change("1000.5");
        cut.Find("form.log-set").Submit();
        Assert.Equal("Enter a weight from 0 to 1000 kg.", cut.Find("[role=alert]").TextContent);
        cut.Find("#w-pe1").Change("60");
        cut.Find("#rir-pe1").Change("11");
        cut.Find("form.log-set").Submit();
        Assert.Equal("RIR is 0 to 10.", cut.Find("[role=alert]").TextContent);
        Assert.Empty(entered);
    }

    [Fact]
    public void Correcting_a_set_changes_weight_reps_RIR_and_notes_and_deleting_one_asks_first()
    {
        var set = Log("l1", 1, 100, 5) with { Rir = 2, Notes = "ok" };
        var corrected = new List<SetCorrected>();
        var deleted = new List<SetLog>();
        var cut = Render<TodayExerciseCard>(ps => ps.Add(p => p.Item, new TodayExercise(Squat, [], [set], null)).Add(p => p.Logged, [set]).Add(p => p.NextNumber, 2)
            .Add(p => p.OnEdit, corrected.Add).Add(p => p.OnDelete, deleted.Add));
        Assert.Equal("Log set 2", cut.Find("form.log-set button[type=submit]").TextContent);
        Assert.DoesNotContain("1.", cut.Find("[data-testid=logged-set]").TextContent.Trim()[..2]); // no "1. Set 1"
        Assert.Contains("Set 1", cut.Find("[data-testid=logged-set]").TextContent);

        cut.Find("button[aria-label='Edit set 1']").Click();
        Assert.Equal(("100", "5", "2", "ok"), (cut.Find("#ew-l1").GetAttribute("value"), cut.Find("#er-l1").GetAttribute("value"), cut.Find("#erir-l1").GetAttribute("value"), cut.Find("#en-l1").GetAttribute("value")));
        cut.Find("#er-l1").Change("6");
        cut.Find("#erir-l1").Change("0");
        cut.Find("#en-l1").Change("Grindy last rep");
        cut.Find("form.edit-set").Submit();
        Assert.Equal(new SetCorrected(set, 100, 6, 0, "Grindy last rep"), Assert.Single(corrected));
        Assert.Empty(cut.FindAll("form.edit-set"));

        cut.FindAll("button").Single(b => b.TextContent == "Delete").Click();
        Assert.Empty(deleted);
        cut.FindAll("button").Single(b => b.TextContent == "Delete" && b.ClassList.Contains("danger")).Click();
        Assert.Equal(set, Assert.Single(deleted));
    }

    [Fact]
    public void A_set_on_the_device_can_be_changed_and_a_full_exercise_says_done_and_takes_extra_sets()
    {
        var sets = Enumerable.Range(1, 4).Select(n => Log($"l{n}", n, 100, 5)).ToList();
        var entered = new List<SetEntered>();
        var cut = Render<TodayExerciseCard>(ps => ps.Add(p => p.Item, new TodayExercise(Squat, [], sets, null)).Add(p => p.Logged, sets).Add(p => p.NextNumber, 5)
            .Add(p => p.Pending, new HashSet<string> { "l4" }).Add(p => p.OnLog, entered.Add));
        Assert.Contains("saved on this phone", cut.FindAll("[data-testid=logged-set]")[3].TextContent);
        Assert.NotNull(cut.Find("button[aria-label='Edit set 4']"));
        Assert.Contains("All sets done", cut.Find("[role=status]").TextContent);
        Assert.Empty(cut.FindAll("form.log-set"));

        cut.FindAll("button").Single(b => b.TextContent.Contains("Add a set")).Click();
        Assert.Equal("Log extra set 5", cut.Find("form.log-set button[type=submit]").TextContent);
        cut.Find("form.log-set").Submit();
        Assert.Single(entered);
    }

    [Fact]
    public void The_card_shows_the_exercise_pictures_and_a_tap_opens_the_steps_and_the_video()
    {
        var cut = Render<TodayExerciseCard>(ps => ps.Add(p => p.Item, new TodayExercise(Squat, [], [], 100, Exercise: SquatDetails)));
        Assert.Equal(SquatDetails.Images, cut.FindAll(".exercise-head img").Select(i => i.GetAttribute("src")));
        Assert.All(cut.FindAll("img"), i => Assert.Equal("lazy", i.GetAttribute("loading")));
        Assert.Empty(cut.FindAll(".how-to"));

        cut.Find("button.pictures-button").Click();
        Assert.Equal("true", cut.Find("button.pictures-button").GetAttribute("aria-expanded"));
        Assert.Equal(["Unrack the bar", "Sit down between your heels"], cut.FindAll(".how-to .steps li").Select(li => li.TextContent));
        Assert.Equal("https://www.youtube-nocookie.com/embed/abc", cut.Find(".how-to iframe").GetAttribute("src"));
        Assert.Equal("Barbell Squat: start position", cut.FindAll(".how-to img")[0].GetAttribute("alt"));
    }

    [Fact]
    public void A_swapped_exercise_says_what_it_replaces()
    {
        var swapped = new TodayExercise(Squat with { ExerciseId = "Leg_Press", ExerciseName = "Leg Press" }, [], [], 100, "Barbell Squat");
        var cut = Render<TodayExerciseCard>(ps => ps.Add(p => p.Item, swapped));
        Assert.Equal("Leg Press", cut.Find("h3").TextContent);
        Assert.Contains("Instead of Barbell Squat, today", cut.Find(".swapped").TextContent);
    }

    // The page

    [Fact]
    public void The_next_set_is_numbered_after_the_highest_logged_one_and_sent_with_what_was_entered()
    {
        SignedInClient();
        // Set 2 of 4 was deleted: the next one is 4, not 3 again.
        Api.On("GET", "/api/today", HttpStatusCode.OK, FakeApi.Json(Workout(Log("l1", 1, 100, 5), Log("l3", 3, 100, 5))))
            .On("POST", "/api/logs", HttpStatusCode.Created, FakeApi.Json(new LogSetResponse(Log("new", 4, 102.5, 5), [], false)));
        var cut = Render<FitPilot.Web.Pages.Client.Home>();
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=logged-set]").Count));
        Assert.Contains($"GET /api/today?date={Today:yyyy-MM-dd}", Api.Requests);

        cut.Find("#w-pe1").Change("102.5");
        cut.Find("form.log-set").Submit();

        cut.WaitForAssertion(() => Assert.Single(Api.Sent, r => r.Method == "POST"));
        var sent = Api.Sent.Single(r => r.Method == "POST").Json;
        Assert.Equal((4, 102.5, 5, "pe1", "p1", Today.ToString("yyyy-MM-dd")),
            (sent.GetProperty("setNumber").GetInt32(), sent.GetProperty("weightKg").GetDouble(), sent.GetProperty("reps").GetInt32(),
             sent.GetProperty("programExerciseId").GetString(), sent.GetProperty("programId").GetString(), sent.GetProperty("workoutDate").GetString()));
        Assert.True(Get<RestTimer>().Running);
        Assert.Equal(60, Get<RestTimer>().Remaining);
    }

    [Fact]
    public void Correcting_and_deleting_a_set_go_to_the_API_and_reload_today()
    {
        SignedInClient();
        var set = Log("l1", 1, 100, 5) with { Rir = 2, Notes = "Felt easy" };
        Api.On("GET", "/api/today", HttpStatusCode.OK, FakeApi.Json(Workout(set)))
            .On("PUT", "/api/logs/l1", HttpStatusCode.OK, FakeApi.Json(set with { Reps = 6 }))
            .On("DELETE", "/api/logs/l1", HttpStatusCode.NoContent);
        var cut = Render<FitPilot.Web.Pages.Client.Home>();
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=logged-set]")));

        Api.On("GET", "/api/today", HttpStatusCode.OK, FakeApi.Json(Workout(set with { Reps = 6 })));
        cut.Find("button[aria-label='Edit set 1']").Click();
        cut.Find("#er-l1").Change("6");
        cut.Find("form.edit-set").Submit();
        cut.WaitForAssertion(() => Assert.Single(Api.Sent, r => r.Method == "PUT"));
        var put = Api.Sent.Single(r => r.Method == "PUT").Json;
        Assert.Equal((100.0, 6, 2, "Felt easy"), (put.GetProperty("weightKg").GetDouble(), put.GetProperty("reps").GetInt32(), put.GetProperty("rir").GetInt32(), put.GetProperty("notes").GetString()));
        cut.WaitForAssertion(() => Assert.Contains("100 kg × 6", cut.Find("[data-testid=logged-set]").TextContent));

        Api.On("GET", "/api/today", HttpStatusCode.OK, FakeApi.Json(Workout()));
        cut.FindAll("button").Single(b => b.TextContent == "Delete").Click();
        cut.FindAll("button").Single(b => b.TextContent == "Delete" && b.ClassList.Contains("danger")).Click();
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=logged-set]")));
        Assert.Contains("DELETE /api/logs/l1", Api.Requests);
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=sync-status]")));
    }

    [Fact]
    public void Offline_corrections_and_deletions_wait_on_the_phone_show_at_once_and_sync_when_back_online()
    {
        SignedInClient();
        var one = Log("l1", 1, 100, 5);
        var two = Log("l2", 2, 100, 5);
        Api.On("GET", "/api/today", HttpStatusCode.OK, FakeApi.Json(Workout(one, two)));
        var cut = Render<FitPilot.Web.Pages.Client.Home>();
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=logged-set]").Count));

        Api.Fail("PUT", "/api/logs/").Fail("DELETE", "/api/logs/").Fail("GET", "/api/today");
        cut.InvokeAsync(() => cut.Instance.OnOffline());
        cut.Find("button[aria-label='Edit set 1']").Click();
        cut.Find("#ew-l1").Change("105");
        cut.Find("form.edit-set").Submit();
        cut.FindAll("button").Where(b => b.TextContent == "Delete").Last().Click();
        cut.FindAll("button").Single(b => b.TextContent == "Delete" && b.ClassList.Contains("danger")).Click();

        cut.WaitForAssertion(() =>
        {
            var logged = Assert.Single(cut.FindAll("[data-testid=logged-set]"));
            Assert.Contains("105 kg × 5", logged.TextContent);
            Assert.Contains("saved on this phone", logged.TextContent);
            Assert.Contains("You're offline. 2 changes saved on this phone", cut.Find("[data-testid=sync-status]").TextContent);
        });
        Assert.Empty(cut.FindAll("[data-testid=sync-status] button")); // no "Sync now" while offline

        // Back online: both go out, in order, and nothing is left waiting.
        Api.On("PUT", "/api/logs/l1", HttpStatusCode.OK, FakeApi.Json(one with { WeightKg = 105 }))
            .On("DELETE", "/api/logs/l2", HttpStatusCode.NoContent)
            .On("GET", "/api/today", HttpStatusCode.OK, FakeApi.Json(Workout(one with { WeightKg = 105 })));
        cut.InvokeAsync(() => cut.Instance.OnOnline());
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=sync-status]")));
        var sent = Api.Sent.Where(r => r.Method is "PUT" or "DELETE").Select(r => $"{r.Method} {r.PathAndQuery}").Distinct().ToList();
        Assert.Equal(["PUT /api/logs/l1", "DELETE /api/logs/l2"], sent);
        Assert.Equal("[]", Storage.Items["fitpilot:pending-changes"]);
    }

    [Theory]
    [InlineData(409)]
    [InlineData(429)]
    [InlineData(503)]
    public async Task A_set_answered_conflict_busy_or_unavailable_stays_queued(int status)
    {
        Api.On("POST", "/api/logs", (HttpStatusCode)status, FakeApi.Problem(status, "Not now"), "application/problem+json");
        var queue = Get<WorkoutQueue>();
        queue.RetryInterval = TimeSpan.FromHours(1);
        await queue.LogAsync(Request("a1", 1), "Barbell Squat, set 1 (100 kg × 5)");
        Assert.Single(await queue.PendingAsync());
        Assert.Empty(await queue.RejectedAsync());
        Assert.Equal("Not synced yet: Not now", queue.Waiting);

        Api.On("POST", "/api/logs", HttpStatusCode.Created, FakeApi.Json(new LogSetResponse(Log("a1", 1, 100, 5), [], false)));
        await queue.SyncAsync();
        Assert.Empty(await queue.PendingAsync());
        Assert.Equal(2, Api.Requests.Count(r => r == "POST /api/logs"));
    }

    [Fact]
    public void A_set_the_API_refuses_is_dropped_and_the_page_says_which_and_why()
    {
        SignedInClient();
        Api.On("GET", "/api/today", HttpStatusCode.OK, FakeApi.Json(Workout()))
            .On("POST", "/api/logs", HttpStatusCode.BadRequest,
                FakeApi.Problem(400, "Check the highlighted fields", errorsJson: """{"workoutDate":["This program runs from 1 Dec: log sets on its days."]}"""), "application/problem+json");
        var cut = Render<FitPilot.Web.Pages.Client.Home>();
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("form.log-set")));
        cut.Find("#w-pe1").Change("100");
        cut.Find("form.log-set").Submit();

        cut.WaitForAssertion(() => Assert.Equal("Barbell Squat, set 1 (100 kg × 5) wasn't saved. This program runs from 1 Dec: log sets on its days.",
            cut.Find("[data-testid=rejected-change] p").TextContent));
        Assert.Empty(cut.FindAll("[data-testid=logged-set]"));
        Assert.Empty(cut.FindAll("[data-testid=sync-status]"));
        cut.Find("[data-testid=rejected-change] button").Click();
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=rejected-change]")));
    }

    [Fact]
    public async Task Sets_queued_by_the_earlier_app_still_sync()
    {
        Storage.Items["fitpilot:pending-logs"] = System.Text.Json.JsonSerializer.Serialize(new[] { Request("old1", 1) }, FitPilot.Web.Api.ApiClient.Json);
        Api.On("POST", "/api/logs", HttpStatusCode.Created, FakeApi.Json(new LogSetResponse(Log("old1", 1, 100, 5), [], false)));
        await Get<WorkoutQueue>().SyncAsync();
        Assert.Equal("old1", Api.Sent.Single().Json.GetProperty("id").GetString());
        Assert.False(Storage.Items.ContainsKey("fitpilot:pending-logs"));
    }

    [Fact]
    public void In_a_superset_the_rest_starts_after_the_round_not_between_the_paired_exercises()
    {
        SignedInClient();
        var bench = new ProgramExercise { Id = "pe2", ExerciseId = "Bench", ExerciseName = "Bench Press", Sets = 2, Reps = 8, SupersetGroup = "A", RestSeconds = 90 };
        var row = new ProgramExercise { Id = "pe3", ExerciseId = "Row", ExerciseName = "Cable Row", Sets = 2, Reps = 10, SupersetGroup = "A", RestSeconds = 120 };
        var workout = new TodayWorkout(Today, "p1", "Upper", ProgramStatuses.Active, "Push pull", [new TodayExercise(bench, [], [], 60), new TodayExercise(row, [], [], 50)], "");
        Api.On("GET", "/api/today", HttpStatusCode.OK, FakeApi.Json(workout)).Fail("POST", "/api/logs");
        var cut = Render<FitPilot.Web.Pages.Client.Home>();
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("form.log-set").Count));

        cut.FindAll("form.log-set")[0].Submit();
        cut.WaitForAssertion(() => Assert.Contains("Next: Cable Row, no rest in between", cut.Find(".next-up").TextContent));
        Assert.False(Get<RestTimer>().Running);

        cut.FindAll("form.log-set")[1].Submit();
        cut.WaitForAssertion(() => Assert.True(Get<RestTimer>().Running));
        Assert.Equal(120, Get<RestTimer>().Remaining); // the longest rest of the pair
    }

    [Fact]
    public void Finishing_sends_the_session_RPE_and_comment_and_shows_the_summary()
    {
        SignedInClient();
        var summary = new WorkoutSummary("c1", Today, "p1", "Squat focus", "Legs", 1, 3, 1500, 42, ["New PB: Barbell Squat, heaviest ever at 105 kg × 5."], 8, "Good one", DateTimeOffset.Now);
        Api.On("GET", "/api/today", HttpStatusCode.OK, FakeApi.Json(Workout(Log("l1", 1, 100, 5))))
            .On("POST", "/api/workouts/finish", HttpStatusCode.OK, FakeApi.Json(summary));
        var cut = Render<FitPilot.Web.Pages.Client.Home>();
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("button.finish-button")));

        cut.Find("button.finish-button").Click();
        cut.FindAll(".rpe-choice input")[7].Change(true);
        Assert.Contains("8 · Very hard", cut.Find(".rpe .hint").TextContent);
        cut.Find("#finish-comment").Change("Good one");
        cut.Find("form.finish-panel").Submit();

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=workout-summary]")));
        var sent = Api.Sent.Single(r => r.Method == "POST").Json;
        Assert.Equal((8, "Good one", "p1", Today.ToString("yyyy-MM-dd")), (sent.GetProperty("rpe").GetInt32(), sent.GetProperty("comment").GetString(), sent.GetProperty("programId").GetString(), sent.GetProperty("date").GetString()));
        var text = cut.Find("[data-testid=workout-summary]").TextContent;
        Assert.Contains("42 min", text);
        Assert.Contains("1,500 kg", text);
        Assert.Contains("8/10", text);
        Assert.Contains("heaviest ever at 105 kg", text);
        Assert.Contains("Update how it went", cut.Find("button.finish-button").TextContent);
    }

    [Fact]
    public void Swapping_searches_the_coachs_library_for_the_same_muscle_and_shows_the_swap()
    {
        SignedInClient();
        var legPress = SquatDetails with { Id = "Leg_Press", Name = "Leg Press", Images = [] };
        var swappedDay = new TodayWorkout(Today, "p1", "Squat focus", ProgramStatuses.Active, "Legs",
            [new TodayExercise(Squat with { ExerciseId = "Leg_Press", ExerciseName = "Leg Press" }, [], [], 100, "Barbell Squat", legPress)], "");
        Api.On("GET", "/api/today", HttpStatusCode.OK, FakeApi.Json(Workout() with { Exercises = [new TodayExercise(Squat, [], [], 100, Exercise: SquatDetails)] }))
            .On("GET", "/api/exercises", HttpStatusCode.OK, FakeApi.Json(new FitPilot.Contracts.Common.Page<ExerciseDto>([SquatDetails, legPress], null)))
            .On("PUT", "/api/today/swap", HttpStatusCode.OK, FakeApi.Json(swappedDay));
        var cut = Render<FitPilot.Web.Pages.Client.Home>();
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("h3")));

        cut.FindAll("button").Single(b => b.TextContent.Trim() == "Swap").Click();
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("button[aria-label='Do Leg Press instead']")));
        Assert.Contains("GET /api/exercises?limit=8&muscle=quadriceps", Api.Requests);
        Assert.Empty(cut.FindAll("button[aria-label='Do Barbell Squat instead']")); // not itself
        cut.Find("button[aria-label='Do Leg Press instead']").Click();

        cut.WaitForAssertion(() => Assert.Equal("Leg Press", cut.Find("h3").TextContent));
        var sent = Api.Sent.Single(r => r.Method == "PUT").Json;
        Assert.Equal(("pe1", "Leg_Press", "p1"), (sent.GetProperty("programExerciseId").GetString(), sent.GetProperty("exerciseId").GetString(), sent.GetProperty("programId").GetString()));
        Assert.Contains("Instead of Barbell Squat", cut.Find(".swapped").TextContent);
    }

    private void SignedInClient()
    {
        var client = new ClientProfile("c1", "t", "Sam Client", "sam@example.com", ClientStatuses.Active, null, null, null, null, null, null, null, null, null, null, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch);
        Get<Session>().Set(new MeResponse("u1", Roles.Client, client.Email, client.Name, null, client));
        Get<WorkoutQueue>().RetryInterval = TimeSpan.FromHours(1);
    }

    private static TodayWorkout Workout(params SetLog[] today) =>
        new(Today, "p1", "Squat focus", ProgramStatuses.Active, "Legs", [new TodayExercise(Squat, [], today, 100)], "");

    private static SetLog Log(string id, int number, double kg, int reps) =>
        new(id, "p1", "pe1", "Barbell_Squat", "Barbell Squat", number, kg, reps, null, null, DateTimeOffset.Now, Today, OneRepMax.Epley(kg, reps));

    private static LogSetRequest Request(string id, int number) => new()
    {
        Id = id, ProgramId = "p1", ProgramExerciseId = "pe1", ExerciseId = "Barbell_Squat", SetNumber = number, WeightKg = 100, Reps = 5, WorkoutDate = Today,
    };

    private static RangeAttribute Range(string property) => typeof(LogSetRequest).GetProperty(property)!.GetCustomAttribute<RangeAttribute>()!;
}
