using Azure;
using Azure.Data.Tables;
using FitPilot.Functions.Common;

namespace FitPilot.Functions.Storage;

/// <summary>
/// A table whose every read and write names its partition: the tenant key (a trainer id, a client
/// id, a hashed email for the login index). There is no method without one, so a query can never
/// cross tenants by accident. Updates carry the ETag they read (optimistic concurrency). Each table
/// has one owner class (a store) that alone creates a TenantTable for it.
/// </summary>
public sealed class TenantTable(TableClient table)
{
    public string Name => table.Name;

    public async Task<T?> FindAsync<T>(string partitionKey, string rowKey, CancellationToken ct) where T : class, ITableEntity
    {
        RequireKey(partitionKey);
        if (!IsValidKey(rowKey)) return null;
        var response = await table.GetEntityIfExistsAsync<T>(partitionKey, rowKey, cancellationToken: ct);
        return response.HasValue ? response.Value : null;
    }

    /// <summary>The row, or a 404 domain error saying what is missing.</summary>
    public async Task<T> GetAsync<T>(string partitionKey, string rowKey, string notFound, CancellationToken ct) where T : class, ITableEntity =>
        await FindAsync<T>(partitionKey, rowKey, ct) ?? throw DomainException.NotFound(notFound);

    /// <summary>
    /// Inserts a new row; false when the key is already taken (unique index entities rely on this).
    /// A 409 whose row holds exactly this entity is this call's own insert: the SDK retried after an
    /// attempt that storage carried out but did not answer in time, so it counts as done.
    /// </summary>
    public async Task<bool> TryAddAsync<T>(T entity, CancellationToken ct) where T : class, ITableEntity
    {
        RequireKey(entity.PartitionKey);
        try
        {
            var response = await table.AddEntityAsync(entity, ct);
            entity.ETag = response.Headers.ETag ?? default;
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return await IsStoredAsIsAsync(entity, ct);
        }
    }

    /// <summary>Inserts a row under a new key.</summary>
    public async Task AddAsync<T>(T entity, CancellationToken ct) where T : class, ITableEntity
    {
        if (!await TryAddAsync(entity, ct))
            throw DomainException.Conflict("A record with this key already exists.", "Already exists");
    }

    /// <summary>
    /// Replaces the row if nobody changed it since it was read (its ETag); otherwise a conflict — unless
    /// the row now holds exactly this entity: then the change is this call's own, applied by an attempt
    /// that storage did not answer in time before the SDK retried it.
    /// </summary>
    public async Task UpdateAsync<T>(T entity, CancellationToken ct) where T : class, ITableEntity
    {
        RequireKey(entity.PartitionKey);
        try
        {
            var response = await table.UpdateEntityAsync(entity, entity.ETag, TableUpdateMode.Replace, ct);
            entity.ETag = response.Headers.ETag ?? default;
        }
        catch (RequestFailedException e) when (e.Status == 412)
        {
            if (await IsStoredAsIsAsync(entity, ct)) return;
            throw DomainException.Stale();
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            throw DomainException.NotFound();
        }
    }

    /// <summary>
    /// Reads a row, holds it to the version the caller read (<paramref name="ifMatch"/>: a different one is a
    /// conflict before anything is written), applies <paramref name="change"/> and saves it over the version read.
    /// </summary>
    public async Task<T> ChangeAsync<T>(string partitionKey, string rowKey, ETag? ifMatch, string notFound, Action<T> change, CancellationToken ct)
        where T : class, ITableEntity
    {
        var entity = await GetAsync<T>(partitionKey, rowKey, notFound, ct);
        RequireVersion(ifMatch, entity.ETag);
        change(entity);
        await UpdateAsync(entity, ct);
        return entity;
    }

    /// <summary>A caller's If-Match against the version stored: weak and strong forms of one tag match.</summary>
    public static void RequireVersion(ETag? expected, ETag current)
    {
        if (expected is { } tag && Opaque(tag) != Opaque(current)) throw DomainException.Stale();
    }

    private static string Opaque(ETag tag) => tag.ToString() is var s && s.StartsWith("W/", StringComparison.Ordinal) ? s[2..] : s;

    public async Task UpsertAsync<T>(T entity, CancellationToken ct) where T : ITableEntity
    {
        RequireKey(entity.PartitionKey);
        var response = await table.UpsertEntityAsync(entity, TableUpdateMode.Replace, ct);
        entity.ETag = response.Headers.ETag ?? default;
    }

    /// <summary>Deletes a row (only that version, with <paramref name="ifMatch"/>); a row that is already gone is not an error.</summary>
    public async Task DeleteAsync(string partitionKey, string rowKey, CancellationToken ct, ETag? ifMatch = null)
    {
        RequireKey(partitionKey);
        try
        {
            await table.DeleteEntityAsync(partitionKey, rowKey, ifMatch ?? ETag.All, ct);
        }
        catch (RequestFailedException e) when (e.Status == 412)
        {
            throw DomainException.Stale();
        }
    }

    /// <summary>Every row of one partition (optionally filtered), page by page from the service.</summary>
    public IAsyncEnumerable<T> QueryPartitionAsync<T>(string partitionKey, CancellationToken ct, string? filter = null)
        where T : class, ITableEntity, new()
    {
        RequireKey(partitionKey);
        return table.QueryAsync<T>(PartitionFilter(partitionKey, filter), cancellationToken: ct);
    }

    /// <summary>
    /// Rows matching <paramref name="filter"/> across partitions: for a daily job that must look at every
    /// tenant (the trial timer), never for a request.
    /// </summary>
    public IAsyncEnumerable<T> QueryAcrossPartitionsAsync<T>(string filter, CancellationToken ct) where T : class, ITableEntity, new() =>
        table.QueryAsync<T>(filter, cancellationToken: ct);

    /// <summary>The keys of every row of one partition (nothing else is sent back): for counting.</summary>
    public IAsyncEnumerable<TableEntity> KeysOfPartitionAsync(string partitionKey, CancellationToken ct)
    {
        RequireKey(partitionKey);
        return table.QueryAsync<TableEntity>(PartitionFilter(partitionKey, null), select: ["RowKey"], cancellationToken: ct);
    }

    /// <summary>One page of a partition; the cursor is the service's continuation token, made opaque.</summary>
    public async Task<(IReadOnlyList<T> Items, string? NextCursor)> PageAsync<T>(
        string partitionKey, int pageSize, string? cursor, CancellationToken ct, string? filter = null)
        where T : class, ITableEntity, new()
    {
        RequireKey(partitionKey);
        var continuation = cursor is null ? null : Cursors.Decode(cursor);
        var pages = table.QueryAsync<T>(PartitionFilter(partitionKey, filter), maxPerPage: pageSize, cancellationToken: ct)
            .AsPages(continuation, pageSize);
        try
        {
            await foreach (var page in pages)
                return (page.Values, page.ContinuationToken is null ? null : Cursors.Encode(page.ContinuationToken));
        }
        catch (RequestFailedException e) when (cursor is not null && e.Status == 400)
        {
            throw Cursors.Invalid();
        }
        return ([], null);
    }

    /// <summary>Deletes a whole partition in entity group transactions of up to 100 rows.</summary>
    public Task<int> DeletePartitionAsync(string partitionKey, CancellationToken ct)
    {
        RequireKey(partitionKey);
        return DeleteRowsAsync(PartitionFilter(partitionKey, null), ct);
    }

    /// <summary>
    /// Deletes every row matching <paramref name="filter"/> across partitions, in transactions per
    /// partition: the nightly sweeps of expired rows (tokens, sessions, throttle counters), keyed by what
    /// they limit, so only such a job reads them all.
    /// </summary>
    public async Task<int> DeleteRowsAsync(string filter, CancellationToken ct)
    {
        var deleted = 0;
        var batch = new List<TableTransactionAction>(100);
        await foreach (var row in table.QueryAsync<TableEntity>(filter, select: ["PartitionKey", "RowKey"], cancellationToken: ct))
        {
            if (batch.Count == 100 || (batch.Count > 0 && batch[0].Entity.PartitionKey != row.PartitionKey))
            {
                deleted += await SubmitAsync(batch, ct);
                batch.Clear();
            }
            batch.Add(new TableTransactionAction(TableTransactionActionType.Delete, row, ETag.All));
        }
        if (batch.Count > 0) deleted += await SubmitAsync(batch, ct);
        return deleted;
    }

    private async Task<int> SubmitAsync(List<TableTransactionAction> batch, CancellationToken ct)
    {
        await table.SubmitTransactionAsync(batch, ct);
        return batch.Count;
    }

    /// <summary>Submits up to 100 upserts of one partition as one entity group transaction.</summary>
    public async Task UpsertBatchAsync<T>(IReadOnlyList<T> entities, CancellationToken ct) where T : ITableEntity
    {
        if (entities.Count == 0) return;
        if (entities.Count > 100 || entities.Select(e => e.PartitionKey).Distinct().Count() != 1)
            throw new ArgumentException("A batch is at most 100 rows of one partition.", nameof(entities));
        await table.SubmitTransactionAsync(entities.Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, e)), ct);
    }

    /// <summary>Submits actions on one partition as one entity group transaction (all or nothing).</summary>
    public Task SubmitAsync(IEnumerable<TableTransactionAction> actions, CancellationToken ct) => table.SubmitTransactionAsync(actions, ct);

    /// <summary>Whether the stored row holds exactly this entity's values (then its ETag becomes the entity's).</summary>
    private async Task<bool> IsStoredAsIsAsync<T>(T entity, CancellationToken ct) where T : class, ITableEntity
    {
        var stored = await table.GetEntityIfExistsAsync<TableEntity>(entity.PartitionKey, entity.RowKey, cancellationToken: ct);
        if (!stored.HasValue || !RowMapper.HasSameValues(entity, stored.Value!)) return false;
        entity.ETag = stored.Value!.ETag;
        return true;
    }

    private static string PartitionFilter(string partitionKey, string? filter) =>
        filter is null
            ? TableClient.CreateQueryFilter($"PartitionKey eq {partitionKey}")
            : $"{TableClient.CreateQueryFilter($"PartitionKey eq {partitionKey}")} and ({filter})";

    private static void RequireKey(string partitionKey)
    {
        if (!IsValidKey(partitionKey))
            throw new ArgumentException("A tenant (partition) key is required.", nameof(partitionKey));
    }

    /// <summary>Table keys may not hold '/', '\', '#', '?' or control characters, nor exceed 1 KiB.</summary>
    public static bool IsValidKey(string? key) =>
        !string.IsNullOrEmpty(key) && key.Length <= 512 &&
        key.All(c => c is not ('/' or '\\' or '#' or '?') && !char.IsControl(c));
}
