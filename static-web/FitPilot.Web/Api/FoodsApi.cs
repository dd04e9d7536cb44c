using FitPilot.Contracts.Nutrition;

namespace FitPilot.Web.Api;

/// <summary>The food catalogue as a PT sees it: AFCD foods merged with their own foods and recipes.</summary>
public sealed class FoodsApi(ApiClient api)
{
    /// <summary>Ranked search; <paramref name="text"/> may be empty when a <paramref name="group"/> is given.</summary>
    public Task<ApiResult<FoodSearchResults>> SearchAsync(string? text, string? group = null, int limit = 20) =>
        api.GetAsync<FoodSearchResults>(ApiPath.WithQuery("api/foods", ("q", text?.Trim()), ("group", group), ("limit", limit.ToString(System.Globalization.CultureInfo.InvariantCulture))));

    /// <summary>The AFCD major groups, for the group filter.</summary>
    public Task<ApiResult<List<FoodGroup>>> GroupsAsync() => api.GetAsync<List<FoodGroup>>("api/foods/groups");

    /// <summary>A catalogue food, an own food or a recipe as a food.</summary>
    public Task<ApiResult<Food>> GetAsync(string foodId) => api.GetAsync<Food>($"api/foods/{ApiPath.Id(foodId)}");
}
