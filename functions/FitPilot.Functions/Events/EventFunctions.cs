using FitPilot.Functions.Storage;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace FitPilot.Functions.Events;

public sealed class EventFunctions(EventBus bus, ILogger<EventFunctions> log)
{
    /// <summary>
    /// Delivers one domain event to its handlers. A throw leaves the message on the queue: it comes
    /// back after the visibility timeout and, after host.json's maxDequeueCount (5) tries, moves to
    /// domain-events-poison.
    /// </summary>
    [Function(nameof(HandleDomainEvent))]
    public async Task HandleDomainEvent(
        [QueueTrigger(StorageNames.EventsQueue, Connection = StorageNames.Connection)] string message, CancellationToken ct)
    {
        var roundTrips = StorageRoundTrips.Begin();
        await bus.DeliverAsync(message, ct);
        log.LogInformation("Delivered a domain event ({RoundTrips} storage round trips)", roundTrips.Count);
    }
}
