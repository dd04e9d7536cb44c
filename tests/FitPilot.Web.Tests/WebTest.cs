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
    protected FakeLocalStorage Storage { get; } = new();

    protected WebTest()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddSingleton(new ApiClient(Api.Client()));
        Services.AddFitPilotApi();
        Services.AddSingleton(new DeviceStore(Storage));
        Services.AddScoped<Session>();
        Services.AddScoped<SetLogQueue>();
        Services.AddScoped<DeviceTimeZone>();
    }

    protected T Get<T>() where T : notnull => Services.GetRequiredService<T>();
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
