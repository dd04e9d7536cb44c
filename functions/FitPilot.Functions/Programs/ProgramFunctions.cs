using FitPilot.Contracts.Programs;
using FitPilot.Functions.Http;
using FitPilot.Functions.OpenApi;
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
        api.Trainer(req, async (pt, ct) => Api.Ok(await programs.ListAsync(pt.TrainerId, Query.Flag(req, "templates"), Query.Optional(req, "clientId", 40), ct)));

    [Function(nameof(CreateProgram))]
    [ApiOperation("Create a program for a client, or a template (send an id made on the device and a retry returns the first one: 200 instead of 201)",
        Access.Trainer, typeof(SaveProgramRequest), typeof(ProgramDto), 201)]
    public Task<IResult> CreateProgram(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "programs")] HttpRequest req) =>
        api.Trainer(req, async (pt, ct) =>
        {
            var (program, created) = await programs.CreateAsync(pt.TrainerId, await RequestBody.ReadAsync<SaveProgramRequest>(req, ct), ct);
            return created
                ? Api.Created($"/api/programs/{program.Id}", program.ToDto(), req.HttpContext.Response, program.ETag)
                : Api.Ok(program.ToDto(), program.ETag, req.HttpContext.Response);
        });

    [Function(nameof(GetProgram))]
    [ApiOperation("One program with its 7-day grid (ETag for editing)", Access.Trainer, null, typeof(ProgramDto))]
    public Task<IResult> GetProgram(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "programs/{programId}")] HttpRequest req, string programId) =>
        api.Trainer(req, async (pt, ct) =>
        {
            var program = await programs.OpenAsync(pt.TrainerId, programId, ct);
            return Api.Ok(program.ToDto(), program.ETag, req.HttpContext.Response);
        });

    [Function(nameof(UpdateProgram))]
    [ApiOperation("Save the whole program (reorder, copy or move days and exercises, bulk set/rep changes); If-Match: the ETag read, else 409",
        Access.Trainer, typeof(SaveProgramRequest), typeof(ProgramDto))]
    public Task<IResult> UpdateProgram(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "programs/{programId}")] HttpRequest req, string programId) =>
        api.Trainer(req, async (pt, ct) =>
        {
            var body = await RequestBody.ReadAsync<SaveProgramRequest>(req, ct);
            var program = await programs.UpdateAsync(pt.TrainerId, programId, body, Api.IfMatch(req), ct);
            return Api.Ok(program.ToDto(), program.ETag, req.HttpContext.Response);
        });

    [Function(nameof(DeleteProgram))]
    [ApiOperation("Delete a program or template", Access.Trainer, null, null, 204)]
    public Task<IResult> DeleteProgram(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "programs/{programId}")] HttpRequest req, string programId) =>
        api.Trainer(req, async (pt, ct) =>
        {
            await programs.DeleteAsync(pt.TrainerId, programId, Api.IfMatch(req), ct);
            return Results.NoContent();
        });

    [Function(nameof(DuplicateProgram))]
    [ApiOperation("Copy a program: as a template (no clientId) or for a client", Access.Trainer, typeof(DuplicateProgramRequest), typeof(ProgramDto), 201)]
    public Task<IResult> DuplicateProgram(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "programs/{programId}/duplicate")] HttpRequest req, string programId) =>
        api.Trainer(req, async (pt, ct) =>
        {
            var copy = await programs.DuplicateAsync(pt.TrainerId, programId, await RequestBody.ReadAsync<DuplicateProgramRequest>(req, ct), ct);
            return Api.Created($"/api/programs/{copy.Id}", copy.ToDto(), req.HttpContext.Response, copy.ETag);
        });

    [Function(nameof(AssignTemplate))]
    [ApiOperation("Give a template to several clients at once (each gets a copy)", Access.Trainer, typeof(AssignTemplateRequest), typeof(List<ProgramDto>), 201)]
    public Task<IResult> AssignTemplate(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "programs/{programId}/assign")] HttpRequest req, string programId) =>
        api.Trainer(req, async (pt, ct) =>
        {
            var created = await programs.AssignAsync(pt.TrainerId, programId, await RequestBody.ReadAsync<AssignTemplateRequest>(req, ct), ct);
            return Api.Created("/api/programs", created.Select(p => p.ToDto()).ToList(), req.HttpContext.Response);
        });

    [Function(nameof(PauseProgram))]
    [ApiOperation("Pause a client's program", Access.Trainer, null, typeof(ProgramDto), Problems = [409])]
    public Task<IResult> PauseProgram(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "programs/{programId}/pause")] HttpRequest req, string programId) =>
        api.Trainer(req, async (pt, ct) => Api.Ok((await programs.PauseAsync(pt.TrainerId, programId, ct)).ToDto()));

    [Function(nameof(ResumeProgram))]
    [ApiOperation("Resume a paused program (the schedule moves by the days it was paused)", Access.Trainer, null, typeof(ProgramDto), Problems = [409])]
    public Task<IResult> ResumeProgram(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "programs/{programId}/resume")] HttpRequest req, string programId) =>
        api.Trainer(req, async (pt, ct) => Api.Ok((await programs.ResumeAsync(pt.TrainerId, programId, ct)).ToDto()));

    [Function(nameof(PushBackProgram))]
    [ApiOperation("Push the schedule back by some days", Access.Trainer, typeof(PushBackRequest), typeof(ProgramDto), Problems = [409])]
    public Task<IResult> PushBackProgram(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "programs/{programId}/push-back")] HttpRequest req, string programId) =>
        api.Trainer(req, async (pt, ct) =>
        {
            var body = await RequestBody.ReadAsync<PushBackRequest>(req, ct);
            return Api.Ok((await programs.PushBackAsync(pt.TrainerId, programId, body, ct)).ToDto());
        });

    [Function(nameof(EndProgram))]
    [ApiOperation("End a program early (today)", Access.Trainer, null, typeof(ProgramDto), Problems = [409])]
    public Task<IResult> EndProgram(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "programs/{programId}/end")] HttpRequest req, string programId) =>
        api.Trainer(req, async (pt, ct) => Api.Ok((await programs.EndAsync(pt.TrainerId, programId, ct)).ToDto()));
}
