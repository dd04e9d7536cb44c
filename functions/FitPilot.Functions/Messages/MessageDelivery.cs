using System.Collections.Concurrent;
using Microsoft.Extensions.Hosting;

namespace FitPilot.Functions.Messages;

/// <summary>
/// How an open page learns that its conversation changed (a new message, a read receipt) without asking
/// every second. The page long-polls <c>GET /api/conversations/{clientId}/changes</c>: the function subscribes,
/// reads the conversation, and if nothing is new awaits the signal (or the wait's end), then reads again.
/// <para>
/// <see cref="InProcessMessageDelivery"/> signals inside one process: the local host, or an Azure app on one
/// instance. With several instances, the implementation to register instead publishes through Azure SignalR
/// Service in serverless mode (its REST API: <c>POST /api/v1/hubs/messages/groups/{conversation}</c> with an
/// access token signed with the service's key) and pages listen on a SignalR connection (negotiate function)
/// instead of the long poll; see README "Messaging delivery".
/// </para>
/// </summary>
public interface IMessageDelivery
{
    /// <summary>A change in a conversation, to wake its waiters.</summary>
    Task PublishAsync(string trainerId, string clientId, CancellationToken ct);

    /// <summary>A task that completes at the next change of the conversation. Subscribe before reading, so no change is missed in between.</summary>
    Task Subscribe(string trainerId, string clientId);

    /// <summary>Ends when the host stops, so waits end with it and do not hold the shutdown.</summary>
    CancellationToken Stopping { get; }
}

/// <summary>One pending signal per conversation: publishing completes it and puts a fresh one in its place.</summary>
public sealed class InProcessMessageDelivery(IHostApplicationLifetime? lifetime = null) : IMessageDelivery
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _signals = new(StringComparer.Ordinal);

    public CancellationToken Stopping => lifetime?.ApplicationStopping ?? CancellationToken.None;

    public Task PublishAsync(string trainerId, string clientId, CancellationToken ct)
    {
        if (_signals.TryRemove(Key(trainerId, clientId), out var signal)) signal.TrySetResult();
        return Task.CompletedTask;
    }

    public Task Subscribe(string trainerId, string clientId) =>
        _signals.GetOrAdd(Key(trainerId, clientId), _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    private static string Key(string trainerId, string clientId) => trainerId + "|" + clientId;
}
