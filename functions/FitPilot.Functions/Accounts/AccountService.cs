using FitPilot.Contracts.Auth;
using FitPilot.Contracts.Clients;
using FitPilot.Contracts.Trainers;
using FitPilot.Functions.Auth;
using FitPilot.Functions.Clients;
using FitPilot.Functions.Common;
using FitPilot.Functions.Events;
using FitPilot.Functions.Trainers;
using Microsoft.Extensions.Options;

namespace FitPilot.Functions.Accounts;

/// <summary>
/// A user's account as the app shows it: PT sign-up, the signed-in user ("me", a PT's or a client's
/// profile) and its changes. Credentials and sessions are Auth's; the profiles are Trainers' and Clients'.
/// </summary>
public sealed class AccountService(
    TrainerStore trainers, ClientStore clients, Logins logins, Sessions sessions, PasswordHasher hasher,
    IOptions<AppOptions> appOptions, EventBus events, TimeProvider clock) : IUserProfiles
{
    private AppOptions App => appOptions.Value;

    /// <summary>
    /// Creates a PT on a 7-day Solo trial. The profile is written first (under a new id nobody can
    /// reach yet), then the email is claimed: the claim is the commit, so a sign-up cut short by a
    /// storage failure leaves either a whole account or nothing anyone can see.
    /// </summary>
    public async Task<SessionResponse> RegisterTrainerAsync(RegisterTrainerRequest request, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var trainerId = Ids.New();
        var login = LoginEntity.For(request.Email, Roles.Trainer, trainerId, trainerId, now, hasher.Hash(request.Password));
        var trainer = new TrainerEntity
        {
            PartitionKey = trainerId, Name = request.Name.Trim(), Email = login.Email, BusinessName = request.BusinessName?.Trim(),
            SubscriptionTier = SubscriptionTiers.Solo, SubscriptionStatus = SubscriptionStatuses.Trial,
            TrialStartDate = now, CreatedAt = now, UpdatedAt = now, TimeZone = UserTime.Require(request.TimeZone),
        };
        await trainers.AddAsync(trainer, ct);
        if (!await logins.TryClaimAsync(login, async existing => existing.Role == Roles.Trainer && await trainers.FindAsync(existing.TrainerId, ct) is null, ct))
        {
            await trainers.DeleteAsync(trainerId, ct);
            throw DomainException.Conflict("An account with this email already exists. Log in or reset your password.", "Email already registered",
                new Dictionary<string, string[]> { ["email"] = ["An account with this email already exists."] });
        }
        await events.PublishAsync(new TrialStarted(trainerId, trainer.SubscriptionTier, now), ct);
        var me = TrainerMe(trainer);
        var (token, expires) = await sessions.StartAsync(login, me.TimeZone, ct);
        return new SessionResponse(token, expires, me);
    }

    public async Task<MeResponse> GetAsync(string role, string trainerId, string userId, CancellationToken ct)
    {
        if (role == Roles.Trainer) return TrainerMe(await trainers.GetAsync(trainerId, ct));
        var client = await clients.GetAsync(trainerId, userId, ct);
        return ClientMe(client, await trainers.FindAsync(trainerId, ct));
    }

    public async Task<MeResponse> UpdateTrainerAsync(string trainerId, UpdateTrainerProfileRequest request, CancellationToken ct) =>
        TrainerMe(await trainers.ChangeAsync(trainerId, null, t => t.Apply(request, clock.GetUtcNow()), ct));

    public async Task<MeResponse> UpdateClientAsync(string trainerId, string clientId, UpdateClientRequest request, CancellationToken ct)
    {
        var client = await clients.ChangeAsync(trainerId, clientId, null, c => c.Apply(request, clock.GetUtcNow()), ct);
        return ClientMe(client, await trainers.FindAsync(trainerId, ct));
    }

    private MeResponse TrainerMe(TrainerEntity trainer) =>
        new(trainer.Id, Roles.Trainer, trainer.Email, trainer.Name, trainer.ToProfile(clock.GetUtcNow(), App.TrialDays), null);

    private static MeResponse ClientMe(ClientEntity client, TrainerEntity? coach) =>
        new(client.Id, Roles.Client, client.Email, client.Name, null, client.ToProfile(), coach?.ToCoachSummary());
}
