using FitPilot.Contracts.Clients;
using FitPilot.Contracts.Dashboard;
using FitPilot.Contracts.Trainers;
using FitPilot.Functions.ClientSummaries;
using FitPilot.Functions.Clients;
using FitPilot.Functions.Common;
using FitPilot.Functions.Http;
using FitPilot.Functions.Trainers;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;

namespace FitPilot.Functions.Dashboard;

/// <summary>The PT's landing figures: clients by status (one partition read) and what is left of the trial.</summary>
public sealed class DashboardFunctions(Api api, ClientStore clients, TrainerStore trainers, ClientSummaryService summaries, IOptions<AppOptions> app, TimeProvider clock)
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

    [Function(nameof(GetComplianceDashboard))]
    [ApiOperation("The PT's compliance dashboard: clients at risk, check-ins awaiting review, this week's PBs and the client list with 7/30-day adherence",
        Access.Trainer, null, typeof(ComplianceDashboard), Query = ["sort: the client list's column", "dir: asc or desc", "filter: all, at-risk, awaiting-review or invited"])]
    public Task<IResult> GetComplianceDashboard(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "dashboard/clients")] HttpRequest req) =>
        api.Handle<TrainerCaller>(req, async call => Reply.Ok(await summaries.DashboardAsync(call.Caller.TrainerId,
            Query.OneOf(req, "sort", ComplianceQuery.Sorts), Query.OneOf(req, "dir", ComplianceQuery.Directions), Query.OneOf(req, "filter", ComplianceQuery.Filters), call.Cancellation)));
}
