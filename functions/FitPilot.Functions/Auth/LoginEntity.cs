using Azure;
using Azure.Data.Tables;

namespace FitPilot.Functions.Auth;

/// <summary>
/// The login index: one row per email (PartitionKey = normalised email), unique by construction,
/// holding the credentials and who the email belongs to. A PT's or client's profile lives in its
/// tenant's partition; this row is the only cross-tenant lookup.
/// </summary>
public sealed class LoginEntity : ITableEntity
{
    public const string Row = "login";

    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = Row;
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string Role { get; set; } = "";
    public string UserId { get; set; } = "";
    /// <summary>The tenant: the PT's id, for a PT and for each of their clients.</summary>
    public string TrainerId { get; set; } = "";
    /// <summary>Null until the user has set a password (an invited client).</summary>
    public string? PasswordHash { get; set; }
    /// <summary>Changes on password change/reset: sessions issued before stop working.</summary>
    public string SecurityStamp { get; set; } = "";
    public int FailedLogins { get; set; }
    public DateTimeOffset? LockedUntil { get; set; }

    public static string NormaliseEmail(string email) => email.Trim().ToLowerInvariant();
}
