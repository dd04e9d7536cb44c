using System.Reflection;
using FitPilot.Contracts.Health;
using FitPilot.Functions.Http;
using FitPilot.Functions.OpenApi;
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
    [ApiOperation("Health: 200 when storage answers, else 503 (for the platform's health check); the running version", Access.Anonymous, null, typeof(HealthReport))]
    public Task<IResult> GetHealth(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "health")] HttpRequest req) =>
        api.Anonymous(req, async ct =>
        {
            req.HttpContext.Response.Headers.CacheControl = "no-store";
            using var probe = CancellationTokenSource.CreateLinkedTokenSource(ct);
            probe.CancelAfter(ProbeTimeout);
            try
            {
                var rows = storage.Table(StorageNames.LoginsTable).QueryAsync<Azure.Data.Tables.TableEntity>(maxPerPage: 1, select: ["PartitionKey"], cancellationToken: probe.Token);
                await foreach (var _ in rows.AsPages(pageSizeHint: 1)) break;
            }
            catch (Exception e) when (!ct.IsCancellationRequested && StorageFailure.IsUnavailable(e))
            {
                throw new ProblemException(503, "Unhealthy", $"Storage does not answer. Version {Version}.") { RetryAfterSeconds = Api.StorageRetryAfterSeconds };
            }
            return Api.Ok(new HealthReport("healthy", "reachable", Version));
        });
}
