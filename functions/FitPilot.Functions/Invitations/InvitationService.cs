using FitPilot.Contracts.Auth;
using FitPilot.Contracts.Clients;
using FitPilot.Contracts.Invitations;
using FitPilot.Functions.Auth;
using FitPilot.Functions.Clients;
using FitPilot.Functions.Common;
using FitPilot.Functions.Events;
using FitPilot.Functions.Trainers;

namespace FitPilot.Functions.Invitations;

/// <summary>The client's side of an invitation: see who invited them, set a password, become active.</summary>
public sealed class InvitationService(
    OneTimeTokens oneTimeTokens, ClientStore clients, TrainerStore trainers, Logins logins, AuthService auth, EventBus events, TimeProvider clock)
{
    public async Task<InvitationPreview> PreviewAsync(string token, CancellationToken ct)
    {
        var (_, client) = await PendingAsync(token, ct);
        var trainer = await trainers.FindAsync(client.TrainerId, ct) ?? throw Gone();
        return new InvitationPreview(trainer.Name, trainer.BusinessName, client.Name, client.Email, client.InvitationExpiresAt ?? default);
    }

    /// <summary>Sets the client's password and time zone, makes them active, uses up the link and signs them in.</summary>
    public async Task<SessionResponse> AcceptAsync(AcceptInvitationRequest request, CancellationToken ct)
    {
        var zone = UserTime.Require(request.TimeZone);
        var (token, client) = await PendingAsync(request.Token, ct);
        var login = await logins.FindAsync(client.Email, ct);
        if (login is null || login.UserId != client.Id) throw Gone();

        await auth.SetPasswordAsync(login, request.Password, ct);
        var now = clock.GetUtcNow();
        client.Status = ClientStatuses.Active;
        client.JoinedAt = now;
        client.UpdatedAt = now;
        client.TimeZone = zone;
        client.InvitationTokenHash = null;
        client.InvitationExpiresAt = null;
        await clients.UpdateAsync(client, ct);
        await oneTimeTokens.DeleteAsync(OneTimeTokens.Invitation, token.RowKey, ct);
        await events.PublishAsync(new ClientJoined(client.TrainerId, client.Id, now), ct);
        return await auth.StartSessionAsync(login, ct);
    }

    private async Task<(OneTimeTokens.TokenEntity Token, ClientEntity Client)> PendingAsync(string token, CancellationToken ct)
    {
        var row = await oneTimeTokens.FindAsync(OneTimeTokens.Invitation, token, ct);
        if (row is null)
            throw DomainException.NotFound("This invitation link is not valid: it was already used, withdrawn or replaced by a newer one. Ask your trainer to invite you again.", "Invitation not found");
        if (oneTimeTokens.IsExpired(row))
            throw DomainException.Gone("Invitation expired", "This invitation link has expired. Ask your trainer to send you a new one.");
        var client = await clients.FindAsync(row.TrainerId, row.UserId, ct);
        if (client is null || client.Status != ClientStatuses.Invited || client.InvitationTokenHash != row.RowKey) throw Gone();
        return (row, client);
    }

    private static DomainException Gone() =>
        DomainException.NotFound("This invitation is no longer valid. Ask your trainer to invite you again.", "Invitation not found");
}
