using System.Globalization;
using Azure;
using Azure.Data.Tables;
using FitPilot.Contracts.Bookings;

namespace FitPilot.Functions.Bookings;

/// <summary>
/// Table <c>bookings</c>, PartitionKey = the PT (tenant): their availability (<c>availability</c>), session types
/// (<c>type|{id}</c>), bookings (<c>booking|{id}</c>) and one claim row per 15-minute cell a live booking holds
/// (<c>cell|{yyyyMMddTHHmm}</c>, UTC). A booking and its cells are inserted in one entity group transaction: a cell
/// that exists fails it, so two bookings can never hold the same time, however many arrive at once.
/// Calendar feeds: each user's token in their PT's partition (<c>feed|{userId}</c>) and the lookup by token hash in
/// partition <c>index-feeds</c> (<c>{sha256}</c>).
/// </summary>
public static class BookingRows
{
    public const string AvailabilityRow = "availability";
    public const string Type = "type|";
    public const string Booking = "booking|";
    public const string Cell = "cell|";
    public const string Feed = "feed|";
    public const string FeedIndex = "index-feeds";

    public static string TypeKey(string id) => Type + id;
    public static string BookingKey(string id) => Booking + id;
    public static string FeedKey(string userId) => Feed + userId;
    public static string CellKey(DateTimeOffset cellStart) => Cell + cellStart.UtcDateTime.ToString("yyyyMMdd'T'HHmm", CultureInfo.InvariantCulture);

    /// <summary>The cells [start, end) covers, end rounded up to the grid.</summary>
    public static IEnumerable<string> Cells(DateTimeOffset start, DateTimeOffset end)
    {
        var grid = TimeSpan.FromMinutes(BookingLimits.GridMinutes);
        for (var t = Floor(start); t < end; t += grid) yield return CellKey(t);
    }

    public static DateTimeOffset Floor(DateTimeOffset t)
    {
        var ticks = TimeSpan.FromMinutes(BookingLimits.GridMinutes).Ticks;
        var utc = t.UtcTicks;
        return new DateTimeOffset(utc - utc % ticks, TimeSpan.Zero);
    }
}

public sealed class AvailabilityEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = BookingRows.AvailabilityRow;
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }
    public string TimeZone { get; set; } = "UTC";
    public string WeeklyJson { get; set; } = "[]";
    public string ExceptionsJson { get; set; } = "[]";
}

public sealed class SessionTypeEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }
    public string Name { get; set; } = "";
    public int DurationMinutes { get; set; }
    public int BufferMinutes { get; set; }
    public string Mode { get; set; } = SessionModes.InPerson;
    public string? Location { get; set; }
    public string? OnlineLink { get; set; }
    public int MinNoticeHours { get; set; }
    public int CancellationWindowHours { get; set; }
    public bool RequiresApproval { get; set; }
    public bool Deleted { get; set; }

    [System.Runtime.Serialization.IgnoreDataMember] public string Id => RowKey[BookingRows.Type.Length..];

    public SessionType ToDto() => new(Id, Name, DurationMinutes, BufferMinutes, Mode, Location, OnlineLink, MinNoticeHours, CancellationWindowHours, RequiresApproval);

    public void Apply(SaveSessionTypeRequest r)
    {
        Name = r.Name.Trim();
        DurationMinutes = r.DurationMinutes;
        BufferMinutes = r.BufferMinutes;
        Mode = r.Mode;
        Location = string.IsNullOrWhiteSpace(r.Location) ? null : r.Location.Trim();
        OnlineLink = r.Mode == SessionModes.Online ? r.OnlineLink : null;
        MinNoticeHours = r.MinNoticeHours;
        CancellationWindowHours = r.CancellationWindowHours;
        RequiresApproval = r.RequiresApproval;
    }
}

public sealed class BookingEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }
    public string ClientId { get; set; } = "";
    public string ClientName { get; set; } = "";
    public string ClientEmail { get; set; } = "";
    public string SessionTypeId { get; set; } = "";
    public string SessionTypeName { get; set; } = "";
    public string Mode { get; set; } = SessionModes.InPerson;
    public string? Location { get; set; }
    public string? OnlineLink { get; set; }
    public DateTimeOffset StartsAt { get; set; }
    public DateTimeOffset EndsAt { get; set; }
    public int BufferMinutes { get; set; }
    public int CancellationWindowHours { get; set; }
    public string Status { get; set; } = BookingStatuses.Confirmed;
    /// <summary>"client" or "trainer".</summary>
    public string BookedBy { get; set; } = "client";
    public string? Note { get; set; }
    /// <summary>The cells this booking holds while it is requested or confirmed, comma-separated row keys.</summary>
    public string Cells { get; set; } = "";
    public bool Reminded { get; set; }
    /// <summary>The sequence of its calendar event (RFC 5545 SEQUENCE): up by one on every change.</summary>
    public int Sequence { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    [System.Runtime.Serialization.IgnoreDataMember] public string Id => RowKey[BookingRows.Booking.Length..];
    [System.Runtime.Serialization.IgnoreDataMember] public bool IsLive => Status is BookingStatuses.Requested or BookingStatuses.Confirmed;
    [System.Runtime.Serialization.IgnoreDataMember] public DateTimeOffset CancellableUntil => StartsAt.AddHours(-CancellationWindowHours);
    [System.Runtime.Serialization.IgnoreDataMember] public IReadOnlyList<string> CellKeys => Cells.Length == 0 ? [] : Cells.Split(',');

    public Booking ToDto() => new(Id, ClientId, ClientName, SessionTypeId, SessionTypeName, Mode, Location, OnlineLink, StartsAt, EndsAt, Status, BookedBy, Note,
        CancellableUntil, CreatedAt);
}

/// <summary>A 15-minute cell held by a booking; its existence is the claim.</summary>
public sealed class CellEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }
    public string BookingId { get; set; } = "";
}

/// <summary>A user's calendar feed token (in their PT's partition) and, under <see cref="BookingRows.FeedIndex"/>, its lookup by hash.</summary>
public sealed class FeedEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }
    public string TrainerId { get; set; } = "";
    public string UserId { get; set; } = "";
    /// <summary>Null for the PT's own feed.</summary>
    public string? ClientId { get; set; }
    /// <summary>On the user's row: the token (to show the URL again) and its hash (to remove the index row on revoke).</summary>
    public string? Token { get; set; }
    public string TokenHash { get; set; } = "";
}
