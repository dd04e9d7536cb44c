using System.Net;
using AngleSharp.Dom;
using Bunit.TestDoubles;
using FitPilot.Contracts.Clients;
using FitPilot.Contracts.Common;
using FitPilot.Contracts.Exercises;
using FitPilot.Contracts.Programs;
using FitPilot.Web.Forms;
using FitPilot.Web.Pages.Trainer.Programs;
using Microsoft.AspNetCore.Components;

namespace FitPilot.Web.Tests.Programs;

/// <summary>
/// The builder from the keyboard and a screen reader: where the focus goes after a move or a remove, undoing a remove, what
/// the live region says, the question before leaving unsaved changes, problems in plain words next to their fields,
/// exercise pictures and the assign result next to its button.
/// </summary>
public sealed class ProgramBuilderKeyboardTests : WebTest
{
    private static readonly ExerciseDto Squat = Exercise("Barbell_Squat", "Barbell Squat", pictures: true);
    private static readonly ExerciseDto Bench = Exercise("Barbell_Bench_Press_-_Medium_Grip", "Barbell Bench Press - Medium Grip", pictures: true);
    private static readonly ExerciseDto Mine = Exercise("own-1", "Sled push", pictures: false);

    public ProgramBuilderKeyboardTests()
    {
        Api.On("GET", "/api/clients?limit=100", HttpStatusCode.OK, FakeApi.Json(new Page<ClientProfile>([Client("c1", "Sam Client"), Client("c2", "Kim Client")], null)))
            .On("GET", "/api/exercises?limit=20", HttpStatusCode.OK, FakeApi.Json(new Page<ExerciseDto>([Squat, Bench, Mine], null)));
    }

    // Focus after moves and removes (the day editor)

    [Fact]
    public void After_a_move_the_focus_stays_on_the_moved_exercise_and_takes_the_other_arrow_at_the_end()
    {
        var day = new ProgramDayForm { DayOfWeek = 1, Exercises = [Entry("A"), Entry("B"), Entry("C")] };
        var said = new List<string>();
        var cut = Render<ProgramDayEditor>(ps => ps.Add(p => p.DayOfWeek, 1).Add(p => p.Day, day).Add(p => p.OnAnnounce, said.Add));

        cut.Find("button[aria-label='Move C up']").Click();
        Assert.Equal("Move C up", Focused(cut).GetAttribute("aria-label"));
        cut.Find("button[aria-label='Move C up']").Click();
        Assert.Equal(["C", "A", "B"], day.Exercises.Select(e => e.ExerciseName));
        Assert.Equal("Move C down", Focused(cut).GetAttribute("aria-label")); // "up" is disabled at the top
        Assert.Equal(["Moved C up: 2 of 3 on Monday.", "Moved C up: 1 of 3 on Monday."], said);
    }

    [Fact]
    public void After_a_remove_the_focus_goes_to_the_next_exercise_else_the_previous_else_the_days_add_button()
    {
        var day = new ProgramDayForm { DayOfWeek = 2, Exercises = [Entry("A"), Entry("B"), Entry("C")] };
        var removed = new List<EntryRemoved>();
        var cut = Render<ProgramDayEditor>(ps => ps.Add(p => p.DayOfWeek, 2).Add(p => p.Day, day).Add(p => p.OnRemoved, removed.Add));

        cut.Find("button[aria-label='Remove B']").Click();
        Assert.Equal("C", Focused(cut).TextContent);
        cut.Find("button[aria-label='Remove C']").Click();
        Assert.Equal("A", Focused(cut).TextContent);
        cut.Find("button[aria-label='Remove A']").Click();
        Assert.Equal("+ Add exercise to Tuesday", Focused(cut).TextContent);
        Assert.Equal([("B", 1), ("C", 1), ("A", 0)], removed.Select(r => (r.Entry.ExerciseName!, r.Index)));
    }

    // The page: undo, announcements, leaving

    [Fact]
    public void A_removed_exercise_can_be_put_back_where_it_was_until_the_next_change_and_screen_readers_hear_each_step()
    {
        var cut = Render<ProgramBuilder>();
        cut.WaitForAssertion(() => Assert.Equal(3, cut.FindAll("[data-testid=library-item]").Count));
        cut.Find("button[aria-label='Add Barbell Squat to Monday']").Click();
        Assert.Equal("Added Barbell Squat to Monday: 1 of 1.", Said(cut));
        cut.Find("button[aria-label='Add Barbell Bench Press - Medium Grip to Monday']").Click();
        cut.Find("button[aria-label='Move Barbell Bench Press - Medium Grip up']").Click();
        Assert.Equal("Moved Barbell Bench Press - Medium Grip up: 1 of 2 on Monday.", Said(cut));

        cut.Find("button[aria-label='Remove Barbell Squat']").Click();
        Assert.Equal("Removed Barbell Squat from Monday. Undo is where it was.", Said(cut));
        Assert.Equal("Removed Barbell Squat. Undo removing Barbell Squat", Normal(cut.Find("[data-testid=day-1] [data-testid=undo-remove]").TextContent));
        cut.Find("[data-testid=undo-remove] button").Click();
        Assert.Equal(["Barbell Bench Press - Medium Grip", "Barbell Squat"], cut.FindAll("[data-testid=day-1] .entry-title strong").Select(s => s.TextContent));
        Assert.Equal("Put Barbell Squat back on Monday.", Said(cut));
        Assert.Empty(cut.FindAll("[data-testid=undo-remove]"));
        cut.WaitForAssertion(() => Assert.Equal("Barbell Squat", Focused(cut).TextContent));

        // The next change ends the offer.
        cut.Find("button[aria-label='Remove Barbell Squat']").Click();
        Assert.Single(cut.FindAll("[data-testid=undo-remove]"));
        cut.Find("#program-name").Input("Week A");
        Assert.Empty(cut.FindAll("[data-testid=undo-remove]"));
        Assert.Single(cut.FindAll("[data-testid=day-1] [data-testid=entry]"));
    }

    [Fact]
    public void Leaving_with_unsaved_changes_asks_first_and_stays_when_the_PT_says_no()
    {
        var nav = Get<BunitNavigationManager>();
        var confirm = JSInterop.Setup<bool>("confirm", _ => true);
        confirm.SetResult(false);
        var cut = Render<ProgramBuilder>();
        cut.WaitForAssertion(() => Assert.Equal(3, cut.FindAll("[data-testid=library-item]").Count));

        nav.NavigateTo("pt/programs"); // nothing changed: no question
        Assert.Empty(confirm.Invocations);
        Assert.Equal(NavigationState.Succeeded, nav.History.First().State);

        cut.Find("#program-name").Input("Week A");
        nav.NavigateTo("pt/clients");
        Assert.Equal("Leave without saving? Your changes to this program will be lost.", Assert.Single(confirm.Invocations).Arguments[0]);
        Assert.Equal(NavigationState.Prevented, nav.History.First().State);
        Assert.False(nav.Uri.EndsWith("/pt/clients", StringComparison.Ordinal));
    }

    [Fact]
    public void After_a_save_leaving_asks_nothing()
    {
        var nav = Get<BunitNavigationManager>();
        var confirm = JSInterop.Setup<bool>("confirm", _ => true);
        confirm.SetResult(false);
        Api.On("GET", "/api/programs/p1", HttpStatusCode.OK, FakeApi.Json(Program("p1", "Legs")), etag: "\"v1\"")
            .On("PUT", "/api/programs/p1", HttpStatusCode.OK, FakeApi.Json(Program("p1", "Legs day")), etag: "\"v2\"");
        var cut = Render<ProgramBuilder>(ps => ps.Add(p => p.ProgramId, "p1"));
        cut.WaitForAssertion(() => Assert.Equal("Legs", cut.Find("#program-name").GetAttribute("value")));

        cut.Find("#program-name").Input("Legs day");
        cut.FindAll("button").Single(b => b.TextContent == "Save program").Click();
        cut.WaitForAssertion(() => Assert.Contains("Saved.", cut.Markup));
        nav.NavigateTo("pt/programs");

        Assert.Empty(confirm.Invocations);
        Assert.EndsWith("/pt/programs", nav.Uri);
    }

    // Problems in plain words, next to the field

    [Fact]
    public void Out_of_range_numbers_and_a_missing_name_are_said_next_to_their_fields_and_nothing_is_sent()
    {
        var cut = Render<ProgramBuilder>();
        cut.WaitForAssertion(() => Assert.Equal(3, cut.FindAll("[data-testid=library-item]").Count));
        cut.Find("button[aria-label='Add Barbell Squat to Monday']").Click();

        cut.Find("#reps-1-0").Change("500");
        Assert.Equal("Reps must be between 1 and 100.", cut.Find("#err-reps-1-0").TextContent);
        Assert.Equal(("true", "err-reps-1-0"), (cut.Find("#reps-1-0").GetAttribute("aria-invalid"), cut.Find("#reps-1-0").GetAttribute("aria-describedby")));
        Assert.Empty(cut.FindAll("#err-program-name")); // not before a save is tried

        cut.FindAll("button").Single(b => b.TextContent == "Save program").Click();
        Assert.Equal("Give the program a name.", cut.Find("#err-program-name").TextContent);
        Assert.Contains("Monday, Barbell Squat: Reps must be between 1 and 100.", cut.Find("[data-testid=save-problem]").TextContent);
        Assert.DoesNotContain(Api.Requests, r => r.StartsWith("POST", StringComparison.Ordinal));

        cut.Find("#reps-1-0").Change("8");
        cut.Find("#program-name").Input("Week A");
        Assert.Empty(cut.FindAll(".field-error"));
        Assert.Empty(cut.FindAll("[data-testid=save-problem]"));
    }

    [Fact]
    public void The_APIs_field_errors_land_on_the_right_entry_and_field_and_the_rest_above_the_week()
    {
        var program = Program("p1", "Legs") with
        {
            Days =
            [
                new ProgramDay { DayOfWeek = 1, Exercises = [new ProgramExercise { Id = "e1", ExerciseId = Squat.Id, ExerciseName = Squat.Name }] },
                new ProgramDay { DayOfWeek = 3, Exercises = [new ProgramExercise { Id = "e2", ExerciseId = Squat.Id, ExerciseName = Squat.Name }, new ProgramExercise { Id = "e3", ExerciseId = Bench.Id, ExerciseName = Bench.Name }] },
            ],
        };
        Api.On("GET", "/api/programs/p1", HttpStatusCode.OK, FakeApi.Json(program), etag: "\"v1\"")
            .On("PUT", "/api/programs/p1", HttpStatusCode.BadRequest, FakeApi.Problem(400, "Check the highlighted fields", null,
                """{"days[1].exercises[1].notes":["Notes can have at most 500 characters."],"days[1].exercises[0].exerciseId":["This exercise is not in your library."],"clientId":["A template has no client."]}"""),
                "application/problem+json");
        var cut = Render<ProgramBuilder>(ps => ps.Add(p => p.ProgramId, "p1"));
        cut.WaitForAssertion(() => Assert.Equal("Legs", cut.Find("#program-name").GetAttribute("value")));

        cut.FindAll("button").Single(b => b.TextContent == "Save program").Click();

        // "More" opens by itself to show the message next to the notes of Wednesday's second exercise.
        cut.WaitForAssertion(() => Assert.Equal("Notes can have at most 500 characters.", cut.Find("#err-notes-3-1").TextContent));
        Assert.Equal("err-notes-3-1", cut.Find("#notes-3-1").GetAttribute("aria-describedby"));
        Assert.Equal("This exercise is not in your library.", cut.Find("#err-entry-3-0").TextContent);
        Assert.Empty(cut.FindAll("[data-testid=day-1] .field-error"));
        var summary = cut.Find("[data-testid=save-problem]").TextContent;
        Assert.Contains("Wednesday, Barbell Bench Press - Medium Grip: Notes can have at most 500 characters.", summary);
        Assert.Contains("A template has no client.", summary);
    }

    // Pictures and the assign result

    [Fact]
    public void Library_rows_and_entries_show_the_exercise_pictures_lazily_at_a_fixed_size()
    {
        Api.On("GET", "/api/programs/p1", HttpStatusCode.OK, FakeApi.Json(Program("p1", "Legs")), etag: "\"v1\"")
            .On("GET", "/api/exercises/Barbell_Squat", HttpStatusCode.OK, FakeApi.Json(Squat));
        var cut = Render<ProgramBuilder>(ps => ps.Add(p => p.ProgramId, "p1"));
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=day-1] [data-testid=entry] img").Count));

        var libraryRow = cut.FindAll("[data-testid=library-item]")[0];
        Assert.All(libraryRow.QuerySelectorAll("img").Concat(cut.FindAll("[data-testid=entry] img")), img =>
            Assert.Equal(("lazy", "32", "21", ""), (img.GetAttribute("loading"), img.GetAttribute("width"), img.GetAttribute("height"), img.GetAttribute("alt"))));
        Assert.Equal(["/media/exercises/Barbell_Squat/0.webp", "/media/exercises/Barbell_Squat/1.webp"], libraryRow.QuerySelectorAll("img").Select(i => i.GetAttribute("src")));
        Assert.NotNull(cut.FindAll("[data-testid=library-item]")[2].QuerySelector(".picture-placeholder")); // a PT's own: a neutral tile
        Assert.Single(Api.Requests, r => r == "GET /api/exercises/Barbell_Squat");
    }

    [Fact]
    public void Assigning_says_so_next_to_the_button_with_a_link_to_each_clients_copy()
    {
        Api.On("GET", "/api/programs/t1", HttpStatusCode.OK, FakeApi.Json(Program("t1", "Full body A")), etag: "\"v1\"")
            .On("POST", "/api/programs/t1/assign", HttpStatusCode.OK, FakeApi.Json(new[] { Program("p7", "Full body A") with { ClientId = "c1", IsTemplate = false }, Program("p8", "Full body A") with { ClientId = "c2", IsTemplate = false } }));
        var cut = Render<ProgramBuilder>(ps => ps.Add(p => p.ProgramId, "t1"));
        cut.WaitForAssertion(() => Assert.Equal("Assign", cut.Find("#tab-actions").TextContent));
        Assert.True(cut.Find("#panel-actions").HasAttribute("hidden"));

        cut.FindAll("button").Single(b => b.TextContent == "Assign…").Click();
        Assert.False(cut.Find("#panel-actions").HasAttribute("hidden"));
        Assert.True(cut.Find("#panel-library").HasAttribute("hidden"));
        Assert.Equal("true", cut.Find("#tab-actions").GetAttribute("aria-selected"));
        cut.WaitForAssertion(() => Assert.Equal("tab-actions", JSInterop.Invocations.Last(i => i.Identifier == "fitpilot.focus").Arguments[0]));
        cut.FindAll("fieldset.checklist input[type=checkbox]")[0].Change(true);
        cut.WaitForAssertion(() => Assert.Contains(cut.FindAll("button"), b => b.TextContent == "Assign to 1 client"));
        cut.FindAll("fieldset.checklist input[type=checkbox]")[1].Change(true);
        cut.FindAll("button").Single(b => b.TextContent == "Assign to 2 clients").Click();

        cut.WaitForAssertion(() => Assert.Contains("Assigned to 2 clients.", cut.Find("[data-testid=assign-result]").TextContent));
        Assert.Equal([("pt/programs/p7", "Sam Client's copy"), ("pt/programs/p8", "Kim Client's copy")],
            cut.FindAll("[data-testid=assign-result] a").Select(a => (a.GetAttribute("href")!, a.TextContent)));
    }

    /// <summary>The element the builder last put the keyboard on (through fitpilot.focus, by id).</summary>
    private IElement Focused<T>(IRenderedComponent<T> cut) where T : IComponent =>
        cut.Find("#" + (string)JSInterop.Invocations.Last(i => i.Identifier == "fitpilot.focus").Arguments[0]!);

    private static string Said(IRenderedComponent<ProgramBuilder> cut) => cut.Find("[data-testid=builder-announcer]").TextContent.TrimEnd('\u00A0');

    private static string Normal(string text) => System.Text.RegularExpressions.Regex.Replace(text, @"\s+", " ").Trim();

    private static ProgramEntryForm Entry(string name) => new() { ExerciseId = name, ExerciseName = name };

    private static ProgramDto Program(string id, string name) => ProgramBuilderTests.Program(id, name);

    private static ExerciseDto Exercise(string id, string name, bool pictures) =>
        new(id, pictures ? ExerciseSources.Library : ExerciseSources.Own, name, null, [], null, null, null, ["quadriceps"], [], "barbell", "beginner", "strength", "push", "compound", null, null,
            pictures ? [$"/media/exercises/{id}/0.webp", $"/media/exercises/{id}/1.webp"] : []);

    private static ClientProfile Client(string id, string name) =>
        new(id, "t", name, $"{id}@example.com", ClientStatuses.Active, null, null, null, null, null, null, null, null, null, null, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch);
}
