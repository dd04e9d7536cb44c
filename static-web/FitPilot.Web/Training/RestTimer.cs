using FitPilot.Web.Auth;
using Microsoft.JSInterop;

namespace FitPilot.Web.Training;

/// <summary>
/// The rest between sets: one timer for the app, kept on the device by its end time, so it carries on across
/// pages and reloads. It can be shortened or lengthened by 15 s or skipped; at the end it sounds and vibrates
/// (the device decides: vibration follows the phone's settings, sound can be turned off here and stays off).
/// </summary>
public sealed class RestTimer(DeviceStore device, IJSRuntime js, TimeProvider clock) : IDisposable
{
    private const string Key = "rest", SoundKey = "rest-sound";
    public const int AdjustSeconds = 15;
    private State? _state;
    private CancellationTokenSource? _ticking;

    public sealed record State(DateTimeOffset EndsAt, int TotalSeconds, string Label);

    /// <summary>Each second while running, and when it starts, changes or ends.</summary>
    public event Action? Changed;

    public bool Running => _state is not null;
    public string? Label => _state?.Label;
    public int TotalSeconds => _state?.TotalSeconds ?? 0;
    public int Remaining => _state is null ? 0 : Math.Max(0, (int)Math.Ceiling((_state.EndsAt - clock.GetUtcNow()).TotalSeconds));
    public bool SoundOn { get; private set; } = true;
    /// <summary>Set when a rest ran out (not skipped), for the page to say so; cleared by the next start.</summary>
    public bool JustEnded { get; private set; }

    /// <summary>Picks up a rest that was running before a reload.</summary>
    public async Task RestoreAsync()
    {
        SoundOn = await device.GetAsync<bool?>(SoundKey) ?? true;
        if (_state is not null) return;
        if (await device.GetAsync<State>(Key) is { } saved && saved.EndsAt > clock.GetUtcNow())
        {
            _state = saved;
            Tick();
        }
    }

    public async Task StartAsync(int seconds, string label)
    {
        _state = new State(clock.GetUtcNow().AddSeconds(seconds), seconds, label);
        JustEnded = false;
        await device.SetAsync(Key, _state);
        try { await js.InvokeVoidAsync("fitpilot.primeSound"); } catch (JSException) { } // audio may only start from a tap
        Tick();
    }

    /// <summary>Adds (or with a negative number, takes) seconds; taking it to zero ends the rest.</summary>
    public async Task AdjustAsync(int seconds)
    {
        if (_state is null) return;
        var endsAt = _state.EndsAt.AddSeconds(seconds);
        if (endsAt <= clock.GetUtcNow()) { await StopAsync(); return; }
        _state = _state with { EndsAt = endsAt, TotalSeconds = Math.Max(1, _state.TotalSeconds + seconds) };
        await device.SetAsync(Key, _state);
        Changed?.Invoke();
    }

    public Task SkipAsync() => StopAsync();

    public async Task SetSoundAsync(bool on)
    {
        SoundOn = on;
        await device.SetAsync(SoundKey, on);
        Changed?.Invoke();
    }

    private async Task StopAsync()
    {
        _ticking?.Cancel();
        _state = null;
        await device.RemoveAsync(Key);
        Changed?.Invoke();
    }

    /// <summary>Checks the time now; the loop calls it every second.</summary>
    public async Task TickAsync()
    {
        if (_state is null) return;
        if (Remaining > 0) { Changed?.Invoke(); return; }
        JustEnded = true;
        await StopAsync();
        try { await js.InvokeVoidAsync("fitpilot.restDone", SoundOn); } catch (JSException) { }
    }

    private void Tick()
    {
        _ticking?.Cancel();
        var ticking = _ticking = new CancellationTokenSource();
        Changed?.Invoke();
        _ = Task.Run(async () =>
        {
            while (!ticking.IsCancellationRequested && _state is not null)
            {
                try { await Task.Delay(TimeSpan.FromSeconds(1), ticking.Token); } catch (TaskCanceledException) { return; }
                await TickAsync();
            }
        });
    }

    public void Dispose() => _ticking?.Cancel();
}
