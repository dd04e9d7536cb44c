using System.Text;
using Azure.Data.Tables;
using FitPilot.Functions.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace FitPilot.Tests.Infrastructure;

/// <summary>Every row of every table with its ETag, and the length of every queue: equal snapshots mean nothing was written.</summary>
public static class StorageSnapshot
{
    public static async Task<string> TakeAsync(IServiceProvider services, bool queues = false)
    {
        var storage = services.GetRequiredService<StorageClients>();
        var rows = new StringBuilder();
        foreach (var table in StorageNames.Tables)
            await foreach (var row in storage.Table(table).QueryAsync<TableEntity>(select: ["PartitionKey", "RowKey"]))
                rows.AppendLine($"{table}|{row.PartitionKey}|{row.RowKey}|{row.ETag}");
        if (queues)
            foreach (var queue in StorageNames.Queues)
                rows.AppendLine($"{queue}|{(await storage.Queue(queue).GetPropertiesAsync()).Value.ApproximateMessagesCount}");
        return rows.ToString();
    }
}
