using FitPilot.Contracts.Common;
using FitPilot.Contracts.Progress;
using FitPilot.Functions.Measurements;

namespace FitPilot.Tests.Unit;

public sealed class MeasurementRulesTests
{
    private static readonly DateOnly Today = new(2026, 3, 10);

    private static SaveMeasurementRequest Request(double? weight = 80, DateOnly? on = null, Dictionary<string, double>? skinfolds = null, double? waist = null) => new()
    {
        Id = "device-id-0001", MeasuredOn = on ?? Today, WeightKg = weight, WaistCm = waist, SkinfoldsMm = skinfolds,
    };

    [Fact]
    public void A_measurement_of_today_with_a_value_is_valid()
    {
        Assert.Empty(MeasurementRules.Validate(Request(), Today));
        Assert.Empty(MeasurementRules.Validate(Request(weight: null, skinfolds: new() { ["triceps"] = 12 }), Today));
    }

    [Fact]
    public void Tomorrow_in_the_clients_time_zone_is_refused_on_measuredOn()
    {
        var errors = MeasurementRules.Validate(Request(on: Today.AddDays(1)), Today);
        Assert.Equal([MeasurementRules.FutureDate], errors["measuredOn"]);
    }

    [Theory]
    [InlineData("knee", 10, "Unknown skinfold site")]
    [InlineData("Chest", 10, "Unknown skinfold site")]
    [InlineData("triceps", 0.5, "between 1 and 80")]
    [InlineData("triceps", 81, "between 1 and 80")]
    public void Skinfolds_must_be_named_sites_within_1_to_80_mm(string site, double mm, string message)
    {
        var errors = MeasurementRules.Validate(Request(skinfolds: new() { [site] = mm, ["chest"] = 10 }), Today);
        Assert.Contains(message, Assert.Single(errors).Value[0]);
        Assert.Equal($"skinfoldsMm.{site}", errors.Single().Key);
    }

    [Fact]
    public void A_measurement_with_nothing_measured_is_refused()
    {
        Assert.Equal([MeasurementRules.NothingMeasured], MeasurementRules.Validate(Request(weight: null, skinfolds: []), Today)["$"]);
    }

    [Fact]
    public void The_contracts_ranges_refuse_impossible_weight_and_body_fat_per_field()
    {
        foreach (var (request, field) in new[]
        {
            (Request(weight: 19), "weightKg"), (Request(weight: 401), "weightKg"),
            (Request() with { BodyFatPercent = 1 }, "bodyFatPercent"), (Request() with { BodyFatPercent = 71 }, "bodyFatPercent"),
        })
            Assert.True(ContractValidator.Validate(request).ContainsKey(field), field);
        Assert.Empty(ContractValidator.Validate(Request(weight: 20) with { BodyFatPercent = 70 }));
    }

    [Fact]
    public void Skinfolds_are_stored_in_the_order_of_the_sites()
    {
        Assert.Equal(["chest", "thigh", "calf"], MeasurementRules.Skinfolds(new Dictionary<string, double> { ["calf"] = 5, ["chest"] = 8, ["thigh"] = 9 }).Keys);
    }

    private static Measurement M(string id, int day, double? weight, double? fat = null, int savedMinute = 0) =>
        new(id, Today.AddDays(day), weight, fat, null, null, null, null, null, null, new Dictionary<string, double>(), null, EnteredBy.Client, "Sam",
            DateTimeOffset.UnixEpoch.AddMinutes(savedMinute), DateTimeOffset.UnixEpoch.AddMinutes(savedMinute));

    [Fact]
    public void The_latest_weight_is_the_latest_date_with_a_weight_not_the_latest_saved()
    {
        var all = new[] { M("a", -2, 82), M("b", 0, 80, savedMinute: 1), M("c", -1, 81, savedMinute: 9), M("d", 0, null, 18, savedMinute: 5) };
        Assert.Equal(80, MeasurementRules.Latest(all, m => m.WeightKg));
        Assert.Equal(18, MeasurementRules.Latest(all, m => m.BodyFatPercent));
        // Two on one day: the one saved last.
        Assert.Equal(79, MeasurementRules.Latest([.. all, M("e", 0, 79, savedMinute: 2)], m => m.WeightKg));
        Assert.Null(MeasurementRules.Latest([M("x", 0, null)], m => m.WeightKg));
    }

    [Fact]
    public void The_profile_takes_the_latest_numbers_and_the_first_weight_fills_an_empty_start()
    {
        var profile = new MeasurementRules.BodyNumbers(null, 90, null);
        var after = MeasurementRules.Profile(profile, [M("a", -5, 84, 22), M("b", -1, 83)]);
        Assert.Equal(new MeasurementRules.BodyNumbers(84, 83, 22), after);
        // A starting weight already there stays.
        Assert.Equal(95, MeasurementRules.Profile(profile with { StartingWeightKg = 95 }, [M("a", -5, 84)]).StartingWeightKg);
    }

    [Fact]
    public void After_a_delete_the_remaining_latest_counts_and_with_none_left_the_deleted_value_is_cleared()
    {
        var removed = M("b", 0, 83, 20);
        var profile = new MeasurementRules.BodyNumbers(84, 83, 20);
        Assert.Equal(new MeasurementRules.BodyNumbers(84, 84, 19), MeasurementRules.Profile(profile, [M("a", -3, 84, 19)], removed));
        Assert.Equal(new MeasurementRules.BodyNumbers(84, 84, null), MeasurementRules.Profile(profile, [M("a", -3, 84)], removed));
        Assert.Equal(new MeasurementRules.BodyNumbers(84, null, null), MeasurementRules.Profile(profile, [], removed));
        // A value typed on the profile (not the deleted measurement's) stays.
        Assert.Equal(new MeasurementRules.BodyNumbers(84, 90, 20), MeasurementRules.Profile(profile with { CurrentWeightKg = 90 }, [], M("b", 0, 83)));
    }

    [Fact]
    public void A_metric_range_must_be_ordered_and_values_within_it()
    {
        var metric = new SaveMetricRequest { Name = "Resting HR", Unit = "bpm", Direction = MetricDirections.Lower, Min = 30, Max = 120 };
        Assert.Empty(MeasurementRules.Validate(metric));
        Assert.True(MeasurementRules.Validate(metric with { Min = 130 }).ContainsKey("max"));
        Assert.True(MeasurementRules.Validate(metric with { Name = "   " }).ContainsKey("name"));
        Assert.Null(MeasurementRules.OutOfRange(30, 30, 120, "bpm"));
        Assert.Equal("Enter a value between 30 and 120 bpm.", MeasurementRules.OutOfRange(121, 30, 120, "bpm"));
        Assert.Equal("Enter a value of at least 0 steps.", MeasurementRules.OutOfRange(-1, 0, null, "steps"));
        Assert.Equal("Enter a value of at most 24 h.", MeasurementRules.OutOfRange(25, null, 24, "h"));
        Assert.Null(MeasurementRules.OutOfRange(-5, null, null, "x"));
        Assert.True(MeasurementRules.SameName(" resting hr", "Resting HR "));
    }
}
