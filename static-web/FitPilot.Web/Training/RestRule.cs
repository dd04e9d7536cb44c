using FitPilot.Contracts.Training;

namespace FitPilot.Web.Training;

/// <summary>What follows a logged set: a rest of some seconds, or straight on to the next exercise of a superset.</summary>
public sealed record AfterSet(int? RestSeconds, TodayExercise? Next);

/// <summary>
/// When to rest. A straight exercise rests after each set (its own rest, 90 s when the PT set none). A superset
/// (exercises sharing a group, done in turn) rests only when a round is complete: after the set that leaves
/// no exercise of the group behind in this round, using the longest rest set on the group. Until then the
/// client goes straight to the next exercise of the round.
/// </summary>
public static class RestRule
{
    public const int DefaultRestSeconds = 90;

    /// <param name="group">The exercises of the group in order, each with the sets done now (the one just logged included).</param>
    public static AfterSet After(IReadOnlyList<(TodayExercise Exercise, int Done)> group, TodayExercise logged)
    {
        var at = group.ToList().FindIndex(g => ReferenceEquals(g.Exercise, logged) || g.Exercise.Prescription.Id == logged.Prescription.Id);
        var round = at < 0 ? 0 : group[at].Done;
        // The next exercise in the round: after this one first, then from the top (someone did them out of order).
        var order = group.Skip(at + 1).Concat(group.Take(Math.Max(at, 0)));
        var behind = order.FirstOrDefault(g => g.Done < round && g.Done < Planned(g.Exercise));
        if (group.Count > 1 && behind.Exercise is not null) return new AfterSet(null, behind.Exercise);
        var rest = group.Count > 1 ? group.Max(g => g.Exercise.Prescription.RestSeconds) : logged.Prescription.RestSeconds;
        return new AfterSet(rest ?? DefaultRestSeconds, null);
    }

    private static int Planned(TodayExercise exercise) => exercise.Prescription.Sets + exercise.Prescription.DropSets;
}
