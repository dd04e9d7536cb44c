using FitPilot.Web.Units;

namespace FitPilot.Web.Tests.Units;

public sealed class LengthsTests
{
    [Theory]
    [InlineData(82.5, "cm", "82.5 cm")]
    [InlineData(82.55, "in", "32.5 in")]
    [InlineData(100.0, "in", "39.4 in")]
    public void Shows_a_length_in_the_users_unit(double cm, string unit, string shown) => Assert.Equal(shown, Lengths.Show(cm, unit));

    [Theory]
    [InlineData(32.5)]
    [InlineData(14.1)]
    [InlineData(60.0)]
    public void Inches_typed_come_back_as_the_same_inches(double inches)
    {
        var cm = Lengths.ToCm(inches, "in");
        Assert.Equal(inches * 2.54, cm, 3);
        Assert.Equal(inches, Lengths.ToUnit(cm, "in"));
    }

    [Fact]
    public void Centimetres_stay_centimetres_and_an_unknown_unit_is_cm()
    {
        Assert.Equal(91.3, Lengths.ToCm(91.3, "cm"));
        Assert.Equal("cm", Lengths.UnitOf(null));
        Assert.Equal("in", Lengths.UnitOf("in"));
    }
}
