using FitPilot.Contracts.Nutrition;

namespace FitPilot.Functions.Foods;

/// <summary>
/// A stand-in <see cref="IFoodLookup"/> that knows only the AFCD catalogue (no PT serving sizes, own foods or
/// recipes), registered with TryAdd so meal plans run before the Foods feature's FoodService exists.
/// To be deleted when FoodService (which implements IFoodLookup) is merged.
/// </summary>
public sealed class CatalogOnlyFoodLookup(FoodCatalog catalog) : IFoodLookup
{
    public Task<IReadOnlyDictionary<string, Food>> FindAsync(string trainerId, IReadOnlyCollection<string> ids, CancellationToken ct) =>
        Task.FromResult<IReadOnlyDictionary<string, Food>>(ids.Distinct().Select(catalog.Find).OfType<Food>().ToDictionary(f => f.Id, StringComparer.Ordinal));

    public Task<IReadOnlyDictionary<string, IReadOnlyList<RecipeIngredient>>> IngredientsAsync(string trainerId, IReadOnlyCollection<string> recipeIds, CancellationToken ct) =>
        Task.FromResult<IReadOnlyDictionary<string, IReadOnlyList<RecipeIngredient>>>(new Dictionary<string, IReadOnlyList<RecipeIngredient>>());
}
