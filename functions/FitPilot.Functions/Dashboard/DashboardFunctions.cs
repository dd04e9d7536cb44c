using FitPilot.Contracts.Trainers;
using FitPilot.Functions.Clients;
using FitPilot.Functions.Http;
using FitPilot.Functions.OpenApi;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FitPilot.Functions.Dashboard;

/// <summary>The PT's landing figures: clients by status and what is left of the trial.</summary>
public sealed class DashboardFunctions(Api api, ClientService clients)
{
    [Function(nameof(GetTrainerDashboard))]
    [ApiOperation("The PT dashboard: client counts and trial status", Access.Trainer, null, typeof(TrainerDashboard))]
    public Task<IResult> GetTrainerDashboard(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "dashboard")] HttpRequest req) =>
        api.Trainer(req, async (pt, ct) => Api.Ok(await clients.DashboardAsync(pt.TrainerId, ct)));
}
