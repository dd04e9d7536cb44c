using System.Reflection;
using Azure.Data.Tables;

namespace FitPilot.Functions.Storage;

/// <summary>
/// Turns a generic row into a typed entity, copies an entity under other keys, compares one with a row. One query can then read rows of several kinds from one
/// partition (e.g. a client's program copies and exercise stats: one round trip instead of two).
/// </summary>
public static class RowMapper
{
    public static T To<T>(TableEntity row) where T : class, ITableEntity, new()
    {
        var entity = new T { PartitionKey = row.PartitionKey, RowKey = row.RowKey, Timestamp = row.Timestamp, ETag = row.ETag };
        foreach (var property in Properties<T>.Settable)
        {
            if (!row.TryGetValue(property.Name, out var value) || value is null) continue;
            var target = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            property.SetValue(entity, value switch
            {
                _ when target.IsInstanceOfType(value) => value,
                DateTime d when target == typeof(DateTimeOffset) => new DateTimeOffset(DateTime.SpecifyKind(d, DateTimeKind.Utc)),
                _ => Convert.ChangeType(value, target, System.Globalization.CultureInfo.InvariantCulture),
            });
        }
        return entity;
    }

    /// <summary>The same values under other keys (a program's copy in a client's partition): every stored property, none by hand.</summary>
    public static T CopyAs<T>(T entity, string partitionKey, string rowKey) where T : class, ITableEntity, new()
    {
        var copy = new T { PartitionKey = partitionKey, RowKey = rowKey };
        foreach (var property in Properties<T>.Settable) property.SetValue(copy, property.GetValue(entity));
        return copy;
    }

    /// <summary>Whether a row holds the same value as the entity for every property the entity stores.</summary>
    public static bool HasSameValues<T>(T entity, TableEntity row) where T : class, ITableEntity
    {
        foreach (var property in Properties<T>.Settable)
        {
            var mine = property.GetValue(entity);
            row.TryGetValue(property.Name, out var stored);
            var same = (mine, stored) switch
            {
                (null, null) => true,
                (null, _) or (_, null) => false,
                // Storage keeps instants to the 100 ns tick, some emulators to the millisecond.
                (DateTimeOffset a, DateTimeOffset b) => Math.Abs((a - b).TotalMilliseconds) < 1,
                (DateTimeOffset a, DateTime b) => Math.Abs((a.UtcDateTime - DateTime.SpecifyKind(b, DateTimeKind.Utc)).TotalMilliseconds) < 1,
                (var a, var b) => Equals(a, b) || Equals(Convert.ChangeType(b, Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType, System.Globalization.CultureInfo.InvariantCulture), a),
            };
            if (!same) return false;
        }
        return true;
    }

    private static class Properties<T>
    {
        public static readonly PropertyInfo[] Settable = typeof(T).GetProperties()
            .Where(p => p.CanWrite && p.GetCustomAttribute<System.Runtime.Serialization.IgnoreDataMemberAttribute>() is null && p.Name is not (nameof(ITableEntity.PartitionKey) or nameof(ITableEntity.RowKey) or nameof(ITableEntity.Timestamp) or nameof(ITableEntity.ETag)))
            .ToArray();
    }
}
