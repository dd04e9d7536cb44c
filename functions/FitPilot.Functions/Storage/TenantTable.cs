using System.Buffers.Text;
using System.Text;
using Azure;
using Azure.Data.Tables;
using FitPilot.Contracts.Common;
using FitPilot.Functions.Http;

namespace FitPilot.Functions.Storage;

/// <summary>
/// A table whose every read and write names its partition: the tenant key (a trainer id, a
/// client id, an email for the login index). There is no method without one, so a query can
/// never cross tenants by accident. Updates carry the ETag they read (optimistic concurrency).
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

    public async Task AddAsync<T>(T entity, CancellationToken ct) where T : class, ITableEntity
    {
        if (!await TryAddAsync(entity, ct))
            throw new ProblemException(409, "Already exists", "A record with this key already exists.");
    }

    /// <summary>
    /// Replaces the row if nobody changed it since it was read (its ETag); otherwise 409 — unless the row
    /// now holds exactly this entity: then the change is this call's own, applied by an attempt that
    /// storage did not answer in time before the SDK retried it.
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
            throw ProblemException.Conflict("Someone else changed this in the meantime. Reload it and apply your change again.");
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            throw ProblemException.NotFound();
        }
    }

    public async Task UpsertAsync<T>(T entity, CancellationToken ct) where T : ITableEntity
    {
        RequireKey(entity.PartitionKey);
        var response = await table.UpsertEntityAsync(entity, TableUpdateMode.Replace, ct);
        entity.ETag = response.Headers.ETag ?? default;
    }

    /// <summary>Deletes a row; a row that is already gone is not an error.</summary>
    public async Task DeleteAsync(string partitionKey, string rowKey, CancellationToken ct, ETag? ifMatch = null)
    {
        RequireKey(partitionKey);
        try
        {
            await table.DeleteEntityAsync(partitionKey, rowKey, ifMatch ?? ETag.All, ct);
        }
        catch (RequestFailedException e) when (e.Status == 412)
        {
            throw ProblemException.Conflict("Someone else changed this in the meantime. Reload and try again.");
        }
    }

    /// <summary>Whether the stored row holds exactly this entity's values (then its ETag becomes the entity's).</summary>
    private async Task<bool> IsStoredAsIsAsync<T>(T entity, CancellationToken ct) where T : class, ITableEntity
    {
        var stored = await table.GetEntityIfExistsAsync<TableEntity>(entity.PartitionKey, entity.RowKey, cancellationToken: ct);
        if (!stored.HasValue || !RowMapper.HasSameValues(entity, stored.Value!)) return false;
        entity.ETag = stored.Value!.ETag;
        return true;
    }

    /// <summary>Every row of one partition (optionally filtered), page by page from the service.</summary>
    public IAsyncEnumerable<T> QueryPartitionAsync<T>(string partitionKey, CancellationToken ct, string? filter = null)
        where T : class, ITableEntity, new()
    {
        RequireKey(partitionKey);
        return table.QueryAsync<T>(PartitionFilter(partitionKey, filter), cancellationToken: ct);
    }

    /// <summary>One page of a partition; the cursor is the service's continuation token, made opaque.</summary>
    public async Task<(IReadOnlyList<T> Items, string? NextCursor)> PageAsync<T>(
        string partitionKey, int pageSize, string? cursor, CancellationToken ct, string? filter = null)
        where T : class, ITableEntity, new()
    {
        RequireKey(partitionKey);
        var continuation = cursor is null ? null : DecodeCursor(cursor);
        var pages = table.QueryAsync<T>(PartitionFilter(partitionKey, filter), maxPerPage: pageSize, cancellationToken: ct)
            .AsPages(continuation, pageSize);
        try
        {
            await foreach (var page in pages)
                return (page.Values, page.ContinuationToken is null ? null : EncodeCursor(page.ContinuationToken));
        }
        catch (RequestFailedException e) when (cursor is not null && e.Status == 400)
        {
            throw ProblemException.BadQuery("cursor", "This cursor is not valid; start from the first page.");
        }
        return ([], null);
    }

    /// <summary>Deletes a whole partition in entity group transactions of up to 100 rows.</summary>
    public async Task<int> DeletePartitionAsync(string partitionKey, CancellationToken ct)
    {
        RequireKey(partitionKey);
        var deleted = 0;
        var batch = new List<TableTransactionAction>(100);
        await foreach (var row in table.QueryAsync<TableEntity>(PartitionFilter(partitionKey, null), select: ["PartitionKey", "RowKey"], cancellationToken: ct))
        {
            batch.Add(new TableTransactionAction(TableTransactionActionType.Delete, row, ETag.All));
            if (batch.Count == 100) { deleted += await Submit(batch, ct); batch.Clear(); }
        }
        if (batch.Count > 0) deleted += await Submit(batch, ct);
        return deleted;
    }

    private async Task<int> Submit(List<TableTransactionAction> batch, CancellationToken ct)
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

    private static string EncodeCursor(string token) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(token));

    private static string DecodeCursor(string cursor)
    {
        try { return Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor)); }
        catch (FormatException) { throw ProblemException.BadQuery("cursor", "This cursor is not valid; start from the first page."); }
    }
}
