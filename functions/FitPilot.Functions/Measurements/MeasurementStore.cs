using Azure.Data.Tables;
using FitPilot.Functions.Storage;

namespace FitPilot.Functions.Measurements;

/// <summary>
/// The one owner of table <c>measurements</c>: each client's partition (<see cref="MeasurementRows"/>) with their
/// body measurements, the PT's custom metrics for them and the metrics' values.
/// </summary>
public sealed class MeasurementStore(StorageClients storage)
{
    private readonly TenantTable _table = new(storage.Table(StorageNames.MeasurementsTable));

    /// <summary>The rows of each kind one query of a client's partition brought back.</summary>
    public sealed record ProgressRows(List<MeasurementEntity> Measurements, List<MetricEntity> Metrics, List<MetricValueEntity> Values);

    /// <summary>The client's rows matching a filter (all of them without one), in one query, sorted into their kinds.</summary>
    public async Task<ProgressRows> ReadAsync(string clientId, string? filter, CancellationToken ct)
    {
        var rows = new ProgressRows([], [], []);
        await foreach (var row in _table.QueryPartitionAsync<TableEntity>(clientId, ct, filter))
        {
            if (row.RowKey.StartsWith(MeasurementRows.Measurement, StringComparison.Ordinal)) rows.Measurements.Add(RowMapper.To<MeasurementEntity>(row));
            else if (row.RowKey.StartsWith(MeasurementRows.Metric, StringComparison.Ordinal)) rows.Metrics.Add(RowMapper.To<MetricEntity>(row));
            else if (row.RowKey.StartsWith(MeasurementRows.Value, StringComparison.Ordinal)) rows.Values.Add(RowMapper.To<MetricValueEntity>(row));
        }
        return rows;
    }

    public Task UpsertAsync<T>(T entity, CancellationToken ct) where T : class, ITableEntity => _table.UpsertAsync(entity, ct);
    public Task AddAsync<T>(T entity, CancellationToken ct) where T : class, ITableEntity => _table.AddAsync(entity, ct);
    public Task UpdateAsync<T>(T entity, CancellationToken ct) where T : class, ITableEntity => _table.UpdateAsync(entity, ct);
    public Task DeleteAsync(string clientId, string rowKey, CancellationToken ct) => _table.DeleteAsync(clientId, rowKey, ct);

    /// <summary>Several rows of one client written together, all or nothing (at most 100).</summary>
    public Task SubmitAsync(IReadOnlyList<TableTransactionAction> actions, CancellationToken ct) =>
        actions.Count == 0 ? Task.CompletedTask : _table.SubmitAsync(actions, ct);

    /// <summary>Deletes rows of one client, 100 to a transaction.</summary>
    public async Task DeleteAllAsync(string clientId, IEnumerable<ITableEntity> rows, CancellationToken ct)
    {
        foreach (var chunk in rows.Chunk(100))
            await _table.SubmitAsync(chunk.Select(r => new TableTransactionAction(TableTransactionActionType.Delete, r, Azure.ETag.All)), ct);
    }

    public Task DeletePartitionAsync(string clientId, CancellationToken ct) => _table.DeletePartitionAsync(clientId, ct);
}
