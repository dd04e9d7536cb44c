using FitPilot.Functions.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Caching.Memory;

namespace FitPilot.Functions.Auth;

/// <summary>
/// Authenticates a request from <c>Authorization: Bearer</c> or the session cookie. A token is
/// only good while its security stamp matches the login row, so a password change or a removed
/// client ends existing sessions; the stamp is cached briefly to keep hot endpoints at ≤ 2 round trips.
/// </summary>
public sealed class SessionAuth(SessionTokens tokens, StorageClients storage, IMemoryCache cache)
{
    private static readonly TimeSpan StampCacheTime = TimeSpan.FromSeconds(30);
    private readonly TenantTable _logins = new(storage.Table(StorageNames.LoginsTable));

    public async Task<UserSession?> AuthenticateAsync(HttpRequest request, CancellationToken ct)
    {
        var token = BearerToken(request) ?? request.Cookies[SessionCookie.Name];
        if (string.IsNullOrEmpty(token)) return null;
        var validated = await tokens.ValidateAsync(token);
        if (validated is not { } v) return null;
        var current = await CurrentStampAsync(v.Session.Email, v.Session.UserId, ct);
        return current == v.Stamp ? v.Session : null;
    }

    /// <summary>Drops the cached stamp after it changed here (password change, removal).</summary>
    public void Forget(string email) => cache.Remove(CacheKey(email));

    private async Task<string?> CurrentStampAsync(string email, string userId, CancellationToken ct)
    {
        if (cache.TryGetValue(CacheKey(email), out string? stamp)) return stamp;
        var login = await _logins.FindAsync<LoginEntity>(email, LoginEntity.Row, ct);
        stamp = login is not null && login.UserId == userId && login.PasswordHash is not null ? login.SecurityStamp : null;
        cache.Set(CacheKey(email), stamp, StampCacheTime);
        return stamp;
    }

    private static string CacheKey(string email) => "stamp:" + email;

    private static string? BearerToken(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header[7..].Trim() : null;
    }
}
