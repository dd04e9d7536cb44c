using FitPilot.Contracts.Engagement;
using FitPilot.Contracts.Training;

namespace FitPilot.Functions.Achievements;

/// <summary>An achievement a client has earned, under a key that is the same every time it is earned again (so it is stored once).</summary>
public sealed record Earned(string Key, string Type, string Title, string? Description);

/// <summary>
/// Which achievements a client's numbers earn. Every rule answers all the achievements reached so far (not only the
/// newest): granting is insert-if-absent by <see cref="Earned.Key"/>, so a replayed or late event grants nothing twice
/// and a missed one is caught up by the next.
/// </summary>
public static class AchievementRules
{
    public static readonly int[] WorkoutCounts = [1, 10, 50, 100];
    public static readonly int[] WorkoutStreakWeeks = [2, 4, 8];
    public static readonly int[] HabitStreakDays = [7, 30];
    public const double WeightStepKg = 5;
    public const int MaxWeightSteps = 10;

    /// <summary>First workout, then 10, 50 and 100 finished workouts.</summary>
    public static IEnumerable<Earned> ForWorkouts(int finished) =>
        WorkoutCounts.Where(n => finished >= n).Select(n => n == 1
            ? new Earned("workouts-1", AchievementTypes.Milestone, "First workout", "You finished your first workout.")
            : new Earned($"workouts-{n}", AchievementTypes.Milestone, $"{n} workouts", $"You have finished {n} workouts."));

    /// <summary>
    /// Weeks in a row with every prescribed session done, from ISO weeks' adherence newest first (the first is the
    /// current week). The current week counts once complete and does not break the run while it is not; a week
    /// with nothing prescribed (a pause, a rest week) neither counts nor breaks it.
    /// </summary>
    public static int WorkoutStreak(IReadOnlyList<Adherence> weeksNewestFirst)
    {
        var streak = 0;
        for (var i = 0; i < weeksNewestFirst.Count; i++)
        {
            var week = weeksNewestFirst[i];
            if (week.PrescribedSessions == 0) continue;
            if (week.CompletedSessions >= week.PrescribedSessions) streak++;
            else if (i == 0) continue;
            else break;
        }
        return streak;
    }

    public static IEnumerable<Earned> ForWorkoutStreak(int weeks) =>
        WorkoutStreakWeeks.Where(n => weeks >= n).Select(n =>
            new Earned($"workout-streak-{n}", AchievementTypes.Streak, $"{n}-week workout streak", $"Every prescribed session done, {n} weeks in a row."));

    /// <summary>7 and 30 days in a row of a daily habit (a weekly habit's streak counts weeks and earns none of these).</summary>
    public static IEnumerable<Earned> ForHabitStreak(string habitId, string habitTitle, int streak, string unit) =>
        unit != Habits.HabitStreaks.Days ? [] : HabitStreakDays.Where(n => streak >= n).Select(n =>
            new Earned($"habit-streak-{n}|{habitId}", AchievementTypes.Streak, $"{n}-day streak: {habitTitle}", $"You kept up \"{habitTitle}\" {n} days in a row."));

    /// <summary>
    /// Weight milestones: FitPilot keeps no goal weight, so each 5 kg lost (or gained) from the starting weight is one
    /// (up to 50 kg), whichever way the client's goal goes.
    /// </summary>
    public static IEnumerable<Earned> ForWeight(double startingKg, double latestKg)
    {
        var change = Math.Round(latestKg - startingKg, 1);
        var steps = Math.Min(MaxWeightSteps, (int)Math.Floor(Math.Abs(change) / WeightStepKg));
        var lost = change < 0;
        return Enumerable.Range(1, steps).Select(i => (int)(i * WeightStepKg)).Select(kg => lost
            ? new Earned($"weight-lost-{kg}", AchievementTypes.Milestone, $"{kg} kg lost", $"{kg} kg down from your starting weight.")
            : new Earned($"weight-gained-{kg}", AchievementTypes.Milestone, $"{kg} kg gained", $"{kg} kg up from your starting weight."));
    }
}
