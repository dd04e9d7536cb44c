using FitPilot.Contracts.Engagement;
using FitPilot.Functions.Http;
using FitPilot.Functions.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace FitPilot.Functions.CheckIns;

/// <summary>
/// Weekly check-ins: the PT's templates and each client's schedule, the client's current check-in (draft, submit once per
/// period) and history, the PT's review; and the hourly reminder timer. PT routes on <c>clients/{clientId}</c> answer 404
/// for another PT's client.
/// </summary>
public sealed class CheckInFunctions(Api api, CheckInService checkIns, CheckInReminders reminders, TimeProvider clock, ILogger<CheckInFunctions> log)
{
    [Function(nameof(ListCheckInTemplates))]
    [ApiOperation("The PT's check-in templates with how many clients have each, by name", Access.Trainer, null, typeof(List<CheckInTemplate>))]
    public Task<IResult> ListCheckInTemplates(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "check-in-templates")] HttpRequest req) =>
        api.Handle<TrainerCaller>(req, async call => Reply.Ok(await checkIns.TemplatesAsync(call.Caller.TrainerId, call.Cancellation)));

    [Function(nameof(CreateCheckInTemplate))]
    [ApiOperation("Create a check-in template: 1–30 questions with unique ids; choice questions have 2–12 choices, others none (409 beyond 50 templates)",
        Access.Trainer, typeof(SaveCheckInTemplateRequest), typeof(CheckInTemplate), 201, Problems = [409])]
    public Task<IResult> CreateCheckInTemplate(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "check-in-templates")] HttpRequest req) =>
        api.Handle<TrainerCaller, SaveCheckInTemplateRequest>(req, async call =>
        {
            var template = await checkIns.CreateTemplateAsync(call.Caller.TrainerId, call.Body, call.Cancellation);
            return Reply.Created($"/api/check-in-templates/{template.Value.Id}", template);
        });

    [Function(nameof(GetCheckInTemplate))]
    [ApiOperation("One of the PT's check-in templates", Access.Trainer, null, typeof(CheckInTemplate))]
    public Task<IResult> GetCheckInTemplate(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "check-in-templates/{templateId}")] HttpRequest req, string templateId) =>
        api.Handle<TrainerCaller>(req, async call => Reply.Ok(await checkIns.TemplateAsync(call.Caller.TrainerId, templateId, call.Cancellation)));

    [Function(nameof(UpdateCheckInTemplate))]
    [ApiOperation("Change a check-in template (the same rules as creating one); check-ins already started keep the questions they were asked",
        Access.Trainer, typeof(SaveCheckInTemplateRequest), typeof(CheckInTemplate), Problems = [409])]
    public Task<IResult> UpdateCheckInTemplate(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "check-in-templates/{templateId}")] HttpRequest req, string templateId) =>
        api.Handle<TrainerCaller, SaveCheckInTemplateRequest>(req, async call =>
            Reply.Ok(await checkIns.UpdateTemplateAsync(call.Caller.TrainerId, templateId, call.Body, call.IfMatch, call.Cancellation)));

    [Function(nameof(DeleteCheckInTemplate))]
    [ApiOperation("Delete a check-in template; 409 while any client has it (give them another or remove theirs first)", Access.Trainer, null, null, 204, Problems = [409])]
    public Task<IResult> DeleteCheckInTemplate(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "check-in-templates/{templateId}")] HttpRequest req, string templateId) =>
        api.Handle<TrainerCaller>(req, async call =>
        {
            await checkIns.DeleteTemplateAsync(call.Caller.TrainerId, templateId, call.Cancellation);
            return Reply.NoContent();
        });

    [Function(nameof(GetClientCheckInSchedule))]
    [ApiOperation("A client's weekly check-in: template, weekday, local time, their time zone and the next due date (404 when none)", Access.Trainer, null, typeof(CheckInSchedule))]
    public Task<IResult> GetClientCheckInSchedule(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "clients/{clientId}/check-in-schedule")] HttpRequest req, string clientId) =>
        api.Handle<TrainerCaller>(req, async call => Reply.Ok(await checkIns.ScheduleAsync(call.Caller.TrainerId, clientId, call.Cancellation)));

    [Function(nameof(AssignClientCheckIn))]
    [ApiOperation("Give a client a weekly check-in (or change theirs): a template, an ISO weekday and a local time in the client's time zone",
        Access.Trainer, typeof(AssignCheckInRequest), typeof(CheckInSchedule))]
    public Task<IResult> AssignClientCheckIn(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "clients/{clientId}/check-in-schedule")] HttpRequest req, string clientId) =>
        api.Handle<TrainerCaller, AssignCheckInRequest>(req, async call =>
            Reply.Ok(await checkIns.AssignAsync(call.Caller, clientId, call.Body, call.Cancellation)));

    [Function(nameof(RemoveClientCheckIn))]
    [ApiOperation("Take a client's weekly check-in away (their past check-ins stay)", Access.Trainer, null, null, 204)]
    public Task<IResult> RemoveClientCheckIn(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "clients/{clientId}/check-in-schedule")] HttpRequest req, string clientId) =>
        api.Handle<TrainerCaller>(req, async call =>
        {
            await checkIns.UnassignAsync(call.Caller.TrainerId, clientId, call.Cancellation);
            return Reply.NoContent();
        });

    [Function(nameof(ListCheckInsAwaitingReview))]
    [ApiOperation("Submitted check-ins of all the PT's clients not reviewed yet, oldest due first (questions and answers are in each one's review)",
        Access.Trainer, null, typeof(List<CheckIn>))]
    public Task<IResult> ListCheckInsAwaitingReview(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "check-ins/awaiting-review")] HttpRequest req) =>
        api.Handle<TrainerCaller>(req, async call => Reply.Ok(await checkIns.AwaitingReviewAsync(call.Caller.TrainerId, call.Cancellation)));

    [Function(nameof(ListClientCheckIns))]
    [ApiOperation("A client's submitted check-ins with the PT's responses, newest first (the latest 104)", Access.Trainer, null, typeof(List<CheckIn>))]
    public Task<IResult> ListClientCheckIns(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "clients/{clientId}/check-ins")] HttpRequest req, string clientId) =>
        api.Handle<TrainerCaller>(req, async call => Reply.Ok(await checkIns.ClientHistoryAsync(call.Caller.TrainerId, clientId, call.Cancellation)));

    [Function(nameof(GetClientCheckInReview))]
    [ApiOperation("A client's check-in (its id is its due date) next to the previous one, the week's training adherence, 4 weeks of weigh-ins and habit completion",
        Access.Trainer, null, typeof(CheckInReview))]
    public Task<IResult> GetClientCheckInReview(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "clients/{clientId}/check-ins/{checkInId}")] HttpRequest req, string clientId, string checkInId) =>
        api.Handle<TrainerCaller>(req, async call => Reply.Ok(await checkIns.ReviewViewAsync(call.Caller.TrainerId, clientId, checkInId, call.Cancellation)));

    [Function(nameof(ReviewClientCheckIn))]
    [ApiOperation("Respond to a client's submitted check-in with text and/or a video link: it becomes reviewed and the client is told (409 when reviewed already)",
        Access.Trainer, typeof(ReviewCheckInRequest), typeof(CheckIn), Problems = [409])]
    public Task<IResult> ReviewClientCheckIn(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "clients/{clientId}/check-ins/{checkInId}/review")] HttpRequest req, string clientId, string checkInId) =>
        api.Handle<TrainerCaller, ReviewCheckInRequest>(req, async call =>
            Reply.Ok(await checkIns.ReviewAsync(call.Caller.TrainerId, clientId, checkInId, call.Body, call.Cancellation)));

    [Function(nameof(GetCurrentCheckIn))]
    [ApiOperation("The client's check-in of the current period with its questions and answers so far, and whether it is due or overdue (checkIn null without one)",
        Access.Client, null, typeof(CurrentCheckIn))]
    public Task<IResult> GetCurrentCheckIn(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "check-ins/current")] HttpRequest req) =>
        api.Handle<ClientCaller>(req, async call => Reply.Ok(await checkIns.CurrentAsync(call.Caller, call.Cancellation)));

    [Function(nameof(SaveCurrentCheckInDraft))]
    [ApiOperation("Save the answers so far of the current check-in, as a draft (404 without a check-in, 409 once submitted)",
        Access.Client, typeof(SaveCheckInAnswersRequest), typeof(CheckIn), Problems = [409])]
    public Task<IResult> SaveCurrentCheckInDraft(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "check-ins/current")] HttpRequest req) =>
        api.Handle<ClientCaller, SaveCheckInAnswersRequest>(req, async call =>
            Reply.Ok(await checkIns.SaveDraftAsync(call.Caller, call.Body, call.Cancellation)));

    [Function(nameof(SubmitCurrentCheckIn))]
    [ApiOperation("Submit the current check-in: every required question answered with a valid value; late when after the due day; once per period (409 again)",
        Access.Client, typeof(SaveCheckInAnswersRequest), typeof(CheckIn), Problems = [409])]
    public Task<IResult> SubmitCurrentCheckIn(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "check-ins/current/submit")] HttpRequest req) =>
        api.Handle<ClientCaller, SaveCheckInAnswersRequest>(req, async call =>
            Reply.Ok(await checkIns.SubmitAsync(call.Caller, call.Body, call.Cancellation)));

    [Function(nameof(ListMyCheckIns))]
    [ApiOperation("The client's submitted check-ins with their PT's responses, newest first (the latest 104)", Access.Client, null, typeof(List<CheckIn>))]
    public Task<IResult> ListMyCheckIns(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "check-ins")] HttpRequest req) =>
        api.Handle<ClientCaller>(req, async call => Reply.Ok(await checkIns.HistoryAsync(call.Caller.ClientId, call.Cancellation)));

    /// <summary>
    /// Hourly (NCRONTAB, 6 fields): each client whose check-in's due moment has passed in their zone gets one reminder per period,
    /// however often this runs; each PT with check-ins awaiting review one digest per local day from 08:00.
    /// </summary>
    [Function(nameof(SendCheckInReminders))]
    public async Task SendCheckInReminders([TimerTrigger("0 0 * * * *")] TimerInfo timer, CancellationToken ct)
    {
        var roundTrips = StorageRoundTrips.Begin();
        var result = await reminders.RunAsync(clock.GetUtcNow(), ct);
        log.LogInformation("Check-in timer: {Due} due, {Reminded} reminded, {Skipped} skipped, {Digests} digests ({RoundTrips} storage round trips)",
            result.Due, result.Reminded, result.Skipped, result.Digests, roundTrips.Count);
    }
}
