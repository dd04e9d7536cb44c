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
}
