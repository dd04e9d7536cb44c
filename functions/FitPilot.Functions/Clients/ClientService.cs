using FitPilot.Contracts.Auth;
using FitPilot.Contracts.Clients;
using FitPilot.Contracts.Common;
using FitPilot.Contracts.Trainers;
using FitPilot.Functions.Auth;
using FitPilot.Functions.Email;
using FitPilot.Functions.Hosting;
using FitPilot.Functions.Http;
using FitPilot.Functions.Storage;
using FitPilot.Functions.Trainers;
using Microsoft.Extensions.Options;

namespace FitPilot.Functions.Clients;

/// <summary>A PT's clients: invite, re-invite, revoke, list, update, remove (with all their data).</summary>
public sealed class ClientService(
    StorageClients storage, ClientDirectory directory, OneTimeTokens oneTimeTokens, EmailOutbox outbox, Logins logins, Sessions sessions,
    IEnumerable<IClientDataOwner> dataOwners, IOptions<AppOptions> appOptions, TimeProvider clock)
{
    private readonly TenantTable _clients = new(storage.Table(StorageNames.ClientsTable));
    private readonly TenantTable _trainers = new(storage.Table(StorageNames.TrainersTable));
    private AppOptions App => appOptions.Value;

    /// <summary>
    /// Claims the email, then writes the invitation token, the client and the email. A claim whose client
    /// was never written (storage failed in between) is taken over by the next invitation of that address.
    /// </summary>
    public async Task<ClientEntity> InviteAsync(string trainerId, InviteClientRequest request, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var trainer = await _trainers.FindAsync<TrainerEntity>(trainerId, TrainerEntity.Row, ct) ?? throw ProblemException.NotFound();
        var clientId = AccountService.NewId();
        var login = LoginEntity.For(request.Email, Roles.Client, clientId, trainerId, now);
        var email = login.Email;
        if (!await logins.TryClaimAsync(login, async existing => existing.Role == Roles.Client && existing.PasswordHash is null
                && await directory.FindAsync(existing.TrainerId, existing.UserId, ct) is null, ct))
            throw new ProblemException(409, "Email already in use", "Someone with this email already has a FitPilot account or invitation.",
                new Dictionary<string, string[]> { ["email"] = ["Someone with this email already has a FitPilot account or invitation."] });

        var client = new ClientEntity
        {
            PartitionKey = trainerId, RowKey = clientId, Name = request.Name.Trim(), Email = email,
            Status = ClientStatuses.Invited, CreatedAt = now, UpdatedAt = now,
        };
        try
        {
            var token = await NewInvitationAsync(client, ct);
            await _clients.AddAsync(client, ct);
            await EmailInvitationAsync(client, trainer, token, ct);
        }
        catch (Exception e) when (!StorageFailure.IsUnavailable(e))
        {
            // Give the address back. (With storage down this would fail too: the next invitation takes the claim over.)
            await _clients.DeleteAsync(trainerId, clientId, CancellationToken.None);
            await logins.ReleaseAsync(email, clientId, CancellationToken.None);
            if (client.InvitationTokenHash is not null)
                await oneTimeTokens.DeleteAsync(OneTimeTokens.Invitation, client.InvitationTokenHash, CancellationToken.None);
            throw;
        }
        return client;
    }

    /// <summary>Sends a fresh link (the old one stops working). Only for clients who have not joined yet.</summary>
    public async Task<ClientEntity> ReinviteAsync(string trainerId, string clientId, CancellationToken ct)
    {
        var client = await GetAsync(trainerId, clientId, ct);
        if (client.Status != ClientStatuses.Invited)
            throw ProblemException.Conflict("This client has already joined.");
        var trainer = await _trainers.FindAsync<TrainerEntity>(trainerId, TrainerEntity.Row, ct) ?? throw ProblemException.NotFound();
        var previous = client.InvitationTokenHash;
        var token = await NewInvitationAsync(client, ct);
        await _clients.UpdateAsync(client, ct);
        if (previous is not null) await oneTimeTokens.DeleteAsync(OneTimeTokens.Invitation, previous, ct);
        await EmailInvitationAsync(client, trainer, token, ct);
        return client;
    }

    /// <summary>Withdraws a pending invitation: the link stops working and the client is gone from the list.</summary>
    public async Task RevokeInvitationAsync(string trainerId, string clientId, CancellationToken ct)
    {
        var client = await GetAsync(trainerId, clientId, ct);
        if (client.Status != ClientStatuses.Invited)
            throw ProblemException.Conflict("This client has already joined; remove the client instead.");
        await EraseAsync(client, ct);
    }

    public async Task<Page<ClientProfile>> ListAsync(string trainerId, int limit, string? cursor, CancellationToken ct)
    {
        var (items, next) = await _clients.PageAsync<ClientEntity>(trainerId, limit, cursor, ct);
        return new Page<ClientProfile>(items.Select(c => c.ToProfile()).ToList(), next);
    }

    public Task<ClientEntity> GetAsync(string trainerId, string clientId, CancellationToken ct) => directory.GetAsync(trainerId, clientId, ct);

    /// <summary>The PT dashboard's figures: clients by status (one partition read) and the trial.</summary>
    public async Task<TrainerDashboard> DashboardAsync(string trainerId, CancellationToken ct)
    {
        var trainer = await _trainers.FindAsync<TrainerEntity>(trainerId, TrainerEntity.Row, ct) ?? throw ProblemException.NotFound();
        int active = 0, invited = 0;
        await foreach (var client in _clients.QueryPartitionAsync<ClientEntity>(trainerId, ct))
        {
            if (client.Status == ClientStatuses.Active) active++;
            else invited++;
        }
        return new TrainerDashboard(active + invited, active, invited,
            trainer.TrialDaysRemaining(clock.GetUtcNow(), App.TrialDays), trainer.SubscriptionStatus, trainer.SubscriptionTier);
    }

    public async Task<ClientEntity> UpdateAsync(string trainerId, string clientId, UpdateClientRequest request, Azure.ETag? ifMatch, CancellationToken ct)
    {
        var client = await GetAsync(trainerId, clientId, ct);
        Api.RequireVersion(ifMatch, client.ETag);
        client.Apply(request, clock.GetUtcNow());
        await _clients.UpdateAsync(client, ct);
        return client;
    }

    /// <summary>
    /// Removes a client and everything kept about them (the data model's ON DELETE CASCADE):
    /// sign-in first, so they lose access at once, then every feature's data, the profile last,
    /// so an interrupted removal is still listed and can simply be retried.
    /// </summary>
    public async Task RemoveAsync(string trainerId, string clientId, Azure.ETag? ifMatch, CancellationToken ct)
    {
        var client = await GetAsync(trainerId, clientId, ct);
        Api.RequireVersion(ifMatch, client.ETag);
        await EraseAsync(client, ct);
    }

    private async Task EraseAsync(ClientEntity client, CancellationToken ct)
    {
        await logins.ReleaseAsync(client.Email, client.Id, ct);
        await sessions.EndAllAsync(client.Id, ct);
        if (client.InvitationTokenHash is not null)
            await oneTimeTokens.DeleteAsync(OneTimeTokens.Invitation, client.InvitationTokenHash, ct);
        foreach (var owner in dataOwners)
            await owner.DeleteClientDataAsync(client.TrainerId, client.Id, ct);
        await _clients.DeleteAsync(client.TrainerId, client.Id, ct);
    }

    /// <summary>Creates a one-time invitation token and records it on the (not yet saved) client.</summary>
    private async Task<string> NewInvitationAsync(ClientEntity client, CancellationToken ct)
    {
        var (token, entity) = await oneTimeTokens.CreateAsync(OneTimeTokens.Invitation, client.Email, client.TrainerId, client.Id, App.InvitationLifetime, ct);
        var now = clock.GetUtcNow();
        client.InvitationTokenHash = entity.RowKey;
        client.InvitedAt = now;
        client.InvitationExpiresAt = entity.ExpiresAt;
        client.UpdatedAt = now;
        return token;
    }

    private Task EmailInvitationAsync(ClientEntity client, TrainerEntity trainer, string token, CancellationToken ct) =>
        outbox.EnqueueAsync(EmailTemplates.Render("Invitation", client.Email, client.Name,
            $"{trainer.Name} invited you to FitPilot", new Dictionary<string, string>
            {
                ["clientName"] = client.Name,
                ["trainerName"] = string.IsNullOrWhiteSpace(trainer.BusinessName) ? trainer.Name : $"{trainer.Name} ({trainer.BusinessName})",
                ["link"] = App.Link("/accept-invitation?token=" + Uri.EscapeDataString(token)),
                ["expires"] = client.InvitationExpiresAt!.Value.ToString("d MMM yyyy"),
            }), ct);
}
