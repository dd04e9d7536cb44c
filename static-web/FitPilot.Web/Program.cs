using FitPilot.Web;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.AspNetCore.Components.WebAssembly.Hosting;
using Microsoft.JSInterop;

var builder = WebAssemblyHostBuilder.CreateDefault(args);
builder.RootComponents.Add<App>("#app");
builder.RootComponents.Add<HeadOutlet>("head::after");

// The API is on the same origin (Static Web Apps locally and in Azure); the session is an HttpOnly cookie.
builder.Services.AddScoped(_ => new HttpClient { BaseAddress = new Uri(builder.HostEnvironment.BaseAddress) });
builder.Services.AddFitPilotApp();

var host = builder.Build();
// A prerendered public form the visitor already sent through js/early-forms.js keeps its page: the app rendering over it
// would drop the answer shown there (or still on its way). That page stays the static one (its forms and links work
// without the app); the next page loads with the runtime cached.
if (await EarlyFormsEngagedAsync(host.Services.GetRequiredService<IJSRuntime>())) await Task.Delay(Timeout.Infinite);
await host.RunAsync();

static async Task<bool> EarlyFormsEngagedAsync(IJSRuntime js)
{
    try { return await js.InvokeAsync<bool>("fitpilotEarly.engaged"); }
    catch (JSException) { return false; } // not a prerendered page
}
