using FitPilot.Functions.Http;
using FitPilot.Functions.Storage;

namespace FitPilot.Functions.Clients;

/// <summary>
/// The one lookup of "this PT's client": features that keep client data (programs, training) use it
/// to check a client id, without depending on ClientService (which calls them when a client is removed).
/// </summary>
public sealed class ClientDirectory(StorageClients storage)
{
    private readonly TenantTable _clients = new(storage.Table(StorageNames.ClientsTable));

    public Task<ClientEntity?> FindAsync(string trainerId, string clientId, CancellationToken ct) =>
        _clients.FindAsync<ClientEntity>(trainerId, clientId, ct);

    /// <summary>The PT's client, or 404: another PT's client looks exactly like no client.</summary>
    public async Task<ClientEntity> GetAsync(string trainerId, string clientId, CancellationToken ct) =>
        await FindAsync(trainerId, clientId, ct) ?? throw ProblemException.NotFound("No such client.");
}
