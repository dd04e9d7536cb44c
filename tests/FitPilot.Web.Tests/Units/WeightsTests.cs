using FitPilot.Web.Units;

namespace FitPilot.Web.Tests.Units;

public sealed class WeightsTests
{
    [Theory]
    [InlineData(100.0, "kg", "100 kg")]
    [InlineData(102.5, "kg", "102.5 kg")]
    [InlineData(100.0, "lb", "220.5 lb")]
    [InlineData(0.0, "lb", "0 lb")]
    public void Shows_a_weight_in_the_users_unit(double kg, string unit, string shown) => Assert.Equal(shown, Weights.Show(kg, unit));

    [Theory]
    [InlineData(225.0)]
    [InlineData(45.0)]
    [InlineData(2.5)]
    [InlineData(1102.5)]
    public void Pounds_typed_come_back_as_the_same_pounds(double lb) => Assert.Equal(lb, Weights.ToUnit(Weights.ToKg(lb, "lb"), "lb"));

    [Fact]
    public void Steppers_add_a_pair_of_small_plates_and_volume_reads_in_thousands()
    {
        Assert.Equal((2.5, 5.0), (Weights.Step("kg"), Weights.Step("lb")));
        Assert.Equal("3,450 kg", Weights.Total(3450, "kg"));
        Assert.Equal("kg", Weights.UnitOf(null));
    }
}
