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

    /// <summary>
    /// A task that completes at the next change of the conversation. Subscribe before reading, so no change is missed in between.
    /// Wait on it at most <see cref="MessageService.MaxWaitSeconds"/>: it may also complete without a change once that is over.
    /// </summary>
    Task Subscribe(string trainerId, string clientId);

    /// <summary>Ends when the host stops, so waits end with it and do not hold the shutdown.</summary>
    CancellationToken Stopping { get; }
}

/// <summary>
/// One pending signal per conversation, kept only while someone may be waiting on it. Publishing completes it and removes
/// it (the next subscriber makes a fresh one). A waiter waits at most <see cref="MessageService.MaxWaitSeconds"/> after
/// subscribing, so a signal nobody subscribed to for <see cref="Lease"/> has no waiter left: it is removed then too,
/// and completed as it goes (a straggler wakes and reads again, which is harmless). A signal thus leaves the dictionary
/// only completed: whoever subscribed before a publish is woken by it, and the dictionary holds only conversations
/// waited on within the lease.
/// </summary>
public sealed class InProcessMessageDelivery(IHostApplicationLifetime? lifetime = null, TimeProvider? clock = null) : IMessageDelivery
{
    /// <summary>How long a signal outlives its last subscriber's subscription: the longest wait and a margin.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromSeconds(MessageService.MaxWaitSeconds + 5);

    private sealed class Signal
    {
        public readonly TaskCompletionSource Changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public DateTimeOffset Until;
        public ITimer? Expiry;
    }

    private readonly TimeProvider _clock = clock ?? TimeProvider.System;
    private readonly Dictionary<string, Signal> _signals = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public CancellationToken Stopping => lifetime?.ApplicationStopping ?? CancellationToken.None;

    /// <summary>Conversations with a pending signal (for tests: it falls to zero when nobody waits).</summary>
    internal int Pending
    {
        get { lock (_gate) return _signals.Count; }
    }

    public Task PublishAsync(string trainerId, string clientId, CancellationToken ct)
    {
        lock (_gate)
            if (_signals.Remove(Key(trainerId, clientId), out var signal)) End(signal);
        return Task.CompletedTask;
    }

    public Task Subscribe(string trainerId, string clientId)
    {
        var key = Key(trainerId, clientId);
        lock (_gate)
        {
            if (!_signals.TryGetValue(key, out var signal))
            {
                _signals[key] = signal = new Signal();
                signal.Expiry = _clock.CreateTimer(_ => Expire(key, signal), null, Lease, Timeout.InfiniteTimeSpan);
            }
            signal.Until = _clock.GetUtcNow() + Lease;
            return signal.Changed.Task;
        }
    }

    /// <summary>The signal's timer: removed when nobody subscribed within the lease, else the timer waits for the lease's new end.</summary>
    private void Expire(string key, Signal signal)
    {
        lock (_gate)
        {
            if (!_signals.TryGetValue(key, out var current) || current != signal) return; // published meanwhile
            var left = signal.Until - _clock.GetUtcNow();
            if (left > TimeSpan.Zero)
            {
                signal.Expiry?.Change(left, Timeout.InfiniteTimeSpan);
                return;
            }
            _signals.Remove(key);
            End(signal);
        }
    }

    /// <summary>Completed as it leaves the dictionary (under the lock; its continuations run elsewhere): a publish that
    /// has returned has woken everyone who subscribed before it.</summary>
    private static void End(Signal signal)
    {
        signal.Expiry?.Dispose();
        signal.Changed.TrySetResult();
    }

    private static string Key(string trainerId, string clientId) => trainerId + "|" + clientId;
}
