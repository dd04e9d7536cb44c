using FitPilot.Functions.Storage;

namespace FitPilot.Functions.Foods;

/// <summary>The one owner of table <c>foods</c> (<see cref="FoodEntity"/>, PartitionKey = the PT).</summary>
public sealed class FoodStore(StorageClients storage)
{
    private readonly TenantTable _table = new(storage.Table(StorageNames.FoodsTable));

    /// <summary>Every row of the PT's partition (own foods, recipes, measures on catalogue foods): one query.</summary>
    public async Task<List<FoodEntity>> AllAsync(string trainerId, CancellationToken ct)
    {
        var rows = new List<FoodEntity>();
        await foreach (var row in _table.QueryPartitionAsync<FoodEntity>(trainerId, ct)) rows.Add(row);
        return rows;
    }

    public Task<FoodEntity?> FindAsync(string trainerId, string rowKey, CancellationToken ct) => _table.FindAsync<FoodEntity>(trainerId, rowKey, ct);

    public Task<bool> TryAddAsync(FoodEntity row, CancellationToken ct) => _table.TryAddAsync(row, ct);

    public Task UpdateAsync(FoodEntity row, CancellationToken ct) => _table.UpdateAsync(row, ct);

    public Task UpsertAsync(FoodEntity row, CancellationToken ct) => _table.UpsertAsync(row, ct);

    public Task DeleteAsync(FoodEntity row, CancellationToken ct) => _table.DeleteAsync(row.PartitionKey, row.RowKey, ct, row.ETag);
}
