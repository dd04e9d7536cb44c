using System.Text.Json;
using Microsoft.JSInterop;

namespace FitPilot.Web.Api;

/// <summary>
/// What js/early-forms.js fetched for a prerendered page before the runtime started (kept in sessionStorage under
/// <c>fitpilot:early:{path}</c>), so the page taking the DOM over shows it in its first render instead of flashing its
/// loading state; the page still asks the API again. Read synchronously (the WebAssembly runtime allows it) and once.
/// </summary>
public static class EarlyAnswers
{
    public const string KeyPrefix = "fitpilot:early:";

    public static T? Take<T>(IJSRuntime js, string path) where T : class
    {
        if (js is not IJSInProcessRuntime sync) return null;
        try
        {
            var json = sync.Invoke<string?>("sessionStorage.getItem", KeyPrefix + path);
            if (json is null) return null;
            sync.InvokeVoid("sessionStorage.removeItem", KeyPrefix + path);
            return JsonSerializer.Deserialize<T>(json, ApiClient.Json);
        }
        catch (Exception e) when (e is JSException or JsonException)
        {
            return null; // storage blocked or an answer of another shape: the page asks the API as usual
        }
    }
}
