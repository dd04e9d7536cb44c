using System.ComponentModel.DataAnnotations;

namespace FitPilot.Contracts.Bookings;

/// <summary>Where a session happens.</summary>
public static class SessionModes
{
    public const string InPerson = "in-person";
    public const string Online = "online";
}

/// <summary>A booking's life: asked for (awaiting the PT), confirmed, declined by the PT, cancelled by either side.</summary>
public static class BookingStatuses
{
    public const string Requested = "requested";
    public const string Confirmed = "confirmed";
    public const string Declined = "declined";
    public const string Cancelled = "cancelled";
}

/// <summary>The limits both sides share: sessions sit on a 15-minute grid.</summary>
public static class BookingLimits
{
    public const int GridMinutes = 15;
    public const int MaxRangeDays = 31;
    public const string TimePattern = "^([01][0-9]|2[0-3]):[0-5][0-9]$|^24:00$";
    public const string TimeMessage = "Use a time like 09:00 (24:00 for midnight at the end of a day).";
}

/// <summary>One recurring window of a weekday (ISO: 1 = Monday … 7 = Sunday), local times in the PT's time zone, on the 15-minute grid.</summary>
public sealed record WeeklySlot
{
    [Range(1, 7)] public int DayOfWeek { get; init; }
    [Required, RegularExpression(BookingLimits.TimePattern, ErrorMessage = BookingLimits.TimeMessage)] public required string Start { get; init; }
    [Required, RegularExpression(BookingLimits.TimePattern, ErrorMessage = BookingLimits.TimeMessage)] public required string End { get; init; }
}

/// <summary>A date the weekly slots do not apply: the whole day (no times: a holiday) or a block between two local times.</summary>
public sealed record AvailabilityException
{
    public DateOnly Date { get; init; }
    [RegularExpression(BookingLimits.TimePattern, ErrorMessage = BookingLimits.TimeMessage)] public string? Start { get; init; }
    [RegularExpression(BookingLimits.TimePattern, ErrorMessage = BookingLimits.TimeMessage)] public string? End { get; init; }
    [StringLength(100)] public string? Reason { get; init; }
}

/// <summary>The PT's availability: weekly windows and exceptions, in <see cref="Availability.TimeZone"/> (the PT's, from Settings).</summary>
public sealed record SaveAvailabilityRequest
{
    /// <summary>At most 50 windows.</summary>
    [Required, MaxLength(50)] public required IReadOnlyList<WeeklySlot> Weekly { get; init; }
    /// <summary>At most 200 exceptions.</summary>
    [Required, MaxLength(200)] public required IReadOnlyList<AvailabilityException> Exceptions { get; init; }
}

public sealed record Availability(string TimeZone, IReadOnlyList<WeeklySlot> Weekly, IReadOnlyList<AvailabilityException> Exceptions);

/// <summary>
/// A kind of session the PT offers: its length and buffer (minutes on the 15-minute grid), in person or online (with a link),
/// how long before its start it can still be booked (notice) and cancelled (cancellation window), and whether a client's
/// booking is confirmed at once or waits for the PT.
/// </summary>
public sealed record SaveSessionTypeRequest
{
    [Required, StringLength(80, MinimumLength = 1)] public required string Name { get; init; }
    [Range(15, 480)] public int DurationMinutes { get; init; } = 60;
    [Range(0, 120)] public int BufferMinutes { get; init; }
    [Required, AllowedValues(SessionModes.InPerson, SessionModes.Online, ErrorMessage = "Choose in-person or online.")] public required string Mode { get; init; }
    [StringLength(200)] public string? Location { get; init; }
    [Common.HttpsUrl] public string? OnlineLink { get; init; }
    /// <summary>Hours before the start a client can still book (0–720).</summary>
    [Range(0, 720)] public int MinNoticeHours { get; init; }
    /// <summary>Hours before the start after which a client can no longer cancel or reschedule (0–720).</summary>
    [Range(0, 720)] public int CancellationWindowHours { get; init; } = 24;
    /// <summary>True: the PT approves or declines each client booking.</summary>
    public bool RequiresApproval { get; init; }
}

public sealed record SessionType(string Id, string Name, int DurationMinutes, int BufferMinutes, string Mode, string? Location, string? OnlineLink,
    int MinNoticeHours, int CancellationWindowHours, bool RequiresApproval);

/// <summary>A bookable start, with the offset of the asking user's time zone (so <see cref="StartsAt"/> reads as their wall clock).</summary>
public sealed record FreeSlot(DateTimeOffset StartsAt, DateTimeOffset EndsAt, DateOnly LocalDate, string LocalTime);

public sealed record FreeSlots(string TimeZone, string SessionTypeId, IReadOnlyList<FreeSlot> Slots);

/// <summary>Book a session. A client books for themselves; a PT names the client (and may book inside the notice period).</summary>
public sealed record CreateBookingRequest
{
    [Required, StringLength(40)] public required string SessionTypeId { get; init; }
    public DateTimeOffset StartsAt { get; init; }
    [StringLength(40)] public string? ClientId { get; init; }
    [StringLength(500)] public string? Note { get; init; }
}

public sealed record RescheduleBookingRequest
{
    public DateTimeOffset StartsAt { get; init; }
}

/// <summary>A session booked, with its times in UTC and in the asking user's zone (<see cref="LocalStart"/>, e.g. "Tue 1 Dec, 09:00").</summary>
public sealed record Booking(string Id, string ClientId, string ClientName, string SessionTypeId, string SessionTypeName, string Mode, string? Location,
    string? OnlineLink, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string Status, string BookedBy, string? Note, DateTimeOffset CancellableUntil,
    DateTimeOffset CreatedAt);

/// <summary>The signed-in user's calendar subscription URL (null: none, or revoked).</summary>
public sealed record CalendarFeed(string? Url);
