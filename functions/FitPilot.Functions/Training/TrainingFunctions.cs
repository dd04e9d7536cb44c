using FitPilot.Contracts.Training;
using FitPilot.Functions.Http;
using FitPilot.Functions.OpenApi;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FitPilot.Functions.Training;

/// <summary>The client trains (today, logging, history, achievements); the PT follows (logs, adherence).</summary>
public sealed class TrainingFunctions(Api api, TrainingService training, TimeProvider clock)
{
    [Function(nameof(GetTodayWorkout))]
    [ApiOperation("Today's workout: targets, last time's numbers, sets already logged today", Access.Client, null, typeof(TodayWorkout),
        Query = ["date: the client's local date (yyyy-MM-dd), default today in UTC"])]
    public Task<IResult> GetTodayWorkout(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "today")] HttpRequest req) =>
        api.Client(req, async (me, ct) => Api.Ok(await training.TodayAsync(me.ClientId!, Query.Date(req, "date") ?? Today(), ct)));

    [Function(nameof(LogSet))]
    [ApiOperation("Log one set (idempotent: the same id is stored once); says which personal bests it set", Access.Client, typeof(LogSetRequest), typeof(LogSetResponse), 201)]
    public Task<IResult> LogSet(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "logs")] HttpRequest req) =>
        api.Client(req, async (me, ct) =>
        {
            var result = await training.LogSetAsync(me.ClientId!, await RequestBody.ReadAsync<LogSetRequest>(req, ct), ct);
            return result.Replayed ? Api.Ok(result) : Api.Created($"/api/logs/{result.Log.Id}", result, req.HttpContext.Response);
        });

    [Function(nameof(UpdateSetLog))]
    [ApiOperation("Correct a logged set", Access.Client, typeof(UpdateSetLogRequest), typeof(SetLog))]
    public Task<IResult> UpdateSetLog(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "logs/{logId}")] HttpRequest req, string logId) =>
        api.Client(req, async (me, ct) =>
        {
            var body = await RequestBody.ReadAsync<UpdateSetLogRequest>(req, ct);
            return Api.Ok(await training.UpdateLogAsync(me.ClientId!, logId, body, ct));
        });

    [Function(nameof(DeleteSetLog))]
    [ApiOperation("Delete a logged set", Access.Client, null, null, 204)]
    public Task<IResult> DeleteSetLog(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "logs/{logId}")] HttpRequest req, string logId) =>
        api.Client(req, async (me, ct) =>
        {
            await training.DeleteLogAsync(me.ClientId!, logId, ct);
            return Results.NoContent();
        });

    [Function(nameof(GetExerciseHistory))]
    [ApiOperation("The client's history of one exercise: every set and the best estimated 1RM (Epley) per day", Access.Client, null, typeof(ExerciseHistory))]
    public Task<IResult> GetExerciseHistory(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "exercises/{exerciseId}/history")] HttpRequest req, string exerciseId) =>
        api.Client(req, async (me, ct) => Api.Ok(await training.HistoryAsync(me.ClientId!, exerciseId, ct)));

    [Function(nameof(ListAchievements))]
    [ApiOperation("The client's achievements, personal bests included", Access.Client, null, typeof(List<Achievement>))]
    public Task<IResult> ListAchievements(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "achievements")] HttpRequest req) =>
        api.Client(req, async (me, ct) => Api.Ok(await training.AchievementsAsync(me.ClientId!, ct)));

    [Function(nameof(ListClientLogs))]
    [ApiOperation("A client's logged sets between two dates (default: the last 7 days)", Access.Trainer, null, typeof(List<SetLog>),
        Query = ["from: yyyy-MM-dd", "to: yyyy-MM-dd"])]
    public Task<IResult> ListClientLogs(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "clients/{clientId}/logs")] HttpRequest req, string clientId) =>
        api.Trainer(req, async (pt, ct) =>
        {
            var to = Query.Date(req, "to") ?? Today();
            var from = Query.Date(req, "from") ?? to.AddDays(-6);
            return Api.Ok(await training.ClientLogsAsync(pt.TrainerId, clientId, from, to, ct));
        });

    [Function(nameof(GetClientAdherence))]
    [ApiOperation("Weekly adherence: sessions completed / prescribed in the 7 days up to a date", Access.Trainer, null, typeof(Adherence),
        Query = ["to: yyyy-MM-dd, default today"])]
    public Task<IResult> GetClientAdherence(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "clients/{clientId}/adherence")] HttpRequest req, string clientId) =>
        api.Trainer(req, async (pt, ct) => Api.Ok(await training.AdherenceAsync(pt.TrainerId, clientId, Query.Date(req, "to") ?? Today(), ct)));

    [Function(nameof(GetClientExerciseHistory))]
    [ApiOperation("A client's history of one exercise", Access.Trainer, null, typeof(ExerciseHistory))]
    public Task<IResult> GetClientExerciseHistory(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "clients/{clientId}/exercises/{exerciseId}/history")] HttpRequest req, string clientId, string exerciseId) =>
        api.Trainer(req, async (pt, ct) => Api.Ok(await training.ClientHistoryAsync(pt.TrainerId, clientId, exerciseId, ct)));

    private DateOnly Today() => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
}
