using FitPilot.Contracts.Training;
using FitPilot.Web.Api;
using FitPilot.Web.Auth;

namespace FitPilot.Web.Training;

/// <summary>A change to the day's sets waiting on the device: a new set, a correction or a deletion.</summary>
/// <param name="Label">What a person calls it ("Barbell Squat, set 2: 100 kg × 5"), to say which one if it is refused.</param>
/// <param name="Sent">It went out at least once (the answer may have been lost), so the API may have it.</param>
public sealed record PendingChange(string Kind, string LogId, string Label, LogSetRequest? Log = null, UpdateSetLogRequest? Correction = null, bool Sent = false)
{
    public const string LogKind = "log", CorrectKind = "correct", DeleteKind = "delete";
}

/// <summary>A change the API refused for what it is (not for being offline or busy): which set, and why.</summary>
public sealed record RejectedChange(string Id, string Label, string Reason);

/// <summary>
/// Logged sets, corrections and deletions wait on the device until the API has them: each is saved to
/// localStorage first, then sent, oldest first. A log carries an id made here, so sending it again (after
/// a lost answer, a reload or a day offline) stores it once. A change stays queued while the device is
/// offline, the session needs renewing, or the API answers conflict (409), too many requests (429),
/// timeout (408) or unavailable (5xx): it is retried when the device comes back online, on the next
/// change, and every <see cref="RetryInterval"/> while anything waits. Only a change the API refuses for
/// what it is (400, 403, 404, 422…) is dropped, and then kept in <see cref="RejectedAsync"/> to say which and why.
/// </summary>
public sealed class WorkoutQueue(TrainingApi training, DeviceStore device)
{
    private const string Key = "pending-changes", RejectedKey = "rejected-changes", OldKey = "pending-logs";
    private readonly SemaphoreSlim _syncing = new(1, 1); // one sync loop at a time
    private readonly SemaphoreSlim _store = new(1, 1);   // one read-modify-write of the stored lists at a time (never held over the network)
    private bool _retrying;

    /// <summary>How long to wait before trying again while changes wait.</summary>
    public TimeSpan RetryInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>The queue or the rejected list changed.</summary>
    public event Action? Changed;
    /// <summary>A set the API accepted, with any personal bests it set.</summary>
    public event Action<LogSetResponse>? Synced;
    /// <summary>Why the last attempt kept the changes waiting (busy, conflict, offline), or null.</summary>
    public string? Waiting { get; private set; }

    public async Task<List<PendingChange>> PendingAsync()
    {
        var pending = await device.GetAsync<List<PendingChange>>(Key);
        if (pending is not null) return pending;
        // Sets queued by an earlier version of the app.
        var old = await device.GetAsync<List<LogSetRequest>>(OldKey);
        if (old is not { Count: > 0 }) return [];
        pending = old.Select(l => new PendingChange(PendingChange.LogKind, l.Id, $"Set {l.SetNumber}", l)).ToList();
        await device.SetAsync(Key, pending);
        await device.RemoveAsync(OldKey);
        return pending;
    }

    public async Task<List<RejectedChange>> RejectedAsync() => await device.GetAsync<List<RejectedChange>>(RejectedKey) ?? [];

    public async Task DismissAsync(string id)
    {
        await UnderLockAsync(async () =>
        {
            var rejected = await RejectedAsync();
            rejected.RemoveAll(r => r.Id == id);
            await device.SetAsync(RejectedKey, rejected);
        });
        Changed?.Invoke();
    }

    public Task LogAsync(LogSetRequest log, string label) =>
        ChangeAsync(pending => pending.Add(new PendingChange(PendingChange.LogKind, log.Id, label, log)));

    /// <summary>
    /// Corrects a set: one that never left the device is changed in place; otherwise the correction is
    /// queued after it (a log sent again is a replay, which keeps what the API first stored).
    /// </summary>
    public Task CorrectAsync(string logId, UpdateSetLogRequest correction, string label) => ChangeAsync(pending =>
    {
        var index = pending.FindIndex(p => p.Kind == PendingChange.LogKind && p.LogId == logId);
        if (index >= 0 && !pending[index].Sent)
        {
            var log = pending[index].Log!;
            pending[index] = pending[index] with
            {
                Label = label,
                Log = log with { WeightKg = correction.WeightKg, Reps = correction.Reps, Rir = correction.Rir, Notes = correction.Notes },
            };
            return;
        }
        pending.RemoveAll(p => p.Kind == PendingChange.CorrectKind && p.LogId == logId);
        pending.Add(new PendingChange(PendingChange.CorrectKind, logId, label, Correction: correction));
    });

    /// <summary>Deletes a set: one that never left the device just goes; otherwise the deletion is queued.</summary>
    public Task DeleteAsync(string logId, string label) => ChangeAsync(pending =>
    {
        var log = pending.Find(p => p.Kind == PendingChange.LogKind && p.LogId == logId);
        pending.RemoveAll(p => p.LogId == logId);
        if (log is null || log.Sent) pending.Add(new PendingChange(PendingChange.DeleteKind, logId, label));
    });

    private async Task ChangeAsync(Action<List<PendingChange>> change)
    {
        await UnderLockAsync(async () =>
        {
            var pending = await PendingAsync();
            change(pending);
            await device.SetAsync(Key, pending);
        });
        Changed?.Invoke();
        await SyncAsync();
    }

    private async Task UnderLockAsync(Func<Task> readModifyWrite)
    {
        await _store.WaitAsync();
        try { await readModifyWrite(); }
        finally { _store.Release(); }
    }

    /// <summary>Sends what is waiting, oldest first; stops at the first answer that means "later" and keeps the rest.</summary>
    public async Task SyncAsync()
    {
        if (!await _syncing.WaitAsync(0)) return;
        try
        {
            while ((await PendingAsync()) is { Count: > 0 } pending)
            {
                var next = pending[0];
                if (!next.Sent) await ReplaceAsync(next, next with { Sent = true });
                var (problem, logged) = await SendAsync(next);
                if (problem is not null && Later(problem))
                {
                    Waiting = problem.IsNetworkError ? "You're offline." : problem.Status == 401 ? "Log in again to sync." : $"Not synced yet: {problem.Message}";
                    Changed?.Invoke();
                    KeepRetrying();
                    return;
                }
                Waiting = null;
                await ReplaceAsync(next, null);
                if (problem is not null && !(next.Kind == PendingChange.DeleteKind && problem.Status == 404))
                    await RejectAsync(next, problem);
                if (logged is not null) Synced?.Invoke(logged);
                Changed?.Invoke();
            }
        }
        finally
        {
            _syncing.Release();
        }
    }

    /// <summary>Offline, signed out, or an answer that says "not now": keep the change and try again later.</summary>
    public static bool Later(ApiProblem problem) =>
        problem.IsNetworkError || problem.Status is 401 or 408 or 409 or 425 or 429 or >= 500;

    private async Task<(ApiProblem? Problem, LogSetResponse? Logged)> SendAsync(PendingChange change)
    {
        switch (change.Kind)
        {
            case PendingChange.LogKind:
                var log = await training.LogSetAsync(change.Log!);
                return (log.Problem, log.Value);
            case PendingChange.CorrectKind:
                return ((await training.CorrectSetAsync(change.LogId, change.Correction!)).Problem, null);
            default:
                return ((await training.DeleteSetAsync(change.LogId)).Problem, null);
        }
    }

    /// <summary>Replaces (or removes, with null) a change as stored now: the list may have changed while it was on its way.</summary>
    private Task ReplaceAsync(PendingChange change, PendingChange? with) => UnderLockAsync(async () =>
    {
        var pending = await PendingAsync();
        var index = pending.FindIndex(p => p.Kind == change.Kind && p.LogId == change.LogId);
        if (index < 0) return;
        if (with is null) pending.RemoveAt(index);
        else pending[index] = with;
        await device.SetAsync(Key, pending);
    });

    private async Task RejectAsync(PendingChange change, ApiProblem problem)
    {
        var reasons = problem.Errors.SelectMany(e => e.Value).Where(m => m.Length > 0).ToList();
        var why = reasons.Count > 0 ? string.Join(" ", reasons) : problem.Message;
        var what = change.Kind switch { PendingChange.LogKind => "wasn't saved", PendingChange.CorrectKind => "wasn't corrected", _ => "wasn't deleted" };
        await UnderLockAsync(async () =>
        {
            var rejected = await RejectedAsync();
            rejected.Add(new RejectedChange(Guid.NewGuid().ToString("N"), $"{change.Label} {what}", why));
            await device.SetAsync(RejectedKey, rejected);
        });
    }

    private void KeepRetrying()
    {
        if (_retrying) return;
        _retrying = true;
        _ = Task.Run(async () =>
        {
            try
            {
                while ((await PendingAsync()).Count > 0)
                {
                    await Task.Delay(RetryInterval);
                    await SyncAsync();
                }
            }
            finally
            {
                _retrying = false;
            }
        });
    }
}
