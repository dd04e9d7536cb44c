using FitPilot.Contracts.Training;
using FitPilot.Functions.Achievements;

namespace FitPilot.Tests.Unit;

public sealed class AchievementRulesTests
{
    private static Adherence Week(int prescribed, int completed) =>
        new(new DateOnly(2026, 3, 2), new DateOnly(2026, 3, 8), prescribed, completed, prescribed == 0 ? null : 100.0 * completed / prescribed);

    [Fact]
    public void Workout_counts_earn_the_first_then_10_50_and_100()
    {
        Assert.Empty(AchievementRules.ForWorkouts(0));
        Assert.Equal(["workouts-1"], AchievementRules.ForWorkouts(1).Select(e => e.Key));
        Assert.Equal("First workout", AchievementRules.ForWorkouts(9).Single().Title);
        Assert.Equal(["workouts-1", "workouts-10"], AchievementRules.ForWorkouts(10).Select(e => e.Key));
        Assert.Equal(["workouts-1", "workouts-10", "workouts-50", "workouts-100"], AchievementRules.ForWorkouts(250).Select(e => e.Key));
    }

    [Fact]
    public void A_workout_streak_counts_complete_weeks_the_current_one_only_once_done_and_skips_empty_weeks()
    {
        // Current week in progress (2 of 3), then 2 complete weeks, a rest week, one more complete, then a missed one.
        Assert.Equal(3, AchievementRules.WorkoutStreak([Week(3, 2), Week(3, 3), Week(3, 3), Week(0, 0), Week(2, 2), Week(3, 1), Week(3, 3)]));
        Assert.Equal(2, AchievementRules.WorkoutStreak([Week(3, 3), Week(3, 3), Week(3, 2)]));
        Assert.Equal(0, AchievementRules.WorkoutStreak([Week(3, 3) with { CompletedSessions = 0 }, Week(3, 2)]));
        Assert.Equal(["workout-streak-2", "workout-streak-4"], AchievementRules.ForWorkoutStreak(7).Select(e => e.Key));
        Assert.Empty(AchievementRules.ForWorkoutStreak(1));
    }

    [Fact]
    public void Habit_streaks_of_7_and_30_days_are_per_habit_and_weekly_habits_earn_none()
    {
        Assert.Empty(AchievementRules.ForHabitStreak("h1", "Walk", 6, "days"));
        Assert.Equal(["habit-streak-7|h1"], AchievementRules.ForHabitStreak("h1", "Walk", 7, "days").Select(e => e.Key));
        Assert.Equal(["habit-streak-7|h1", "habit-streak-30|h1"], AchievementRules.ForHabitStreak("h1", "Walk", 31, "days").Select(e => e.Key));
        Assert.Empty(AchievementRules.ForHabitStreak("h1", "Walk", 40, "weeks"));
    }

    [Fact]
    public void Weight_milestones_are_each_5_kg_lost_or_gained_from_the_starting_weight()
    {
        Assert.Empty(AchievementRules.ForWeight(90, 85.1));
        Assert.Equal(["weight-lost-5"], AchievementRules.ForWeight(90, 85).Select(e => e.Key));
        Assert.Equal(["weight-lost-5", "weight-lost-10"], AchievementRules.ForWeight(90, 79.5).Select(e => e.Key));
        Assert.Equal(["weight-gained-5"], AchievementRules.ForWeight(60, 66).Select(e => e.Key));
        Assert.Equal(10, AchievementRules.ForWeight(200, 100).Count());
    }
}
