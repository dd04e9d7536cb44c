using FitPilot.Web.Units;

namespace FitPilot.Web.Tests.Units;

public sealed class DatesTests
{
    private static readonly DateOnly Friday = new(2026, 11, 27);

    [Theory]
    [InlineData(0, "today")]
    [InlineData(1, "yesterday")]
    [InlineData(2, "Wed")]
    [InlineData(6, "Sat")]
    [InlineData(7, "20 Nov")]
    [InlineData(340, "22 Dec 2025")]
    public void Near_dates_are_relative_and_others_absolute(int daysAgo, string said) => Assert.Equal(said, Dates.Near(Friday.AddDays(-daysAgo), Friday));
}
