using FitPilot.Web.Api;
using FitPilot.Web.Auth;
using FitPilot.Web.Training;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.JSInterop;

namespace FitPilot.Web.Tests;

/// <summary>
/// A bUnit context with the web app's services as Program.cs registers them, over a <see cref="FakeApi"/> and an
/// in-memory localStorage (<see cref="Storage"/>); other JS calls (focus, the online watcher) are answered loosely.
/// </summary>
public abstract class WebTest : BunitContext
{
    protected FakeApi Api { get; } = new();
    protected FakeLocalStorage Storage { get; }
    /// <summary>The time the app sees; tests move it on.</summary>
    protected ManualClock Clock { get; }

    /// <param name="storage">The device's storage, to start the app again on the same device (a reload).</param>
    protected WebTest(FakeLocalStorage? storage = null, ManualClock? clock = null)
    {
        Storage = storage ?? new FakeLocalStorage();
        Clock = clock ?? new ManualClock();
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddSingleton(new ApiClient(Api.Client()));
        Services.AddFitPilotApi();
        Services.AddSingleton(new DeviceStore(Storage));
        Services.AddScoped<Session>();
        Services.AddScoped<WorkoutQueue>();
        Services.AddScoped<FitPilot.Web.Messages.MessageOutbox>();
        Services.AddScoped<RestTimer>();
        Services.AddSingleton<TimeProvider>(Clock);
        Services.AddScoped<DeviceTimeZone>();
    }

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();
}

/// <summary>A clock that stands still until a test moves it.</summary>
public sealed class ManualClock : TimeProvider
{
    public DateTimeOffset Now { get; set; } = new(2026, 11, 23, 7, 0, 0, TimeSpan.Zero);
    public override DateTimeOffset GetUtcNow() => Now;
    public void Advance(TimeSpan by) => Now += by;
}

/// <summary>localStorage for <see cref="DeviceStore"/>: what the app keeps on the device, kept in a dictionary.</summary>
public sealed class FakeLocalStorage : IJSRuntime
{
    public Dictionary<string, string> Items { get; } = [];

    public ValueTask<TValue> InvokeAsync<TValue>(string identifier, object?[]? args) => InvokeAsync<TValue>(identifier, CancellationToken.None, args);

    public ValueTask<TValue> InvokeAsync<TValue>(string identifier, CancellationToken cancellationToken, object?[]? args)
    {
        object? result = null;
        switch (identifier)
        {
            case "localStorage.getItem": result = Items.GetValueOrDefault((string)args![0]!); break;
            case "localStorage.setItem": Items[(string)args![0]!] = (string)args[1]!; break;
            case "localStorage.removeItem": Items.Remove((string)args![0]!); break;
            case "localStorage.clear": Items.Clear(); break;
            default: throw new InvalidOperationException($"Not localStorage: {identifier}");
        }
        return ValueTask.FromResult((TValue)result!);
    }
}
