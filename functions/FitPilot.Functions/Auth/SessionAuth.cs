using FitPilot.Contracts.Auth;
using FitPilot.Functions.Http;
using Microsoft.AspNetCore.Http;

namespace FitPilot.Functions.Auth;

/// <summary>
/// The pipeline's authentication: the request's session token (<c>Authorization: Bearer</c> or the
/// cookie), signed by us and still valid, whose server-side session has not been ended
/// (<see cref="Sessions"/>), becomes a typed caller with the user's time zone.
/// </summary>
public sealed class SessionAuth(SessionTokens tokens, Sessions sessions) : ICallerAuthenticator
{
    private const int MaxTokenLength = 4096;

    public async Task<Caller?> AuthenticateAsync(HttpRequest request, CancellationToken ct)
    {
        var token = SessionCookie.TokenOf(request);
        if (token is null || token.Length > MaxTokenLength) return null;
        var claims = await tokens.ValidateAsync(token);
        if (claims is null) return null;
        var session = await sessions.FindActiveAsync(claims.UserId, claims.SessionId, ct);
        if (session is null) return null;
        return claims.Role == Roles.Trainer
            ? new TrainerCaller(claims.UserId, claims.Email, claims.SessionId, session.TimeZone)
            : new ClientCaller(claims.UserId, claims.Email, claims.TrainerId, claims.SessionId, session.TimeZone);
    }
}
