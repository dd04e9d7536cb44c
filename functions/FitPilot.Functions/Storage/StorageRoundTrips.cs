using Azure.Core;
using Azure.Core.Pipeline;

namespace FitPilot.Functions.Storage;

/// <summary>
/// Counts storage round trips (every HTTP attempt the Azure SDK makes, retries included) for the
/// unit of work that is running: an HTTP request, a queue message, a timer run. The count flows
/// with the async call chain, so concurrent requests never mix their numbers.
/// </summary>
public static class StorageRoundTrips
{
    private static readonly AsyncLocal<Counter?> Current = new();

    public sealed class Counter
    {
        private int _count;
        public int Count => Volatile.Read(ref _count);
        internal void Increment() => Interlocked.Increment(ref _count);
    }

    /// <summary>Starts counting for the current async flow and returns the counter.</summary>
    public static Counter Begin()
    {
        var counter = new Counter();
        Current.Value = counter;
        return counter;
    }

    internal static void Record() => Current.Value?.Increment();

    /// <summary>The Azure SDK pipeline policy, added per retry so every attempt counts.</summary>
    public sealed class Policy : HttpPipelineSynchronousPolicy
    {
        public override void OnSendingRequest(HttpMessage message) => Record();
    }
}
