using FitPilot.Contracts.Programs;
using FitPilot.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FitPilot.Functions.Programs;

/// <summary>The PT's program builder: programs and templates, their schedule.</summary>
public sealed class ProgramFunctions(Api api, ProgramService programs)
{
    [Function(nameof(ListPrograms))]
    [ApiOperation("The PT's programs and templates (summaries)", Access.Trainer, null, typeof(List<ProgramSummary>),
        Query = ["templates: true for templates only, false for client programs only", "clientId: one client's programs"])]
    public Task<IResult> ListPrograms(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "programs")] HttpRequest req) =>
        api.Handle<TrainerCaller>(req, async call =>
            Reply.Ok(await programs.ListAsync(call.Caller.TrainerId, Query.Flag(req, "templates"), Query.Optional(req, "clientId", 40), call.Cancellation)));

    [Function(nameof(CreateProgram))]
    [ApiOperation("Create a program for a client, or a template (send an id made on the device and a retry returns the first one: 200 instead of 201)",
        Access.Trainer, typeof(SaveProgramRequest), typeof(ProgramDto), 201)]
    public Task<IResult> CreateProgram(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "programs")] HttpRequest req) =>
        api.Handle<TrainerCaller, SaveProgramRequest>(req, async call =>
        {
            var (program, created) = await programs.CreateAsync(call.Caller.TrainerId, call.Body, call.Cancellation);
            return created ? Reply.Created($"/api/programs/{program.Value.Id}", program) : Reply.Ok(program);
        });

    [Function(nameof(GetProgram))]
    [ApiOperation("One program with its 7-day grid (ETag for editing)", Access.Trainer, null, typeof(ProgramDto))]
    public Task<IResult> GetProgram(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "programs/{programId}")] HttpRequest req, string programId) =>
        api.Handle<TrainerCaller>(req, async call => Reply.Ok(await programs.OpenAsync(call.Caller.TrainerId, programId, call.Cancellation)));

    [Function(nameof(UpdateProgram))]
    [ApiOperation("Save the whole program (reorder, copy or move days and exercises, bulk set/rep changes); If-Match: the ETag read, else 409",
        Access.Trainer, typeof(SaveProgramRequest), typeof(ProgramDto))]
    public Task<IResult> UpdateProgram(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "programs/{programId}")] HttpRequest req, string programId) =>
        api.Handle<TrainerCaller, SaveProgramRequest>(req, async call =>
            Reply.Ok(await programs.UpdateAsync(call.Caller.TrainerId, programId, call.Body, call.IfMatch, call.Cancellation)));

    [Function(nameof(DeleteProgram))]
    [ApiOperation("Delete a program or template", Access.Trainer, null, null, 204)]
    public Task<IResult> DeleteProgram(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "programs/{programId}")] HttpRequest req, string programId) =>
        api.Handle<TrainerCaller>(req, async call =>
        {
            await programs.DeleteAsync(call.Caller.TrainerId, programId, call.IfMatch, call.Cancellation);
            return Reply.NoContent();
        });

    [Function(nameof(DuplicateProgram))]
    [ApiOperation("Copy a program: as a template (no clientId) or for a client", Access.Trainer, typeof(DuplicateProgramRequest), typeof(ProgramDto), 201)]
    public Task<IResult> DuplicateProgram(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "programs/{programId}/duplicate")] HttpRequest req, string programId) =>
        api.Handle<TrainerCaller, DuplicateProgramRequest>(req, async call =>
        {
            var copy = await programs.DuplicateAsync(call.Caller.TrainerId, programId, call.Body, call.Cancellation);
            return Reply.Created($"/api/programs/{copy.Value.Id}", copy);
        });

    [Function(nameof(AssignTemplate))]
    [ApiOperation("Give a template to several clients at once (each gets a copy)", Access.Trainer, typeof(AssignTemplateRequest), typeof(List<ProgramDto>), 201)]
    public Task<IResult> AssignTemplate(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "programs/{programId}/assign")] HttpRequest req, string programId) =>
        api.Handle<TrainerCaller, AssignTemplateRequest>(req, async call =>
            Reply.Created("/api/programs", await programs.AssignAsync(call.Caller.TrainerId, programId, call.Body, call.Cancellation)));

    [Function(nameof(PauseProgram))]
    [ApiOperation("Pause a client's program", Access.Trainer, null, typeof(ProgramDto), Problems = [409])]
    public Task<IResult> PauseProgram(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "programs/{programId}/pause")] HttpRequest req, string programId) =>
        api.Handle<TrainerCaller>(req, async call => Reply.Ok(await programs.PauseAsync(call.Caller.TrainerId, programId, call.Cancellation)));

    [Function(nameof(ResumeProgram))]
    [ApiOperation("Resume a paused program (the schedule moves by the days it was paused)", Access.Trainer, null, typeof(ProgramDto), Problems = [409])]
    public Task<IResult> ResumeProgram(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "programs/{programId}/resume")] HttpRequest req, string programId) =>
        api.Handle<TrainerCaller>(req, async call => Reply.Ok(await programs.ResumeAsync(call.Caller.TrainerId, programId, call.Cancellation)));

    [Function(nameof(PushBackProgram))]
    [ApiOperation("Push the schedule back by some days", Access.Trainer, typeof(PushBackRequest), typeof(ProgramDto), Problems = [409])]
    public Task<IResult> PushBackProgram(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "programs/{programId}/push-back")] HttpRequest req, string programId) =>
        api.Handle<TrainerCaller, PushBackRequest>(req, async call =>
            Reply.Ok(await programs.PushBackAsync(call.Caller.TrainerId, programId, call.Body, call.Cancellation)));

    [Function(nameof(EndProgram))]
    [ApiOperation("End a program early (today)", Access.Trainer, null, typeof(ProgramDto), Problems = [409])]
    public Task<IResult> EndProgram(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "programs/{programId}/end")] HttpRequest req, string programId) =>
        api.Handle<TrainerCaller>(req, async call => Reply.Ok(await programs.EndAsync(call.Caller.TrainerId, programId, call.Cancellation)));
}
