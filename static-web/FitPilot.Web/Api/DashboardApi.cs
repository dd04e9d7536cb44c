using FitPilot.Contracts.Trainers;

namespace FitPilot.Web.Api;

/// <summary>The PT dashboard's figures.</summary>
public sealed class DashboardApi(ApiClient api)
{
    public Task<ApiResult<TrainerDashboard>> TrainerDashboardAsync() => api.GetAsync<TrainerDashboard>("api/dashboard");
}
