using Azure;
using FitPilot.Functions.Storage;

namespace FitPilot.Functions.Clients;

/// <summary>
/// The one owner of table <c>clients</c> (<see cref="ClientEntity"/>, PartitionKey = the PT). Other
/// features use it to check "this PT's client": another PT's client looks exactly like no client (404).
/// </summary>
public sealed class ClientStore(StorageClients storage)
{
    private readonly TenantTable _table = new(storage.Table(StorageNames.ClientsTable));

    public Task<ClientEntity?> FindAsync(string trainerId, string clientId, CancellationToken ct) =>
        _table.FindAsync<ClientEntity>(trainerId, clientId, ct);

    /// <summary>The PT's client, or 404.</summary>
    public Task<ClientEntity> GetAsync(string trainerId, string clientId, CancellationToken ct) =>
        _table.GetAsync<ClientEntity>(trainerId, clientId, "No such client.", ct);

    public Task<(IReadOnlyList<ClientEntity> Items, string? NextCursor)> PageAsync(string trainerId, int limit, string? cursor, CancellationToken ct) =>
        _table.PageAsync<ClientEntity>(trainerId, limit, cursor, ct);

    public IAsyncEnumerable<ClientEntity> AllAsync(string trainerId, CancellationToken ct) => _table.QueryPartitionAsync<ClientEntity>(trainerId, ct);

    /// <summary>How many clients the PT has, invited ones included (they hold a seat of the plan): one query of keys only.</summary>
    public async Task<int> CountAsync(string trainerId, CancellationToken ct)
    {
        var count = 0;
        await foreach (var _ in _table.KeysOfPartitionAsync(trainerId, ct)) count++;
        return count;
    }

    public Task AddAsync(ClientEntity client, CancellationToken ct) => _table.AddAsync(client, ct);

    /// <summary>Saves a client read before, over the version read.</summary>
    public Task UpdateAsync(ClientEntity client, CancellationToken ct) => _table.UpdateAsync(client, ct);

    /// <summary>Changes a client over the version the caller read (<paramref name="ifMatch"/>), or the one read here.</summary>
    public Task<ClientEntity> ChangeAsync(string trainerId, string clientId, ETag? ifMatch, Action<ClientEntity> change, CancellationToken ct) =>
        _table.ChangeAsync(trainerId, clientId, ifMatch, "No such client.", change, ct);

    public Task DeleteAsync(string trainerId, string clientId, CancellationToken ct) => _table.DeleteAsync(trainerId, clientId, ct);
}
