using FitPilot.Functions.Http;
using System.Collections.Concurrent;
using FitPilot.Functions.Hosting;
using FitPilot.Functions.Storage;

namespace FitPilot.LocalHost;

/// <summary>
/// Invokes blob-trigger functions for each new blob once (Azure gets them from Event Grid). A blob
/// version (name + ETag) that succeeded is not delivered again; one that fails 5 times is given up.
/// </summary>
public sealed class BlobWatcher(FunctionInvoker invoker, StorageClients storage, ILogger<BlobWatcher> log) : BackgroundService
{
    private const int MaxTries = 5;
    private readonly ConcurrentDictionary<string, int> _receipts = new();

    public static TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(FunctionCatalog.All.OfType<FunctionCatalog.Blob>().Select(b => WatchAsync(b, stoppingToken)));

    private async Task WatchAsync(FunctionCatalog.Blob function, CancellationToken ct)
    {
        var container = storage.Container(function.Container);
        var prefix = function.Path[(function.Container.Length + 1)..];
        var namePrefix = prefix[..prefix.IndexOf('{')];
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await foreach (var blob in container.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, namePrefix, ct))
                {
                    var receipt = blob.Name + "@" + blob.Properties.ETag;
                    if (_receipts.TryGetValue(receipt, out var tries) && (tries < 0 || tries >= MaxTries)) continue;
                    await DeliverAsync(function, container.GetBlobClient(blob.Name), blob.Name[namePrefix.Length..], receipt, ct);
                }
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested) { return; }
            catch (Exception e) { log.LogWarning("Watching {Container} failed: {Message}", function.Container, e.Message); }
            try { await Task.Delay(PollInterval, ct); } catch (OperationCanceledException) { return; }
        }
    }

    private async Task DeliverAsync(FunctionCatalog.Blob function, Azure.Storage.Blobs.BlobClient blob, string name, string receipt, CancellationToken ct)
    {
        try
        {
            // A Stream parameter reads the blob as the function goes (as the Worker SDK's binding does): its length is known before any byte is read.
            var parameters = function.Method.GetParameters();
            await using var stream = parameters.Any(p => p.ParameterType == typeof(Stream)) ? await blob.OpenReadAsync(cancellationToken: ct) : null;
            var content = parameters.Any(p => p.ParameterType == typeof(byte[]) || p.ParameterType == typeof(BinaryData) || (p.ParameterType == typeof(string) && p.Name != "name"))
                ? (await blob.DownloadContentAsync(ct)).Value.Content
                : null;
            await invoker.InvokeAsync(function, p =>
                p.ParameterType == typeof(byte[]) ? content!.ToArray() :
                p.ParameterType == typeof(BinaryData) ? content :
                p.ParameterType == typeof(Stream) ? stream :
                p.ParameterType == typeof(CancellationToken) ? ct :
                p.Name == "name" ? name :
                p.ParameterType == typeof(string) ? content!.ToString() :
                throw new InvalidOperationException($"{function.Name}: nothing binds parameter '{p.Name}'."));
            _receipts[receipt] = -1;
        }
        catch (Azure.RequestFailedException e) when (e.Status == 404)
        {
            _receipts[receipt] = -1; // deleted meanwhile
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            var tries = _receipts.AddOrUpdate(receipt, 1, (_, t) => t + 1);
            log.LogError(e, "{Function} failed for {Blob} (try {Tries} of {Max})", function.Name, blob.Name, tries, MaxTries);
        }
    }
}
