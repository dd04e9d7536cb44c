using FitPilot.Functions.Auth;
using FitPilot.Functions.Storage;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace FitPilot.Functions.Maintenance;

public sealed class MaintenanceFunctions(OneTimeTokens tokens, ILogger<MaintenanceFunctions> log)
{
    /// <summary>Nightly at 03:30 UTC (NCRONTAB, 6 fields): deletes expired invitation and password-reset tokens.</summary>
    [Function(nameof(CleanUpExpiredTokens))]
    public async Task CleanUpExpiredTokens([TimerTrigger("0 30 3 * * *")] TimerInfo timer, CancellationToken ct)
    {
        var roundTrips = StorageRoundTrips.Begin();
        var deleted = await tokens.DeleteExpiredAsync(ct);
        log.LogInformation("Deleted {Count} expired one-time tokens ({RoundTrips} storage round trips)", deleted, roundTrips.Count);
    }
}
