using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace FitPilot.Functions.Auth;

/// <summary>The web app's session: an HttpOnly, Secure, SameSite=Strict cookie page scripts cannot read.</summary>
public sealed class SessionCookie(IOptions<AuthOptions> options)
{
    public const string Name = "fp_session";

    public void Set(HttpResponse response, string token, DateTimeOffset expiresAt) =>
        response.Cookies.Append(Name, token, Options(expiresAt));

    public void Clear(HttpResponse response) => response.Cookies.Delete(Name, Options(null));

    private CookieOptions Options(DateTimeOffset? expires) => new()
    {
        HttpOnly = true, Secure = options.Value.SecureCookie, SameSite = SameSiteMode.Strict,
        Path = "/", Expires = expires, IsEssential = true,
    };
}
