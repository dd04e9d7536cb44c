using Microsoft.AspNetCore.Http;

namespace FitPilot.Functions.Auth;

/// <summary>
/// Authenticates a request from <c>Authorization: Bearer</c> or the session cookie: a token we
/// signed, still valid, whose server-side session has not been ended (<see cref="Sessions"/>).
/// </summary>
public sealed class SessionAuth(SessionTokens tokens, Sessions sessions)
{
    private const int MaxTokenLength = 4096;

    public async Task<UserSession?> AuthenticateAsync(HttpRequest request, CancellationToken ct)
    {
        var token = BearerToken(request) ?? request.Cookies[SessionCookie.Name];
        if (string.IsNullOrEmpty(token) || token.Length > MaxTokenLength) return null;
        var session = await tokens.ValidateAsync(token);
        if (session is null) return null;
        return await sessions.IsActiveAsync(session.UserId, session.SessionId, ct) ? session : null;
    }

    private static string? BearerToken(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header[7..].Trim() : null;
    }
}
