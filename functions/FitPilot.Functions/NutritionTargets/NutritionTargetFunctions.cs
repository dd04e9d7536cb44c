using FitPilot.Contracts.Nutrition;
using FitPilot.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
// The contract shares its name with this folder's namespace.
using TargetsDto = FitPilot.Contracts.Nutrition.NutritionTargets;

namespace FitPilot.Functions.NutritionTargets;

/// <summary>
/// Nutrition targets: the PT's calculator (nothing stored), a client's targets with the PT's overrides and the
/// suggestion a new weigh-in leaves (accept or dismiss), and the client's own view. Another PT's client is a 404.
/// </summary>
public sealed class NutritionTargetFunctions(Api api, NutritionTargetService targets)
{
    [Function(nameof(CalculateNutritionTargets))]
    [ApiOperation("Calculate BMR (Mifflin-St Jeor, or Katch-McArdle with a body-fat %), TDEE, the goal's kcal and macros, with warnings; nothing is stored",
        Access.Trainer, typeof(TargetInputs), typeof(TargetCalculation))]
    public Task<IResult> CalculateNutritionTargets(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "nutrition/targets/calculate")] HttpRequest req) =>
        api.Handle<TrainerCaller, TargetInputs>(req, call => Task.FromResult(Reply.Ok(targets.Calculate(call.Caller, call.Body))));

    [Function(nameof(GetClientNutritionTargets))]
    [ApiOperation("A client's nutrition targets, the inputs and calculation behind them, the PT's overrides and any pending suggestion (404 when none yet)",
        Access.Trainer, null, typeof(TargetsDto))]
    public Task<IResult> GetClientNutritionTargets(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "clients/{clientId}/nutrition/targets")] HttpRequest req, string clientId) =>
        api.Handle<TrainerCaller>(req, async call => Reply.Ok(await targets.GetAsync(call.Caller, clientId, call.Cancellation)));

    [Function(nameof(SaveClientNutritionTargets))]
    [ApiOperation("Set a client's targets from these inputs; a number given overrides the calculated one (blank: calculated). Clears a pending suggestion",
        Access.Trainer, typeof(SaveTargetsRequest), typeof(TargetsDto))]
    public Task<IResult> SaveClientNutritionTargets(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "clients/{clientId}/nutrition/targets")] HttpRequest req, string clientId) =>
        api.Handle<TrainerCaller, SaveTargetsRequest>(req, async call => Reply.Ok(await targets.SaveAsync(call.Caller, clientId, call.Body, call.Cancellation)));

    [Function(nameof(AcceptNutritionTargetSuggestion))]
    [ApiOperation("Accept the targets suggested after a weigh-in: the new weight replaces the calculated numbers; overridden numbers stay (404 when none pending)",
        Access.Trainer, null, typeof(TargetsDto))]
    public Task<IResult> AcceptNutritionTargetSuggestion(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "clients/{clientId}/nutrition/targets/suggestion/accept")] HttpRequest req, string clientId) =>
        api.Handle<TrainerCaller>(req, async call => Reply.Ok(await targets.AcceptSuggestionAsync(call.Caller, clientId, call.Cancellation)));

    [Function(nameof(DismissNutritionTargetSuggestion))]
    [ApiOperation("Dismiss the targets suggested after a weigh-in (the targets stay as they are)", Access.Trainer, null, null, 204)]
    public Task<IResult> DismissNutritionTargetSuggestion(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "clients/{clientId}/nutrition/targets/suggestion")] HttpRequest req, string clientId) =>
        api.Handle<TrainerCaller>(req, async call =>
        {
            await targets.DismissSuggestionAsync(call.Caller, clientId, call.Cancellation);
            return Reply.NoContent();
        });

    [Function(nameof(GetMyNutritionTargets))]
    [ApiOperation("The client's own nutrition targets (404 when their PT has set none)", Access.Client, null, typeof(TargetsDto))]
    public Task<IResult> GetMyNutritionTargets(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "me/nutrition/targets")] HttpRequest req) =>
        api.Handle<ClientCaller>(req, async call => Reply.Ok(await targets.GetAsync(call.Caller, call.Caller.ClientId, call.Cancellation)));
}
