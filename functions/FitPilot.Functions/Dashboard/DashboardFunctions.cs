using FitPilot.Contracts.Clients;
using FitPilot.Contracts.Trainers;
using FitPilot.Functions.Clients;
using FitPilot.Functions.Common;
using FitPilot.Functions.Http;
using FitPilot.Functions.Trainers;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;

namespace FitPilot.Functions.Dashboard;

/// <summary>The PT's landing figures: clients by status (one partition read) and what is left of the trial.</summary>
public sealed class DashboardFunctions(Api api, ClientStore clients, TrainerStore trainers, IOptions<AppOptions> app, TimeProvider clock)
{
    [Function(nameof(GetTrainerDashboard))]
    [ApiOperation("The PT dashboard: client counts and trial status", Access.Trainer, null, typeof(TrainerDashboard))]
    public Task<IResult> GetTrainerDashboard(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "dashboard")] HttpRequest req) =>
        api.Handle<TrainerCaller>(req, async call =>
        {
            var trainer = await trainers.GetAsync(call.Caller.TrainerId, call.Cancellation);
            int active = 0, invited = 0;
            await foreach (var client in clients.AllAsync(call.Caller.TrainerId, call.Cancellation))
            {
                if (client.Status == ClientStatuses.Active) active++;
                else invited++;
            }
            return Reply.Ok(new TrainerDashboard(active + invited, active, invited,
                trainer.TrialDaysRemaining(clock.GetUtcNow(), app.Value.TrialDays), trainer.SubscriptionStatus, trainer.SubscriptionTier));
        });
}
