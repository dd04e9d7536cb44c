using Azure;
using Azure.Data.Tables;
using FitPilot.Functions.Storage;

namespace FitPilot.Functions.ClientSummaries;

/// <summary>
/// One client's dashboard summary: table <c>clientsummaries</c>, PartitionKey = the PT, RowKey = the client, so the whole
/// dashboard is one partition query. <see cref="StateJson"/> is a <see cref="ClientSummaryState"/> (version <see cref="StateVersion"/>).
/// </summary>
public sealed class ClientSummaryEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }
    public int StateVersion { get; set; } = ClientSummaryState.Version;
    public string StateJson { get; set; } = "{}";
    public DateTimeOffset UpdatedAt { get; set; }

    public string ClientId => RowKey;

    public ClientSummaryState State() => StoredJson.Deserialize<ClientSummaryState>(StateJson);
}

/// <summary>The one owner of table <c>clientsummaries</c>.</summary>
public sealed class ClientSummaryStore(StorageClients storage)
{
    private readonly TenantTable _table = new(storage.Table(StorageNames.ClientSummariesTable));

    public Task<ClientSummaryEntity?> FindAsync(string trainerId, string clientId, CancellationToken ct) => _table.FindAsync<ClientSummaryEntity>(trainerId, clientId, ct);

    /// <summary>Inserts a new summary; false when another writer created it first.</summary>
    public Task<bool> TryAddAsync(ClientSummaryEntity row, CancellationToken ct) => _table.TryAddAsync(row, ct);

    /// <summary>Replaces the summary over the version read (a conflict when another event changed it meanwhile).</summary>
    public Task UpdateAsync(ClientSummaryEntity row, CancellationToken ct) => _table.UpdateAsync(row, ct);

    public Task DeleteAsync(string trainerId, string clientId, CancellationToken ct) => _table.DeleteAsync(trainerId, clientId, ct);

    /// <summary>Every summary of a PT: one partition query (a page per 1,000 clients).</summary>
    public IAsyncEnumerable<ClientSummaryEntity> AllAsync(string trainerId, CancellationToken ct) => _table.QueryPartitionAsync<ClientSummaryEntity>(trainerId, ct);
}
