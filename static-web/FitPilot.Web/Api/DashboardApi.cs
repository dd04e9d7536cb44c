using FitPilot.Contracts.Dashboard;
using FitPilot.Contracts.Trainers;

namespace FitPilot.Web.Api;

/// <summary>The PT dashboard's figures and the compliance dashboard (clients at risk, check-ins to review, PBs, the client list).</summary>
public sealed class DashboardApi(ApiClient api)
{
    public Task<ApiResult<TrainerDashboard>> TrainerDashboardAsync() => api.GetAsync<TrainerDashboard>("api/dashboard");

    public Task<ApiResult<ComplianceDashboard>> ComplianceAsync() => api.GetAsync<ComplianceDashboard>("api/dashboard/clients");
}
