using FitPilot.Contracts.Nutrition;

namespace FitPilot.Functions.Foods;

/// <summary>
/// Foods as one PT sees them, for the features that build on foods (meal plans, the generator): the
/// catalogue (with the serving sizes this PT added), the PT's own foods and their recipes (as foods per
/// 100 g, with a "serving" measure). Unknown ids and other PTs' foods are simply absent from the answer.
/// </summary>
public interface IFoodLookup
{
    Task<IReadOnlyDictionary<string, Food>> FindAsync(string trainerId, IReadOnlyCollection<string> ids, CancellationToken ct);

    /// <summary>The ingredients of this PT's recipes, by recipe id (a shopping list buys ingredients, not recipes).</summary>
    Task<IReadOnlyDictionary<string, IReadOnlyList<RecipeIngredient>>> IngredientsAsync(string trainerId, IReadOnlyCollection<string> recipeIds, CancellationToken ct);
}

/// <summary>Implemented by the features that point at foods, so a PT cannot delete a food still in use (409 naming where).</summary>
public interface IFoodUsage
{
    /// <summary>The names of this PT's plans or templates that use the food; empty when unused.</summary>
    Task<IReadOnlyList<string>> WhereUsedAsync(string trainerId, string foodId, CancellationToken ct);
}
