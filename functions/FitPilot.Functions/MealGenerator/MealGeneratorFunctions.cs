using FitPilot.Contracts.Nutrition;
using FitPilot.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FitPilot.Functions.MealGenerator;

/// <summary>The meal plan generator: a draft day for the builder, from targets, foods and exclusions (nothing stored).</summary>
public sealed class MealGeneratorFunctions(Api api, MealPlanGenerator generator)
{
    [Function(nameof(GenerateMealPlan))]
    [ApiOperation("Generate a draft day (kcal and each macro within ±5 % of the targets) from the allowed foods, or say why it cannot (Success false, Problems)",
        Access.Trainer, typeof(GenerateMealPlanRequest), typeof(GeneratedMealPlan))]
    public Task<IResult> GenerateMealPlan(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "meal-plans/generate")] HttpRequest req) =>
        api.Handle<TrainerCaller, GenerateMealPlanRequest>(req, async call =>
            Reply.Ok(await generator.GenerateAsync(call.Caller.TrainerId, call.Body, call.Cancellation)));
}
