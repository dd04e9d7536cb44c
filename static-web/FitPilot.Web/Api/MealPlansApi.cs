using FitPilot.Contracts.Nutrition;

namespace FitPilot.Web.Api;

/// <summary>Meal plans and templates: the builder's document, copies, assigning templates, ending a plan and the generator.</summary>
public sealed class MealPlansApi(ApiClient api)
{
    /// <summary>The PT's plans and templates, newest first; <paramref name="templates"/> null lists both.</summary>
    public Task<ApiResult<List<MealPlanSummary>>> ListAsync(string? clientId = null, bool? templates = null) =>
        api.GetAsync<List<MealPlanSummary>>(ApiPath.WithQuery("api/meal-plans", ("clientId", clientId), ("templates", templates is { } t ? (t ? "true" : "false") : null)));

    /// <summary>A new plan or template; <see cref="SaveMealPlanRequest.Id"/> made on the device makes a retry safe.</summary>
    public Task<ApiResult<MealPlanDto>> CreateAsync(SaveMealPlanRequest plan) => api.PostAsync<MealPlanDto>("api/meal-plans", plan);

    /// <summary>The plan with its version (<see cref="ApiResult{T}.ETag"/>), to send back when saving.</summary>
    public Task<ApiResult<MealPlanDto>> GetAsync(string planId) => api.GetAsync<MealPlanDto>($"api/meal-plans/{ApiPath.Id(planId)}");

    /// <summary>Saves the whole plan over the version read (<paramref name="etag"/>); a newer version answers 409.</summary>
    public Task<ApiResult<MealPlanDto>> UpdateAsync(string planId, SaveMealPlanRequest plan, string? etag) =>
        api.SendAsync<MealPlanDto>(HttpMethod.Put, $"api/meal-plans/{ApiPath.Id(planId)}", plan, etag);

    public Task<ApiResult<Unit>> DeleteAsync(string planId) => api.DeleteAsync($"api/meal-plans/{ApiPath.Id(planId)}");

    /// <summary>A copy: a plain duplicate, another client's plan, or "save as template".</summary>
    public Task<ApiResult<MealPlanDto>> DuplicateAsync(string planId, DuplicateMealPlanRequest request) =>
        api.PostAsync<MealPlanDto>($"api/meal-plans/{ApiPath.Id(planId)}/duplicate", request);

    /// <summary>Gives each client their own plan from the template (their previous plan ends the day before).</summary>
    public Task<ApiResult<AssignMealPlanResult>> AssignAsync(string templateId, AssignMealPlanRequest request) =>
        api.PostAsync<AssignMealPlanResult>($"api/meal-plans/{ApiPath.Id(templateId)}/assign", request);

    public Task<ApiResult<MealPlanDto>> EndAsync(string planId) => api.PostAsync<MealPlanDto>($"api/meal-plans/{ApiPath.Id(planId)}/end", null);

    /// <summary>A day drafted by the in-process generator, or the reasons it cannot be done.</summary>
    public Task<ApiResult<GeneratedMealPlan>> GenerateAsync(GenerateMealPlanRequest request) =>
        api.PostAsync<GeneratedMealPlan>("api/meal-plans/generate", request);

    /// <summary>
    /// The client's nutrition targets, which the builder measures a plan against (404 while the client has none).
    /// NutritionTargets/ owns the route; this is the builder's read of it.
    /// </summary>
    public Task<ApiResult<NutritionTargets>> ClientTargetsAsync(string clientId) =>
        api.GetAsync<NutritionTargets>($"api/clients/{ApiPath.Id(clientId)}/nutrition/targets");
}
