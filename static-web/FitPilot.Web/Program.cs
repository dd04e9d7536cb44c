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
builder.Services.AddScoped<ApiClient>();
builder.Services.AddScoped<Session>();
builder.Services.AddScoped<DeviceStore>();
builder.Services.AddScoped<FitPilot.Web.Training.SetLogQueue>();

await builder.Build().RunAsync();
