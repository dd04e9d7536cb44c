using System.Globalization;

namespace FitPilot.Web.Units;

/// <summary>Dates as people say them: relative when near ("today", "yesterday", "Mon"), absolute otherwise.</summary>
public static class Dates
{
    public static string Near(DateOnly date, DateOnly today) => (today.DayNumber - date.DayNumber) switch
    {
        0 => "today",
        1 => "yesterday",
        > 1 and < 7 => date.ToString("ddd", CultureInfo.InvariantCulture),
        _ when date.Year == today.Year => date.ToString("d MMM", CultureInfo.InvariantCulture),
        _ => date.ToString("d MMM yyyy", CultureInfo.InvariantCulture),
    };

    /// <summary>Today in a user's IANA time zone (the device's when the zone is unknown here).</summary>
    public static DateOnly Today(TimeProvider clock, string? timeZone) => DateOnly.FromDateTime(In(clock.GetUtcNow(), timeZone).DateTime);

    /// <summary>A moment as the user's wall clock shows it.</summary>
    public static DateTimeOffset In(DateTimeOffset at, string? timeZone) =>
        timeZone is not null && TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out var zone) ? TimeZoneInfo.ConvertTime(at, zone) : at.ToLocalTime();
}
