using Microsoft.AspNetCore.Http;

namespace FitPilot.Functions.Http;

/// <summary>
/// The web app's session: an HttpOnly, SameSite=Strict cookie page scripts cannot read, Secure unless
/// configured off (Auth:SecureCookie) for plain-http test tools. The pipeline reads it like a bearer token.
/// </summary>
public sealed class SessionCookie(bool secure)
{
    public const string Name = "fp_session";

    public void Set(HttpResponse response, string token, DateTimeOffset expiresAt) =>
        response.Cookies.Append(Name, token, Options(expiresAt));

    public void Clear(HttpResponse response) => response.Cookies.Delete(Name, Options(null));

    /// <summary>The session token a request carries: <c>Authorization: Bearer</c> first, else the cookie.</summary>
    public static string? TokenOf(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        var token = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header[7..].Trim() : request.Cookies[Name];
        return string.IsNullOrEmpty(token) ? null : token;
    }

    private CookieOptions Options(DateTimeOffset? expires) => new()
    {
        HttpOnly = true, Secure = secure, SameSite = SameSiteMode.Strict,
        Path = "/", Expires = expires, IsEssential = true,
    };
}
