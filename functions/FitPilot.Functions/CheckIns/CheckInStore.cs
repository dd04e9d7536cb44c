using Azure.Data.Tables;
using FitPilot.Functions.Storage;

namespace FitPilot.Functions.CheckIns;

/// <summary>The one owner of table <c>checkins</c> (the layout: <see cref="CheckInRows"/>).</summary>
public sealed class CheckInStore(StorageClients storage)
{
    private readonly TenantTable _table = new(storage.Table(StorageNames.CheckInsTable));

    public Task<T?> FindAsync<T>(string partitionKey, string rowKey, CancellationToken ct) where T : class, ITableEntity => _table.FindAsync<T>(partitionKey, rowKey, ct);

    public IAsyncEnumerable<T> QueryAsync<T>(string partitionKey, string? filter, CancellationToken ct) where T : class, ITableEntity, new() =>
        _table.QueryPartitionAsync<T>(partitionKey, ct, filter);

    /// <summary>The first <paramref name="count"/> rows of a range, in key order: one round trip.</summary>
    public async Task<IReadOnlyList<T>> FirstAsync<T>(string partitionKey, string filter, int count, CancellationToken ct) where T : class, ITableEntity, new() =>
        (await _table.PageAsync<T>(partitionKey, count, null, ct, filter)).Items;

    public Task AddAsync<T>(T entity, CancellationToken ct) where T : class, ITableEntity => _table.AddAsync(entity, ct);
    /// <summary>Inserts a row only if its key is free (a receipt); false when another run holds it.</summary>
    public Task<bool> TryAddAsync<T>(T entity, CancellationToken ct) where T : class, ITableEntity => _table.TryAddAsync(entity, ct);
    public Task UpdateAsync<T>(T entity, CancellationToken ct) where T : class, ITableEntity => _table.UpdateAsync(entity, ct);
    public Task UpsertAsync<T>(T entity, CancellationToken ct) where T : class, ITableEntity => _table.UpsertAsync(entity, ct);
    public Task DeleteAsync(string partitionKey, string rowKey, CancellationToken ct, Azure.ETag? ifMatch = null) => _table.DeleteAsync(partitionKey, rowKey, ct, ifMatch);

    /// <summary>Rows of one partition written together (at most 100).</summary>
    public Task SubmitAsync(IReadOnlyList<TableTransactionAction> actions, CancellationToken ct) =>
        actions.Count == 0 ? Task.CompletedTask : _table.SubmitAsync(actions, ct);

    public Task DeletePartitionAsync(string partitionKey, CancellationToken ct) => _table.DeletePartitionAsync(partitionKey, ct);

    /// <summary>Rows of one partition matching a filter, deleted 100 to a transaction.</summary>
    public Task<int> DeleteWhereAsync(string partitionKey, string filter, CancellationToken ct) =>
        _table.DeleteRowsAsync($"{TableClient.CreateQueryFilter($"PartitionKey eq {partitionKey}")} and ({filter})", ct);
}
