using Azure.Data.Tables;
using FitPilot.Functions.Storage;

namespace FitPilot.Functions.Habits;

/// <summary>The one owner of table <c>habits</c> (<see cref="HabitRows"/>): each client's habits and ticks.</summary>
public sealed class HabitStore(StorageClients storage)
{
    private readonly TenantTable _table = new(storage.Table(StorageNames.HabitsTable));

    public sealed record HabitRowSet(List<HabitEntity> Habits, List<HabitTickEntity> Ticks);

    /// <summary>A client's habits and ticks matching a filter (all without one), in one query.</summary>
    public async Task<HabitRowSet> ReadAsync(string clientId, string? filter, CancellationToken ct)
    {
        var rows = new HabitRowSet([], []);
        await foreach (var row in _table.QueryPartitionAsync<TableEntity>(clientId, ct, filter))
        {
            if (row.RowKey.StartsWith(HabitRows.Habit, StringComparison.Ordinal)) rows.Habits.Add(RowMapper.To<HabitEntity>(row));
            else if (row.RowKey.StartsWith(HabitRows.Tick, StringComparison.Ordinal)) rows.Ticks.Add(RowMapper.To<HabitTickEntity>(row));
        }
        return rows;
    }

    /// <summary>One habit and its ticks.</summary>
    public Task<HabitRowSet> ReadHabitAsync(string clientId, string habitId, CancellationToken ct) =>
        ReadAsync(clientId, $"{TableClient.CreateQueryFilter($"RowKey eq {HabitRows.HabitKey(habitId)}")} or " +
            TableClient.CreateQueryFilter($"(RowKey gt {HabitRows.TickPrefix(habitId)} and RowKey lt {HabitRows.TickPrefix(habitId) + "~"})"), ct);

    public Task AddAsync<T>(T entity, CancellationToken ct) where T : class, ITableEntity => _table.AddAsync(entity, ct);
    public Task UpdateAsync<T>(T entity, CancellationToken ct) where T : class, ITableEntity => _table.UpdateAsync(entity, ct);
    public Task UpsertAsync<T>(T entity, CancellationToken ct) where T : class, ITableEntity => _table.UpsertAsync(entity, ct);
    public Task DeleteAsync(string clientId, string rowKey, CancellationToken ct) => _table.DeleteAsync(clientId, rowKey, ct);

    /// <summary>Deletes rows of one client, 100 to a transaction.</summary>
    public async Task DeleteAllAsync(string clientId, IEnumerable<ITableEntity> rows, CancellationToken ct)
    {
        foreach (var chunk in rows.Chunk(100))
            await _table.SubmitAsync(chunk.Select(r => new TableTransactionAction(TableTransactionActionType.Delete, r, Azure.ETag.All)), ct);
    }

    public Task DeletePartitionAsync(string clientId, CancellationToken ct) => _table.DeletePartitionAsync(clientId, ct);
}
