using FitPilot.Web.Api;
using FitPilot.Web.Auth;
using FitPilot.Web.Training;
using Microsoft.Extensions.DependencyInjection;

namespace FitPilot.Web;

public static class AppServices
{
    /// <summary>
    /// Everything the app's components need besides the <see cref="HttpClient"/>: the API clients, the session, the
    /// device's store and time zone, the workout queue and the rest timer. The app (Program.cs) and the build-time
    /// prerender of the public pages (tools/FitPilot.Prerender) both register exactly this, so they cannot drift.
    /// </summary>
    public static IServiceCollection AddFitPilotApp(this IServiceCollection services)
    {
        services.AddFitPilotApi(); // ApiClient and the typed client of each API feature
        services.AddScoped<Session>();
        services.AddScoped<DeviceStore>();
        services.AddScoped<DeviceTimeZone>();
        services.AddScoped<WorkoutQueue>();
        services.AddScoped<FitPilot.Web.Messages.MessageOutbox>();
        services.AddScoped<RestTimer>();
        services.AddSingleton(TimeProvider.System);
        return services;
    }
}
