using System.Globalization;
using Azure;
using Azure.Data.Tables;
using FitPilot.Contracts.Activity;
using FitPilot.Contracts.Training;
using FitPilot.Functions.Storage;

namespace FitPilot.Functions.Activity;

/// <summary>
/// One entry of a PT's recent-activity feed: table <c>activity</c>, PartitionKey = the PT, RowKey =
/// newest-first time (inverted ticks) + what it is about, so a page of the partition is the latest activity.
/// </summary>
public sealed class ActivityEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }
    public string Kind { get; set; } = ActivityKinds.WorkoutFinished;
    public string ClientId { get; set; } = "";
    public string ClientName { get; set; } = "";
    public DateTimeOffset At { get; set; }
    public string? WorkoutJson { get; set; }

    public static string KeyFor(DateTimeOffset at, string about) =>
        (DateTimeOffset.MaxValue.UtcTicks - at.UtcTicks).ToString("D19", CultureInfo.InvariantCulture) + "|" + about;

    public ActivityItem ToDto() => new(RowKey, Kind, ClientId, ClientName, At, WorkoutJson is null ? null : StoredJson.Deserialize<WorkoutSummary>(WorkoutJson));
}

/// <summary>The one owner of table <c>activity</c>.</summary>
public sealed class ActivityStore(StorageClients storage)
{
    private readonly TenantTable _table = new(storage.Table(StorageNames.ActivityTable));

    public Task UpsertAsync(ActivityEntity entry, CancellationToken ct) => _table.UpsertAsync(entry, ct);

    public Task DeleteAsync(string trainerId, string rowKey, CancellationToken ct) => _table.DeleteAsync(trainerId, rowKey, ct);

    public Task<(IReadOnlyList<ActivityEntity> Items, string? NextCursor)> PageAsync(string trainerId, string? clientId, int limit, string? cursor, CancellationToken ct) =>
        _table.PageAsync<ActivityEntity>(trainerId, limit, cursor, ct, clientId is null ? null : TableClient.CreateQueryFilter($"ClientId eq {clientId}"));

    public async Task DeleteForClientAsync(string trainerId, string clientId, CancellationToken ct)
    {
        await foreach (var row in _table.QueryPartitionAsync<ActivityEntity>(trainerId, ct, TableClient.CreateQueryFilter($"ClientId eq {clientId}")))
            await _table.DeleteAsync(trainerId, row.RowKey, ct);
    }
}
