using FitPilot.Contracts.Auth;
using FitPilot.Contracts.Clients;
using FitPilot.Contracts.Invitations;
using FitPilot.Functions.Auth;
using FitPilot.Functions.Clients;
using FitPilot.Functions.Http;
using FitPilot.Functions.Storage;
using FitPilot.Functions.Trainers;

namespace FitPilot.Functions.Invitations;

/// <summary>The client's side of an invitation: see who invited them, set a password, become active.</summary>
public sealed class InvitationService(
    StorageClients storage, OneTimeTokens oneTimeTokens, PasswordHasher hasher, Logins logins, Sessions sessions, TimeProvider clock)
{
    private readonly TenantTable _clients = new(storage.Table(StorageNames.ClientsTable));
    private readonly TenantTable _trainers = new(storage.Table(StorageNames.TrainersTable));

    public async Task<InvitationPreview> PreviewAsync(string token, CancellationToken ct)
    {
        var (_, client) = await PendingAsync(token, ct);
        var trainer = await _trainers.FindAsync<TrainerEntity>(client.TrainerId, TrainerEntity.Row, ct) ?? throw Gone();
        return new InvitationPreview(trainer.Name, trainer.BusinessName, client.Name, client.Email, client.InvitationExpiresAt ?? default);
    }

    /// <summary>Sets the client's password, makes them active, uses up the link and signs them in.</summary>
    public async Task<SessionResponse> AcceptAsync(AcceptInvitationRequest request, CancellationToken ct)
    {
        var (token, client) = await PendingAsync(request.Token, ct);
        var login = await logins.FindAsync(client.Email, ct);
        if (login is null || login.UserId != client.Id) throw Gone();

        login.PasswordHash = hasher.Hash(request.Password);
        await logins.UpdateAsync(login, ct);

        var now = clock.GetUtcNow();
        client.Status = ClientStatuses.Active;
        client.JoinedAt = now;
        client.UpdatedAt = now;
        client.InvitationTokenHash = null;
        client.InvitationExpiresAt = null;
        await _clients.UpdateAsync(client, ct);
        await oneTimeTokens.DeleteAsync(OneTimeTokens.Invitation, token.RowKey, ct);

        var (jwt, expires) = await sessions.StartAsync(login, ct);
        var coach = await _trainers.FindAsync<TrainerEntity>(client.TrainerId, TrainerEntity.Row, ct);
        return new SessionResponse(jwt, expires, new MeResponse(client.Id, Roles.Client, client.Email, client.Name, null, client.ToProfile(), coach?.ToCoachSummary()));
    }

    private async Task<(OneTimeTokens.TokenEntity Token, ClientEntity Client)> PendingAsync(string token, CancellationToken ct)
    {
        var row = await oneTimeTokens.FindAsync(OneTimeTokens.Invitation, token, ct);
        if (row is null)
            throw new ProblemException(404, "Invitation not found", "This invitation link is not valid: it was already used, withdrawn or replaced by a newer one. Ask your trainer to invite you again.");
        if (oneTimeTokens.IsExpired(row))
            throw new ProblemException(410, "Invitation expired", "This invitation link has expired. Ask your trainer to send you a new one.");
        var client = await _clients.FindAsync<ClientEntity>(row.TrainerId, row.UserId, ct);
        if (client is null || client.Status != ClientStatuses.Invited || client.InvitationTokenHash != row.RowKey) throw Gone();
        return (row, client);
    }

    private static ProblemException Gone() =>
        new(404, "Invitation not found", "This invitation is no longer valid. Ask your trainer to invite you again.");
}
