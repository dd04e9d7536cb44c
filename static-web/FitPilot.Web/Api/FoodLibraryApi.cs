using System.Globalization;
using FitPilot.Contracts.Nutrition;

namespace FitPilot.Web.Api;

/// <summary>The PT's own foods and recipes, household measures on catalogue foods, and the food search their editors use.</summary>
public sealed class FoodLibraryApi(ApiClient api)
{
    public Task<ApiResult<MyFoods>> MineAsync() => api.GetAsync<MyFoods>("api/foods/mine");

    /// <summary>Ranked search of the catalogue merged with the PT's own foods and recipes.</summary>
    public Task<ApiResult<FoodSearchResults>> SearchAsync(string? q, string? group = null, int limit = 20) =>
        api.GetAsync<FoodSearchResults>(ApiPath.WithQuery("api/foods", ("q", q), ("group", group), ("limit", limit.ToString(CultureInfo.InvariantCulture))));

    public Task<ApiResult<List<FoodGroup>>> GroupsAsync() => api.GetAsync<List<FoodGroup>>("api/foods/groups");

    /// <summary>A food (catalogue, own or a recipe as a food) with its version for If-Match.</summary>
    public Task<ApiResult<Food>> FoodAsync(string foodId) => api.GetAsync<Food>($"api/foods/{ApiPath.Id(foodId)}");

    public Task<ApiResult<Food>> SaveServingsAsync(string foodId, SaveServingsRequest request) => api.PutAsync<Food>($"api/foods/{ApiPath.Id(foodId)}/servings", request);

    public Task<ApiResult<Food>> CreateFoodAsync(SaveCustomFoodRequest request) => api.PostAsync<Food>("api/foods/custom", request);

    public Task<ApiResult<Food>> UpdateFoodAsync(string foodId, SaveCustomFoodRequest request, string? etag) =>
        api.SendAsync<Food>(HttpMethod.Put, $"api/foods/custom/{ApiPath.Id(foodId)}", request, etag);

    /// <summary>409 when a plan or recipe uses it.</summary>
    public Task<ApiResult<Unit>> DeleteFoodAsync(string foodId) => api.DeleteAsync($"api/foods/custom/{ApiPath.Id(foodId)}");

    public Task<ApiResult<Recipe>> RecipeAsync(string recipeId) => api.GetAsync<Recipe>($"api/recipes/{ApiPath.Id(recipeId)}");

    public Task<ApiResult<Recipe>> CreateRecipeAsync(SaveRecipeRequest request) => api.PostAsync<Recipe>("api/recipes", request);

    public Task<ApiResult<Recipe>> UpdateRecipeAsync(string recipeId, SaveRecipeRequest request, string? etag) =>
        api.SendAsync<Recipe>(HttpMethod.Put, $"api/recipes/{ApiPath.Id(recipeId)}", request, etag);

    /// <summary>409 when a plan uses it.</summary>
    public Task<ApiResult<Unit>> DeleteRecipeAsync(string recipeId) => api.DeleteAsync($"api/recipes/{ApiPath.Id(recipeId)}");
}
