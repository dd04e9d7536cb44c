using FitPilot.Contracts.Clients;
using FitPilot.Contracts.Trainers;
using FitPilot.Functions.Clients;
using FitPilot.Functions.Hosting;
using FitPilot.Functions.Http;
using FitPilot.Functions.OpenApi;
using FitPilot.Functions.Storage;
using FitPilot.Functions.Trainers;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;

namespace FitPilot.Functions.Dashboard;

/// <summary>The PT's landing figures: clients by status and what is left of the trial.</summary>
public sealed class DashboardFunctions(Api api, StorageClients storage, IOptions<AppOptions> app, TimeProvider clock)
{
    private readonly TenantTable _clients = new(storage.Table(StorageNames.ClientsTable));
    private readonly TenantTable _trainers = new(storage.Table(StorageNames.TrainersTable));

    [Function(nameof(GetTrainerDashboard))]
    [ApiOperation("The PT dashboard: client counts and trial status", Access.Trainer, null, typeof(TrainerDashboard))]
    public Task<IResult> GetTrainerDashboard(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "dashboard")] HttpRequest req) =>
        api.Trainer(req, async pt =>
        {
            var ct = req.HttpContext.RequestAborted;
            var trainer = await _trainers.FindAsync<TrainerEntity>(pt.TrainerId, TrainerEntity.Row, ct) ?? throw ProblemException.NotFound();
            int active = 0, invited = 0;
            await foreach (var client in _clients.QueryPartitionAsync<ClientEntity>(pt.TrainerId, ct))
            {
                if (client.Status == ClientStatuses.Active) active++;
                else invited++;
            }
            return Api.Ok(new TrainerDashboard(active + invited, active, invited,
                trainer.TrialDaysRemaining(clock.GetUtcNow(), app.Value.TrialDays), trainer.SubscriptionStatus, trainer.SubscriptionTier));
        });
}
