using System.Security.Claims;
using FitPilot.Contracts.Auth;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace FitPilot.Functions.Auth;

/// <summary>Signed JWT sessions (HS256) carrying the user, role, tenant and the server-side session (<see cref="Sessions"/>) they belong to.</summary>
public sealed class SessionTokens(IOptions<AuthOptions> options, TimeProvider clock)
{
    private const string Issuer = "fitpilot";
    private const string Audience = "fitpilot";
    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };
    private readonly SymmetricSecurityKey _key = new(options.Value.KeyBytes());

    public string Issue(LoginEntity login, string sessionId, DateTimeOffset expires)
    {
        var now = clock.GetUtcNow();
        var claims = new Dictionary<string, object>
        {
            ["sub"] = login.UserId,
            ["role"] = login.Role,
            ["email"] = login.Email,
            ["tid"] = login.TrainerId,
            ["sid"] = sessionId,
        };
        return _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer, Audience = Audience, Claims = claims,
            IssuedAt = now.UtcDateTime, NotBefore = now.UtcDateTime, Expires = expires.UtcDateTime,
            SigningCredentials = new SigningCredentials(_key, SecurityAlgorithms.HmacSha256),
        });
    }

    /// <summary>What a valid token says: who, their role and tenant, and the session it belongs to.</summary>
    public sealed record Claims(string UserId, string Role, string Email, string TrainerId, string SessionId);

    /// <summary>The claims of a token we issued that is still valid, or null (the caller checks the session still exists).</summary>
    public async Task<Claims?> ValidateAsync(string token)
    {
        if (token.Length > 4096) return null;
        var result = await _handler.ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = Issuer, ValidAudience = Audience, IssuerSigningKey = _key,
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256], ClockSkew = TimeSpan.FromSeconds(30),
            LifetimeValidator = (nbf, exp, _, _) => exp is { } e && e > clock.GetUtcNow().UtcDateTime && (nbf is null || nbf <= clock.GetUtcNow().UtcDateTime.AddSeconds(30)),
        });
        if (!result.IsValid) return null;
        string? Claim(string name) => result.Claims.TryGetValue(name, out var v) ? v?.ToString() : null;
        var (sub, role, email, tid, sid) = (Claim("sub"), Claim("role"), Claim("email"), Claim("tid"), Claim("sid"));
        if (sub is null || email is null || tid is null || sid is null || role is not (Roles.Trainer or Roles.Client)) return null;
        return new Claims(sub, role, email, tid, sid);
    }
}
