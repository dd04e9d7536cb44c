using System.Security.Claims;
using FitPilot.Contracts.Auth;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace FitPilot.Functions.Auth;

/// <summary>Signed JWT sessions (HS256) carrying the user, role, tenant and security stamp.</summary>
public sealed class SessionTokens(IOptions<AuthOptions> options, TimeProvider clock)
{
    private const string Issuer = "fitpilot";
    private const string Audience = "fitpilot";
    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };
    private readonly SymmetricSecurityKey _key = new(options.Value.KeyBytes());

    public (string Token, DateTimeOffset ExpiresAt) Issue(LoginEntity login)
    {
        var now = clock.GetUtcNow();
        var expires = now + options.Value.SessionLifetime;
        var claims = new Dictionary<string, object>
        {
            ["sub"] = login.UserId,
            ["role"] = login.Role,
            ["email"] = login.PartitionKey,
            ["tid"] = login.TrainerId,
            ["sst"] = login.SecurityStamp,
        };
        var token = _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer, Audience = Audience, Claims = claims,
            IssuedAt = now.UtcDateTime, NotBefore = now.UtcDateTime, Expires = expires.UtcDateTime,
            SigningCredentials = new SigningCredentials(_key, SecurityAlgorithms.HmacSha256),
        });
        return (token, expires);
    }

    /// <summary>The session and its security stamp, or null for anything not issued by us and still valid.</summary>
    public async Task<(UserSession Session, string Stamp)?> ValidateAsync(string token)
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
        var (sub, role, email, tid, sst) = (Claim("sub"), Claim("role"), Claim("email"), Claim("tid"), Claim("sst"));
        if (sub is null || email is null || tid is null || sst is null || role is not (Roles.Trainer or Roles.Client)) return null;
        return (new UserSession(sub, role, email, tid, role == Roles.Client ? sub : null), sst);
    }
}
