using FitPilot.Contracts.Reporting;

namespace FitPilot.Web.Api;

/// <summary>The PT's weekly figures from the reporting store, and their CSV.</summary>
public sealed class InsightsApi(ApiClient api)
{
    public Task<ApiResult<WeeklyInsights>> WeeklyAsync(int weeks) => api.GetAsync<WeeklyInsights>($"api/insights/weekly?weeks={weeks}");

    /// <summary>A download link (the session cookie goes with it).</summary>
    public static string CsvUrl(int weeks) => $"api/insights/weekly.csv?weeks={weeks}";
}
