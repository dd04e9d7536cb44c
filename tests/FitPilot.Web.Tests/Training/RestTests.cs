using FitPilot.Contracts.Programs;
using FitPilot.Contracts.Training;
using FitPilot.Web.Training;

namespace FitPilot.Web.Tests.Training;

/// <summary>When the rest starts, and the timer that carries on across pages and reloads.</summary>
public sealed class RestTests : WebTest
{
    private static TodayExercise Exercise(string id, int sets, int? rest, string? group = null) =>
        new(new ProgramExercise { Id = id, ExerciseId = id, ExerciseName = id, Sets = sets, Reps = 5, RestSeconds = rest, SupersetGroup = group }, [], [], null);

    [Fact]
    public void A_straight_exercise_rests_after_every_set_with_its_own_rest_or_ninety_seconds()
    {
        var squat = Exercise("squat", 3, 150);
        Assert.Equal(new AfterSet(150, null), RestRule.After([(squat, 1)], squat));
        Assert.Equal(new AfterSet(150, null), RestRule.After([(squat, 3)], squat)); // also before the next exercise
        var curl = Exercise("curl", 3, null);
        Assert.Equal(90, RestRule.After([(curl, 1)], curl).RestSeconds);
    }

    [Fact]
    public void A_superset_rests_once_per_round_with_the_longest_rest_of_the_group()
    {
        var a = Exercise("a", 3, 60, "A");
        var b = Exercise("b", 3, 120, "A");
        var c = Exercise("c", 3, null, "A");
        Assert.Equal(new AfterSet(null, b), RestRule.After([(a, 1), (b, 0), (c, 0)], a));
        Assert.Equal(new AfterSet(null, c), RestRule.After([(a, 1), (b, 1), (c, 0)], b));
        Assert.Equal(new AfterSet(120, null), RestRule.After([(a, 1), (b, 1), (c, 1)], c));
        // Out of order (b first): a is still due in this round.
        Assert.Equal(new AfterSet(null, a), RestRule.After([(a, 0), (b, 1), (c, 1)], c));
        // a has fewer sets: once it is done, the round no longer waits for it.
        var shortA = Exercise("a", 1, 60, "A");
        Assert.Equal(new AfterSet(null, c), RestRule.After([(shortA, 1), (b, 2), (c, 1)], b));
        Assert.Equal(120, RestRule.After([(shortA, 1), (b, 2), (c, 2)], c).RestSeconds);
    }

    [Fact]
    public async Task The_rest_counts_down_by_the_clock_adjusts_by_15_seconds_and_ends_with_sound_and_vibration()
    {
        var rest = Get<RestTimer>();
        await rest.StartAsync(90, "After Barbell Squat, set 1");
        Assert.Equal((true, 90), (rest.Running, rest.Remaining));
        Clock.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(60, rest.Remaining);
        await rest.AdjustAsync(RestTimer.AdjustSeconds);
        Assert.Equal(75, rest.Remaining);
        await rest.AdjustAsync(-RestTimer.AdjustSeconds);
        await rest.AdjustAsync(-RestTimer.AdjustSeconds);
        Assert.Equal(45, rest.Remaining);

        Clock.Advance(TimeSpan.FromSeconds(45));
        await rest.TickAsync();
        Assert.False(rest.Running);
        Assert.True(rest.JustEnded);
        Assert.Equal(true, JSInterop.VerifyInvoke("fitpilot.restDone").Arguments.Single());
        Assert.False(Storage.Items.ContainsKey("fitpilot:rest"));
    }

    [Fact]
    public async Task A_running_rest_survives_a_reload_and_the_sound_choice_is_kept()
    {
        var before = Get<RestTimer>();
        await before.SetSoundAsync(false);
        await before.StartAsync(120, "After Bench Press, set 2");
        Clock.Advance(TimeSpan.FromSeconds(20));

        // A reload: a new app on the same device storage.
        using var reloaded = new ReloadedApp(Storage, Clock);
        var after = reloaded.Rest;
        await after.RestoreAsync();
        Assert.Equal((true, 100, "After Bench Press, set 2", false), (after.Running, after.Remaining, after.Label, after.SoundOn));

        // A rest that ended while the app was closed does not come back.
        Clock.Advance(TimeSpan.FromMinutes(5));
        using var later = new ReloadedApp(Storage, Clock);
        await later.Rest.RestoreAsync();
        Assert.False(later.Rest.Running);
    }

    [Fact]
    public void The_bar_shows_the_time_left_and_its_buttons_change_it()
    {
        var rest = Get<RestTimer>();
        var cut = Render<RestTimerBar>();
        Assert.Empty(cut.FindAll("[data-testid=rest-timer]"));
        cut.InvokeAsync(() => rest.StartAsync(75, "After Pullups, set 1"));
        cut.WaitForAssertion(() => Assert.Contains("1:15", cut.Find("[data-testid=rest-timer]").TextContent));
        cut.Find("[data-testid=rest-more]").Click();
        cut.WaitForAssertion(() => Assert.Contains("1:30", cut.Find(".rest-time").TextContent));
        cut.Find("button[aria-label='Sound at the end of rest']").Click();
        Assert.False(rest.SoundOn);
        cut.FindAll("button").Single(b => b.TextContent == "Skip").Click();
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=rest-timer]")));
    }

    /// <summary>The app started again on the same device (same storage and clock).</summary>
    private sealed class ReloadedApp(FakeLocalStorage storage, ManualClock clock) : WebTest(storage, clock)
    {
        public RestTimer Rest => Get<RestTimer>();
    }
}
