using System.Text.Json;
using FitPilot.Functions.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace FitPilot.Functions.Events;

/// <summary>Something that happened in one feature that others react to (a client removed…). Records, named in the past tense.</summary>
public interface IDomainEvent;

/// <summary>
/// Reacts to an event of another feature, for its own data only. Delivery is at least once (a
/// handler may see the same event again after a failure elsewhere), so a handler must be idempotent.
/// </summary>
public interface IEventHandler<in TEvent> where TEvent : IDomainEvent
{
    Task HandleAsync(TEvent domainEvent, CancellationToken ct);
}

/// <summary>
/// The one owner of the <c>domain-events</c> queue: events are messages there, delivered by
/// <see cref="EventFunctions.HandleDomainEvent"/> with the queue trigger's retries and, after
/// host.json's maxDequeueCount, the poison queue — the same guarantees as the email outbox.
/// </summary>
public sealed class EventBus(StorageClients storage, EventRegistry registry, IServiceProvider services, TimeProvider clock)
{
    /// <summary>The stored form of an event: its registered name and its JSON.</summary>
    public sealed record Envelope(string Type, DateTimeOffset OccurredAt, JsonElement Body);

    public async Task PublishAsync<TEvent>(TEvent domainEvent, CancellationToken ct) where TEvent : IDomainEvent
    {
        var envelope = new Envelope(registry.NameOf(typeof(TEvent)), clock.GetUtcNow(), StoredJson.SerializeToElement(domainEvent));
        await storage.Queue(StorageNames.EventsQueue).SendMessageAsync(StoredJson.Serialize(envelope), ct);
    }

    /// <summary>Hands one queued event to every handler registered for its type; a throw leaves it on the queue for a retry.</summary>
    public async Task DeliverAsync(string message, CancellationToken ct)
    {
        var envelope = StoredJson.Deserialize<Envelope>(message);
        var type = registry.TypeOf(envelope.Type);
        var domainEvent = envelope.Body.Deserialize(type, StoredJson.Options)!;
        var handlerType = typeof(IEventHandler<>).MakeGenericType(type);
        var handle = handlerType.GetMethod(nameof(IEventHandler<IDomainEvent>.HandleAsync))!;
        foreach (var handler in services.GetServices(handlerType))
            await (Task)handle.Invoke(handler, [domainEvent, ct])!;
    }
}

/// <summary>The event types the app knows, by a stable name (so a renamed class does not strand queued messages).</summary>
public sealed class EventRegistry(IEnumerable<EventRegistration.EventTypeRegistration> registrations)
{
    private readonly Dictionary<string, Type> _types = registrations.Select(r => r.Type).Distinct().ToDictionary(t => t.Name, StringComparer.Ordinal);

    public string NameOf(Type type) => _types.ContainsKey(type.Name) ? type.Name
        : throw new InvalidOperationException($"{type.Name} is not a registered event: register a handler with AddEventHandler.");

    public Type TypeOf(string name) => _types.TryGetValue(name, out var type) ? type
        : throw new InvalidOperationException($"Unknown event type '{name}'.");
}

public static class EventRegistration
{
    /// <summary>Registers a handler of an event (and the event type); the handler is usually a feature's service, resolved by <paramref name="handler"/>.</summary>
    public static IServiceCollection AddEventHandler<TEvent, THandler>(this IServiceCollection services, Func<IServiceProvider, THandler> handler)
        where TEvent : IDomainEvent where THandler : class, IEventHandler<TEvent>
    {
        services.AddSingleton<IEventHandler<TEvent>>(handler);
        services.AddSingleton(new EventTypeRegistration(typeof(TEvent)));
        return services;
    }

    /// <summary>Registers an event type that may have no handler yet (published for future features).</summary>
    public static IServiceCollection AddEvent<TEvent>(this IServiceCollection services) where TEvent : IDomainEvent =>
        services.AddSingleton(new EventTypeRegistration(typeof(TEvent)));

    public sealed record EventTypeRegistration(Type Type);
}
