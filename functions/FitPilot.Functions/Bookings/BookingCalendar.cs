using FitPilot.Contracts.Bookings;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace FitPilot.Functions.Bookings;

/// <summary>
/// Bookings as iCalendar (RFC 5545, with Ical.Net): the calendar feed a user's calendar app subscribes to, and the
/// <c>.ics</c> attached to confirmation emails. Times are UTC (<c>DTSTART:…Z</c>), which every calendar shows in its own
/// zone, so no VTIMEZONE is needed and daylight-saving changes cannot shift a session. A cancelled or declined booking
/// stays in the feed as STATUS:CANCELLED (so subscribed calendars remove it); each change raises SEQUENCE.
/// </summary>
public static class BookingCalendar
{
    public const string ContentType = "text/calendar; charset=utf-8";

    public static string Feed(string name, IEnumerable<BookingEntity> bookings) => Serialize(name, "PUBLISH", bookings);

    /// <summary>One booking, for an email attachment (METHOD:PUBLISH: added to the calendar, not an invitation to answer).</summary>
    public static string Single(BookingEntity booking) => Serialize("FitPilot session", "PUBLISH", [booking]);

    private static string Serialize(string name, string method, IEnumerable<BookingEntity> bookings)
    {
        var calendar = new Calendar { ProductId = "-//FitPilot//Bookings//EN", Method = method };
        calendar.AddProperty("X-WR-CALNAME", name);
        foreach (var b in bookings) calendar.Events.Add(Event(b));
        return new CalendarSerializer().SerializeToString(calendar)!;
    }

    private static CalendarEvent Event(BookingEntity b) => new()
    {
        Uid = $"{b.Id}@fitpilot",
        Summary = $"{b.SessionTypeName} — {b.ClientName}",
        Description = b.Mode == SessionModes.Online && b.OnlineLink is not null ? $"Online: {b.OnlineLink}" : b.Note,
        Location = b.Mode == SessionModes.Online ? b.OnlineLink : b.Location,
        DtStart = Utc(b.StartsAt),
        DtEnd = Utc(b.EndsAt),
        DtStamp = Utc(b.UpdatedAt),
        Sequence = b.Sequence,
        Status = b.IsLive ? (b.Status == BookingStatuses.Requested ? "TENTATIVE" : "CONFIRMED") : "CANCELLED",
    };

    private static CalDateTime Utc(DateTimeOffset t) =>
        new(DateTime.SpecifyKind(new DateTime(t.UtcTicks - t.UtcTicks % TimeSpan.TicksPerSecond), DateTimeKind.Utc), "UTC");
}
