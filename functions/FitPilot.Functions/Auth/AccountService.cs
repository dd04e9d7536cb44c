using FitPilot.Contracts.Auth;
using FitPilot.Contracts.Clients;
using FitPilot.Contracts.Common;
using FitPilot.Contracts.Trainers;
using FitPilot.Functions.Clients;
using FitPilot.Functions.Email;
using FitPilot.Functions.Hosting;
using FitPilot.Functions.Http;
using FitPilot.Functions.Storage;
using FitPilot.Functions.Trainers;
using Microsoft.Extensions.Options;

namespace FitPilot.Functions.Auth;

/// <summary>PT sign-up, sign-in, the signed-in user's profile, passwords.</summary>
public sealed class AccountService(
    StorageClients storage, PasswordHasher hasher, Logins logins, Sessions sessions, LoginThrottle throttle,
    OneTimeTokens oneTimeTokens, EmailOutbox outbox, IOptions<AuthOptions> authOptions, IOptions<AppOptions> appOptions,
    TimeProvider clock)
{
    private readonly TenantTable _trainers = new(storage.Table(StorageNames.TrainersTable));
    private readonly TenantTable _clients = new(storage.Table(StorageNames.ClientsTable));
    private AuthOptions Auth => authOptions.Value;
    private AppOptions App => appOptions.Value;

    /// <summary>
    /// Creates a PT on a 7-day Solo trial. The profile is written first (under a new id nobody can
    /// reach yet), then the email is claimed: the claim is the commit, so a sign-up cut short by a
    /// storage failure leaves either a whole account or nothing anyone can see.
    /// </summary>
    public async Task<SessionResponse> RegisterTrainerAsync(RegisterTrainerRequest request, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var trainerId = NewId();
        var login = LoginEntity.For(request.Email, Roles.Trainer, trainerId, trainerId, now, hasher.Hash(request.Password));
        var trainer = new TrainerEntity
        {
            PartitionKey = trainerId, Name = request.Name.Trim(), Email = login.Email, BusinessName = request.BusinessName?.Trim(),
            SubscriptionTier = SubscriptionTiers.Solo, SubscriptionStatus = SubscriptionStatuses.Trial,
            TrialStartDate = now, CreatedAt = now, UpdatedAt = now,
        };
        await _trainers.AddAsync(trainer, ct);
        if (!await logins.TryClaimAsync(login, async existing => existing.Role == Roles.Trainer
                && await _trainers.FindAsync<TrainerEntity>(existing.TrainerId, TrainerEntity.Row, ct) is null, ct))
        {
            await _trainers.DeleteAsync(trainerId, TrainerEntity.Row, ct);
            throw new ProblemException(409, "Email already registered", "An account with this email already exists. Log in or reset your password.",
                new Dictionary<string, string[]> { ["email"] = ["An account with this email already exists."] });
        }
        var (token, expires) = await sessions.StartAsync(login, ct);
        return new SessionResponse(token, expires, TrainerMe(trainer, now));
    }

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
            throw new ProblemException(429, "Account temporarily locked", "Too many failed attempts. Try again later or reset your password.")
            { RetryAfterSeconds = (int)Math.Ceiling((locked - now).TotalSeconds) };

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
                await TryUpdate(login, ct);
            }
            throw new ProblemException(401, "Login failed", "The email or password is not right.");
        }

        if (login!.FailedLogins > 0 || login.LockedUntil is not null || hasher.NeedsRehash(login.PasswordHash!))
        {
            login.FailedLogins = 0;
            login.LockedUntil = null;
            if (hasher.NeedsRehash(login.PasswordHash!)) login.PasswordHash = hasher.Hash(request.Password);
            await TryUpdate(login, ct);
        }
        var me = await MeAsync(login.Role, login.TrainerId, login.UserId, ct);
        var (token, expires) = await sessions.StartAsync(login, ct);
        return new SessionResponse(token, expires, me);
    }

    public Task<MeResponse> MeAsync(UserSession session, CancellationToken ct) => MeAsync(session.Role, session.TrainerId, session.UserId, ct);

    private async Task<MeResponse> MeAsync(string role, string trainerId, string userId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (role == Roles.Trainer)
        {
            var trainer = await _trainers.FindAsync<TrainerEntity>(trainerId, TrainerEntity.Row, ct) ?? throw ProblemException.NotFound();
            return TrainerMe(trainer, now);
        }
        var client = await _clients.FindAsync<ClientEntity>(trainerId, userId, ct) ?? throw ProblemException.NotFound();
        var coach = await _trainers.FindAsync<TrainerEntity>(trainerId, TrainerEntity.Row, ct);
        return ClientMe(client, coach);
    }

    public async Task<MeResponse> UpdateTrainerProfileAsync(UserSession session, UpdateTrainerProfileRequest request, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var trainer = await _trainers.FindAsync<TrainerEntity>(session.TrainerId, TrainerEntity.Row, ct) ?? throw ProblemException.NotFound();
        trainer.Name = request.Name.Trim();
        trainer.Bio = request.Bio;
        trainer.Specializations = request.Specializations;
        trainer.Certifications = request.Certifications;
        trainer.PhoneNumber = request.PhoneNumber;
        trainer.BusinessName = request.BusinessName;
        trainer.Location = request.Location;
        trainer.YearsExperience = request.YearsExperience;
        trainer.UpdatedAt = now;
        await _trainers.UpdateAsync(trainer, ct);
        return TrainerMe(trainer, now);
    }

    public async Task<MeResponse> UpdateClientProfileAsync(UserSession session, UpdateClientRequest request, CancellationToken ct)
    {
        var client = await _clients.FindAsync<ClientEntity>(session.TrainerId, session.ClientId!, ct) ?? throw ProblemException.NotFound();
        client.Apply(request, clock.GetUtcNow());
        await _clients.UpdateAsync(client, ct);
        return ClientMe(client, await _trainers.FindAsync<TrainerEntity>(session.TrainerId, TrainerEntity.Row, ct));
    }

    /// <summary>Changes the password and ends every session (this device gets a fresh one).</summary>
    public async Task<SessionResponse> ChangePasswordAsync(UserSession session, ChangePasswordRequest request, CancellationToken ct)
    {
        var login = await logins.FindAsync(session.Email, ct);
        if (login is null || login.UserId != session.UserId) throw ProblemException.Unauthorized();
        if (!hasher.Verify(request.CurrentPassword, login.PasswordHash))
            throw ProblemException.Validation("currentPassword", "This is not your current password.");
        login.PasswordHash = hasher.Hash(request.NewPassword);
        await logins.UpdateAsync(login, ct);
        await sessions.EndAllAsync(login.UserId, ct);
        var (token, expires) = await sessions.StartAsync(login, ct);
        return new SessionResponse(token, expires, await MeAsync(session, ct));
    }

    /// <summary>Emails a one-time reset link if the address has an account; answers the same either way.</summary>
    public async Task ForgotPasswordAsync(ForgotPasswordRequest request, CancellationToken ct)
    {
        var email = EmailAddresses.Normalise(request.Email);
        var key = "reset:" + email;
        try { await throttle.EnsureAllowedAsync(key, 3, TimeSpan.FromHours(1), ct); }
        catch (ProblemException e) when (e.Status == 429) { return; } // silently: the answer must not reveal anything
        await throttle.RecordAsync(key, TimeSpan.FromHours(1), ct);

        var login = await logins.FindAsync(email, ct);
        if (login?.PasswordHash is null) return;
        var (token, entity) = await oneTimeTokens.CreateAsync(OneTimeTokens.PasswordReset, email, login.TrainerId, login.UserId, App.PasswordResetLifetime, ct);
        var name = (await MeAsync(login.Role, login.TrainerId, login.UserId, ct)).Name;
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
            throw new ProblemException(410, "Reset link expired", "This reset link has expired or was already used. Ask for a new one.");
        var login = await logins.FindAsync(token.Email, ct);
        if (login is null || login.UserId != token.UserId)
            throw new ProblemException(410, "Reset link expired", "This reset link is no longer valid.");
        login.PasswordHash = hasher.Hash(request.NewPassword);
        login.FailedLogins = 0;
        login.LockedUntil = null;
        await logins.UpdateAsync(login, ct);
        await sessions.EndAllAsync(login.UserId, ct);
        await oneTimeTokens.DeleteAsync(OneTimeTokens.PasswordReset, token.RowKey, ct);
    }

    /// <summary>Ends this device's session (log out); a stale or foreign token ends nothing.</summary>
    public Task LogOutAsync(UserSession session, CancellationToken ct) => sessions.EndAsync(session.UserId, session.SessionId, ct);

    /// <summary>Ends every session of the user, on every device.</summary>
    public Task LogOutEverywhereAsync(UserSession session, CancellationToken ct) => sessions.EndAllAsync(session.UserId, ct);

    private async Task TryUpdate(LoginEntity login, CancellationToken ct)
    {
        try { await logins.UpdateAsync(login, ct); }
        catch (ProblemException e) when (e.Status == 409) { /* a concurrent login updated it; its count stands */ }
    }

    private MeResponse TrainerMe(TrainerEntity trainer, DateTimeOffset now) =>
        new(trainer.Id, Roles.Trainer, trainer.Email, trainer.Name, trainer.ToProfile(now, App.TrialDays), null);

    private static MeResponse ClientMe(ClientEntity client, TrainerEntity? coach) =>
        new(client.Id, Roles.Client, client.Email, client.Name, null, client.ToProfile(), coach?.ToCoachSummary());

    public static string NewId() => Guid.NewGuid().ToString("N");
}
