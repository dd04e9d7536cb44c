using FitPilot.Contracts.Auth;
using FitPilot.Contracts.Clients;
using FitPilot.Contracts.Common;
using FitPilot.Functions.Auth;
using FitPilot.Functions.Common;
using FitPilot.Functions.Email;
using FitPilot.Functions.Events;
using FitPilot.Functions.Storage;
using FitPilot.Functions.Trainers;
using Microsoft.Extensions.Options;

namespace FitPilot.Functions.Clients;

/// <summary>A PT's clients: invite, re-invite, revoke, list, update, remove (their data follows through <see cref="ClientRemoved"/>).</summary>
public sealed class ClientService(
    ClientStore clients, TrainerStore trainers, Logins logins, Sessions sessions, OneTimeTokens oneTimeTokens, EmailOutbox outbox, EventBus events,
    IPlanLimits limits, IOptions<AppOptions> appOptions, TimeProvider clock)
{
    private AppOptions App => appOptions.Value;

    /// <summary>
    /// Claims the email, then writes the invitation token, the client and the email. A claim whose client
    /// was never written (storage failed in between) is taken over by the next invitation of that address.
    /// </summary>
    public async Task<ClientEntity> InviteAsync(string trainerId, InviteClientRequest request, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var trainer = await trainers.GetAsync(trainerId, ct);
        await RequireSeatAsync(trainer, ct);
        var clientId = Ids.New();
        var login = LoginEntity.For(request.Email, Roles.Client, clientId, trainerId, now);
        var email = login.Email;
        if (!await logins.TryClaimAsync(login, async existing => existing.Role == Roles.Client && existing.PasswordHash is null
                && await clients.FindAsync(existing.TrainerId, existing.UserId, ct) is null, ct))
            throw DomainException.Conflict("Someone with this email already has a FitPilot account or invitation.", "Email already in use",
                new Dictionary<string, string[]> { ["email"] = ["Someone with this email already has a FitPilot account or invitation."] });

        var client = new ClientEntity
        {
            PartitionKey = trainerId, RowKey = clientId, Name = request.Name.Trim(), Email = email,
            Status = ClientStatuses.Invited, CreatedAt = now, UpdatedAt = now,
        };
        try
        {
            var token = await NewInvitationAsync(client, ct);
            await clients.AddAsync(client, ct);
            await EmailInvitationAsync(client, trainer, token, ct);
        }
        catch (Exception e) when (!StorageFailure.IsUnavailable(e))
        {
            // Give the address back. (With storage down this would fail too: the next invitation takes the claim over.)
            await clients.DeleteAsync(trainerId, clientId, CancellationToken.None);
            await logins.ReleaseAsync(email, clientId, CancellationToken.None);
            if (client.InvitationTokenHash is not null)
                await oneTimeTokens.DeleteAsync(OneTimeTokens.Invitation, client.InvitationTokenHash, CancellationToken.None);
            throw;
        }
        return client;
    }

    /// <summary>
    /// The tier's client limit counts every client, invited ones too (an invitation holds a seat): at the
    /// limit, a new invitation is a 409 naming the limit.
    /// </summary>
    private async Task RequireSeatAsync(TrainerEntity trainer, CancellationToken ct)
    {
        var limit = limits.ClientLimit(trainer.SubscriptionTier);
        var count = await clients.CountAsync(trainer.Id, ct);
        if (count >= limit)
            throw DomainException.Conflict(
                $"Your {trainer.SubscriptionTier} plan includes up to {limit} clients and you have {count}. Upgrade your plan to invite more, or remove a client.",
                "Client limit reached",
                new Dictionary<string, string[]> { ["email"] = [$"Your {trainer.SubscriptionTier} plan allows {limit} clients."] });
    }

    /// <summary>Sends a fresh link (the old one stops working). Only for clients who have not joined yet.</summary>
    public async Task<ClientEntity> ReinviteAsync(string trainerId, string clientId, CancellationToken ct)
    {
        var client = await clients.GetAsync(trainerId, clientId, ct);
        if (client.Status != ClientStatuses.Invited)
            throw DomainException.Conflict("This client has already joined.");
        var trainer = await trainers.GetAsync(trainerId, ct);
        var previous = client.InvitationTokenHash;
        var token = await NewInvitationAsync(client, ct);
        await clients.UpdateAsync(client, ct);
        if (previous is not null) await oneTimeTokens.DeleteAsync(OneTimeTokens.Invitation, previous, ct);
        await EmailInvitationAsync(client, trainer, token, ct);
        return client;
    }

    /// <summary>Withdraws a pending invitation: the link stops working and the client is gone from the list.</summary>
    public async Task RevokeInvitationAsync(string trainerId, string clientId, CancellationToken ct)
    {
        var client = await clients.GetAsync(trainerId, clientId, ct);
        if (client.Status != ClientStatuses.Invited)
            throw DomainException.Conflict("This client has already joined; remove the client instead.");
        await EraseAsync(client, ct);
    }

    public async Task<Page<ClientProfile>> ListAsync(string trainerId, int limit, string? cursor, CancellationToken ct)
    {
        var (items, next) = await clients.PageAsync(trainerId, limit, cursor, ct);
        return new Page<ClientProfile>(items.Select(c => c.ToProfile()).ToList(), next);
    }

    public async Task<Versioned<ClientProfile>> GetAsync(string trainerId, string clientId, CancellationToken ct)
    {
        var client = await clients.GetAsync(trainerId, clientId, ct);
        return new(client.ToProfile(), client.ETag);
    }

    public async Task<Versioned<ClientProfile>> UpdateAsync(string trainerId, string clientId, UpdateClientRequest request, Azure.ETag? ifMatch, CancellationToken ct)
    {
        var client = await clients.ChangeAsync(trainerId, clientId, ifMatch, c => c.Apply(request, clock.GetUtcNow()), ct);
        return new(client.ToProfile(), client.ETag);
    }

    /// <summary>
    /// Removes a client and everything kept about them: sign-in and sessions first, so they lose
    /// access at once; then <see cref="ClientRemoved"/> for every feature's data; the profile last, so
    /// an interrupted removal is still listed and can simply be retried (the event is idempotent).
    /// </summary>
    public async Task RemoveAsync(string trainerId, string clientId, Azure.ETag? ifMatch, CancellationToken ct)
    {
        var client = await clients.GetAsync(trainerId, clientId, ct);
        TenantTable.RequireVersion(ifMatch, client.ETag);
        await EraseAsync(client, ct);
    }

    private async Task EraseAsync(ClientEntity client, CancellationToken ct)
    {
        await logins.ReleaseAsync(client.Email, client.Id, ct);
        await sessions.EndAllAsync(client.Id, ct);
        if (client.InvitationTokenHash is not null)
            await oneTimeTokens.DeleteAsync(OneTimeTokens.Invitation, client.InvitationTokenHash, ct);
        await events.PublishAsync(new ClientRemoved(client.TrainerId, client.Id), ct);
        await clients.DeleteAsync(client.TrainerId, client.Id, ct);
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
