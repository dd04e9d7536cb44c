using FitPilot.Contracts.Training;
using FitPilot.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FitPilot.Functions.Achievements;

/// <summary>A client's achievements (milestones, streaks and personal bests), for them and their PT.</summary>
public sealed class AchievementFunctions(Api api, AchievementService achievements)
{
    [Function(nameof(ListAchievements))]
    [ApiOperation("The client's achievements, personal bests included, newest first", Access.Client, null, typeof(List<Achievement>))]
    public Task<IResult> ListAchievements(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "achievements")] HttpRequest req) =>
        api.Handle<ClientCaller>(req, async call => Reply.Ok(await achievements.ListAsync(call.Caller.ClientId, call.Cancellation)));

    [Function(nameof(ListClientAchievements))]
    [ApiOperation("A client's achievements, personal bests included, newest first", Access.Trainer, null, typeof(List<Achievement>))]
    public Task<IResult> ListClientAchievements(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "clients/{clientId}/achievements")] HttpRequest req, string clientId) =>
        api.Handle<TrainerCaller>(req, async call => Reply.Ok(await achievements.ClientAchievementsAsync(call.Caller.TrainerId, clientId, call.Cancellation)));
}
