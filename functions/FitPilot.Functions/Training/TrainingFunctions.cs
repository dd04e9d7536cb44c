using FitPilot.Contracts.Training;
using FitPilot.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FitPilot.Functions.Training;

/// <summary>The client trains (today, logging, history; achievements are listed by Achievements); the PT follows (logs, adherence).</summary>
public sealed class TrainingFunctions(Api api, TrainingService training, TimeProvider clock)
{
    [Function(nameof(GetTodayWorkout))]
    [ApiOperation("Today's workout: targets, last time's numbers, sets already logged today", Access.Client, null, typeof(TodayWorkout),
        Query = ["date: the client's local date (yyyy-MM-dd), default their today in their time zone"])]
    public Task<IResult> GetTodayWorkout(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "today")] HttpRequest req) =>
        api.Handle<ClientCaller>(req, async call =>
            Reply.Ok(await training.TodayAsync(call.Caller.ClientId, call.Caller.TrainerId, Query.Date(req, "date") ?? call.Caller.Today(clock.GetUtcNow()), call.Cancellation)));

    [Function(nameof(LogSet))]
    [ApiOperation("Log one set (idempotent: the same id is stored once); says which personal bests it set", Access.Client, typeof(LogSetRequest), typeof(LogSetResponse), 201)]
    public Task<IResult> LogSet(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "logs")] HttpRequest req) =>
        api.Handle<ClientCaller, LogSetRequest>(req, async call =>
        {
            var result = await training.LogSetAsync(call.Caller.ClientId, call.Caller.Today(clock.GetUtcNow()), call.Body, call.Cancellation);
            return result.Replayed ? Reply.Ok(result) : Reply.Created($"/api/logs/{result.Log.Id}", result);
        });

    [Function(nameof(SwapExercise))]
    [ApiOperation("Do another exercise in place of a prescribed one today (library or the PT's own; no exerciseId goes back); answers the day's workout",
        Access.Client, typeof(SwapExerciseRequest), typeof(TodayWorkout))]
    public Task<IResult> SwapExercise(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "today/swap")] HttpRequest req) =>
        api.Handle<ClientCaller, SwapExerciseRequest>(req, async call =>
            Reply.Ok(await training.SwapAsync(call.Caller.ClientId, call.Caller.TrainerId, call.Body, call.Cancellation)));

    [Function(nameof(FinishWorkout))]
    [ApiOperation("Finish a day's workout: its summary with session RPE and a comment, sent to the PT's activity feed (finishing again replaces it)",
        Access.Client, typeof(FinishWorkoutRequest), typeof(WorkoutSummary), Problems = [409])]
    public Task<IResult> FinishWorkout(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "workouts/finish")] HttpRequest req) =>
        api.Handle<ClientCaller, FinishWorkoutRequest>(req, async call =>
            Reply.Ok(await training.FinishAsync(call.Caller.ClientId, call.Caller.TrainerId, call.Caller.Today(clock.GetUtcNow()), call.Body, call.Cancellation)));

    [Function(nameof(UpdateSetLog))]
    [ApiOperation("Correct a logged set", Access.Client, typeof(UpdateSetLogRequest), typeof(SetLog))]
    public Task<IResult> UpdateSetLog(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "logs/{logId}")] HttpRequest req, string logId) =>
        api.Handle<ClientCaller, UpdateSetLogRequest>(req, async call =>
            Reply.Ok(await training.UpdateLogAsync(call.Caller.ClientId, logId, call.Body, call.Cancellation)));

    [Function(nameof(DeleteSetLog))]
    [ApiOperation("Delete a logged set", Access.Client, null, null, 204)]
    public Task<IResult> DeleteSetLog(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "logs/{logId}")] HttpRequest req, string logId) =>
        api.Handle<ClientCaller>(req, async call =>
        {
            await training.DeleteLogAsync(call.Caller.ClientId, logId, call.Cancellation);
            return Reply.NoContent();
        });

    private const string HistoryFrom = "from: yyyy-MM-dd, only workout days from this date on (default: all of them)";

    [Function(nameof(GetExerciseHistory))]
    [ApiOperation("The client's history of one exercise: every set, and per workout day the best estimated 1RM (Epley) and the volume (weight × reps)",
        Access.Client, null, typeof(ExerciseHistory), Query = [HistoryFrom])]
    public Task<IResult> GetExerciseHistory(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "exercises/{exerciseId}/history")] HttpRequest req, string exerciseId) =>
        api.Handle<ClientCaller>(req, async call => Reply.Ok(await training.HistoryAsync(call.Caller.ClientId, exerciseId, Query.Date(req, "from"), call.Cancellation)));

    [Function(nameof(ListClientLogs))]
    [ApiOperation("A client's logged sets between two dates (default: the last 7 days)", Access.Trainer, null, typeof(List<SetLog>),
        Query = ["from: yyyy-MM-dd, default 6 days before to", "to: yyyy-MM-dd, default the client's today in their time zone"])]
    public Task<IResult> ListClientLogs(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "clients/{clientId}/logs")] HttpRequest req, string clientId) =>
        api.Handle<TrainerCaller>(req, async call =>
            Reply.Ok(await training.ClientLogsAsync(call.Caller.TrainerId, clientId, Query.Date(req, "from"), Query.Date(req, "to"), call.Cancellation)));

    [Function(nameof(GetClientAdherence))]
    [ApiOperation("Weekly adherence: sessions completed / prescribed in the 7 days up to a date", Access.Trainer, null, typeof(Adherence),
        Query = ["to: yyyy-MM-dd, default the client's today in their time zone"])]
    public Task<IResult> GetClientAdherence(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "clients/{clientId}/adherence")] HttpRequest req, string clientId) =>
        api.Handle<TrainerCaller>(req, async call => Reply.Ok(await training.AdherenceAsync(call.Caller.TrainerId, clientId, Query.Date(req, "to"), call.Cancellation)));

    [Function(nameof(ListClientExercises))]
    [ApiOperation("The exercises a client has logged, most recent first: when last, and on how many workout days", Access.Trainer, null, typeof(List<LoggedExercise>))]
    public Task<IResult> ListClientExercises(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "clients/{clientId}/exercises")] HttpRequest req, string clientId) =>
        api.Handle<TrainerCaller>(req, async call => Reply.Ok(await training.LoggedExercisesAsync(call.Caller.TrainerId, clientId, call.Cancellation)));

    [Function(nameof(GetClientExerciseHistory))]
    [ApiOperation("A client's history of one exercise: every set, and per workout day the best estimated 1RM (Epley) and the volume (weight × reps)",
        Access.Trainer, null, typeof(ExerciseHistory), Query = [HistoryFrom])]
    public Task<IResult> GetClientExerciseHistory(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "clients/{clientId}/exercises/{exerciseId}/history")] HttpRequest req, string clientId, string exerciseId) =>
        api.Handle<TrainerCaller>(req, async call =>
            Reply.Ok(await training.ClientHistoryAsync(call.Caller.TrainerId, clientId, exerciseId, Query.Date(req, "from"), call.Cancellation)));
}
