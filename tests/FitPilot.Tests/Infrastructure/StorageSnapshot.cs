using System.Text;
using Azure.Data.Tables;
using FitPilot.Functions.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace FitPilot.Tests.Infrastructure;

/// <summary>
/// Every row of every table with its ETag, and the length of every queue: equal snapshots mean nothing was written.
/// Taken once the domain events already published are handled (their handlers write on their own time), so a
/// difference is a write made between the two snapshots, not an earlier event landing late.
/// </summary>
public static class StorageSnapshot
{
    public static async Task<string> TakeAsync(IServiceProvider services, bool queues = false)
    {
        var storage = services.GetRequiredService<StorageClients>();
        await EventsHandledAsync(storage); // with queues too: an event still queued would be handled between the two snapshots
        var rows = new StringBuilder();
        foreach (var table in StorageNames.Tables)
            await foreach (var row in storage.Table(table).QueryAsync<TableEntity>(select: ["PartitionKey", "RowKey"]))
                rows.AppendLine($"{table}|{row.PartitionKey}|{row.RowKey}|{row.ETag}");
        if (queues)
            foreach (var queue in StorageNames.Queues)
                rows.AppendLine($"{queue}|{(await storage.Queue(queue).GetPropertiesAsync()).Value.ApproximateMessagesCount}");
        return rows.ToString();
    }

    /// <summary>Waits (up to 30 s) until the events queue has stayed empty for three reads in a row; a message being handled still counts.</summary>
    private static async Task EventsHandledAsync(StorageClients storage)
    {
        var queue = storage.Queue(StorageNames.EventsQueue);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        for (var empty = 0; empty < 3 && DateTime.UtcNow < deadline;)
        {
            empty = (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount == 0 ? empty + 1 : 0;
            await Task.Delay(100);
        }
    }
}
