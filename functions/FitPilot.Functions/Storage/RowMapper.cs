using System.Reflection;
using Azure.Data.Tables;

namespace FitPilot.Functions.Storage;

/// <summary>
/// Turns a generic row into a typed entity. One query can then read rows of several kinds from one
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

    private static class Properties<T>
    {
        public static readonly PropertyInfo[] Settable = typeof(T).GetProperties()
            .Where(p => p.CanWrite && p.Name is not (nameof(ITableEntity.PartitionKey) or nameof(ITableEntity.RowKey) or nameof(ITableEntity.Timestamp) or nameof(ITableEntity.ETag)))
            .ToArray();
    }
}
