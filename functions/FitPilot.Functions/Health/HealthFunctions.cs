using System.Reflection;
using FitPilot.Contracts.Health;
using FitPilot.Functions.Http;
using FitPilot.Functions.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FitPilot.Functions.Health;

/// <summary>Is this instance able to serve? For the Azure health check and for people: storage reachable, which version.</summary>
public sealed class HealthFunctions(Api api, StorageClients storage)
{
    /// <summary>How long the probe waits for storage: less than the health checker's own timeout.</summary>
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(3);

    public static string Version { get; } =
        typeof(HealthFunctions).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    [Function(nameof(GetHealth))]
    [ApiOperation("Health: 200 when storage answers, else 503 (for the platform's health check); the running version (also in X-Version)", Access.Anonymous, null, typeof(HealthReport))]
    public Task<IResult> GetHealth(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "health")] HttpRequest req) =>
        api.Handle<Nobody>(req, async call =>
        {
            call.Response.Headers.CacheControl = "no-store";
            call.Response.Headers["X-Version"] = Version;
            // Storage not answering within the probe's time is the pipeline's 503 with Retry-After.
            using var probe = CancellationTokenSource.CreateLinkedTokenSource(call.Cancellation);
            probe.CancelAfter(ProbeTimeout);
            // Listing one table asks the table service itself; no feature's table is read.
            await foreach (var _ in storage.Tables.QueryAsync(maxPerPage: 1, cancellationToken: probe.Token).AsPages(pageSizeHint: 1)) break;
            return Reply.Ok(new HealthReport("healthy", "reachable", Version));
        });
}
