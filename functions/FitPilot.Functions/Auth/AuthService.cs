using FitPilot.Contracts.Auth;
using FitPilot.Contracts.Common;
using FitPilot.Functions.Common;
using FitPilot.Functions.Email;
using Microsoft.Extensions.Options;

namespace FitPilot.Functions.Auth;

/// <summary>Signing in and out, and passwords: the credentials side of an account (profiles are the Accounts feature's).</summary>
public sealed class AuthService(
    PasswordHasher hasher, Logins logins, Sessions sessions, LoginThrottle throttle, OneTimeTokens oneTimeTokens,
    IUserProfiles profiles, EmailOutbox outbox, IOptions<AuthOptions> authOptions, IOptions<AppOptions> appOptions, TimeProvider clock)
{
    private AuthOptions Auth => authOptions.Value;
    private AppOptions App => appOptions.Value;

    /// <summary>
    /// Checks the password. Failures count per account (lockout after 5) and per IP (30 per 15 min);
    /// an unknown email costs the same hash time as a known one.
    /// </summary>
    public async Task<SessionResponse> LoginAsync(LoginRequest request, string clientIp, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var ipKey = "login-ip:" + clientIp;
        await throttle.EnsureAllowedAsync(ipKey, Auth.MaxFailedLoginsPerIp, Auth.IpWindow, ct);

        var login = await logins.FindAsync(request.Email, ct);
        if (login?.LockedUntil is { } locked && locked > now)
            throw DomainException.TooManyRequests("Account temporarily locked", "Too many failed attempts. Try again later or reset your password.",
                (int)Math.Ceiling((locked - now).TotalSeconds));

        if (!hasher.Verify(request.Password, login?.PasswordHash))
        {
            await throttle.RecordAsync(ipKey, Auth.IpWindow, ct);
            if (login?.PasswordHash is not null)
            {
                login.FailedLogins++;
                if (login.FailedLogins >= Auth.MaxFailedLoginsPerAccount)
                {
                    login.LockedUntil = now + Auth.AccountLockout;
                    login.FailedLogins = 0;
                }
                await TryUpdateAsync(login, ct);
            }
            throw DomainException.Unauthorized("Login failed", "The email or password is not right.");
        }

        if (login!.FailedLogins > 0 || login.LockedUntil is not null || hasher.NeedsRehash(login.PasswordHash!))
        {
            login.FailedLogins = 0;
            login.LockedUntil = null;
            if (hasher.NeedsRehash(login.PasswordHash!)) login.PasswordHash = hasher.Hash(request.Password);
            await TryUpdateAsync(login, ct);
        }
        return await StartSessionAsync(login, ct);
    }

    /// <summary>A new session for a login that just proved itself (log in, sign up, accept an invitation, new password).</summary>
    public async Task<SessionResponse> StartSessionAsync(LoginEntity login, CancellationToken ct)
    {
        var me = await profiles.GetAsync(login.Role, login.TrainerId, login.UserId, ct);
        var (token, expires) = await sessions.StartAsync(login, me.TimeZone, ct);
        return new SessionResponse(token, expires, me);
    }

    /// <summary>Sets a new password and ends every session of the login (password change, reset, first password of an invited client).</summary>
    public async Task SetPasswordAsync(LoginEntity login, string password, CancellationToken ct)
    {
        login.PasswordHash = hasher.Hash(password);
        login.FailedLogins = 0;
        login.LockedUntil = null;
        await logins.UpdateAsync(login, ct);
        await sessions.EndAllAsync(login.UserId, ct);
    }

    /// <summary>Changes the password and ends every session (this device gets a fresh one).</summary>
    public async Task<SessionResponse> ChangePasswordAsync(string userId, string email, ChangePasswordRequest request, CancellationToken ct)
    {
        var login = await logins.FindAsync(email, ct);
        if (login is null || login.UserId != userId) throw DomainException.Unauthorized();
        if (!hasher.Verify(request.CurrentPassword, login.PasswordHash))
            throw DomainException.Invalid("currentPassword", "This is not your current password.");
        await SetPasswordAsync(login, request.NewPassword, ct);
        return await StartSessionAsync(login, ct);
    }

    /// <summary>Emails a one-time reset link if the address has an account; answers the same either way.</summary>
    public async Task ForgotPasswordAsync(ForgotPasswordRequest request, CancellationToken ct)
    {
        var email = EmailAddresses.Normalise(request.Email);
        var key = "reset:" + email;
        try { await throttle.EnsureAllowedAsync(key, 3, TimeSpan.FromHours(1), ct); }
        catch (DomainException e) when (e.Kind == DomainErrorKind.TooManyRequests) { return; } // silently: the answer must not reveal anything
        await throttle.RecordAsync(key, TimeSpan.FromHours(1), ct);

        var login = await logins.FindAsync(email, ct);
        if (login?.PasswordHash is null) return;
        var (token, entity) = await oneTimeTokens.CreateAsync(OneTimeTokens.PasswordReset, email, login.TrainerId, login.UserId, App.PasswordResetLifetime, ct);
        var name = (await profiles.GetAsync(login.Role, login.TrainerId, login.UserId, ct)).Name;
        await outbox.EnqueueAsync(EmailTemplates.Render("PasswordReset", email, name, "Reset your FitPilot password",
            new Dictionary<string, string>
            {
                ["name"] = name,
                ["link"] = App.Link("/reset-password?token=" + Uri.EscapeDataString(token)),
                ["expires"] = entity.ExpiresAt.ToString("d MMM yyyy HH:mm 'UTC'"),
            }), ct);
    }

    public async Task ResetPasswordAsync(ResetPasswordRequest request, CancellationToken ct)
    {
        var token = await oneTimeTokens.FindAsync(OneTimeTokens.PasswordReset, request.Token, ct);
        if (token is null || oneTimeTokens.IsExpired(token))
            throw DomainException.Gone("Reset link expired", "This reset link has expired or was already used. Ask for a new one.");
        var login = await logins.FindAsync(token.Email, ct);
        if (login is null || login.UserId != token.UserId)
            throw DomainException.Gone("Reset link expired", "This reset link is no longer valid.");
        await SetPasswordAsync(login, request.NewPassword, ct);
        await oneTimeTokens.DeleteAsync(OneTimeTokens.PasswordReset, token.RowKey, ct);
    }

    /// <summary>Ends one session (log out on this device); a stale or foreign token ends nothing.</summary>
    public Task LogOutAsync(string userId, string sessionId, CancellationToken ct) => sessions.EndAsync(userId, sessionId, ct);

    /// <summary>Ends every session of the user, on every device.</summary>
    public Task LogOutEverywhereAsync(string userId, CancellationToken ct) => sessions.EndAllAsync(userId, ct);

    private async Task TryUpdateAsync(LoginEntity login, CancellationToken ct)
    {
        try { await logins.UpdateAsync(login, ct); }
        catch (DomainException e) when (e.Kind == DomainErrorKind.Conflict) { /* a concurrent login updated it; its count stands */ }
    }
}
