using FitPilot.Contracts.Auth;
using FitPilot.Contracts.Clients;
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
    StorageClients storage, PasswordHasher hasher, SessionTokens tokens, SessionAuth auth, LoginThrottle throttle,
    OneTimeTokens oneTimeTokens, EmailOutbox outbox, IOptions<AuthOptions> authOptions, IOptions<AppOptions> appOptions,
    TimeProvider clock)
{
    private readonly TenantTable _logins = new(storage.Table(StorageNames.LoginsTable));
    private readonly TenantTable _trainers = new(storage.Table(StorageNames.TrainersTable));
    private readonly TenantTable _clients = new(storage.Table(StorageNames.ClientsTable));
    private AuthOptions Auth => authOptions.Value;
    private AppOptions App => appOptions.Value;

    /// <summary>Creates a PT on a 7-day Solo trial. The email is claimed first, so two sign-ups cannot share it.</summary>
    public async Task<SessionResponse> RegisterTrainerAsync(RegisterTrainerRequest request, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var email = LoginEntity.NormaliseEmail(request.Email);
        var trainerId = NewId();
        var login = new LoginEntity
        {
            PartitionKey = email, Role = Roles.Trainer, UserId = trainerId, TrainerId = trainerId,
            PasswordHash = hasher.Hash(request.Password), SecurityStamp = NewId(),
        };
        if (!await _logins.TryAddAsync(login, ct))
            throw new ProblemException(409, "Email already registered", "An account with this email already exists. Log in or reset your password.",
                new Dictionary<string, string[]> { ["email"] = ["An account with this email already exists."] });

        var trainer = new TrainerEntity
        {
            PartitionKey = trainerId, Name = request.Name.Trim(), Email = email, BusinessName = request.BusinessName?.Trim(),
            SubscriptionTier = SubscriptionTiers.Solo, SubscriptionStatus = SubscriptionStatuses.Trial,
            TrialStartDate = now, CreatedAt = now, UpdatedAt = now,
        };
        try
        {
            await _trainers.AddAsync(trainer, ct);
        }
        catch
        {
            await _logins.DeleteAsync(email, LoginEntity.Row, CancellationToken.None); // give the email back
            throw;
        }
        var (token, expires) = tokens.Issue(login);
        return new SessionResponse(token, expires, TrainerMe(trainer, now));
    }

    /// <summary>
    /// Checks the password. Failures count per account (lockout after 5) and per IP (30 per 15 min);
    /// an unknown email costs the same hash time as a known one.
    /// </summary>
    public async Task<SessionResponse> LoginAsync(LoginRequest request, string clientIp, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var email = LoginEntity.NormaliseEmail(request.Email);
        var ipKey = "login-ip:" + clientIp;
        await throttle.EnsureAllowedAsync(ipKey, Auth.MaxFailedLoginsPerIp, Auth.IpWindow, ct);

        var login = await _logins.FindAsync<LoginEntity>(email, LoginEntity.Row, ct);
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
        var me = await MeAsync(SessionOf(login), ct);
        var (token, expires) = tokens.Issue(login);
        return new SessionResponse(token, expires, me);
    }

    public async Task<MeResponse> MeAsync(UserSession session, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (session.IsTrainer)
        {
            var trainer = await _trainers.FindAsync<TrainerEntity>(session.TrainerId, TrainerEntity.Row, ct) ?? throw ProblemException.NotFound();
            return TrainerMe(trainer, now);
        }
        var client = await _clients.FindAsync<ClientEntity>(session.TrainerId, session.ClientId!, ct) ?? throw ProblemException.NotFound();
        var coach = await _trainers.FindAsync<TrainerEntity>(session.TrainerId, TrainerEntity.Row, ct);
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

    /// <summary>Changes the password and ends every other session (new security stamp); returns a fresh session.</summary>
    public async Task<SessionResponse> ChangePasswordAsync(UserSession session, ChangePasswordRequest request, CancellationToken ct)
    {
        var login = await _logins.FindAsync<LoginEntity>(session.Email, LoginEntity.Row, ct) ?? throw ProblemException.Unauthorized();
        if (!hasher.Verify(request.CurrentPassword, login.PasswordHash))
            throw ProblemException.Validation("currentPassword", "This is not your current password.");
        login.PasswordHash = hasher.Hash(request.NewPassword);
        login.SecurityStamp = NewId();
        await _logins.UpdateAsync(login, ct);
        auth.Forget(login.PartitionKey);
        var (token, expires) = tokens.Issue(login);
        return new SessionResponse(token, expires, await MeAsync(session, ct));
    }

    /// <summary>Emails a one-time reset link if the address has an account; answers the same either way.</summary>
    public async Task ForgotPasswordAsync(ForgotPasswordRequest request, CancellationToken ct)
    {
        var email = LoginEntity.NormaliseEmail(request.Email);
        var key = "reset:" + email;
        try { await throttle.EnsureAllowedAsync(key, 3, TimeSpan.FromHours(1), ct); }
        catch (ProblemException e) when (e.Status == 429) { return; } // silently: the answer must not reveal anything
        await throttle.RecordAsync(key, TimeSpan.FromHours(1), ct);

        var login = await _logins.FindAsync<LoginEntity>(email, LoginEntity.Row, ct);
        if (login?.PasswordHash is null) return;
        var (token, entity) = await oneTimeTokens.CreateAsync(OneTimeTokens.PasswordReset, email, login.TrainerId, login.UserId, App.PasswordResetLifetime, ct);
        var name = (await MeAsync(SessionOf(login), ct)).Name;
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
        var login = await _logins.FindAsync<LoginEntity>(token.Email, LoginEntity.Row, ct);
        if (login is null || login.UserId != token.UserId)
            throw new ProblemException(410, "Reset link expired", "This reset link is no longer valid.");
        login.PasswordHash = hasher.Hash(request.NewPassword);
        login.SecurityStamp = NewId();
        login.FailedLogins = 0;
        login.LockedUntil = null;
        await _logins.UpdateAsync(login, ct);
        await oneTimeTokens.DeleteAsync(OneTimeTokens.PasswordReset, token.RowKey, ct);
        auth.Forget(login.PartitionKey);
    }

    private async Task TryUpdate(LoginEntity login, CancellationToken ct)
    {
        try { await _logins.UpdateAsync(login, ct); }
        catch (ProblemException e) when (e.Status == 409) { /* a concurrent login updated it; its count stands */ }
    }

    private static UserSession SessionOf(LoginEntity login) =>
        new(login.UserId, login.Role, login.PartitionKey, login.TrainerId, login.Role == Roles.Client ? login.UserId : null);

    private MeResponse TrainerMe(TrainerEntity trainer, DateTimeOffset now) =>
        new(trainer.Id, Roles.Trainer, trainer.Email, trainer.Name, trainer.ToProfile(now, App.TrialDays), null);

    private static MeResponse ClientMe(ClientEntity client, TrainerEntity? coach) =>
        new(client.Id, Roles.Client, client.Email, client.Name, null, client.ToProfile(), coach?.ToCoachSummary());

    public static string NewId() => Guid.NewGuid().ToString("N");
}
