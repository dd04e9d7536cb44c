using FitPilot.Contracts.Training;
using FitPilot.Web.Api;
using FitPilot.Web.Auth;

namespace FitPilot.Web.Training;

/// <summary>
/// Set logs wait on the device until the API has them: each is saved to localStorage first, then
/// sent. Every log carries an id made here, so sending one again (after a lost answer, a reload or
/// a day offline) stores it once. Sync runs on each new log, on start and when the device is back online.
/// </summary>
public sealed class SetLogQueue(TrainingApi training, DeviceStore device)
{
    private const string Key = "pending-logs";
    private readonly SemaphoreSlim _syncing = new(1, 1);

    public event Action? Changed;
    /// <summary>A set the API accepted, with any personal bests it set.</summary>
    public event Action<LogSetResponse>? Synced;
    public string? LastError { get; private set; }

    public async Task<List<LogSetRequest>> PendingAsync() => await device.GetAsync<List<LogSetRequest>>(Key) ?? [];

    public async Task EnqueueAsync(LogSetRequest log)
    {
        var pending = await PendingAsync();
        pending.Add(log);
        await device.SetAsync(Key, pending);
        Changed?.Invoke();
        await SyncAsync();
    }

    /// <summary>Sends what is waiting, oldest first; stops at the first network failure and keeps the rest.</summary>
    public async Task SyncAsync()
    {
        if (!await _syncing.WaitAsync(0)) return;
        try
        {
            while ((await PendingAsync()) is { Count: > 0 } pending)
            {
                var next = pending[0];
                var result = await training.LogSetAsync(next);
                if (result.Problem is { IsNetworkError: true } || result.Problem is { Status: >= 500 or 401 }) return;
                LastError = result.Ok ? null : $"A set could not be saved: {result.Problem!.Message}";
                var now = await PendingAsync();
                now.RemoveAll(p => p.Id == next.Id);
                await device.SetAsync(Key, now);
                if (result.Ok) Synced?.Invoke(result.Value!);
                Changed?.Invoke();
            }
        }
        finally
        {
            _syncing.Release();
        }
    }
}
