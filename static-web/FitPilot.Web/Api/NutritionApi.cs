using System.Globalization;
using FitPilot.Contracts.Nutrition;

namespace FitPilot.Web.Api;

/// <summary>
/// Nutrition as the client eats it (their day, plan, shopping list, ticks and swaps) and as their PT steers it (targets, the
/// calculator, the weigh-in suggestion, the client's eating log, a plan's shopping list).
/// </summary>
public sealed class NutritionApi(ApiClient api)
{
    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    private static string? Iso(DateOnly? date) => date is { } d ? Iso(d) : null;
    private static string Targets(string clientId) => $"api/clients/{ApiPath.Id(clientId)}/nutrition/targets";

    // The client's own.
    /// <summary>The client's day (default: their today); no active plan → no meals.</summary>
    public Task<ApiResult<NutritionDay>> DayAsync(DateOnly? date = null) => api.GetAsync<NutritionDay>(ApiPath.WithQuery("api/me/nutrition/day", ("date", Iso(date))));

    /// <summary>The active plan (404 when none).</summary>
    public Task<ApiResult<MealPlanDto>> MyPlanAsync() => api.GetAsync<MealPlanDto>("api/me/nutrition/plan");

    public Task<ApiResult<ShoppingList>> MyShoppingListAsync(DateOnly? from = null) =>
        api.GetAsync<ShoppingList>(ApiPath.WithQuery("api/me/nutrition/shopping-list", ("from", Iso(from))));

    /// <summary>Ticks a meal eaten (or not): today or yesterday only.</summary>
    public Task<ApiResult<NutritionDay>> MarkEatenAsync(DateOnly date, string mealId, bool eaten) =>
        api.PutAsync<NutritionDay>($"api/me/nutrition/days/{Iso(date)}/meals/{ApiPath.Id(mealId)}", new MarkMealEatenRequest { Eaten = eaten });

    /// <summary>Eats one of the item's alternatives instead (null: back to the planned food).</summary>
    public Task<ApiResult<NutritionDay>> SwapAsync(DateOnly date, string itemId, string? foodId) =>
        api.PutAsync<NutritionDay>($"api/me/nutrition/days/{Iso(date)}/items/{ApiPath.Id(itemId)}/swap", new SwapMealItemRequest { FoodId = foodId });

    /// <summary>The client's targets (404 when their PT set none).</summary>
    public Task<ApiResult<NutritionTargets>> MyTargetsAsync() => api.GetAsync<NutritionTargets>("api/me/nutrition/targets");

    // The PT's.
    /// <summary>The calculation step by step; nothing is stored.</summary>
    public Task<ApiResult<TargetCalculation>> CalculateAsync(TargetInputs inputs) => api.PostAsync<TargetCalculation>("api/nutrition/targets/calculate", inputs);

    /// <summary>A client's targets (404 "No targets yet" when none).</summary>
    public Task<ApiResult<NutritionTargets>> TargetsAsync(string clientId) => api.GetAsync<NutritionTargets>(Targets(clientId));

    public Task<ApiResult<NutritionTargets>> SaveTargetsAsync(string clientId, SaveTargetsRequest request) => api.PutAsync<NutritionTargets>(Targets(clientId), request);

    public Task<ApiResult<NutritionTargets>> AcceptSuggestionAsync(string clientId) => api.PostAsync<NutritionTargets>($"{Targets(clientId)}/suggestion/accept", null);

    public Task<ApiResult<Unit>> DismissSuggestionAsync(string clientId) => api.DeleteAsync($"{Targets(clientId)}/suggestion");

    /// <summary>Per day: meals planned and ticked, kcal planned and eaten (at most 62 days).</summary>
    public Task<ApiResult<List<NutritionLogDay>>> LogAsync(string clientId, DateOnly from, DateOnly to) =>
        api.GetAsync<List<NutritionLogDay>>(ApiPath.WithQuery($"api/clients/{ApiPath.Id(clientId)}/nutrition/log", ("from", Iso(from)), ("to", Iso(to))));

    public Task<ApiResult<ShoppingList>> PlanShoppingListAsync(string planId, DateOnly? from = null) =>
        api.GetAsync<ShoppingList>(ApiPath.WithQuery($"api/meal-plans/{ApiPath.Id(planId)}/shopping-list", ("from", Iso(from))));
}
