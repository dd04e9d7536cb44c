using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using FitPilot.Contracts.Common;

namespace FitPilot.Functions.Auth;

/// <summary>
/// The login index: table <c>logins</c>, one row per email address, unique by construction, holding
/// the credentials and who the address belongs to. PartitionKey = <see cref="KeyFor"/> the normalised
/// address (a hash: addresses may hold / # ? which table keys refuse). A PT's or client's profile
/// lives in its tenant's partition; this row is the only cross-tenant lookup.
/// </summary>
public sealed class LoginEntity : ITableEntity
{
    public const string Row = "login";

    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = Row;
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    /// <summary>The normalised address (<see cref="EmailAddresses.Normalise"/>).</summary>
    public string Email { get; set; } = "";
    public string Role { get; set; } = "";
    public string UserId { get; set; } = "";
    /// <summary>The tenant: the PT's id, for a PT and for each of their clients.</summary>
    public string TrainerId { get; set; } = "";
    /// <summary>Null until the user has set a password (an invited client).</summary>
    public string? PasswordHash { get; set; }
    public int FailedLogins { get; set; }
    public DateTimeOffset? LockedUntil { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    public static LoginEntity For(string email, string role, string userId, string trainerId, DateTimeOffset createdAt, string? passwordHash = null)
    {
        var normalised = EmailAddresses.Normalise(email);
        return new LoginEntity
        {
            PartitionKey = KeyFor(normalised), Email = normalised, Role = role, UserId = userId, TrainerId = trainerId,
            PasswordHash = passwordHash, CreatedAt = createdAt,
        };
    }

    /// <summary>The row's key for an address: SHA-256 of its normalised form, so every valid address can be a key.</summary>
    public static string KeyFor(string email) =>
        "e" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(EmailAddresses.Normalise(email))));
}
