using Microsoft.JSInterop;

namespace FitPilot.Web.Auth;

/// <summary>The device's IANA time zone, as the browser reports it (null when it cannot say).</summary>
public sealed class DeviceTimeZone(IJSRuntime js)
{
    public async Task<string?> GetAsync()
    {
        try { return await js.InvokeAsync<string?>("fitpilot.timeZone"); }
        catch (JSException) { return null; }
    }
}
