using System.Globalization;
using FitPilot.Contracts.Bookings;
using FitPilot.Functions.Common;
using NodaTime;

namespace FitPilot.Functions.Bookings;

/// <summary>
/// The pure rules of booking: which starts are free for a session type, given the PT's weekly windows and exceptions (local
/// times in the PT's zone, mapped to instants with that zone's rules on each date, so a window stays 09:00–17:00 local across
/// daylight-saving changes), the cells already held and the notice; and how an instant reads in the asking user's zone.
/// </summary>
public static class BookingRules
{
    /// <summary>Starts are offered every 30 minutes (every 15 for sessions shorter than 30).</summary>
    public static int StepMinutes(int durationMinutes) => durationMinutes < 30 ? 15 : 30;

    public static int Minutes(string hhmm) =>
        int.Parse(hhmm.AsSpan(0, 2), CultureInfo.InvariantCulture) * 60 + int.Parse(hhmm.AsSpan(3, 2), CultureInfo.InvariantCulture);

    /// <summary>Field errors of an availability: windows and blocks on the 15-minute grid, start before end.</summary>
    public static Dictionary<string, string[]> Check(SaveAvailabilityRequest r)
    {
        var errors = new Dictionary<string, string[]>();
        for (var i = 0; i < r.Weekly.Count; i++)
            if (WindowError(r.Weekly[i].Start, r.Weekly[i].End) is { } e) errors[$"weekly[{i}].end"] = [e];
        for (var i = 0; i < r.Exceptions.Count; i++)
        {
            var x = r.Exceptions[i];
            if ((x.Start is null) != (x.End is null)) errors[$"exceptions[{i}].end"] = ["Give both a start and an end, or neither for the whole day."];
            else if (x.Start is not null && WindowError(x.Start, x.End!) is { } e) errors[$"exceptions[{i}].end"] = [e];
        }
        return errors;
    }

    private static string? WindowError(string start, string end) =>
        Minutes(start) % BookingLimits.GridMinutes != 0 || Minutes(end) % BookingLimits.GridMinutes != 0 ? "Use times on the quarter hour (09:00, 09:15…)."
        : Minutes(end) <= Minutes(start) ? "The end must be after the start." : null;

    /// <summary>
    /// The free starts of a session type between two instants. <paramref name="held"/> are the cells live bookings hold;
    /// a start is free when its session fits inside a window, no exception blocks any of it, and every cell of
    /// session + buffer is free. Starts before <paramref name="earliest"/> (now + notice) are left out.
    /// </summary>
    public static IEnumerable<(DateTimeOffset Start, DateTimeOffset End)> FreeStarts(
        string trainerZone, IReadOnlyList<WeeklySlot> weekly, IReadOnlyList<AvailabilityException> exceptions,
        int durationMinutes, int bufferMinutes, ISet<string> held, DateTimeOffset from, DateTimeOffset to, DateTimeOffset earliest)
    {
        var zone = UserTime.Zone(trainerZone);
        var first = Instant.FromDateTimeOffset(from).InZone(zone).Date.PlusDays(-1);
        var last = Instant.FromDateTimeOffset(to).InZone(zone).Date;
        var step = StepMinutes(durationMinutes);
        var seen = new HashSet<DateTimeOffset>();
        for (var date = first; date <= last; date = date.PlusDays(1))
        {
            var iso = (int)date.DayOfWeek; // NodaTime: Monday = 1 … Sunday = 7, as the contract
            var today = new DateOnly(date.Year, date.Month, date.Day);
            var blocks = exceptions.Where(x => x.Date == today).ToList();
            if (blocks.Any(b => b.Start is null)) continue; // a day off
            foreach (var window in weekly.Where(w => w.DayOfWeek == iso).OrderBy(w => w.Start, StringComparer.Ordinal))
            {
                var open = Minutes(window.Start);
                var close = Minutes(window.End);
                for (var m = open; m + durationMinutes <= close; m += step)
                {
                    if (blocks.Any(b => m < Minutes(b.End!) && Minutes(b.Start!) < m + durationMinutes)) continue;
                    if (ToInstant(zone, date, m) is not { } start) continue; // inside a daylight-saving gap
                    var end = start.AddMinutes(durationMinutes);
                    if (start < from || start >= to || start < earliest || !seen.Add(start)) continue;
                    if (BookingRows.Cells(start, end.AddMinutes(bufferMinutes)).Any(held.Contains)) continue;
                    yield return (start, end);
                }
            }
        }
    }

    /// <summary>Whether <paramref name="start"/> is one of the offered starts (a booking must be).</summary>
    public static bool IsOffered(string trainerZone, IReadOnlyList<WeeklySlot> weekly, IReadOnlyList<AvailabilityException> exceptions, int durationMinutes, DateTimeOffset start) =>
        FreeStarts(trainerZone, weekly, exceptions, durationMinutes, 0, new HashSet<string>(), start, start.AddTicks(1), DateTimeOffset.MinValue).Any();

    /// <summary>A local time of day on a date in a zone, as an instant; null when that time does not exist (spring forward). An ambiguous time takes the earlier.</summary>
    public static DateTimeOffset? ToInstant(DateTimeZone zone, LocalDate date, int minutes)
    {
        var local = date.AtMidnight().PlusMinutes(minutes);
        var mapping = zone.MapLocal(local);
        return mapping.Count == 0 ? null : mapping.First().ToDateTimeOffset();
    }

    /// <summary>An instant with the offset it has in <paramref name="zone"/>: how the user reads it.</summary>
    public static DateTimeOffset InZone(string zone, DateTimeOffset instant) =>
        Instant.FromDateTimeOffset(instant).InZone(UserTime.Zone(zone)).ToDateTimeOffset();

    /// <summary>The instant a local date begins in a zone.</summary>
    public static DateTimeOffset StartOfDay(string zone, DateOnly date) =>
        UserTime.Zone(zone).AtStartOfDay(new LocalDate(date.Year, date.Month, date.Day)).ToDateTimeOffset();

    /// <summary>"Tue 1 Dec 2026, 09:00 (Australia/Sydney)" for emails.</summary>
    public static string Describe(string zone, DateTimeOffset instant) =>
        InZone(zone, instant).ToString("ddd d MMM yyyy, HH:mm", CultureInfo.InvariantCulture) + $" ({zone})";
}
