using FitPilot.Web;
using FitPilot.Web.Api;
using FitPilot.Web.Auth;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.AspNetCore.Components.WebAssembly.Hosting;

var builder = WebAssemblyHostBuilder.CreateDefault(args);
builder.RootComponents.Add<App>("#app");
builder.RootComponents.Add<HeadOutlet>("head::after");

// The API is on the same origin (Static Web Apps locally and in Azure); the session is an HttpOnly cookie.
builder.Services.AddScoped(_ => new HttpClient { BaseAddress = new Uri(builder.HostEnvironment.BaseAddress) });
builder.Services.AddFitPilotApi(); // ApiClient and the typed client of each API feature
builder.Services.AddScoped<Session>();
builder.Services.AddScoped<DeviceStore>();
builder.Services.AddScoped<DeviceTimeZone>();
builder.Services.AddScoped<FitPilot.Web.Training.WorkoutQueue>();
builder.Services.AddScoped<FitPilot.Web.Training.RestTimer>();
builder.Services.AddSingleton(TimeProvider.System);

await builder.Build().RunAsync();
