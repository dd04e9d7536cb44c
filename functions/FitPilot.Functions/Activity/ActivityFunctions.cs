using FitPilot.Contracts.Activity;
using FitPilot.Contracts.Common;
using FitPilot.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FitPilot.Functions.Activity;

/// <summary>The PT's recent activity: what their clients did, newest first (the dashboard; one client's on their page).</summary>
public sealed class ActivityFunctions(Api api, ActivityService activity)
{
    [Function(nameof(ListActivity))]
    [ApiOperation("The PT's recent activity (finished workouts…), newest first, a page at a time", Access.Trainer, null, typeof(Page<ActivityItem>),
        Query = ["clientId: one client's activity", "limit: 1–100, default 50", "cursor: nextCursor of the previous page"])]
    public Task<IResult> ListActivity(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "activity")] HttpRequest req) =>
        api.Handle<TrainerCaller>(req, async call =>
            Reply.Ok(await activity.ListAsync(call.Caller.TrainerId, Query.Optional(req, "clientId", 40), Query.Limit(req), Query.Cursor(req), call.Cancellation)));
}
