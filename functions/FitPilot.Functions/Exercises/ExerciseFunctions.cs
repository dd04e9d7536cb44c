using FitPilot.Contracts.Common;
using FitPilot.Contracts.Exercises;
using FitPilot.Functions.Http;
using FitPilot.Functions.Common;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FitPilot.Functions.Exercises;

/// <summary>The exercise library: search the global + own exercises, manage own ones.</summary>
public sealed class ExerciseFunctions(Api api, ExerciseService exercises)
{
    [Function(nameof(ListExercises))]
    [ApiOperation("Search the library and the PT's own exercises (a client searches their PT's, to swap one for a day), by relevance or name and by filters, a page at a time",
        Access.SignedIn, null, typeof(Page<ExerciseDto>),
        Query = ["q: search words; results by relevance (name first, then muscles, equipment, instructions), typos, plurals and gym abbreviations (rdl, ohp, db…) understood", "muscle: primary or secondary muscle", "equipment", "category", "level", "source: library | own",
            "limit: 1–100, default 50", "cursor: nextCursor of the previous page"])]
    public Task<IResult> ListExercises(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "exercises")] HttpRequest req) =>
        api.Handle<Caller>(req, async call =>
        {
            var filter = new ExerciseService.Filter(
                Query.Optional(req, "q", 100),
                Query.OneOf(req, "muscle", ExerciseVocabulary.Muscles),
                Query.OneOf(req, "equipment", ExerciseVocabulary.Equipment),
                Query.OneOf(req, "category", ExerciseVocabulary.Categories),
                Query.OneOf(req, "level", ExerciseVocabulary.Levels),
                Query.OneOf(req, "source", [ExerciseSources.Library, ExerciseSources.Own]));
            return Reply.Ok(await exercises.ListAsync(call.Caller.TrainerId, filter, Query.Limit(req), Query.Cursor(req), call.Cancellation));
        });

    [Function(nameof(CreateExercise))]
    [ApiOperation("Create one of the PT's own exercises", Access.Trainer, typeof(SaveExerciseRequest), typeof(ExerciseDto), 201)]
    public Task<IResult> CreateExercise(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "exercises")] HttpRequest req) =>
        api.Handle<TrainerCaller, SaveExerciseRequest>(req, async call =>
        {
            var exercise = await exercises.CreateAsync(call.Caller.TrainerId, call.Body, call.Cancellation);
            return Reply.Created($"/api/exercises/{exercise.Id}", new Versioned<ExerciseDto>(exercise.ToDto(), exercise.ETag));
        });

    [Function(nameof(GetExercise))]
    [ApiOperation("One exercise (library or own; a client sees their PT's)", Access.SignedIn, null, typeof(ExerciseDto))]
    public Task<IResult> GetExercise(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "exercises/{exerciseId}")] HttpRequest req, string exerciseId) =>
        api.Handle<Caller>(req, async call =>
        {
            var exercise = await exercises.GetAsync(call.Caller.TrainerId, exerciseId, call.Cancellation);
            return exercise.IsGlobal ? Reply.Ok(exercise.ToDto()) : Reply.Ok(new Versioned<ExerciseDto>(exercise.ToDto(), exercise.ETag));
        });

    [Function(nameof(UpdateExercise))]
    [ApiOperation("Edit one of the PT's own exercises (If-Match: the ETag read)", Access.Trainer, typeof(SaveExerciseRequest), typeof(ExerciseDto))]
    public Task<IResult> UpdateExercise(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "exercises/{exerciseId}")] HttpRequest req, string exerciseId) =>
        api.Handle<TrainerCaller, SaveExerciseRequest>(req, async call =>
        {
            var exercise = await exercises.UpdateAsync(call.Caller.TrainerId, exerciseId, call.Body, call.IfMatch, call.Cancellation);
            return Reply.Ok(new Versioned<ExerciseDto>(exercise.ToDto(), exercise.ETag));
        });

    [Function(nameof(DeleteExercise))]
    [ApiOperation("Delete one of the PT's own exercises", Access.Trainer, null, null, 204)]
    public Task<IResult> DeleteExercise(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "exercises/{exerciseId}")] HttpRequest req, string exerciseId) =>
        api.Handle<TrainerCaller>(req, async call =>
        {
            await exercises.DeleteAsync(call.Caller.TrainerId, exerciseId, call.IfMatch, call.Cancellation);
            return Reply.NoContent();
        });
}
