using Azure;
using Azure.Data.Tables;
using FitPilot.Contracts.Training;
using FitPilot.Functions.Storage;

namespace FitPilot.Functions.Achievements;

/// <summary>
/// One achievement of a client: table <c>achievements</c>, PartitionKey = the client, RowKey = the achievement's key
/// (<see cref="Earned.Key"/>: <c>workouts-10</c>, <c>habit-streak-7|{habitId}</c>…), so it can be stored only once.
/// </summary>
public sealed class GrantedAchievementEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }
    public string TrainerId { get; set; } = "";
    public string Type { get; set; } = "";
    public string Title { get; set; } = "";
    public string? Description { get; set; }
    public DateTimeOffset GrantedAt { get; set; }

    public Achievement ToDto() => new(RowKey, Type, Title, Description, GrantedAt);
}

/// <summary>The one owner of table <c>achievements</c>.</summary>
public sealed class AchievementStore(StorageClients storage)
{
    private readonly TenantTable _table = new(storage.Table(StorageNames.AchievementsTable));

    public async Task<List<GrantedAchievementEntity>> AllAsync(string clientId, CancellationToken ct) =>
        await _table.QueryPartitionAsync<GrantedAchievementEntity>(clientId, ct).ToListAsync(ct);

    /// <summary>Stores an achievement unless its key is taken; true when this call stored it.</summary>
    public Task<bool> TryAddAsync(GrantedAchievementEntity achievement, CancellationToken ct) => _table.TryAddAsync(achievement, ct);

    public Task DeletePartitionAsync(string clientId, CancellationToken ct) => _table.DeletePartitionAsync(clientId, ct);
}
