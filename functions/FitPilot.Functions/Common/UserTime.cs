using NodaTime;

namespace FitPilot.Functions.Common;

/// <summary>
/// Each user's calendar: their IANA time zone decides what "today" is (their workout, adherence weeks,
/// reminders). NodaTime, not TimeZoneInfo: its time-zone database (TZDB) ships inside the package, so
/// every host (Linux or Windows, a container without tzdata, the test machine) resolves the same ids
/// to the same rules, and its API makes daylight-saving gaps and overlaps explicit.
/// </summary>
public static class UserTime
{
    /// <summary>For users who have not chosen (rows written before time zones existed).</summary>
    public const string DefaultZone = "UTC";

    public static bool IsKnown(string? zone) => zone is not null && DateTimeZoneProviders.Tzdb.GetZoneOrNull(zone) is not null;

    /// <summary>A time zone a user chose: one the database knows (else a field error on <c>timeZone</c>), UTC when none was given.</summary>
    public static string Require(string? zone) =>
        zone is null ? DefaultZone
        : IsKnown(zone) ? zone : throw DomainException.Invalid("timeZone", "This is not a time zone FitPilot knows: use an IANA id like Australia/Sydney.");

    public static DateTimeZone Zone(string? zone) =>
        (zone is null ? null : DateTimeZoneProviders.Tzdb.GetZoneOrNull(zone)) ?? DateTimeZone.Utc;

    /// <summary>The user's local date at <paramref name="now"/>.</summary>
    public static DateOnly Today(string? zone, DateTimeOffset now)
    {
        var local = Instant.FromDateTimeOffset(now).InZone(Zone(zone)).Date;
        return new DateOnly(local.Year, local.Month, local.Day);
    }

    /// <summary>Every TZDB id, for the settings picker.</summary>
    public static IReadOnlyList<string> Zones => DateTimeZoneProviders.Tzdb.Ids;
}
