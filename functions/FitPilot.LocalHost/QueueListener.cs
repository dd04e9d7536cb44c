using FitPilot.Functions.Http;
using System.Text.Json;
using Azure.Storage.Queues.Models;
using FitPilot.Functions.Hosting;
using FitPilot.Functions.Storage;

namespace FitPilot.LocalHost;

/// <summary>
/// Delivers queue messages to queue-trigger functions with Azure's semantics, read from host.json:
/// batches, a visibility timeout before a failed message returns, its dequeue count, and a move
/// to <c>{queue}-poison</c> when the last allowed try (maxDequeueCount) fails.
/// </summary>
public sealed class QueueListener(FunctionInvoker invoker, StorageClients storage, HostJson hostJson, ILogger<QueueListener> log) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(FunctionCatalog.All.OfType<FunctionCatalog.Queue>().Select(q => ListenAsync(q, stoppingToken)));

    private async Task ListenAsync(FunctionCatalog.Queue function, CancellationToken ct)
    {
        var queue = storage.Queue(function.QueueName);
        var poison = storage.Queue(function.QueueName + "-poison");
        var settings = hostJson.Queues;
        // Receive takes whole seconds (≥ 1): round up as the Azure host does.
        var visibility = TimeSpan.FromSeconds(Math.Max(1, Math.Ceiling(settings.VisibilityTimeout.TotalSeconds)));
        var idle = TimeSpan.FromMilliseconds(100);
        while (!ct.IsCancellationRequested)
        {
            QueueMessage[] messages;
            try
            {
                messages = (await queue.ReceiveMessagesAsync(settings.BatchSize, visibility, ct)).Value;
            }
            catch (OperationCanceledException) { return; }
            catch (Exception e)
            {
                log.LogWarning("Polling {Queue} failed: {Message}", function.QueueName, e.Message);
                messages = [];
            }
            if (messages.Length == 0)
            {
                try { await Task.Delay(idle, ct); } catch (OperationCanceledException) { return; }
                idle = TimeSpan.FromTicks(Math.Min(idle.Ticks * 2, settings.MaxPollingInterval.Ticks));
                continue;
            }
            idle = TimeSpan.FromMilliseconds(100);
            await Task.WhenAll(messages.Select(m => DeliverAsync(function, queue, poison, m, settings.MaxDequeueCount, ct)));
        }
    }

    private async Task DeliverAsync(FunctionCatalog.Queue function, Azure.Storage.Queues.QueueClient queue, Azure.Storage.Queues.QueueClient poison,
        QueueMessage message, int maxDequeueCount, CancellationToken ct)
    {
        try
        {
            await invoker.InvokeAsync(function, p =>
                p.ParameterType == typeof(string) ? message.Body.ToString() :
                p.ParameterType == typeof(BinaryData) ? message.Body :
                p.ParameterType == typeof(CancellationToken) ? ct :
                message.Body.ToObjectFromJson<object>(new JsonSerializerOptions(JsonSerializerDefaults.Web)));
            await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            if (message.DequeueCount >= maxDequeueCount)
            {
                log.LogError(e, "{Function} failed {Count} times; moving message {Id} to {Queue}-poison", function.Name, message.DequeueCount, message.MessageId, function.QueueName);
                await poison.SendMessageAsync(message.Body, cancellationToken: ct);
                await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, ct);
            }
            else
            {
                log.LogWarning("{Function} failed (try {Count} of {Max}), will retry: {Message}", function.Name, message.DequeueCount, maxDequeueCount, e.Message);
            }
        }
    }
}
