using System.Globalization;
using FitPilot.Contracts.Common;
using FitPilot.Contracts.Nutrition;
using FitPilot.Functions.Common;
using FitPilot.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FitPilot.Functions.MealPlans;

/// <summary>The client's meal plan: their day (in their time zone), ticking meals eaten, swapping items for the PT's alternatives, the week's shopping.</summary>
public sealed class NutritionFunctions(Api api, NutritionDayService days, TimeProvider clock)
{
    [Function(nameof(GetMyNutritionDay))]
    [ApiOperation("The client's meals for a date (default their today) with planned and eaten totals; no plan: no meals", Access.Client, null, typeof(NutritionDay),
        Query = ["date: the day (default the client's today)"])]
    public Task<IResult> GetMyNutritionDay(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "me/nutrition/day")] HttpRequest req) =>
        api.Handle<ClientCaller>(req, async call =>
            Reply.Ok(await days.DayAsync(call.Caller.TrainerId, call.Caller.ClientId, Query.Date(req, "date") ?? call.Caller.Today(clock.GetUtcNow()), call.Cancellation)));

    [Function(nameof(GetMyMealPlan))]
    [ApiOperation("The client's meal plan running today (404 when none)", Access.Client, null, typeof(MealPlanDto))]
    public Task<IResult> GetMyMealPlan(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "me/nutrition/plan")] HttpRequest req) =>
        api.Handle<ClientCaller>(req, async call =>
            Reply.Ok(await days.ActivePlanAsync(call.Caller.TrainerId, call.Caller.ClientId, call.Caller.Today(clock.GetUtcNow()), call.Cancellation)));

    [Function(nameof(GetMyShoppingList))]
    [ApiOperation("The client's shopping list for a week of their plan from a date (default their today)", Access.Client, null, typeof(ShoppingList),
        Query = ["from: the first day of the week (default the client's today)"])]
    public Task<IResult> GetMyShoppingList(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "me/nutrition/shopping-list")] HttpRequest req) =>
        api.Handle<ClientCaller>(req, async call =>
            Reply.Ok(await days.MyShoppingListAsync(call.Caller.TrainerId, call.Caller.ClientId, Query.Date(req, "from") ?? call.Caller.Today(clock.GetUtcNow()), call.Cancellation)));

    [Function(nameof(MarkMealEaten))]
    [ApiOperation("Tick a meal eaten (eaten: false unticks) for today or yesterday in the client's time zone; the same tick again changes nothing",
        Access.Client, typeof(MarkMealEatenRequest), typeof(NutritionDay))]
    public Task<IResult> MarkMealEaten(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "me/nutrition/days/{date}/meals/{mealId}")] HttpRequest req, string date, string mealId) =>
        api.Handle<ClientCaller, MarkMealEatenRequest>(req, async call =>
            Reply.Ok(await days.MarkEatenAsync(call.Caller.TrainerId, call.Caller.ClientId, call.Caller.Today(clock.GetUtcNow()), RouteDate(date), mealId,
                call.Body.Eaten, call.Cancellation)));

    [Function(nameof(SwapMealItem))]
    [ApiOperation("Eat one of the item's alternatives instead, today or yesterday (foodId null goes back to the planned food)",
        Access.Client, typeof(SwapMealItemRequest), typeof(NutritionDay))]
    public Task<IResult> SwapMealItem(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "me/nutrition/days/{date}/items/{itemId}/swap")] HttpRequest req, string date, string itemId) =>
        api.Handle<ClientCaller, SwapMealItemRequest>(req, async call =>
            Reply.Ok(await days.SwapAsync(call.Caller.TrainerId, call.Caller.ClientId, call.Caller.Today(clock.GetUtcNow()), RouteDate(date), itemId,
                call.Body.FoodId, call.Cancellation)));

    private static DateOnly RouteDate(string date) =>
        DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) && DateWindow.Contains(d)
            ? d
            : throw DomainException.Invalid("date", "Name the day as yyyy-MM-dd.");
}
