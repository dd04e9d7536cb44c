using Azure;
using Azure.Data.Tables;
using FitPilot.Functions.Common;
using FitPilot.Functions.Storage;

namespace FitPilot.Functions.Auth;

/// <summary>
/// Fixed-window failure counters in table storage, shared by every instance of the app:
/// failed logins per IP address, reset emails per address. (Per-account lockout lives on the login row.)
/// </summary>
public sealed class LoginThrottle(StorageClients storage, TimeProvider clock)
{
    private readonly TenantTable _table = new(storage.Table(StorageNames.RateLimitsTable));

    /// <summary>Deletes counters whose window has passed (nightly).</summary>
    public Task<int> DeleteExpiredAsync(CancellationToken ct) =>
        _table.DeleteRowsAsync(Azure.Data.Tables.TableClient.CreateQueryFilter($"ExpiresAt le {clock.GetUtcNow()}"), ct);

    public sealed class CounterEntity : ITableEntity
    {
        public string PartitionKey { get; set; } = "";
        public string RowKey { get; set; } = "";
        public DateTimeOffset? Timestamp { get; set; }
        public ETag ETag { get; set; }
        public int Count { get; set; }
        public DateTimeOffset ExpiresAt { get; set; }
    }

    /// <summary>Throws 429 (with Retry-After) when the key used up its allowance in this window.</summary>
    public async Task EnsureAllowedAsync(string key, int max, TimeSpan window, CancellationToken ct)
    {
        var (partition, row, ends) = Window(key, window);
        var counter = await _table.FindAsync<CounterEntity>(partition, row, ct);
        if (counter is not null && counter.Count >= max)
            throw DomainException.TooManyRequests("Too many attempts", "Too many attempts. Wait a few minutes and try again.",
                (int)Math.Ceiling((ends - clock.GetUtcNow()).TotalSeconds));
    }

    public async Task RecordAsync(string key, TimeSpan window, CancellationToken ct)
    {
        var (partition, row, ends) = Window(key, window);
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var counter = await _table.FindAsync<CounterEntity>(partition, row, ct);
            try
            {
                if (counter is null)
                {
                    if (await _table.TryAddAsync(new CounterEntity { PartitionKey = partition, RowKey = row, Count = 1, ExpiresAt = ends }, ct)) return;
                }
                else
                {
                    counter.Count++;
                    await _table.UpdateAsync(counter, ct);
                    return;
                }
            }
            catch (DomainException e) when (e.Kind == DomainErrorKind.Conflict) { /* raced another instance: read again */ }
        }
    }

    private (string Partition, string Row, DateTimeOffset Ends) Window(string key, TimeSpan window)
    {
        var now = clock.GetUtcNow();
        var index = now.UtcTicks / window.Ticks;
        var partition = "k" + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(key)))[..32];
        return (partition, index.ToString(), new DateTimeOffset((index + 1) * window.Ticks, TimeSpan.Zero));
    }
}
