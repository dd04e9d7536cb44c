using FitPilot.Contracts.Nutrition;
using FitPilot.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FitPilot.Functions.MealPlans;

/// <summary>The PT's meal plan builder: plans and templates, copies, assigning, ending, shopping lists and a client's log.</summary>
public sealed class MealPlanFunctions(Api api, MealPlanService plans, NutritionDayService days, TimeProvider clock)
{
    [Function(nameof(ListMealPlans))]
    [ApiOperation("The PT's meal plans and templates (summaries, newest first)", Access.Trainer, null, typeof(List<MealPlanSummary>),
        Query = ["templates: true for templates only, false for client plans only", "clientId: one client's plans"])]
    public Task<IResult> ListMealPlans(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "meal-plans")] HttpRequest req) =>
        api.Handle<TrainerCaller>(req, async call =>
            Reply.Ok(await plans.ListAsync(call.Caller.TrainerId, Query.Flag(req, "templates"), Query.Optional(req, "clientId", 40), call.Cancellation)));

    [Function(nameof(CreateMealPlan))]
    [ApiOperation("Create a meal plan for a client (their previous plan ends the day before it starts) or a template; send an id made on the device and a retry returns the first one (200)",
        Access.Trainer, typeof(SaveMealPlanRequest), typeof(MealPlanDto), 201, Problems = [409])]
    public Task<IResult> CreateMealPlan(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "meal-plans")] HttpRequest req) =>
        api.Handle<TrainerCaller, SaveMealPlanRequest>(req, async call =>
        {
            var (plan, created) = await plans.CreateAsync(call.Caller.TrainerId, call.Body, call.Cancellation);
            return created ? Reply.Created($"/api/meal-plans/{plan.Value.Id}", plan) : Reply.Ok(plan);
        });

    [Function(nameof(GetMealPlan))]
    [ApiOperation("One meal plan with its days, the foods it uses and its totals per meal, day and week (ETag for editing)", Access.Trainer, null, typeof(MealPlanDto))]
    public Task<IResult> GetMealPlan(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "meal-plans/{mealPlanId}")] HttpRequest req, string mealPlanId) =>
        api.Handle<TrainerCaller>(req, async call => Reply.Ok(await plans.GetAsync(call.Caller.TrainerId, mealPlanId, call.Cancellation)));

    [Function(nameof(UpdateMealPlan))]
    [ApiOperation("Save the whole meal plan; If-Match: the ETag read, else 409", Access.Trainer, typeof(SaveMealPlanRequest), typeof(MealPlanDto))]
    public Task<IResult> UpdateMealPlan(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "meal-plans/{mealPlanId}")] HttpRequest req, string mealPlanId) =>
        api.Handle<TrainerCaller, SaveMealPlanRequest>(req, async call =>
            Reply.Ok(await plans.UpdateAsync(call.Caller.TrainerId, mealPlanId, call.Body, call.IfMatch, call.Cancellation)));

    [Function(nameof(DeleteMealPlan))]
    [ApiOperation("Delete a meal plan or template", Access.Trainer, null, null, 204)]
    public Task<IResult> DeleteMealPlan(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "meal-plans/{mealPlanId}")] HttpRequest req, string mealPlanId) =>
        api.Handle<TrainerCaller>(req, async call =>
        {
            await plans.DeleteAsync(call.Caller.TrainerId, mealPlanId, call.IfMatch, call.Cancellation);
            return Reply.NoContent();
        });

    [Function(nameof(DuplicateMealPlan))]
    [ApiOperation("Copy a meal plan: as a template (save as template) or for a client from their today; the device's id makes a retry return the first copy (200)",
        Access.Trainer, typeof(DuplicateMealPlanRequest), typeof(MealPlanDto), 201, Problems = [409])]
    public Task<IResult> DuplicateMealPlan(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "meal-plans/{mealPlanId}/duplicate")] HttpRequest req, string mealPlanId) =>
        api.Handle<TrainerCaller, DuplicateMealPlanRequest>(req, async call =>
        {
            var (copy, created) = await plans.DuplicateAsync(call.Caller.TrainerId, mealPlanId, call.Body, call.Cancellation);
            return created ? Reply.Created($"/api/meal-plans/{copy.Value.Id}", copy) : Reply.Ok(copy);
        });

    [Function(nameof(AssignMealPlan))]
    [ApiOperation("Give a plan or template to several clients: each gets their own plan from the start date, and the plan each had ends the day before",
        Access.Trainer, typeof(AssignMealPlanRequest), typeof(AssignMealPlanResult))]
    public Task<IResult> AssignMealPlan(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "meal-plans/{mealPlanId}/assign")] HttpRequest req, string mealPlanId) =>
        api.Handle<TrainerCaller, AssignMealPlanRequest>(req, async call =>
            Reply.Ok(await plans.AssignAsync(call.Caller.TrainerId, mealPlanId, call.Body, call.Cancellation)));

    [Function(nameof(EndMealPlan))]
    [ApiOperation("End a client's meal plan: yesterday (in the client's time zone) was its last day", Access.Trainer, null, typeof(MealPlanDto), Problems = [409])]
    public Task<IResult> EndMealPlan(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "meal-plans/{mealPlanId}/end")] HttpRequest req, string mealPlanId) =>
        api.Handle<TrainerCaller>(req, async call => Reply.Ok(await plans.EndAsync(call.Caller.TrainerId, mealPlanId, call.Cancellation)));

    [Function(nameof(GetMealPlanShoppingList))]
    [ApiOperation("A week of the plan's food from a date (default today): recipes as their ingredients, grams summed per food, grouped by food group",
        Access.Trainer, null, typeof(ShoppingList), Query = ["from: the first day of the week (default today)"])]
    public Task<IResult> GetMealPlanShoppingList(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "meal-plans/{mealPlanId}/shopping-list")] HttpRequest req, string mealPlanId) =>
        api.Handle<TrainerCaller>(req, async call =>
            Reply.Ok(await days.ShoppingListAsync(call.Caller.TrainerId, mealPlanId, Query.Date(req, "from") ?? call.Caller.Today(clock.GetUtcNow()), call.Cancellation)));

    [Function(nameof(GetClientNutritionLog))]
    [ApiOperation("A client's eating per day: meals planned and ticked, kcal planned and eaten (at most 62 days; default the last 14 to the client's today)",
        Access.Trainer, null, typeof(List<NutritionLogDay>), Query = ["from: first day", "to: last day (default the client's today)"])]
    public Task<IResult> GetClientNutritionLog(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "clients/{clientId}/nutrition/log")] HttpRequest req, string clientId) =>
        api.Handle<TrainerCaller>(req, async call =>
            Reply.Ok(await days.LogAsync(call.Caller.TrainerId, clientId, Query.Date(req, "from"), Query.Date(req, "to"), call.Cancellation)));
}
