using FitPilot.Contracts.Messages;
using FitPilot.Web.Api;
using FitPilot.Web.Auth;
using FitPilot.Web.Training;

namespace FitPilot.Web.Messages;

/// <summary>A message waiting on the device: its conversation, and the request with the id made here (so a resend never duplicates).</summary>
public sealed record PendingMessage(string ClientId, SendMessageRequest Request, DateTimeOffset QueuedAt);

/// <summary>
/// Messages typed while offline wait on the device like set logs (<see cref="WorkoutQueue"/>): saved to
/// localStorage (<see cref="DeviceStore"/>) first, then sent oldest first with the id made on the device, so a
/// resend after a lost answer stores it once. The same rule decides what waits (<see cref="WorkoutQueue.Later"/>:
/// offline, 401, 408, 409, 429, 5xx) and what is refused for good; the page retries on the browser's
/// <c>online</c> event (<c>fitpilot.watchOnline</c>, as the workout page does) and on each new message.
/// </summary>
public sealed class MessageOutbox(MessagesApi messages, DeviceStore device)
{
    private const string Key = "pending-messages";
    private readonly SemaphoreSlim _syncing = new(1, 1);
    private readonly SemaphoreSlim _store = new(1, 1);

    /// <summary>A message the API accepted (the page shows it as sent).</summary>
    public event Action<string, Message>? Sent;
    /// <summary>The queue changed.</summary>
    public event Action? Changed;
    /// <summary>Why the queue waits (offline…), or null.</summary>
    public string? Waiting { get; private set; }

    public async Task<List<PendingMessage>> PendingAsync(string? clientId = null)
    {
        var all = await device.GetAsync<List<PendingMessage>>(Key) ?? [];
        return clientId is null ? all : all.Where(p => p.ClientId == clientId).ToList();
    }

    /// <param name="imageId">A picture already uploaded and ready (it waits on the server; only the message waits here).</param>
    public async Task EnqueueAsync(string clientId, string text, string? imageId = null)
    {
        await EditAsync(list => list.Add(new PendingMessage(clientId, new SendMessageRequest { Id = Guid.NewGuid().ToString(), Text = text, ImageId = imageId }, DateTimeOffset.UtcNow)));
        await SyncAsync();
    }

    /// <summary>Sends what waits, oldest first; stops at the first "not now" and keeps the rest.</summary>
    public async Task SyncAsync()
    {
        if (!await _syncing.WaitAsync(0)) return;
        try
        {
            while ((await PendingAsync()) is { Count: > 0 } pending)
            {
                var next = pending[0];
                var result = await messages.SendAsync(next.ClientId, next.Request);
                if (result.Problem is { } problem && WorkoutQueue.Later(problem))
                {
                    Waiting = problem.IsNetworkError ? "You're offline. Messages you send wait on this device and go when you're back online." : $"Not sent yet: {problem.Message}";
                    Changed?.Invoke();
                    return;
                }
                Waiting = result.Problem is { } refused ? $"A message wasn't sent: {refused.Message}" : null;
                await EditAsync(list => list.RemoveAll(p => p.Request.Id == next.Request.Id));
                if (result.Ok) Sent?.Invoke(next.ClientId, result.Value!);
                Changed?.Invoke();
            }
        }
        finally { _syncing.Release(); }
    }

    private async Task EditAsync(Action<List<PendingMessage>> change)
    {
        await _store.WaitAsync();
        try
        {
            var list = await PendingAsync();
            change(list);
            await device.SetAsync(Key, list);
        }
        finally { _store.Release(); }
        Changed?.Invoke();
    }
}
