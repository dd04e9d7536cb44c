using Azure.Core;
using Azure.Core.Pipeline;

namespace FitPilot.Functions.Storage;

/// <summary>
/// Counts storage round trips (every HTTP attempt the Azure SDK makes, retries included) for the
/// unit of work that is running: an HTTP request, a queue message, a timer run. The count flows
/// with the async call chain, so concurrent requests never mix their numbers. A counter begun
/// inside another one's flow (a host measuring a whole invocation around a function's own count)
/// adds its round trips to the enclosing counter too. Each round trip is also counted by the kind
/// of storage operation it is, as Azure Storage bills them (<see cref="Operation"/>).
/// </summary>
public static class StorageRoundTrips
{
    private static readonly AsyncLocal<Counter?> Current = new();

    /// <summary>How Azure Storage prices a request: table and queue transactions each at one rate; blobs by write, read, list and delete.</summary>
    public enum Operation { Table, Queue, BlobWrite, BlobRead, BlobList, BlobDelete }

    public sealed class Counter
    {
        private readonly Counter? _enclosing;
        private readonly int[] _byOperation = new int[Enum.GetValues<Operation>().Length];
        private int _count;

        internal Counter(Counter? enclosing) => _enclosing = enclosing;

        public int Count => Volatile.Read(ref _count);
        public int Of(Operation operation) => Volatile.Read(ref _byOperation[(int)operation]);

        internal void Increment(Operation operation)
        {
            Interlocked.Increment(ref _count);
            Interlocked.Increment(ref _byOperation[(int)operation]);
            _enclosing?.Increment(operation);
        }
    }

    /// <summary>Starts counting for the current async flow and returns the counter.</summary>
    public static Counter Begin()
    {
        var counter = new Counter(Current.Value);
        Current.Value = counter;
        return counter;
    }

    internal static void Record(Operation operation) => Current.Value?.Increment(operation);

    /// <summary>The Azure SDK pipeline policy of one service's clients, added per retry so every attempt counts.</summary>
    public sealed class Policy(Service service) : HttpPipelineSynchronousPolicy
    {
        public override void OnSendingRequest(HttpMessage message) => Record(Classify(service, message.Request.Method, message.Request.Uri.Query));
    }

    public enum Service { Table, Queue, Blob }

    /// <summary>A blob request's price class from its method and query (<c>comp=list</c> lists a container).</summary>
    public static Operation Classify(Service service, RequestMethod method, string query) => service switch
    {
        Service.Table => Operation.Table,
        Service.Queue => Operation.Queue,
        _ when query.Contains("comp=list", StringComparison.OrdinalIgnoreCase) => Operation.BlobList,
        _ when method == RequestMethod.Get || method == RequestMethod.Head => Operation.BlobRead,
        _ when method == RequestMethod.Delete => Operation.BlobDelete,
        _ => Operation.BlobWrite,
    };
}
