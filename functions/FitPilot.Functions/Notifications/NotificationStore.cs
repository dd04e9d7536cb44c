using System.Globalization;
using Azure;
using Azure.Data.Tables;
using FitPilot.Contracts.Engagement;
using FitPilot.Functions.Common;
using FitPilot.Functions.Storage;

namespace FitPilot.Functions.Notifications;

/// <summary>
/// Table <c>notifications</c>, PartitionKey = the user (a PT's id or a client's id): the notifications newest first
/// (<c>n|{inverted ticks}|{id}</c>), an index row per id (<c>id|{id}</c>: where it is listed, and what makes a
/// redelivered event write nothing) and the unread counter (<c>unread</c>), kept in the same transactions.
/// </summary>
public sealed class NotificationEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }
    public string Id { get; set; } = "";
    public string Kind { get; set; } = "";
    public string Title { get; set; } = "";
    public string? Body { get; set; }
    public string? Link { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public bool Read { get; set; }
    public DateTimeOffset? ReadAt { get; set; }

    public Notification ToDto() => new(Id, Kind, Title, Body, Link, CreatedAt, ReadAt);
}

public sealed class NotificationIndexEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }
    public string ListKey { get; set; } = "";
}

public sealed class UnreadCounterEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }
    public int Unread { get; set; }
}

/// <summary>The one owner of table <c>notifications</c>.</summary>
public sealed class NotificationStore(StorageClients storage)
{
    public const string List = "n|";
    public const string Index = "id|";
    public const string Counter = "unread";
    private readonly TenantTable _table = new(storage.Table(StorageNames.NotificationsTable));

    public static string ListKey(DateTimeOffset at, string id) =>
        List + (DateTimeOffset.MaxValue.UtcTicks - at.UtcTicks).ToString("D19", CultureInfo.InvariantCulture) + "|" + id;

    public Task<UnreadCounterEntity?> CounterAsync(string userId, CancellationToken ct) => _table.FindAsync<UnreadCounterEntity>(userId, Counter, ct);
    public Task<NotificationIndexEntity?> IndexAsync(string userId, string id, CancellationToken ct) => _table.FindAsync<NotificationIndexEntity>(userId, Index + id, ct);
    public Task<NotificationEntity?> FindAsync(string userId, string listKey, CancellationToken ct) => _table.FindAsync<NotificationEntity>(userId, listKey, ct);

    public Task<(IReadOnlyList<NotificationEntity> Items, string? NextCursor)> PageAsync(string userId, int limit, string? cursor, CancellationToken ct) =>
        _table.PageAsync<NotificationEntity>(userId, limit, cursor, ct, TableClient.CreateQueryFilter($"RowKey ge {List} and RowKey lt {"n}"}"));

    public IAsyncEnumerable<NotificationEntity> UnreadAsync(string userId, CancellationToken ct) =>
        _table.QueryPartitionAsync<NotificationEntity>(userId, ct, TableClient.CreateQueryFilter($"RowKey ge {List} and RowKey lt {"n}"} and Read eq {false}"));

    /// <summary>Writes rows of one user together, all or nothing (the counter's ETag makes a concurrent change fail it).</summary>
    public Task SubmitAsync(IEnumerable<TableTransactionAction> actions, CancellationToken ct) => _table.SubmitAsync(actions, ct);

    public Task DeletePartitionAsync(string userId, CancellationToken ct) => _table.DeletePartitionAsync(userId, ct);

    /// <summary>The counter's change in a transaction: added when there is none yet, else replaced over the version read.</summary>
    public static TableTransactionAction CounterAction(string userId, UnreadCounterEntity? counter, int unread) =>
        counter is null
            ? new TableTransactionAction(TableTransactionActionType.Add, new UnreadCounterEntity { PartitionKey = userId, RowKey = Counter, Unread = Math.Max(0, unread) })
            : new TableTransactionAction(TableTransactionActionType.UpdateReplace,
                new UnreadCounterEntity { PartitionKey = userId, RowKey = Counter, Unread = Math.Max(0, unread), ETag = counter.ETag }, counter.ETag);
}
