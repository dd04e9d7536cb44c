using System.Security.Cryptography;
using Azure;
using Azure.Data.Tables;
using FitPilot.Functions.Common;
using FitPilot.Functions.Storage;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace FitPilot.Functions.Auth;

/// <summary>
/// One signed-in device: table <c>sessions</c>, PartitionKey = the user's id, RowKey = the session id in
/// their token. It also carries the user's time zone, so every request knows the caller's "today"
/// without another read.
/// </summary>
public sealed class SessionEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public string TimeZone { get; set; } = UserTime.DefaultZone;
}

/// <summary>
/// Server-side sessions, the one owner of table <c>sessions</c>. A token is only good while its
/// session row exists: logging out deletes that one row (the user's other devices stay signed in),
/// "log out everywhere", a password change or reset and removing a client delete them all.
/// Each instance trusts a session it has checked for <see cref="CheckCacheTime"/>, which keeps hot
/// endpoints at ≤ 2 storage round trips: the instance that ends a session forgets it at once, other
/// instances stop accepting it within that time.
/// </summary>
public sealed class Sessions(StorageClients storage, SessionTokens tokens, IMemoryCache cache, IOptions<AuthOptions> options, TimeProvider clock)
{
    public static readonly TimeSpan CheckCacheTime = TimeSpan.FromSeconds(30);
    private readonly TenantTable _table = new(storage.Table(StorageNames.SessionsTable));

    /// <summary>Starts a session for a login: its row, then the signed token that names it.</summary>
    public async Task<(string Token, DateTimeOffset ExpiresAt)> StartAsync(LoginEntity login, string timeZone, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var session = new SessionEntity
        {
            PartitionKey = login.UserId, RowKey = Base64UrlId(), CreatedAt = now, ExpiresAt = now + options.Value.SessionLifetime, TimeZone = timeZone,
        };
        await _table.AddAsync(session, ct);
        return (tokens.Issue(login, session.RowKey, session.ExpiresAt), session.ExpiresAt);
    }

    /// <summary>The session, while it is active (cached per instance for <see cref="CheckCacheTime"/>).</summary>
    public async Task<SessionEntity?> FindActiveAsync(string userId, string sessionId, CancellationToken ct)
    {
        if (!cache.TryGetValue(CacheKey(sessionId), out SessionEntity? row))
        {
            row = await _table.FindAsync<SessionEntity>(userId, sessionId, ct);
            cache.Set(CacheKey(sessionId), row, CheckCacheTime);
        }
        return row is not null && row.ExpiresAt > clock.GetUtcNow() ? row : null;
    }

    /// <summary>Ends one session (log out on this device).</summary>
    public async Task EndAsync(string userId, string sessionId, CancellationToken ct)
    {
        await _table.DeleteAsync(userId, sessionId, ct);
        cache.Remove(CacheKey(sessionId));
    }

    /// <summary>Ends every session of a user (log out everywhere, password change, removal).</summary>
    public async Task EndAllAsync(string userId, CancellationToken ct)
    {
        await foreach (var row in _table.QueryPartitionAsync<SessionEntity>(userId, ct))
        {
            await _table.DeleteAsync(userId, row.RowKey, ct);
            cache.Remove(CacheKey(row.RowKey));
        }
    }

    /// <summary>A user moved time zone: every device of theirs uses it (this instance at once, others within the cache time).</summary>
    public async Task SetTimeZoneAsync(string userId, string timeZone, CancellationToken ct)
    {
        await foreach (var row in _table.QueryPartitionAsync<SessionEntity>(userId, ct))
        {
            row.TimeZone = timeZone;
            await _table.UpsertAsync(row, ct);
            cache.Remove(CacheKey(row.RowKey));
        }
    }

    /// <summary>Deletes expired sessions (nightly).</summary>
    public Task<int> DeleteExpiredAsync(CancellationToken ct) =>
        _table.DeleteRowsAsync(TableClient.CreateQueryFilter($"ExpiresAt le {clock.GetUtcNow()}"), ct);

    private static string CacheKey(string sessionId) => "session:" + sessionId;

    private static string Base64UrlId() => System.Buffers.Text.Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(18));
}
