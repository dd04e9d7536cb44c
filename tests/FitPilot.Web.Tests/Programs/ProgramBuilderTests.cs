using System.ComponentModel.DataAnnotations;
using System.Net;
using System.Reflection;
using FitPilot.Contracts.Clients;
using FitPilot.Contracts.Common;
using FitPilot.Contracts.Exercises;
using FitPilot.Contracts.Programs;
using FitPilot.Web.Forms;
using FitPilot.Web.Pages.Trainer.Programs;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace FitPilot.Web.Tests.Programs;

/// <summary>The program builder page and its parts: library panel, day editor, entry editor and schedule/assign panel.</summary>
public sealed class ProgramBuilderTests : WebTest
{
    private static readonly ExerciseDto Squat = Exercise("Barbell_Squat", "Barbell Squat");
    private static readonly ExerciseDto Bench = Exercise("Barbell_Bench_Press_-_Medium_Grip", "Barbell Bench Press - Medium Grip");

    public ProgramBuilderTests()
    {
        Api.On("GET", "/api/clients?limit=100", HttpStatusCode.OK, FakeApi.Json(new Page<ClientProfile>([Client("c1", "Sam Client"), Client("c2", "Kim Client")], null)))
            .On("GET", "/api/exercises?limit=20", HttpStatusCode.OK, FakeApi.Json(new Page<ExerciseDto>([Squat, Bench], null)));
    }

    // The page

    [Fact]
    public void Adding_an_exercise_from_the_library_puts_it_at_the_end_of_the_chosen_day_with_default_sets()
    {
        var cut = Render<ProgramBuilder>();
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=library-item]").Count));

        cut.Find("#lib-day").Change("3");
        cut.Find("button[aria-label='Add Barbell Squat to Wednesday']").Click();

        var entry = Assert.Single(cut.FindAll("[data-testid=day-3] [data-testid=entry]"));
        Assert.Contains("Barbell Squat", entry.TextContent);
        Assert.Equal(("3", "10", "90"), (cut.Find("#sets-3-0").GetAttribute("value"), cut.Find("#reps-3-0").GetAttribute("value"), cut.Find("#rest-3-0").GetAttribute("value")));
        Assert.Contains("Unsaved changes", cut.Markup);
        Assert.Empty(cut.FindAll("[data-testid=day-1] [data-testid=entry]"));
    }

    [Fact]
    public void An_exercise_dragged_from_the_library_onto_a_day_lands_there_and_entries_can_be_dragged_before_another()
    {
        var cut = Render<ProgramBuilder>();
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=library-item]").Count));

        cut.FindAll("[data-testid=library-item]")[0].DragStart();
        cut.Find("[data-testid=day-5]").DragEnter();
        Assert.Contains("drop-target", cut.Find("[data-testid=day-5]").ClassList);
        cut.Find("[data-testid=day-5]").Drop();
        cut.FindAll("[data-testid=library-item]")[1].DragStart();
        cut.Find("[data-testid=day-5]").Drop();
        Assert.DoesNotContain("drop-target", cut.Find("[data-testid=day-5]").ClassList);

        // Bench dragged before squat.
        cut.FindAll("[data-testid=day-5] [data-testid=entry]")[1].DragStart();
        cut.FindAll("[data-testid=day-5] [data-testid=entry]")[0].Drop();
        Assert.Equal(["Barbell Bench Press - Medium Grip", "Barbell Squat"], cut.FindAll("[data-testid=day-5] .entry-title strong").Select(s => s.TextContent));
    }

    [Fact]
    public void Searching_the_library_asks_the_API_for_the_text_typed()
    {
        var cut = Render<ProgramBuilder>();
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=library-item]").Count));
        Api.On("GET", "/api/exercises?limit=20&q=bench%20press", HttpStatusCode.OK, FakeApi.Json(new Page<ExerciseDto>([Bench], null)));

        cut.Find("#lib-search").Input("bench press");

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=library-item]")));
        Assert.Contains("GET /api/exercises?limit=20&q=bench%20press", Api.Requests);
    }

    [Fact]
    public void Opening_another_program_lists_the_librarys_first_exercises_again_as_before_the_split()
    {
        Api.On("GET", "/api/programs/", HttpStatusCode.OK, FakeApi.Json(Program("p1", "Full body A")), etag: "\"v1\"")
            .On("GET", "/api/exercises?limit=20&q=bench", HttpStatusCode.OK, FakeApi.Json(new Page<ExerciseDto>([Bench], null)));
        var cut = Render<ProgramBuilder>(ps => ps.Add(p => p.ProgramId, "p1"));
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=library-item]").Count));
        cut.Find("#lib-search").Input("bench");
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=library-item]")));

        cut.Render(ps => ps.Add(p => p.ProgramId, "p2"));

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=library-item]").Count));
        Assert.Equal(2, Api.Requests.Count(r => r == "GET /api/exercises?limit=20"));
        Assert.Contains("GET /api/programs/p2", Api.Requests);
    }

    [Fact]
    public void Copying_a_day_and_moving_an_entry_change_the_week_and_saving_a_new_template_sends_the_days_in_use()
    {
        var cut = Render<ProgramBuilder>();
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=library-item]").Count));
        cut.Find("button[aria-label='Add Barbell Squat to Monday']").Click();
        cut.Find("button[aria-label='Add Barbell Bench Press - Medium Grip to Monday']").Click();
        cut.Find("#title-1").Change("Full body");

        cut.Find("#copy-1").Change("3");
        Assert.Equal(2, cut.FindAll("[data-testid=day-3] [data-testid=entry]").Count);
        Assert.Equal("Full body", cut.Find("#title-3").GetAttribute("value"));

        cut.Find("button[aria-controls='more-1-1']").Click(); // "Move to" is among the fields behind "More"
        cut.Find("#move-1-1").Change("5");
        Assert.Single(cut.FindAll("[data-testid=day-1] [data-testid=entry]"));
        Assert.Contains("Barbell Bench Press - Medium Grip", cut.Find("[data-testid=day-5] [data-testid=entry]").TextContent);

        Api.On("POST", "/api/programs", HttpStatusCode.Created, FakeApi.Json(Program("new-1", "Week A")), etag: "\"v1\"");
        cut.Find("#program-name").Input("Week A");
        cut.FindAll("button").Single(b => b.TextContent == "Save program").Click();

        cut.WaitForAssertion(() => Assert.EndsWith("/pt/programs/new-1", Services.GetService<NavigationManager>()!.Uri));
        var sent = Api.Sent.Single(r => r.Method == "POST").Json;
        Assert.Equal([1, 3, 5], sent.GetProperty("days").EnumerateArray().Select(d => d.GetProperty("dayOfWeek").GetInt32()));
        Assert.Matches("^[0-9a-f-]{36}$", sent.GetProperty("id").GetString());
        Assert.True(sent.GetProperty("isTemplate").GetBoolean());
    }

    [Fact]
    public void A_save_refused_because_someone_else_saved_first_says_so_and_offers_the_latest_version()
    {
        Api.On("GET", "/api/programs/p1", HttpStatusCode.OK, FakeApi.Json(Program("p1", "Full body A")), etag: "\"v1\"")
            .On("PUT", "/api/programs/p1", HttpStatusCode.Conflict,
                FakeApi.Problem(409, "Conflict", "Someone else changed this in the meantime. Reload to see their version."), "application/problem+json");
        var cut = Render<ProgramBuilder>(ps => ps.Add(p => p.ProgramId, "p1"));
        cut.WaitForAssertion(() => Assert.Equal("Full body A", cut.Find("#program-name").GetAttribute("value")));

        cut.Find("#program-name").Input("Full body A (tab two)");
        cut.FindAll("button").Single(b => b.TextContent == "Save program").Click();

        cut.WaitForAssertion(() => Assert.Contains("Someone else changed this in the meantime.", cut.Find("[data-testid=save-problem]").TextContent));
        Assert.Equal("\"v1\"", Api.Sent.Single(r => r.Method == "PUT").IfMatch);
        Assert.Equal("Full body A (tab two)", Api.Sent.Single(r => r.Method == "PUT").Json.GetProperty("name").GetString());
        Assert.Contains("Unsaved changes", cut.Markup);

        Api.On("GET", "/api/programs/p1", HttpStatusCode.OK, FakeApi.Json(Program("p1", "Full body A (tab one)")), etag: "\"v2\"");
        cut.Find("[data-testid=save-problem] button").Click();
        cut.WaitForAssertion(() => Assert.Equal("Full body A (tab one)", cut.Find("#program-name").GetAttribute("value")));
        Assert.Empty(cut.FindAll("[data-testid=save-problem]"));

        // The next save goes over the version just read.
        Api.On("PUT", "/api/programs/p1", HttpStatusCode.OK, FakeApi.Json(Program("p1", "Full body A (tab one)")), etag: "\"v3\"");
        cut.FindAll("button").Single(b => b.TextContent == "Save program").Click();
        cut.WaitForAssertion(() => Assert.Contains("Saved.", cut.Markup));
        Assert.Equal("\"v2\"", Api.Sent.Last(r => r.Method == "PUT").IfMatch);
    }

    [Fact]
    public void Assigning_a_template_to_clients_says_to_how_many()
    {
        Api.On("GET", "/api/programs/t1", HttpStatusCode.OK, FakeApi.Json(Program("t1", "Full body A")), etag: "\"v1\"")
            .On("POST", "/api/programs/t1/assign", HttpStatusCode.OK, FakeApi.Json(new[] { Program("p1", "Full body A") with { ClientId = "c1", IsTemplate = false }, Program("p2", "Full body A") with { ClientId = "c2", IsTemplate = false } }));
        var cut = Render<ProgramBuilder>(ps => ps.Add(p => p.ProgramId, "t1"));
        cut.WaitForAssertion(() => Assert.Equal("Assign to clients", cut.Find("#actions-heading").TextContent));

        var assign = cut.FindAll("button").Single(b => b.TextContent.StartsWith("Assign to", StringComparison.Ordinal));
        Assert.True(assign.HasAttribute("disabled"));
        cut.FindAll("fieldset.checklist input[type=checkbox]")[0].Change(true);
        cut.FindAll("fieldset.checklist input[type=checkbox]")[1].Change(true);
        cut.FindAll("button").Single(b => b.TextContent == "Assign to 2 clients").Click();

        cut.WaitForAssertion(() => Assert.Contains("Assigned to 2 clients.", cut.Markup));
        Assert.Equal(["c1", "c2"], Api.Sent.Single(r => r.Method == "POST").Json.GetProperty("clientIds").EnumerateArray().Select(c => c.GetString()));
        Assert.Contains("Assign to 0 clients", cut.Markup);
    }

    [Fact]
    public void Pausing_a_client_program_reloads_it_with_its_new_status()
    {
        var program = Program("p1", "Squat focus") with { ClientId = "c1", IsTemplate = false };
        Api.On("GET", "/api/programs/p1", HttpStatusCode.OK, FakeApi.Json(program), etag: "\"v1\"")
            .On("POST", "/api/programs/p1/pause", HttpStatusCode.OK, FakeApi.Json(program with { Status = ProgramStatuses.Paused }));
        var cut = Render<ProgramBuilder>(ps => ps.Add(p => p.ProgramId, "p1"));
        cut.WaitForAssertion(() => Assert.Contains("For Sam Client.", cut.Markup));

        Api.On("GET", "/api/programs/p1", HttpStatusCode.OK, FakeApi.Json(program with { Status = ProgramStatuses.Paused }), etag: "\"v2\"");
        cut.FindAll("button").Single(b => b.TextContent == "Pause").Click();

        cut.WaitForAssertion(() => Assert.Contains(cut.FindAll("button"), b => b.TextContent == "Resume"));
        Assert.Equal(["POST /api/programs/p1/pause", "GET /api/programs/p1"], Api.Requests.SkipWhile(r => !r.StartsWith("POST", StringComparison.Ordinal)).Where(r => !r.Contains("/api/clients", StringComparison.Ordinal) && !r.Contains("/api/exercises", StringComparison.Ordinal)));
        Assert.Equal(ContractRange<PushBackRequest>(nameof(PushBackRequest.Days)), (cut.Find("#push-days").GetAttribute("min"), cut.Find("#push-days").GetAttribute("max")));
    }

    // The components on their own

    [Fact]
    public void The_library_panel_raises_ExerciseAdded_for_the_day_chosen_and_ExerciseDragged_on_drag()
    {
        var added = new List<ExerciseAdded>();
        var dragged = new List<ExerciseDragged>();
        var cut = Render<ProgramLibraryPanel>(ps => ps.Add(p => p.OnAdd, added.Add).Add(p => p.OnDragStart, dragged.Add));
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=library-item]").Count));

        cut.Find("#lib-day").Change("0");
        cut.Find("button[aria-label='Add Barbell Bench Press - Medium Grip to Sunday']").Click();
        cut.FindAll("[data-testid=library-item]")[0].DragStart();

        Assert.Equal((Bench.Id, 0), (Assert.Single(added).Exercise.Id, added[0].DayOfWeek));
        Assert.Equal(Squat.Id, Assert.Single(dragged).Exercise.Id);
        Assert.Equal(["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"], cut.FindAll("#lib-day option").Select(o => o.TextContent));
    }

    [Fact]
    public void The_entry_editor_offers_the_contract_ranges_and_edits_the_entry_within_them()
    {
        var entry = new ProgramEntryForm { ExerciseId = "Barbell_Squat", ExerciseName = "Barbell Squat", Sets = 3, Reps = 10, RestSeconds = 90 };
        var changes = 0;
        var cut = Render<ProgramEntryEditor>(ps => ps.Add(p => p.Entry, entry).Add(p => p.Key, "1-0").Add(p => p.OnChanged, () => { changes++; }));
        Assert.Empty(cut.FindAll("#notes-1-0")); // behind "More"
        cut.Find("button[aria-controls='more-1-0']").Click();

        foreach (var (id, property) in new[] { ("sets", "Sets"), ("reps", "Reps"), ("repsmax", "RepsMax"), ("kg", "WeightKg"), ("pct", "PercentOf1Rm"),
                     ("rest", "RestSeconds"), ("drop", "DropSets"), ("rir", "Rir"), ("tut", "TutSeconds") })
            Assert.Equal(ContractRange<ProgramExercise>(property), (cut.Find($"#{id}-1-0").GetAttribute("min"), cut.Find($"#{id}-1-0").GetAttribute("max")));
        Assert.Equal(typeof(ProgramExercise).GetProperty("Notes")!.GetCustomAttribute<StringLengthAttribute>()!.MaximumLength.ToString(), cut.Find("#notes-1-0").GetAttribute("maxlength"));

        cut.Find("#sets-1-0").Change("5");
        cut.Find("#reps-1-0").Change("8");
        cut.Find("#repsmax-1-0").Change("12");
        cut.Find("#pct-1-0").Change("72.5");
        cut.Find("#rir-1-0").Change("2");
        cut.Find("#ss-1-0").Change("b");
        cut.Find("#tempo-1-0").Change(" 3-1-1-0 ");
        cut.Find("#notes-1-0").Change("   ");
        cut.Find("#rest-1-0").Change("");

        Assert.Equal((5, 8, (int?)12, (double?)72.5, (int?)2, "B", "3-1-1-0", (string?)null, (int?)null), (entry.Sets, entry.Reps, entry.RepsMax, entry.PercentOf1Rm, entry.Rir, entry.SupersetGroup, entry.Tempo, entry.Notes, entry.RestSeconds));
        Assert.Equal(9, changes);
        Assert.Empty(Validate(entry.ToContract())); // every value the form allowed is one the API accepts
    }

    [Fact]
    public void The_day_editor_reorders_and_removes_in_the_day_and_asks_the_page_to_move_or_copy_across_days()
    {
        var day = new ProgramDayForm { DayOfWeek = 1, Title = "Push", Exercises = [Entry("A"), Entry("B"), Entry("C")] };
        var changes = 0;
        var moved = new List<EntryMovedToDay>();
        var copied = new List<DayCopied>();
        var cut = Render<ProgramDayEditor>(ps => ps.Add(p => p.DayOfWeek, 1).Add(p => p.Day, day).Add(p => p.OnChanged, () => { changes++; })
            .Add(p => p.OnMoveToDay, moved.Add).Add(p => p.OnCopyDay, copied.Add));
        string[] Order() => day.Exercises.Select(e => e.ExerciseName!).ToArray();

        Assert.True(cut.Find("button[aria-label='Move A up']").HasAttribute("disabled"));
        Assert.True(cut.Find("button[aria-label='Move C down']").HasAttribute("disabled"));
        cut.Find("button[aria-label='Move B up']").Click();
        Assert.Equal(["B", "A", "C"], Order());
        cut.Find("button[aria-label='Move B down']").Click();
        cut.Find("button[aria-label='Move B down']").Click();
        Assert.Equal(["A", "C", "B"], Order());
        cut.Find("button[aria-label='Remove C']").Click();
        Assert.Equal(["A", "B"], Order());
        Assert.Equal(["A", "B"], cut.FindAll(".entry-title strong").Select(s => s.TextContent));

        cut.Find("#all-sets-1").Change("2");
        cut.Find("#all-reps-1").Change("5");
        cut.FindAll("button").Single(b => b.TextContent == "Apply to day").Click();
        Assert.All(day.Exercises, e => Assert.Equal((2, 5, (int?)null), (e.Sets, e.Reps, e.RepsMax)));
        Assert.Equal(ContractRange<ProgramExercise>("Sets"), (cut.Find("#all-sets-1").GetAttribute("min"), cut.Find("#all-sets-1").GetAttribute("max")));
        Assert.Equal(ContractRange<ProgramExercise>("Reps"), (cut.Find("#all-reps-1").GetAttribute("min"), cut.Find("#all-reps-1").GetAttribute("max")));
        Assert.Equal(5, changes);

        cut.Find("button[aria-controls='more-1-1']").Click();
        cut.Find("#move-1-1").Change("4");
        cut.Find("#copy-1").Change("6");
        cut.Find("#copy-1").Change("");
        Assert.Equal([new EntryMovedToDay(1, 1, 4)], moved);
        Assert.Equal([new DayCopied(1, 6)], copied);
        Assert.DoesNotContain(cut.FindAll("#copy-1 option"), o => o.TextContent == "Monday");
        Assert.Equal(5, changes); // moving and copying are the page's to do
    }

    [Fact]
    public void A_day_without_exercises_is_a_rest_day_without_day_tools()
    {
        var empty = Render<ProgramDayEditor>(ps => ps.Add(p => p.DayOfWeek, 0));
        Assert.Equal("Sunday", empty.Find("h3").TextContent);
        Assert.Contains("Rest day", empty.Markup);
        Assert.Empty(empty.FindAll("input"));

        var titled = Render<ProgramDayEditor>(ps => ps.Add(p => p.DayOfWeek, 2).Add(p => p.Day, new ProgramDayForm { DayOfWeek = 2 }));
        Assert.Contains("Rest day", titled.Markup);
        Assert.Equal(typeof(ProgramDay).GetProperty("Title")!.GetCustomAttribute<StringLengthAttribute>()!.MaximumLength.ToString(), titled.Find("#title-2").GetAttribute("maxlength"));
        Assert.Empty(titled.FindAll("[role=group]"));
    }

    internal static ProgramDto Program(string id, string name) => new(id, name, null, true, ProgramStatuses.Active, null, null, 0, null, null,
        [new ProgramDay { DayOfWeek = 1, Title = "Legs", Exercises = [new ProgramExercise { Id = "pe1", ExerciseId = "Barbell_Squat", ExerciseName = "Barbell Squat" }] }],
        DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch);

    private static ProgramEntryForm Entry(string name) => new() { ExerciseId = name, ExerciseName = name };

    private static ExerciseDto Exercise(string id, string name) =>
        new(id, ExerciseSources.Library, name, null, [], null, null, null, ["quadriceps"], [], "barbell", "beginner", "strength", "push", "compound", null, null, []);

    private static ClientProfile Client(string id, string name) =>
        new(id, "t", name, $"{id}@example.com", ClientStatuses.Active, null, null, null, null, null, null, null, null, null, null, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch);

    private static (string? Min, string? Max) ContractRange<T>(string property)
    {
        var range = typeof(T).GetProperty(property)!.GetCustomAttribute<RangeAttribute>()!;
        return (Convert.ToDouble(range.Minimum).ToString(System.Globalization.CultureInfo.InvariantCulture), Convert.ToDouble(range.Maximum).ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    private static List<ValidationResult> Validate(object model)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(model, new ValidationContext(model), results, validateAllProperties: true);
        return results;
    }
}
