using Azure.Data.Tables;
using FitPilot.Functions.Storage;

namespace FitPilot.Functions.Bookings;

/// <summary>The one owner of table <c>bookings</c> (<see cref="BookingRows"/>).</summary>
public sealed class BookingStore(StorageClients storage)
{
    private readonly TenantTable _table = new(storage.Table(StorageNames.BookingsTable));

    public TenantTable Table => _table;

    public Task<T?> FindAsync<T>(string trainerId, string rowKey, CancellationToken ct) where T : class, ITableEntity => _table.FindAsync<T>(trainerId, rowKey, ct);

    public Task<T> GetAsync<T>(string trainerId, string rowKey, string notFound, CancellationToken ct) where T : class, ITableEntity =>
        _table.GetAsync<T>(trainerId, rowKey, notFound, ct);

    /// <summary>Rows of a PT whose key starts with <paramref name="prefix"/>, optionally between two keys, and filtered further.</summary>
    public async Task<List<T>> RowsAsync<T>(string trainerId, string prefix, CancellationToken ct, string? from = null, string? to = null, string? filter = null)
        where T : class, ITableEntity, new()
    {
        var range = TableClient.CreateQueryFilter($"RowKey ge {from ?? prefix} and RowKey lt {to ?? prefix + "~"}");
        var rows = new List<T>();
        await foreach (var row in _table.QueryPartitionAsync<T>(trainerId, ct, filter is null ? range : $"{range} and ({filter})")) rows.Add(row);
        return rows;
    }

    public Task AddAsync<T>(T entity, CancellationToken ct) where T : class, ITableEntity => _table.AddAsync(entity, ct);
    public Task UpdateAsync<T>(T entity, CancellationToken ct) where T : class, ITableEntity => _table.UpdateAsync(entity, ct);
    public Task UpsertAsync<T>(T entity, CancellationToken ct) where T : class, ITableEntity => _table.UpsertAsync(entity, ct);
    public Task DeleteAsync(string trainerId, string rowKey, CancellationToken ct) => _table.DeleteAsync(trainerId, rowKey, ct);

    /// <summary>Several changes of one PT's partition, all or nothing (an entity group transaction).</summary>
    public Task SubmitAsync(IEnumerable<TableTransactionAction> actions, CancellationToken ct) => _table.SubmitAsync(actions, ct);

    /// <summary>Live bookings starting between two instants, across PTs: for the reminder timer only.</summary>
    public IAsyncEnumerable<BookingEntity> StartingBetweenAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken ct) =>
        _table.QueryAcrossPartitionsAsync<BookingEntity>(TableClient.CreateQueryFilter(
            $"RowKey ge {BookingRows.Booking} and RowKey lt {BookingRows.Booking + "~"} and StartsAt ge {from} and StartsAt lt {to} and Status eq {Contracts.Bookings.BookingStatuses.Confirmed} and Reminded eq false"), ct);
}
