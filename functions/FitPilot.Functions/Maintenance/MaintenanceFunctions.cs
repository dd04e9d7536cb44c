using FitPilot.Functions.Auth;
using FitPilot.Functions.Messages;
using FitPilot.Functions.Storage;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace FitPilot.Functions.Maintenance;

public sealed class MaintenanceFunctions(OneTimeTokens tokens, LoginThrottle throttle, Sessions sessions, MessageImageService messageImages, ILogger<MaintenanceFunctions> log)
{
    /// <summary>
    /// Nightly at 03:30 UTC (NCRONTAB, 6 fields): deletes expired invitation and password-reset
    /// tokens, login-throttle counters whose window has passed, expired sessions, and message pictures never sent (a day on).
    /// </summary>
    [Function(nameof(CleanUpExpiredTokens))]
    public async Task CleanUpExpiredTokens([TimerTrigger("0 30 3 * * *")] TimerInfo timer, CancellationToken ct)
    {
        var roundTrips = StorageRoundTrips.Begin();
        var deleted = await tokens.DeleteExpiredAsync(ct);
        var counters = await throttle.DeleteExpiredAsync(ct);
        var expiredSessions = await sessions.DeleteExpiredAsync(ct);
        var unsentPictures = await messageImages.DeleteUnsentAsync(ct);
        log.LogInformation("Deleted {Tokens} expired one-time tokens, {Counters} old throttle counters, {Sessions} expired sessions and {Pictures} unsent message pictures ({RoundTrips} storage round trips)",
            deleted, counters, expiredSessions, unsentPictures, roundTrips.Count);
    }
}
