using System.Net;
using FitPilot.Contracts.Common;
using FitPilot.Contracts.Exercises;
using FitPilot.Web.Components;

namespace FitPilot.Web.Tests.Exercises;

public sealed class VideoPreviewTests : BunitContext
{
    [Fact]
    public void An_embeddable_video_is_a_sandboxed_player_and_any_other_link_opens_safely()
    {
        var player = Render<VideoPreview>(ps => ps.Add(p => p.Url, "https://youtu.be/dQw4w9WgXcQ").Add(p => p.EmbedUrl, "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ").Add(p => p.Title, "Squat"));
        var iframe = player.Find("iframe");
        Assert.Equal("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ", iframe.GetAttribute("src"));
        Assert.NotNull(iframe.GetAttribute("sandbox"));
        Assert.Equal("Video: Squat", iframe.GetAttribute("title"));

        var link = Render<VideoPreview>(ps => ps.Add(p => p.Url, "https://example.com/squat.mp4"));
        Assert.Empty(link.FindAll("iframe"));
        Assert.Equal("noopener noreferrer", link.Find("a").GetAttribute("rel"));
    }
}

/// <summary>The exercise library page and the editor of a PT's own exercises.</summary>
public sealed class ExerciseLibraryTests : WebTest
{
    private static readonly ExerciseDto Own = new("own/landmine", ExerciseSources.Own, "Robin's Landmine Press", null, [], null, null, null,
        ["shoulders"], [], "barbell", null, "strength", null, null, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, []);

    [Fact]
    public void A_new_exercise_is_created_with_what_the_form_holds()
    {
        Api.On("POST", "/api/exercises", HttpStatusCode.Created, FakeApi.Json(Own));
        var saved = new List<ExerciseDto>();
        var cut = Render<ExerciseEditor>(ps => ps.Add(p => p.Exercise, ExerciseEditor.Blank).Add(p => p.OnSaved, saved.Add));
        Assert.Equal("120", cut.Find("#ex-name").GetAttribute("maxlength")); // SaveExerciseRequest.Name: [StringLength(120, MinimumLength = 2)]
        Assert.Equal(HttpsUrlAttribute.MaxLength.ToString(), cut.Find("#ex-video").GetAttribute("maxlength"));

        cut.Find("#ex-name").Change("Robin's Landmine Press");
        cut.Find("#primary-shoulders").Change(true);
        cut.Find("#ex-steps").Change("Stand tall.\nPress up and across.\n");
        cut.Find("form").Submit();

        cut.WaitForAssertion(() => Assert.Single(saved));
        var sent = Api.Sent.Single().Json;
        Assert.Equal(["shoulders"], sent.GetProperty("primaryMuscles").EnumerateArray().Select(m => m.GetString()));
        Assert.Equal(["Stand tall.", "Press up and across."], sent.GetProperty("instructions").EnumerateArray().Select(m => m.GetString()));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, sent.GetProperty("videoUrl").ValueKind);
    }

    [Fact]
    public void Editing_an_own_exercise_saves_it_under_its_escaped_id()
    {
        Api.On("PUT", "/api/exercises/own%2Flandmine", HttpStatusCode.OK, FakeApi.Json(Own with { Name = "Landmine Press" }));
        var saved = new List<ExerciseDto>();
        var cut = Render<ExerciseEditor>(ps => ps.Add(p => p.Exercise, Own).Add(p => p.OnSaved, saved.Add));
        Assert.Equal("Edit Robin's Landmine Press", cut.Find("h2").TextContent);

        cut.Find("#ex-name").Change("Landmine Press");
        cut.Find("form").Submit();

        cut.WaitForAssertion(() => Assert.Equal("Landmine Press", Assert.Single(saved).Name));
        Assert.Equal(["PUT /api/exercises/own%2Flandmine"], Api.Requests);
    }

    [Fact]
    public void Filters_narrow_the_library_and_show_more_continues_the_same_search()
    {
        Api.On("GET", "/api/exercises?limit=50", HttpStatusCode.OK, FakeApi.Json(new Page<ExerciseDto>([Own], null)))
            .On("GET", "/api/exercises?limit=50&muscle=chest", HttpStatusCode.OK, FakeApi.Json(new Page<ExerciseDto>([Own with { Id = "a", Name = "Push-up" }], "next")))
            .On("GET", "/api/exercises?limit=50&muscle=chest&cursor=next", HttpStatusCode.OK, FakeApi.Json(new Page<ExerciseDto>([Own with { Id = "b", Name = "Dips" }], null)));
        var cut = Render<FitPilot.Web.Pages.Trainer.Exercises>();
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=exercise-row]")));
        Assert.Contains("Mine", cut.Markup);

        cut.Find("#muscle").Change("chest");
        cut.WaitForAssertion(() => Assert.Contains("Push-up", cut.Find("[data-testid=exercise-row]").TextContent));
        cut.FindAll("button").Single(b => b.TextContent == "Show more").Click();

        cut.WaitForAssertion(() => Assert.Equal(["Push-up", "Dips"], cut.FindAll("[data-testid=exercise-row] strong").Select(s => s.TextContent)));
        Assert.Equal(["GET /api/exercises?limit=50", "GET /api/exercises?limit=50&muscle=chest", "GET /api/exercises?limit=50&muscle=chest&cursor=next"], Api.Requests);
    }

    [Fact]
    public void Library_rows_show_the_start_and_end_pictures_lazily_and_a_PTs_own_a_neutral_tile()
    {
        var squat = Own with { Id = "Barbell_Squat", Source = ExerciseSources.Library, Name = "Barbell Squat", Images = ["/media/exercises/Barbell_Squat/0.webp", "/media/exercises/Barbell_Squat/1.webp"] };
        Api.On("GET", "/api/exercises?limit=50", HttpStatusCode.OK, FakeApi.Json(new Page<ExerciseDto>([squat, Own], null)));
        var cut = Render<FitPilot.Web.Pages.Trainer.Exercises>();
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=exercise-row]").Count));

        var pictures = cut.FindAll("[data-testid=exercise-row]")[0].QuerySelectorAll("img");
        Assert.Equal(squat.Images, pictures.Select(i => i.GetAttribute("src")));
        Assert.All(pictures, img => Assert.Equal(("lazy", "48", "32", ""), (img.GetAttribute("loading"), img.GetAttribute("width"), img.GetAttribute("height"), img.GetAttribute("alt"))));
        Assert.NotNull(cut.FindAll("[data-testid=exercise-row]")[1].QuerySelector(".picture-placeholder"));
    }
}
