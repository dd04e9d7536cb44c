using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FitPilot.Web.Api;

public static class ApiServices
{
    /// <summary>
    /// The HTTP layer (<see cref="ApiClient"/>, kept when one is registered already, as tests do) and one typed client per
    /// API feature. Pages and components use the typed clients; the URLs live in this folder only.
    /// </summary>
    public static IServiceCollection AddFitPilotApi(this IServiceCollection services)
    {
        services.TryAddScoped<ApiClient>();
        services.TryAddScoped<ActivityApi>();
        services.TryAddScoped<AuthApi>();
        services.TryAddScoped<BillingApi>();
        services.TryAddScoped<CheckInsApi>();
        services.TryAddScoped<ClientsApi>();
        services.TryAddScoped<DashboardApi>();
        services.TryAddScoped<InsightsApi>();
        services.TryAddScoped<ExercisesApi>();
        services.TryAddScoped<FoodLibraryApi>();
        services.TryAddScoped<FoodsApi>();
        services.TryAddScoped<HabitsApi>();
        services.TryAddScoped<BookingsApi>();
        services.TryAddScoped<InvitationsApi>();
        services.TryAddScoped<MealPlansApi>();
        services.TryAddScoped<MessagesApi>();
        services.TryAddScoped<NotificationsApi>();
        services.TryAddScoped<NutritionApi>();
        services.TryAddScoped<ProgramsApi>();
        services.TryAddScoped<ProgressApi>();
        services.TryAddScoped<SettingsApi>();
        services.TryAddScoped<TrainingApi>();
        return services;
    }
}

/// <summary>Builds API paths: ids are escaped as one path segment, query values as query values, empty ones left out.</summary>
internal static class ApiPath
{
    public static string Id(string id) => Uri.EscapeDataString(id);

    /// <summary>"api/x" plus "?name=value&amp;…" for the values given, in the order given.</summary>
    public static string WithQuery(string path, params (string Name, string? Value)[] query)
    {
        var parts = query.Where(q => !string.IsNullOrEmpty(q.Value)).Select(q => $"{q.Name}={Uri.EscapeDataString(q.Value!)}").ToList();
        return parts.Count == 0 ? path : path + "?" + string.Join('&', parts);
    }
}
