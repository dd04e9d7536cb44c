using Azure;

namespace FitPilot.Functions.Storage;

/// <summary>
/// Tells a storage outage (nothing answers, the service is busy or failing, a call timed out after
/// its retries) from an answer about the request itself (404, 409, 412, 400…). An outage is the
/// caller's cue to retry later (503), never a 500. A cancellation counts as a timeout: callers check
/// first whether their own caller went away.
/// </summary>
public static class StorageFailure
{
    public static bool IsUnavailable(Exception e) => e switch
    {
        RequestFailedException r => r.Status is 0 or 408 or 500 or 502 or 503 or 504 || r.InnerException is not null && IsTransport(r.InnerException),
        // The SDK's retry policy gives up with every attempt's failure.
        AggregateException a => a.InnerExceptions.Count > 0 && a.InnerExceptions.All(IsUnavailable),
        _ => IsTransport(e),
    };

    private static bool IsTransport(Exception e) =>
        e is HttpRequestException or IOException or System.Net.Sockets.SocketException or TimeoutException or OperationCanceledException
        || (e.InnerException is { } inner && IsTransport(inner));
}
