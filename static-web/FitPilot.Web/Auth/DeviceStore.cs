using System.Text.Json;
using FitPilot.Web.Api;
using Microsoft.JSInterop;

namespace FitPilot.Web.Auth;

/// <summary>
/// What the app keeps on the device (localStorage) to work offline at the gym: the signed-in user's
/// profile, today's workout, and set logs waiting to sync. Never the session token (an HttpOnly cookie).
/// </summary>
public sealed class DeviceStore(IJSRuntime js)
{
    public async Task<T?> GetAsync<T>(string key)
    {
        try
        {
            var json = await js.InvokeAsync<string?>("localStorage.getItem", "fitpilot:" + key);
            return json is null ? default : JsonSerializer.Deserialize<T>(json, ApiClient.Json);
        }
        catch (JsonException) { return default; }
    }

    public ValueTask SetAsync<T>(string key, T value) =>
        js.InvokeVoidAsync("localStorage.setItem", "fitpilot:" + key, JsonSerializer.Serialize(value, ApiClient.Json));

    public ValueTask RemoveAsync(string key) => js.InvokeVoidAsync("localStorage.removeItem", "fitpilot:" + key);

    public ValueTask ClearAsync() => js.InvokeVoidAsync("localStorage.clear");
}
