using FitPilot.Contracts.Programs;
using FitPilot.Contracts.Training;
using FitPilot.Functions.Programs;
using FitPilot.Functions.Training;

namespace FitPilot.Tests.Training;

/// <summary>Personal bests, the stat row's recent sets, today's plan and adherence, as plain functions.</summary>
public sealed class TrainingRulesTests
{
    private static readonly DateOnly Monday = new(2026, 11, 23);

    private static SetLogEntity Set(double kg, int reps, DateOnly date, string? id = null, string entry = "e1", int number = 1) => new()
    {
        PartitionKey = "client", RowKey = TrainingRows.Log + (id ?? Guid.NewGuid().ToString("N")), ProgramId = "p", ProgramExerciseId = entry,
        ExerciseId = "Barbell_Squat", ExerciseName = "Barbell Squat", SetNumber = number, WeightKg = kg, Reps = reps,
        PerformedAt = new DateTimeOffset(date.ToDateTime(new TimeOnly(7, 0)), TimeSpan.Zero).AddMinutes(number), WorkoutDate = TrainingDates.Iso(date),
    };

    private static ExerciseStatEntity Stat(params SetLogEntity[] sets) => ExerciseStats.Rebuild("client", "Barbell_Squat", sets);

    [Theory]
    [InlineData(100, 1, 100)]
    [InlineData(100, 5, 116.7)]
    [InlineData(60, 10, 80)]
    [InlineData(80, 0, 0)]
    public void Epley_estimates_the_one_rep_max_and_a_single_is_its_own(double kg, int reps, double expected) =>
        Assert.Equal(expected, OneRepMax.Epley(kg, reps));

    [Fact]
    public void The_first_set_of_an_exercise_is_the_baseline_not_a_best()
    {
        var empty = new ExerciseStatEntity { PartitionKey = "client", RowKey = TrainingRows.Stat + "Barbell_Squat" };
        Assert.Empty(PersonalBests.Beaten(empty, hasHistory: false, Set(100, 5, Monday)));
    }

    [Fact]
    public void Heavier_stronger_and_more_reps_at_a_weight_are_each_a_best()
    {
        var stat = Stat(Set(100, 5, Monday), Set(90, 8, Monday, number: 2));
        Assert.Equal([PersonalBestKinds.HeaviestWeight, PersonalBestKinds.BestEstimatedOneRepMax],
            PersonalBests.Beaten(stat, true, Set(110, 3, Monday.AddDays(7))).Select(b => b.Kind));
        // Heavier, but 102.5 × 3 (Epley 112.8) is not stronger than 100 × 5 (116.7).
        Assert.Equal([PersonalBestKinds.HeaviestWeight], PersonalBests.Beaten(stat, true, Set(102.5, 3, Monday.AddDays(7))).Select(b => b.Kind));
        // 90 × 9: more reps at 90 kg than ever, and a better Epley (117) than 100 × 5 (116.7).
        Assert.Equal([PersonalBestKinds.BestEstimatedOneRepMax, PersonalBestKinds.MostRepsAtWeight],
            PersonalBests.Beaten(stat, true, Set(90, 9, Monday.AddDays(7))).Select(b => b.Kind));
        Assert.Empty(PersonalBests.Beaten(stat, true, Set(90, 8, Monday.AddDays(7))));
        Assert.Empty(PersonalBests.Beaten(stat, true, Set(120, 0, Monday.AddDays(7)))); // a failed rep is not a best
        Assert.Contains("heaviest ever at 102.5 kg × 3", PersonalBests.Beaten(stat, true, Set(102.5, 3, Monday.AddDays(7)))[0].Title);
    }

    [Fact]
    public void The_stat_row_keeps_the_two_latest_days_and_today_and_last_time_come_from_them()
    {
        var stat = Stat(Set(90, 5, Monday.AddDays(-7), number: 1), Set(95, 5, Monday, number: 1), Set(97.5, 5, Monday, number: 2), Set(80, 5, Monday.AddDays(-14)));
        Assert.Equal(TrainingDates.Iso(Monday), stat.LatestDate);
        Assert.Equal(TrainingDates.Iso(Monday.AddDays(-7)), stat.PreviousDate);
        var (today, last) = ExerciseStats.Around(stat, Monday);
        Assert.Equal([95.0, 97.5], today.Select(s => s.WeightKg));
        Assert.Equal([90.0], last.Select(s => s.WeightKg));
        // A day after the latest: nothing yet today, last time is the latest.
        var (next, before) = ExerciseStats.Around(stat, Monday.AddDays(7));
        Assert.Empty(next);
        Assert.Equal([95.0, 97.5], before.Select(s => s.WeightKg));
        // Asking for the earlier day (a device behind): its own sets, nothing older kept.
        Assert.Equal([90.0], ExerciseStats.Around(stat, Monday.AddDays(-7)).Today.Select(s => s.WeightKg));
        Assert.Equal((97.5, 113.8), (stat.BestWeightKg, stat.BestE1rmKg)); // the bests of all four days, not only the two kept
    }

    [Fact]
    public void A_days_sets_give_way_oldest_first_when_their_json_would_not_fit_a_property()
    {
        var notes = new string('\n', 250) + new string('慢', 250); // line breaks take two characters each in JSON
        var sets = Enumerable.Range(1, 40).Select(i =>
        {
            var set = Set(50 + i, 5, Monday, number: i);
            set.Notes = notes;
            return set;
        }).ToArray();
        var stat = Stat(sets);
        Assert.True(stat.LatestSetsJson.Length <= ExerciseStatEntity.MaxSetsJsonChars);
        var kept = stat.LatestSets();
        Assert.InRange(kept.Count, 20, 39);
        Assert.Equal(90, kept[^1].WeightKg); // the newest is always kept
    }

    [Fact]
    public void The_stat_row_counts_each_workout_day_once_whatever_order_the_sets_arrive_in()
    {
        // An offline replay and a back-filled session: days arrive out of order, some twice.
        var stat = Stat(Set(100, 5, Monday), Set(90, 5, Monday.AddDays(-14)), Set(100, 5, Monday, number: 2), Set(95, 5, Monday.AddDays(-7)), Set(80, 5, Monday.AddDays(-400)));
        Assert.Equal(4, stat.Days().Count);
        Assert.Equal(TrainingDates.Iso(Monday.AddDays(-400)), stat.LoggedFrom);
        Assert.True(stat.LoggedDays!.Length < 100, stat.LoggedDays); // 401 days of bitmap in 68 characters

        var again = WorkoutDays.Read(stat.LoggedFrom, stat.LoggedDays);
        Assert.False(again.Add(Monday.AddDays(-7)));
        Assert.True(again.Add(Monday.AddDays(1)));
        Assert.Equal(5, again.Count);
    }

    [Fact]
    public void A_stat_row_from_before_days_were_counted_is_left_for_a_rebuild_not_guessed()
    {
        var old = Stat(Set(100, 5, Monday.AddDays(-7)));
        (old.LoggedFrom, old.LoggedDays) = (null, null); // as rows written before the count
        Assert.False(old.CountsDays);
        ExerciseStats.Record(old, Set(102.5, 5, Monday));
        Assert.Null(old.LoggedDays);
        Assert.Equal(TrainingDates.Iso(Monday), old.LatestDate); // everything else still recorded
    }

    [Fact]
    public void History_has_per_workout_day_the_best_e1rm_the_volume_and_the_number_of_sets()
    {
        var sets = new[] { Set(100, 5, Monday, number: 1), Set(90, 8, Monday, number: 2), Set(80, 5, Monday.AddDays(-7)) }.Select(s => s.ToDto());
        var history = ExerciseHistories.Of("Barbell_Squat", null, sets);
        Assert.Equal("Barbell Squat", history.ExerciseName);
        Assert.Equal([
            new HistoryPoint(Monday.AddDays(-7), 93.3, 400, 1),
            new HistoryPoint(Monday, 116.7, 1220, 2), // 100 × 5 + 90 × 8; Epley 116.7 beats 114
        ], history.EstimatedOneRepMax);
        Assert.Equal("Back Squat", ExerciseHistories.Of("Barbell_Squat", "Back Squat", []).ExerciseName);
        Assert.Equal("Barbell_Squat", ExerciseHistories.Of("Barbell_Squat", null, []).ExerciseName);
    }

    private static ProgramEntity Program(string status = ProgramStatuses.Active, DateOnly? start = null, DateOnly? end = null)
    {
        var p = new ProgramEntity { PartitionKey = "client", RowKey = "prog|p", Id = "p", Name = "Block", Status = status, StartDate = ProgramEntity.FromDate(start), EndDate = ProgramEntity.FromDate(end) };
        p.SetDays([
            new StoredProgramDay(1, "Lower", [new StoredProgramEntry("e1", "Barbell_Squat", "Barbell Squat", 3, 5, null, null, 80, 120, 0, null, null, null, 2, null)]),
            new StoredProgramDay(4, "Pull", [new StoredProgramEntry("e2", "Barbell_Deadlift", "Barbell Deadlift", 2, 5, null, 140, null, 180, 0, null, null, null, null, null)]),
        ]);
        return p;
    }

    [Fact]
    public void Today_is_the_grid_day_of_the_program_that_runs_with_targets_from_the_best_e1rm()
    {
        var stats = new Dictionary<string, ExerciseStatEntity> { ["Barbell_Squat"] = Stat(Set(100, 5, Monday.AddDays(-7))) };
        var monday = TodayPlan.For([Program(start: Monday.AddDays(-7))], stats, Monday);
        Assert.Equal(("active", "Lower"), (monday.Status, monday.DayTitle));
        // 80 % of 116.7 kg = 93.3, to a 2.5 kg step: 92.5.
        Assert.Equal(92.5, monday.Exercises.Single().TargetWeightKg);
        Assert.Equal([100.0], monday.Exercises.Single().LastTime.Select(s => s.WeightKg));
        Assert.Equal("rest", TodayPlan.For([Program()], stats, Monday.AddDays(1)).Status);
        Assert.Equal("paused", TodayPlan.For([Program(ProgramStatuses.Paused)], stats, Monday).Status);
        Assert.Equal("none", TodayPlan.For([Program(start: Monday.AddDays(1))], stats, Monday).Status);
        Assert.Equal("none", TodayPlan.For([], stats, Monday).Status);
    }

    [Fact]
    public void Adherence_counts_prescribed_days_of_the_last_week_that_have_a_logged_set()
    {
        var sunday = Monday.AddDays(6);
        var program = Program(start: Monday.AddDays(-14));
        var none = AdherenceRule.Compute([program], new HashSet<DateOnly>(), sunday);
        Assert.Equal((Monday, sunday, 2, 0, (double?)0), (none.From, none.To, none.PrescribedSessions, none.CompletedSessions, none.Percent));
        var half = AdherenceRule.Compute([program], new HashSet<DateOnly> { Monday, Monday.AddDays(1) }, sunday);
        Assert.Equal((2, 1, (double?)50), (half.PrescribedSessions, half.CompletedSessions, half.Percent));
        // Paused days prescribe nothing; no prescription means no percentage.
        var paused = AdherenceRule.Compute([Program(ProgramStatuses.Paused)], new HashSet<DateOnly> { Monday }, sunday);
        Assert.Equal((0, 0, (double?)null), (paused.PrescribedSessions, paused.CompletedSessions, paused.Percent));
    }
}
