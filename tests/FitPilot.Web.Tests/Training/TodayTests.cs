using System.ComponentModel.DataAnnotations;
using System.Net;
using System.Reflection;
using FitPilot.Contracts.Auth;
using FitPilot.Contracts.Clients;
using FitPilot.Contracts.Programs;
using FitPilot.Contracts.Training;
using FitPilot.Web.Auth;
using FitPilot.Web.Components;
using FitPilot.Web.Training;

namespace FitPilot.Web.Tests.Training;

/// <summary>The client's "today": the exercise card (log, correct, delete a set) and the page that numbers and sends them.</summary>
public sealed class TodayTests : WebTest
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.Now);
    private static readonly ProgramExercise Squat = new() { Id = "pe1", ExerciseId = "Barbell_Squat", ExerciseName = "Barbell Squat", Sets = 4, Reps = 5, Rir = 2, RestSeconds = 60 };

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
    }

    [Fact]
    public void The_log_form_takes_the_ranges_of_LogSetRequest_and_refuses_a_weight_outside_them()
    {
        var entered = new List<SetEntered>();
        var cut = Render<TodayExerciseCard>(ps => ps.Add(p => p.Item, new TodayExercise(Squat, [], [], null)).Add(p => p.OnLog, entered.Add));
        var weight = Range(nameof(LogSetRequest.WeightKg));
        Assert.Equal((weight.Minimum.ToString(), weight.Maximum.ToString()), (cut.Find("#w-pe1").GetAttribute("min"), cut.Find("#w-pe1").GetAttribute("max")));
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
    public void Correcting_a_set_raises_SetCorrected_and_deleting_one_asks_first()
    {
        var set = Log("l1", 1, 100, 5);
        var corrected = new List<SetCorrected>();
        var deleted = new List<SetLog>();
        var cut = Render<TodayExerciseCard>(ps => ps.Add(p => p.Item, new TodayExercise(Squat, [], [set], null)).Add(p => p.Logged, [set])
            .Add(p => p.OnEdit, corrected.Add).Add(p => p.OnDelete, deleted.Add));
        Assert.Equal("Log set 2", cut.Find("form.log-set button").TextContent);

        cut.Find("button[aria-label='Edit set 1']").Click();
        Assert.Equal(Range(nameof(UpdateSetLogRequest.WeightKg)).Maximum.ToString(), cut.Find("#ew-l1").GetAttribute("max"));
        cut.Find("#er-l1").Change("6");
        cut.Find("form.edit-set").Submit();
        Assert.Equal(new SetCorrected(set, 100, 6), Assert.Single(corrected));
        Assert.Empty(cut.FindAll("form.edit-set"));

        cut.FindAll("button").Single(b => b.TextContent == "Delete").Click();
        Assert.Empty(deleted);
        cut.FindAll("button").Single(b => b.TextContent == "Delete" && b.ClassList.Contains("danger")).Click();
        Assert.Equal(set, Assert.Single(deleted));
    }

    [Fact]
    public void A_set_waiting_to_sync_cannot_be_changed_yet_and_a_full_exercise_says_done()
    {
        var sets = Enumerable.Range(1, 4).Select(n => Log($"l{n}", n, 100, 5)).ToList();
        var cut = Render<TodayExerciseCard>(ps => ps.Add(p => p.Item, new TodayExercise(Squat, [], sets, null)).Add(p => p.Logged, sets)
            .Add(p => p.Pending, new HashSet<string> { "l4" }));
        Assert.Contains("(waiting to sync)", cut.FindAll("[data-testid=logged-set]")[3].TextContent);
        Assert.Empty(cut.FindAll("button[aria-label='Edit set 4']"));
        Assert.Contains("All sets done", cut.Find("[role=status]").TextContent);
        Assert.Empty(cut.FindAll("form.log-set"));
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
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=rest-timer]")));
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

        cut.Find("button[aria-label='Edit set 1']").Click();
        cut.Find("#er-l1").Change("6");
        cut.Find("form.edit-set").Submit();
        cut.WaitForAssertion(() => Assert.Single(Api.Sent, r => r.Method == "PUT"));
        var put = Api.Sent.Single(r => r.Method == "PUT").Json;
        Assert.Equal((100.0, 6, 2, "Felt easy"), (put.GetProperty("weightKg").GetDouble(), put.GetProperty("reps").GetInt32(), put.GetProperty("rir").GetInt32(), put.GetProperty("notes").GetString()));

        Api.On("GET", "/api/today", HttpStatusCode.OK, FakeApi.Json(Workout()));
        cut.FindAll("button").Single(b => b.TextContent == "Delete").Click();
        cut.FindAll("button").Single(b => b.TextContent == "Delete" && b.ClassList.Contains("danger")).Click();
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=logged-set]")));
        Assert.Contains("DELETE /api/logs/l1", Api.Requests);
        Assert.Equal(3, Api.Requests.Count(r => r.StartsWith("GET /api/today", StringComparison.Ordinal))); // loaded, then again after each change
    }

    private void SignedInClient()
    {
        var client = new ClientProfile("c1", "t", "Sam Client", "sam@example.com", ClientStatuses.Active, null, null, null, null, null, null, null, null, null, null, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch);
        Get<Session>().Set(new MeResponse("u1", Roles.Client, client.Email, client.Name, null, client));
    }

    private static TodayWorkout Workout(params SetLog[] today) =>
        new(Today, "p1", "Squat focus", ProgramStatuses.Active, "Legs", [new TodayExercise(Squat, [], today, 100)], "");

    private static SetLog Log(string id, int number, double kg, int reps) =>
        new(id, "p1", "pe1", "Barbell_Squat", "Barbell Squat", number, kg, reps, null, null, DateTimeOffset.Now, Today, OneRepMax.Epley(kg, reps));

    private static RangeAttribute Range(string property) => typeof(LogSetRequest).GetProperty(property)!.GetCustomAttribute<RangeAttribute>()!;
}
