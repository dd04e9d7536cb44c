namespace FitPilot.Functions.Storage;

/// <summary>
/// Serialises writers of one partition within this instance (a client's offline queue replaying 50
/// sets at once, a double tap), so they take turns instead of failing each other's ETags. Striped:
/// a fixed set of semaphores, so memory stays flat however many partitions there are. Other
/// instances are still held apart by ETags; this only makes conflicts rare.
/// </summary>
public sealed class PartitionLocks
{
    private readonly SemaphoreSlim[] _stripes = Enumerable.Range(0, 64).Select(_ => new SemaphoreSlim(1, 1)).ToArray();

    public async Task<IDisposable> EnterAsync(string partitionKey, CancellationToken ct)
    {
        var stripe = _stripes[(int)((uint)StringComparer.Ordinal.GetHashCode(partitionKey) % (uint)_stripes.Length)];
        await stripe.WaitAsync(ct);
        return new Releaser(stripe);
    }

    private sealed class Releaser(SemaphoreSlim stripe) : IDisposable
    {
        private int _released;
        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0) stripe.Release();
        }
    }
}
