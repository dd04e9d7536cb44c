using FitPilot.Contracts.Progress;
using FitPilot.Web.Progress;

namespace FitPilot.Web.Tests.Progress;

public sealed class ClosestMeasurementTests
{
    private static readonly DateOnly D = new(2026, 3, 12);

    internal static Measurement M(DateOnly date, double? kg, double? fat) =>
        new(Guid.NewGuid().ToString(), date, kg, fat, null, null, null, null, null, null, new Dictionary<string, double>(), null, EnteredBy.Client, "Sam", DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch);

    [Fact]
    public void Weight_and_body_fat_are_each_taken_from_the_measurement_closest_to_the_date()
    {
        var (weight, fat) = ClosestMeasurement.To([M(D.AddDays(-10), 84, 20), M(D.AddDays(2), 82, null), M(D.AddDays(30), 80, 17)], D);
        Assert.Equal(new DatedValue(D.AddDays(2), 82), weight);
        Assert.Equal(new DatedValue(D.AddDays(-10), 20), fat); // the closer weigh-in had no body fat
    }

    [Fact]
    public void On_a_tie_the_earlier_measurement_wins_and_nothing_measured_is_null()
    {
        var (weight, fat) = ClosestMeasurement.To([M(D.AddDays(3), 81, null), M(D.AddDays(-3), 83, null)], D);
        Assert.Equal(83, weight!.Value);
        Assert.Null(fat);
        Assert.Equal((null, null), ClosestMeasurement.To([], D));
    }

    [Fact]
    public void A_measurement_on_the_day_itself_is_the_closest()
    {
        var (weight, _) = ClosestMeasurement.To([M(D.AddDays(-1), 81, null), M(D, 80.4, null), M(D.AddDays(1), 79, null)], D);
        Assert.Equal(new DatedValue(D, 80.4), weight);
    }
}
