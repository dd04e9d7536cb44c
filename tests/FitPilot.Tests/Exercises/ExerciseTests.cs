using System.Net;
using FitPilot.Contracts.Common;
using FitPilot.Contracts.Exercises;
using FitPilot.Tests.Infrastructure;

namespace FitPilot.Tests.Exercises;

[Collection(HostCollection.Name)]
public sealed class ExerciseTests(HostFixture host)
{
    private readonly ApiClient _api = host.NewClient();

    private static object NewExercise(string name, string? videoUrl = null) => new
    {
        name, category = "strength", primaryMuscles = new[] { "chest" }, secondaryMuscles = new[] { "triceps" },
        equipment = "dumbbell", level = "intermediate", force = "push", mechanic = "compound",
        instructions = new[] { "Lie on the bench.", "Press." }, videoUrl, description = "A press.",
    };

    [Fact]
    public async Task The_global_library_holds_all_873_free_exercise_db_exercises_in_name_order_across_pages()
    {
        var pt = await _api.RegisterTrainerAsync();
        var names = new List<string>();
        string? cursor = null;
        do
        {
            var page = await ApiClient.ReadAsync<Page<ExerciseDto>>(await _api.GetAsync("/api/exercises?source=library&limit=100" + (cursor is null ? "" : "&cursor=" + cursor), pt.Token));
            names.AddRange(page.Items.Select(e => e.Name));
            cursor = page.NextCursor;
        } while (cursor is not null);

        Assert.Equal(FitPilot.Functions.Exercises.ExerciseLibrary.ReadShippedCsv(DateTimeOffset.UtcNow).Count, names.Count);
        Assert.Equal(873, names.Count);
        Assert.Equal(names.OrderBy(n => n, StringComparer.OrdinalIgnoreCase), names);
    }

    [Fact]
    public async Task Search_and_filters_narrow_the_library()
    {
        var pt = await _api.RegisterTrainerAsync();
        var squat = await ApiClient.ReadAsync<ExerciseDto>(await _api.GetAsync("/api/exercises/Barbell_Squat", pt.Token));
        Assert.Equal(["quadriceps"], squat.PrimaryMuscles);
        Assert.Equal("barbell", squat.Equipment);
        Assert.Equal("library", squat.Source);

        var page = await ApiClient.ReadAsync<Page<ExerciseDto>>(await _api.GetAsync("/api/exercises?q=squat&equipment=barbell&muscle=quadriceps&limit=100", pt.Token));
        Assert.Equal("Barbell_Squat", page.Items[0].Id);
        Assert.All(page.Items, e =>
        {
            Assert.Equal("barbell", e.Equipment);
            Assert.Contains("quadriceps", e.PrimaryMuscles.Concat(e.SecondaryMuscles));
        });
        // Exercises named for squats first; then those whose instructions mention squatting (cleans, snatches…).
        var named = page.Items.TakeWhile(e => e.Name.Contains("squat", StringComparison.OrdinalIgnoreCase)).Count();
        Assert.True(named >= 10, $"{named} named squat first");
        Assert.All(page.Items.Skip(named), e => Assert.DoesNotContain("squat", e.Name, StringComparison.OrdinalIgnoreCase));

        var stretches = await ApiClient.ReadAsync<Page<ExerciseDto>>(await _api.GetAsync("/api/exercises?category=stretching&limit=100", pt.Token));
        Assert.Equal(100, stretches.Items.Count);
        Assert.All(stretches.Items, e => Assert.Equal("stretching", e.Category));

        await ApiClient.ProblemAsync(await _api.GetAsync("/api/exercises?equipment=spaceship", pt.Token), HttpStatusCode.BadRequest);
        await ApiClient.ProblemAsync(await _api.GetAsync("/api/exercises?limit=1000", pt.Token), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Search_finds_an_own_exercise_by_its_abbreviation_marks_it_own_and_pages_every_match_once()
    {
        var pt = await _api.RegisterTrainerAsync();
        var landmine = await ApiClient.ReadAsync<ExerciseDto>(await _api.PostAsync("/api/exercises", NewExercise("Landmine RDL"), pt.Token), HttpStatusCode.Created);

        // "rdl": the own exercise (named so) and the library's Romanian deadlifts (by synonym), the own one marked.
        var rdl = await ApiClient.ReadAsync<Page<ExerciseDto>>(await _api.GetAsync("/api/exercises?q=rdl", pt.Token));
        var mine = Assert.Single(rdl.Items, e => e.Id == landmine.Id);
        Assert.Equal("own", mine.Source);
        Assert.Equal(landmine.Id, rdl.Items[0].Id);
        Assert.Contains(rdl.Items, e => e.Id == "Romanian_Deadlift" && e.Source == "library");
        // …and by what the abbreviation stands for; source=library leaves it out.
        var romanian = await ApiClient.ReadAsync<Page<ExerciseDto>>(await _api.GetAsync("/api/exercises?q=romanian%20deadlift", pt.Token));
        Assert.Contains(romanian.Items, e => e.Id == landmine.Id);
        var libraryOnly = await ApiClient.ReadAsync<Page<ExerciseDto>>(await _api.GetAsync("/api/exercises?q=rdl&source=library", pt.Token));
        Assert.DoesNotContain(libraryOnly.Items, e => e.Id == landmine.Id);

        // One page of everything vs. pages of 4 through the cursor: the same exercises, in the same order, each once.
        var all = await ApiClient.ReadAsync<Page<ExerciseDto>>(await _api.GetAsync("/api/exercises?q=deadlift&limit=100", pt.Token));
        Assert.Null(all.NextCursor);
        Assert.True(all.Items.Count > 12, $"{all.Items.Count} deadlifts");
        Assert.Contains(all.Items, e => e.Id == landmine.Id);
        var paged = new List<ExerciseDto>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await ApiClient.ReadAsync<Page<ExerciseDto>>(await _api.GetAsync("/api/exercises?q=deadlift&limit=4" + (cursor is null ? "" : "&cursor=" + cursor), pt.Token));
            Assert.True(page.Items.Count is > 0 and <= 4);
            paged.AddRange(page.Items);
            cursor = page.NextCursor;
            pages++;
        } while (cursor is not null && pages < 100);
        Assert.Equal(all.Items.Select(e => e.Id), paged.Select(e => e.Id));
        Assert.Equal(paged.Count, paged.Select(e => e.Id).Distinct().Count());

        // A cursor belongs to its search and filters: another query, other filters or the name order refuse it.
        var first = await ApiClient.ReadAsync<Page<ExerciseDto>>(await _api.GetAsync("/api/exercises?q=deadlift&limit=4", pt.Token));
        var next = first.NextCursor!;
        Assert.Equal(paged.Skip(4).Take(4).Select(e => e.Id),
            (await ApiClient.ReadAsync<Page<ExerciseDto>>(await _api.GetAsync("/api/exercises?q=Deadlifts&limit=4&cursor=" + next, pt.Token))).Items.Select(e => e.Id));
        foreach (var other in new[] { "q=squat", "q=deadlift&equipment=barbell", "q=deadlift&source=own", "" })
        {
            var problem = await ApiClient.ProblemAsync(await _api.GetAsync($"/api/exercises?{other}&limit=4&cursor={next}", pt.Token), HttpStatusCode.BadRequest);
            Assert.True(problem.GetProperty("errors").TryGetProperty("cursor", out _), other);
        }
    }

    [Fact]
    public async Task A_PT_creates_edits_and_deletes_their_own_exercise_and_another_PT_never_sees_it()
    {
        var pt = await _api.RegisterTrainerAsync();
        var other = await _api.RegisterTrainerAsync();
        var created = await ApiClient.ReadAsync<ExerciseDto>(await _api.PostAsync("/api/exercises", NewExercise("Zebra Press", "https://youtu.be/dQw4w9WgXcQ"), pt.Token), HttpStatusCode.Created);
        Assert.Equal("own", created.Source);
        Assert.Equal("youtube", created.VideoProvider);
        Assert.Equal("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ", created.VideoEmbedUrl);

        var found = await ApiClient.ReadAsync<Page<ExerciseDto>>(await _api.GetAsync("/api/exercises?q=zebra%20press", pt.Token));
        Assert.Equal(created.Id, Assert.Single(found.Items).Id);

        // Another PT: not in their list, 404 on read, edit and delete.
        Assert.Empty((await ApiClient.ReadAsync<Page<ExerciseDto>>(await _api.GetAsync("/api/exercises?q=zebra%20press", other.Token))).Items);
        await ApiClient.ProblemAsync(await _api.GetAsync($"/api/exercises/{created.Id}", other.Token), HttpStatusCode.NotFound);
        await ApiClient.ProblemAsync(await _api.PutAsync($"/api/exercises/{created.Id}", NewExercise("Hijack"), other.Token), HttpStatusCode.NotFound);
        await ApiClient.ProblemAsync(await _api.DeleteAsync($"/api/exercises/{created.Id}", other.Token), HttpStatusCode.NotFound);

        var edited = await ApiClient.ReadAsync<ExerciseDto>(await _api.PutAsync($"/api/exercises/{created.Id}", NewExercise("Zebra Press Deluxe", "https://vimeo.com/76979871"), pt.Token));
        Assert.Equal("Zebra Press Deluxe", edited.Name);
        Assert.Equal("https://player.vimeo.com/video/76979871", edited.VideoEmbedUrl);

        Assert.Equal(HttpStatusCode.NoContent, (await _api.DeleteAsync($"/api/exercises/{created.Id}", pt.Token)).StatusCode);
        await ApiClient.ProblemAsync(await _api.GetAsync($"/api/exercises/{created.Id}", pt.Token), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_client_can_read_their_PTs_exercises_but_not_another_PTs()
    {
        var pt = await _api.RegisterTrainerAsync();
        var other = await _api.RegisterTrainerAsync();
        var client = await _api.OnboardClientAsync(pt, host.Mailbox);
        var mine = await ApiClient.ReadAsync<ExerciseDto>(await _api.PostAsync("/api/exercises", NewExercise("Coach Special"), pt.Token), HttpStatusCode.Created);
        var theirs = await ApiClient.ReadAsync<ExerciseDto>(await _api.PostAsync("/api/exercises", NewExercise("Rival Special"), other.Token), HttpStatusCode.Created);

        Assert.Equal(HttpStatusCode.OK, (await _api.GetAsync($"/api/exercises/{mine.Id}", client.Token)).StatusCode);
        await ApiClient.ProblemAsync(await _api.GetAsync($"/api/exercises/{theirs.Id}", client.Token), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Library_exercises_cannot_be_changed_and_video_links_must_be_https()
    {
        var pt = await _api.RegisterTrainerAsync();
        await ApiClient.ProblemAsync(await _api.PutAsync("/api/exercises/Barbell_Squat", NewExercise("Mine now"), pt.Token), HttpStatusCode.Forbidden);
        await ApiClient.ProblemAsync(await _api.DeleteAsync("/api/exercises/Barbell_Squat", pt.Token), HttpStatusCode.Forbidden);

        foreach (var url in new[] { "http://youtube.com/watch?v=dQw4w9WgXcQ", "javascript:alert(1)", "ftp://example.com/x.mp4", "not a url" })
        {
            var problem = await ApiClient.ProblemAsync(await _api.PostAsync("/api/exercises", NewExercise("Bad video", url), pt.Token), HttpStatusCode.BadRequest);
            Assert.True(problem.GetProperty("errors").TryGetProperty("videoUrl", out _), url);
        }
        var badMuscle = await ApiClient.ProblemAsync(await _api.PostAsync("/api/exercises", new { name = "Odd", category = "strength", primaryMuscles = new[] { "wings" } }, pt.Token), HttpStatusCode.BadRequest);
        Assert.True(badMuscle.GetProperty("errors").TryGetProperty("primaryMuscles", out _));
    }

    [Fact]
    public async Task Editing_with_a_stale_ETag_is_refused_and_keeps_the_newer_edit()
    {
        var pt = await _api.RegisterTrainerAsync();
        var created = await _api.PostAsync("/api/exercises", NewExercise("Versioned"), pt.Token);
        var dto = await ApiClient.ReadAsync<ExerciseDto>(created, HttpStatusCode.Created);
        var etag = created.Headers.ETag!;

        async Task<HttpResponseMessage> PutWith(string name)
        {
            var request = new HttpRequestMessage(HttpMethod.Put, $"/api/exercises/{dto.Id}") { Content = System.Net.Http.Json.JsonContent.Create(NewExercise(name)) };
            request.Headers.Authorization = new("Bearer", pt.Token);
            request.Headers.IfMatch.Add(etag);
            return await _api.Http.SendAsync(request);
        }
        Assert.Equal(HttpStatusCode.OK, (await PutWith("Tab one")).StatusCode);
        await ApiClient.ProblemAsync(await PutWith("Tab two"), HttpStatusCode.Conflict);
        Assert.Equal("Tab one", (await ApiClient.ReadAsync<ExerciseDto>(await _api.GetAsync($"/api/exercises/{dto.Id}", pt.Token))).Name);
    }
}
