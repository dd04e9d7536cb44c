using FitPilot.Functions.Common;

namespace FitPilot.Tests.Unit;

/// <summary>A user's "today" is their own, whatever the server's clock says.</summary>
public sealed class UserTimeTests
{
    [Theory]
    [InlineData("2026-11-27T13:30:00Z", "Australia/Sydney", "2026-11-28")] // 00:30 on Saturday in Sydney (AEDT, UTC+11)
    [InlineData("2026-11-27T12:59:00Z", "Australia/Sydney", "2026-11-27")]
    [InlineData("2026-11-28T07:30:00Z", "America/Los_Angeles", "2026-11-27")] // 23:30 on Friday in LA (PST, UTC−8)
    [InlineData("2026-11-27T23:59:00Z", "UTC", "2026-11-27")]
    [InlineData("2026-03-08T07:59:00Z", "America/Los_Angeles", "2026-03-07")] // just before the spring-forward night's midnight
    [InlineData("2026-04-04T13:30:00Z", "Australia/Sydney", "2026-04-05")] // the night Sydney leaves daylight saving
    public void Today_is_the_date_in_the_users_time_zone(string instant, string zone, string expected) =>
        Assert.Equal(DateOnly.Parse(expected), UserTime.Today(zone, DateTimeOffset.Parse(instant)));

    [Fact]
    public void Unknown_or_missing_zones_are_told_apart()
    {
        Assert.True(UserTime.IsKnown("Europe/London"));
        Assert.True(UserTime.IsKnown("America/Argentina/Buenos_Aires"));
        Assert.False(UserTime.IsKnown("Mars/Olympus_Mons"));
        Assert.Equal("UTC", UserTime.Require(null));
        Assert.Equal(DomainErrorKind.Invalid, Assert.Throws<DomainException>(() => UserTime.Require("Europe/Atlantis")).Kind);
        Assert.Equal(DateOnly.Parse("2026-11-27"), UserTime.Today(null, DateTimeOffset.Parse("2026-11-27T23:00:00Z")));
        Assert.Contains("Australia/Sydney", UserTime.Zones);
    }
}
