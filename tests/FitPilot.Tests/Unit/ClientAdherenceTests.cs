using FitPilot.Contracts.Dashboard;
using FitPilot.Contracts.Training;
using FitPilot.Functions.ClientSummaries;
using FitPilot.Functions.Training;

namespace FitPilot.Tests.Unit;

/// <summary>The dashboard's adherence figures (7 and 30 days), the at-risk rule, and the summary counters' idempotency.</summary>
public sealed class ClientAdherenceTests
{
    // A Wednesday.
    private static readonly DateOnly Today = new(2026, 3, 11);

    /// <summary>A program training every day (all seven grid days), started long ago.</summary>
    private static ScheduledProgram EveryDay(string status = "active") => new(status, Today.AddDays(-100), null, 0, 0b111_1111, DateTimeOffset.UnixEpoch);

    private static WorkoutSummary Workout(DateOnly date, string programId = "p1", params string[] bests) =>
        new("c1", date, programId, "Block", null, 1, 3, 100, 30, bests, 7, null, DateTimeOffset.UnixEpoch);

    /// <summary>Workouts done on every day of the last 30 except the days given (days ago).</summary>
    private static ClientSummaryState Trained(params int[] missedDaysAgo)
    {
        var s = new ClientSummaryState();
        ClientSummaryRules.Program(s, "p1", EveryDay());
        for (var ago = 0; ago < 30; ago++)
            if (!missedDaysAgo.Contains(ago)) ClientSummaryRules.WorkoutFinished(s, Workout(Today.AddDays(-ago)));
        return s;
    }

    [Fact]
    public void Workouts_count_prescribed_days_with_a_finished_workout_over_7_and_30_days()
    {
        var f = ClientAdherence.Of(Trained(missedDaysAgo: [0, 1, 2, 3]), Today);
        Assert.Equal((42.9, 86.7), (f.Workouts.Week, f.Workouts.Month));
    }

    [Fact]
    public void A_drop_of_20_points_or_more_flags_the_metric_and_says_which()
    {
        // 3 of 7 this week (42.9 %), 26 of 30 this month (86.7 %): 43.8 points below.
        var f = ClientAdherence.Of(Trained(missedDaysAgo: [0, 1, 2, 3]), Today);
        var risk = Assert.Single(f.Risks);
        Assert.Equal(ComplianceMetrics.Workouts, risk.Metric);
        Assert.Equal("Workouts 43 % this week vs 87 % this month", risk.Text);
    }

    [Fact]
    public void Exactly_20_points_below_is_at_risk_and_19_9_is_not()
    {
        Assert.NotNull(ClientAdherence.Risk(ComplianceMetrics.Habits, "Habits", new AdherencePair(60, 80)));
        Assert.Null(ClientAdherence.Risk(ComplianceMetrics.Habits, "Habits", new AdherencePair(60.1, 80)));
        // Better this week than this month: no flag.
        Assert.Null(ClientAdherence.Risk(ComplianceMetrics.Habits, "Habits", new AdherencePair(100, 50)));
    }

    [Fact]
    public void No_data_no_figure_and_no_flag()
    {
        var f = ClientAdherence.Of(new ClientSummaryState(), Today);
        Assert.Equal((null, null), (f.Workouts.Week, f.Workouts.Month));
        Assert.Equal((null, null), (f.Habits.Week, f.CheckIns.Month));
        Assert.Empty(f.Risks);
        // A paused program prescribes nothing: no figure, even with no workout done.
        var paused = new ClientSummaryState();
        ClientSummaryRules.Program(paused, "p1", EveryDay("paused"));
        Assert.Null(ClientAdherence.Of(paused, Today).Workouts.Week);
    }

    [Fact]
    public void Only_the_grid_days_with_exercises_are_prescribed_and_the_latest_started_program_wins()
    {
        var s = new ClientSummaryState();
        // Mondays and Thursdays (grid days 1 and 4), no shift.
        ClientSummaryRules.Program(s, "p1", new ScheduledProgram("active", Today.AddDays(-60), null, 0, 1 << 1 | 1 << 4, DateTimeOffset.UnixEpoch));
        Assert.True(ClientSummaryRules.Prescribed(s.Programs.Values, new DateOnly(2026, 3, 9)));   // Monday
        Assert.False(ClientSummaryRules.Prescribed(s.Programs.Values, new DateOnly(2026, 3, 10))); // Tuesday
        // A newer program covering today with no sessions replaces it from its start.
        ClientSummaryRules.Program(s, "p2", new ScheduledProgram("active", Today.AddDays(-2), null, 0, 0, DateTimeOffset.UnixEpoch.AddDays(1)));
        Assert.False(ClientSummaryRules.Prescribed(s.Programs.Values, new DateOnly(2026, 3, 9)));
        ClientSummaryRules.Program(s, "p2", null);
        Assert.True(ClientSummaryRules.Prescribed(s.Programs.Values, new DateOnly(2026, 3, 9)));
    }

    [Fact]
    public void Habits_count_the_days_due_daily_or_n_times_a_week_and_ticks_beyond_the_target_do_not_make_up()
    {
        var s = new ClientSummaryState();
        ClientSummaryRules.Habit(s, "walk", new HabitTarget(null, Today.AddDays(-6), null));
        ClientSummaryRules.Habit(s, "gym", new HabitTarget(2, Today.AddDays(-6), null));
        foreach (var ago in new[] { 0, 1, 2 }) ClientSummaryRules.HabitTicked(s, "walk", Today.AddDays(-ago), true);
        foreach (var ago in new[] { 0, 1, 2, 3, 4 }) ClientSummaryRules.HabitTicked(s, "gym", Today.AddDays(-ago), true);
        // walk 3 of 7, gym 2 of 2 (five ticks capped at two): 5 of 9.
        Assert.Equal(55.6, ClientAdherence.Habits(s, Today, 7));
        // An untick takes the day back.
        ClientSummaryRules.HabitTicked(s, "walk", Today, false);
        Assert.Equal(44.4, ClientAdherence.Habits(s, Today, 7));
    }

    [Fact]
    public void Check_ins_count_submitted_over_due_and_today_waits_until_the_day_is_over()
    {
        var s = new ClientSummaryState();
        ClientSummaryRules.CheckInDue(s, "a", Today.AddDays(-21));
        ClientSummaryRules.CheckInSubmitted(s, "a", Today.AddDays(-21), late: false);
        ClientSummaryRules.CheckInDue(s, "b", Today.AddDays(-14));
        ClientSummaryRules.CheckInSubmitted(s, "b", Today.AddDays(-14), late: true);
        ClientSummaryRules.CheckInDue(s, "c", Today.AddDays(-7));
        ClientSummaryRules.CheckInDue(s, "d", Today);
        Assert.Equal(66.7, ClientAdherence.CheckIns(s, Today, 30));
        Assert.Null(ClientAdherence.CheckIns(s, Today, 7));
        ClientSummaryRules.CheckInSubmitted(s, "d", Today, late: false);
        Assert.Equal(100, ClientAdherence.CheckIns(s, Today, 7));
    }

    [Fact]
    public void Every_event_applied_twice_leaves_the_summary_as_it_was_after_once()
    {
        var once = new ClientSummaryState();
        var twice = new ClientSummaryState();
        foreach (var (state, times) in new[] { (once, 1), (twice, 2) })
            for (var i = 0; i < times; i++)
            {
                ClientSummaryRules.Program(state, "p1", EveryDay());
                ClientSummaryRules.Habit(state, "walk", new HabitTarget(null, Today.AddDays(-3), null));
                ClientSummaryRules.WorkoutFinished(state, Workout(Today, bests: "New PB: Squat"));
                ClientSummaryRules.HabitTicked(state, "walk", Today, true);
                ClientSummaryRules.CheckInDue(state, "ci", Today.AddDays(-1));
                ClientSummaryRules.CheckInSubmitted(state, "ci", Today.AddDays(-1), late: false);
                ClientSummaryRules.Weighed(state, "m1", Today, 80.5, 84, 80.5);
                ClientSummaryRules.Achieved(state, "workouts-1", "First workout", Today);
                ClientSummaryRules.Prune(state, Today);
            }
        Assert.Equal(Functions.Storage.StoredJson.Serialize(once), Functions.Storage.StoredJson.Serialize(twice));
        Assert.Single(twice.Workouts[ClientSummaryRules.Iso(Today)]);
        Assert.Single(twice.Bests);
        Assert.Single(twice.Weights);
        // A reviewed check-in delivered before its submission is still reviewed afterwards (out of order).
        var s = new ClientSummaryState();
        ClientSummaryRules.CheckInReviewed(s, "x", Today.AddDays(-2));
        ClientSummaryRules.CheckInSubmitted(s, "x", Today.AddDays(-2), late: false);
        Assert.True(s.CheckIns["x"].Reviewed);
    }

    [Fact]
    public void Counters_older_than_35_days_are_dropped_but_a_check_in_awaiting_review_stays()
    {
        var s = new ClientSummaryState();
        ClientSummaryRules.WorkoutFinished(s, Workout(Today.AddDays(-40)));
        ClientSummaryRules.CheckInSubmitted(s, "old", Today.AddDays(-50), late: true);
        ClientSummaryRules.CheckInDue(s, "missed", Today.AddDays(-50));
        ClientSummaryRules.Prune(s, Today);
        Assert.Empty(s.Workouts);
        Assert.Equal(["old"], s.CheckIns.Keys);
    }

    [Fact]
    public void The_weight_trend_is_the_latest_weigh_in_minus_the_first_of_its_last_4_weeks()
    {
        var s = new ClientSummaryState();
        ClientSummaryRules.Weighed(s, "m0", Today.AddDays(-60), 90, 90, 90);
        ClientSummaryRules.Weighed(s, "m1", Today.AddDays(-27), 86, 90, 86);
        ClientSummaryRules.Weighed(s, "m2", Today, 84.5, 90, 84.5);
        Assert.Equal(-1.5, ClientSummaryService.FourWeekChange(s.Weights));
        Assert.Null(ClientSummaryService.FourWeekChange([new WeighIn("x", Today, 80)]));
    }
}
