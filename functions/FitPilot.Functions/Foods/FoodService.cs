using Azure;
using FitPilot.Contracts.Nutrition;
using FitPilot.Functions.Common;
using FitPilot.Functions.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace FitPilot.Functions.Foods;

/// <summary>
/// Foods as one PT sees them: the AFCD catalogue (in memory, with the PT's household measures on top of
/// FitPilot's defaults), the PT's own foods and recipes (table <c>foods</c>, the PT's partition, read in one
/// query per request: a PT has a few dozen rows, not thousands). Recipes store only their ingredients and
/// yield; their nutrients are computed on every read from the ingredients as they are then, so editing an own
/// food changes every recipe that uses it, with nothing to keep in step. Another PT's foods are never
/// visible: every read names the caller's partition.
/// </summary>
public sealed class FoodService(FoodStore store, FoodCatalog catalog, FoodSearch search, IServiceProvider services, TimeProvider clock) : IFoodLookup
{
    public const int DefaultLimit = 20, MaxLimit = 50;
    public const string ServingMeasure = "serving";

    /// <summary>
    /// Ranked search (<see cref="FoodSearch"/>) over the catalogue and the PT's own foods and recipes (matched in a
    /// small index made for the request), optionally within one group. Without words: the PT's own foods, then the
    /// everyday foods (of the group, when given), by name. One storage round trip.
    /// </summary>
    public async Task<FoodSearchResults> SearchAsync(string trainerId, string? q, string? group, int limit, CancellationToken ct)
    {
        var partition = await ReadAsync(trainerId, ct);
        var own = partition.OwnFoods().Where(f => group is null || f.GroupCode == group).ToList();
        var query = FoodSearch.Analysis.Parse(q);
        IEnumerable<Food> ranked;
        if (query is not null)
        {
            var hits = search.SearchCatalogue(query).Where(h => group is null || h.Food.GroupCode == group).Concat(FoodSearch.SearchOwn(own, query));
            ranked = search.Rank(hits, query);
        }
        else
        {
            var catalogue = catalog.All.Where(f => group is null ? FoodSearch.IsEveryday(f.Id) : f.GroupCode == group);
            ranked = own.OrderBy(f => f.Name, StringComparer.OrdinalIgnoreCase)
                .Concat(catalogue.OrderByDescending(f => FoodSearch.IsEveryday(f.Id)).ThenBy(f => f.Name, StringComparer.OrdinalIgnoreCase));
        }
        return new FoodSearchResults(ranked.Take(limit).Select(partition.WithServings).ToList());
    }

    /// <summary>A catalogue food (with the PT's measures), an own food or a recipe as a food (ETag for the latter two).</summary>
    public async Task<Versioned<Food>> GetAsync(string trainerId, string foodId, CancellationToken ct)
    {
        if (catalog.Find(foodId) is { } known)
        {
            var measures = await store.FindAsync(trainerId, FoodEntity.ServingsKey(foodId), ct);
            return new Versioned<Food>(WithServings(known, measures), default);
        }
        var partition = await ReadAsync(trainerId, ct);
        return partition.ByKey.TryGetValue(foodId, out var row) && row.Kind is FoodEntity.CustomKind or FoodEntity.RecipeKind
            ? new Versioned<Food>(partition.AsFood(row), row.ETag)
            : throw DomainException.NotFound("No such food.");
    }

    public async Task<MyFoods> MineAsync(string trainerId, CancellationToken ct)
    {
        var partition = await ReadAsync(trainerId, ct);
        return new MyFoods(
            partition.Of(FoodEntity.CustomKind).Select(partition.AsFood).OrderBy(f => f.Name, StringComparer.OrdinalIgnoreCase).ToList(),
            partition.Of(FoodEntity.RecipeKind).Select(partition.RecipeOf).OrderBy(r => r.Name, StringComparer.OrdinalIgnoreCase).ToList());
    }

    /// <summary>Replaces the PT's household measures on a catalogue food (an empty list removes them).</summary>
    public async Task<Food> SaveServingsAsync(string trainerId, string foodId, SaveServingsRequest request, CancellationToken ct)
    {
        var food = catalog.Find(foodId) ?? throw DomainException.NotFound("No such catalogue food. Your own foods keep their measures on the food itself.");
        RequireDistinctNames(request.Servings);
        var row = new FoodEntity { PartitionKey = trainerId, RowKey = FoodEntity.ServingsKey(foodId), Kind = FoodEntity.ServingsKind, Name = food.Name, UpdatedAt = clock.GetUtcNow() };
        if (request.Servings.Count == 0)
        {
            if (await store.FindAsync(trainerId, row.RowKey, ct) is { } existing) await store.DeleteAsync(existing, ct);
            return WithServings(food, null);
        }
        row.SetServings(request.Servings);
        await store.UpsertAsync(row, ct);
        return WithServings(food, row);
    }

    /// <summary>Creates an own food; with an id made on the device, a retry returns the food made the first time (Created = false).</summary>
    public async Task<(Versioned<Food> Food, bool Created)> CreateCustomAsync(string trainerId, SaveCustomFoodRequest request, CancellationToken ct)
    {
        if (request.Id is { } id && await store.FindAsync(trainerId, id, ct) is { } earlier)
            return (ExistingOwn(earlier, FoodEntity.CustomKind, FoodPartition.CustomFood), false);
        var now = clock.GetUtcNow();
        var row = new FoodEntity { PartitionKey = trainerId, RowKey = request.Id ?? Ids.New(), Kind = FoodEntity.CustomKind, CreatedAt = now };
        ApplyCustom(row, request, now);
        if (!await store.TryAddAsync(row, ct))
            return (ExistingOwn(await store.FindAsync(trainerId, row.RowKey, ct) ?? throw DomainException.Stale(), FoodEntity.CustomKind, FoodPartition.CustomFood), false);
        return (new Versioned<Food>(FoodPartition.CustomFood(row), row.ETag), true);
    }

    public async Task<Versioned<Food>> UpdateCustomAsync(string trainerId, string foodId, SaveCustomFoodRequest request, ETag? ifMatch, CancellationToken ct)
    {
        var row = await store.FindAsync(trainerId, foodId, ct) is { Kind: FoodEntity.CustomKind } found ? found : throw DomainException.NotFound("No such food of yours.");
        if (request.Id is not null && request.Id != foodId) throw DomainException.Invalid("id", "The id of a saved food cannot change.");
        TenantTable.RequireVersion(ifMatch, row.ETag);
        ApplyCustom(row, request, clock.GetUtcNow());
        await store.UpdateAsync(row, ct);
        return new Versioned<Food>(FoodPartition.CustomFood(row), row.ETag);
    }

    /// <summary>Deletes an own food no recipe and no plan uses (409 naming where it is used).</summary>
    public async Task DeleteCustomAsync(string trainerId, string foodId, ETag? ifMatch, CancellationToken ct)
    {
        var partition = await ReadAsync(trainerId, ct);
        var row = partition.ByKey.TryGetValue(foodId, out var found) && found.Kind == FoodEntity.CustomKind ? found : throw DomainException.NotFound("No such food of yours.");
        TenantTable.RequireVersion(ifMatch, row.ETag);
        var recipes = partition.Of(FoodEntity.RecipeKind).Where(r => r.IngredientList().Any(i => i.FoodId == foodId)).Select(r => r.Name).ToList();
        if (recipes.Count > 0)
            throw DomainException.Conflict($"{Names(recipes)} {(recipes.Count == 1 ? "uses" : "use")} this food. Take it out of the {(recipes.Count == 1 ? "recipe" : "recipes")} first.", "Food in use");
        await RefuseUsedAsync(trainerId, foodId, "food", ct);
        await store.DeleteAsync(row, ct);
    }

    public async Task<Versioned<Recipe>> GetRecipeAsync(string trainerId, string recipeId, CancellationToken ct)
    {
        var partition = await ReadAsync(trainerId, ct);
        return partition.ByKey.TryGetValue(recipeId, out var row) && row.Kind == FoodEntity.RecipeKind
            ? new Versioned<Recipe>(partition.RecipeOf(row), row.ETag)
            : throw DomainException.NotFound("No such recipe.");
    }

    /// <summary>Creates a recipe of catalogue and own foods; with a device id, a retry returns the first (Created = false).</summary>
    public async Task<(Versioned<Recipe> Recipe, bool Created)> CreateRecipeAsync(string trainerId, SaveRecipeRequest request, CancellationToken ct)
    {
        var partition = await ReadAsync(trainerId, ct);
        if (request.Id is { } id && partition.ByKey.TryGetValue(id, out var earlier))
            return (ExistingOwn(earlier, FoodEntity.RecipeKind, partition.RecipeOf), false);
        partition.RequireIngredients(request.Ingredients);
        var now = clock.GetUtcNow();
        var row = new FoodEntity { PartitionKey = trainerId, RowKey = request.Id ?? Ids.New(), Kind = FoodEntity.RecipeKind, CreatedAt = now };
        ApplyRecipe(row, request, now);
        if (!await store.TryAddAsync(row, ct))
            return (ExistingOwn(await store.FindAsync(trainerId, row.RowKey, ct) ?? throw DomainException.Stale(), FoodEntity.RecipeKind, partition.RecipeOf), false);
        return (new Versioned<Recipe>(partition.RecipeOf(row), row.ETag), true);
    }

    public async Task<Versioned<Recipe>> UpdateRecipeAsync(string trainerId, string recipeId, SaveRecipeRequest request, ETag? ifMatch, CancellationToken ct)
    {
        var partition = await ReadAsync(trainerId, ct);
        var row = partition.ByKey.TryGetValue(recipeId, out var found) && found.Kind == FoodEntity.RecipeKind ? found : throw DomainException.NotFound("No such recipe.");
        if (request.Id is not null && request.Id != recipeId) throw DomainException.Invalid("id", "The id of a saved recipe cannot change.");
        TenantTable.RequireVersion(ifMatch, row.ETag);
        partition.RequireIngredients(request.Ingredients);
        ApplyRecipe(row, request, clock.GetUtcNow());
        await store.UpdateAsync(row, ct);
        return new Versioned<Recipe>(partition.RecipeOf(row), row.ETag);
    }

    public async Task DeleteRecipeAsync(string trainerId, string recipeId, ETag? ifMatch, CancellationToken ct)
    {
        var row = await store.FindAsync(trainerId, recipeId, ct) is { Kind: FoodEntity.RecipeKind } found ? found : throw DomainException.NotFound("No such recipe.");
        TenantTable.RequireVersion(ifMatch, row.ETag);
        await RefuseUsedAsync(trainerId, recipeId, "recipe", ct);
        await store.DeleteAsync(row, ct);
    }

    public async Task<IReadOnlyDictionary<string, Food>> FindAsync(string trainerId, IReadOnlyCollection<string> ids, CancellationToken ct)
    {
        var found = new Dictionary<string, Food>(StringComparer.Ordinal);
        if (ids.Count == 0) return found;
        var partition = await ReadAsync(trainerId, ct);
        foreach (var id in ids.Distinct(StringComparer.Ordinal))
            if (partition.Find(id) is { } food) found[id] = food;
        return found;
    }

    public async Task<IReadOnlyDictionary<string, IReadOnlyList<RecipeIngredient>>> IngredientsAsync(string trainerId, IReadOnlyCollection<string> recipeIds, CancellationToken ct)
    {
        var found = new Dictionary<string, IReadOnlyList<RecipeIngredient>>(StringComparer.Ordinal);
        if (recipeIds.Count == 0) return found;
        var partition = await ReadAsync(trainerId, ct);
        foreach (var id in recipeIds.Distinct(StringComparer.Ordinal))
            if (partition.ByKey.TryGetValue(id, out var row) && row.Kind == FoodEntity.RecipeKind) found[id] = partition.RecipeOf(row).Ingredients;
        return found;
    }

    /// <summary>
    /// The features that point at foods (meal plans) say where a food is used. Resolved when needed, not at
    /// construction: they may themselves depend on <see cref="IFoodLookup"/>.
    /// </summary>
    private async Task RefuseUsedAsync(string trainerId, string foodId, string what, CancellationToken ct)
    {
        var where = new List<string>();
        foreach (var usage in services.GetServices<IFoodUsage>()) where.AddRange(await usage.WhereUsedAsync(trainerId, foodId, ct));
        if (where.Count > 0)
            throw DomainException.Conflict($"{Names(where)} {(where.Count == 1 ? "uses" : "use")} this {what}. Take it out first.", $"{char.ToUpperInvariant(what[0])}{what[1..]} in use");
    }

    private static string Names(IReadOnlyList<string> names) =>
        string.Join(", ", names.Distinct().Take(3).Select(n => $"\"{n}\"")) + (names.Distinct().Count() > 3 ? $" and {names.Distinct().Count() - 3} more" : "");

    private static Versioned<T> ExistingOwn<T>(FoodEntity row, string kind, Func<FoodEntity, T> read) =>
        row.Kind == kind ? new Versioned<T>(read(row), row.ETag) : throw DomainException.Conflict($"Something else of yours already has this id.", "Already exists");

    private static void ApplyCustom(FoodEntity row, SaveCustomFoodRequest request, DateTimeOffset now)
    {
        if (request.GroupCode is { } group && !FoodCatalog.GroupNames.ContainsKey(group)) throw DomainException.Invalid("groupCode", "Choose a food group.");
        RequireDistinctNames(request.Servings);
        var per100g = FoodRules.Per100g(request);
        if (FoodRules.Check(per100g, request.Basis) is { Count: > 0 } errors) throw DomainException.Invalid(errors);
        var servings = request.Servings.ToList();
        if (request.Basis == NutrientBases.PerServing && request.ServingGrams is { } grams && !servings.Any(s => s.Name.Trim().Equals(ServingMeasure, StringComparison.OrdinalIgnoreCase)))
            servings.Insert(0, new ServingSize { Name = ServingMeasure, Grams = grams });
        row.Name = request.Name.Trim();
        row.GroupCode = request.GroupCode;
        row.Basis = request.Basis;
        row.ServingGrams = request.Basis == NutrientBases.PerServing ? request.ServingGrams : null;
        row.Nutrients = StoredJson.Serialize(StoredNutrients.From(per100g));
        row.SetServings(servings);
        row.DataVersion = FoodEntity.CurrentVersion;
        row.UpdatedAt = now;
    }

    private static void ApplyRecipe(FoodEntity row, SaveRecipeRequest request, DateTimeOffset now)
    {
        row.Name = request.Name.Trim();
        row.RecipeServings = request.Servings;
        row.Method = string.IsNullOrWhiteSpace(request.Method) ? null : request.Method.Trim();
        row.Ingredients = StoredJson.Serialize(request.Ingredients.Select(i => new StoredIngredient(i.FoodId, i.Grams)).ToList());
        row.DataVersion = FoodEntity.CurrentVersion;
        row.UpdatedAt = now;
    }

    private static void RequireDistinctNames(IReadOnlyList<ServingSize> servings)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < servings.Count; i++)
            if (!seen.Add(servings[i].Name.Trim()))
                throw DomainException.Invalid($"servings[{i}].name", "Each measure needs its own name.");
    }

    /// <summary>A catalogue food with the PT's measures first, then FitPilot's defaults not named the same.</summary>
    private static Food WithServings(Food food, FoodEntity? measures)
    {
        var own = measures?.ServingSizes() ?? [];
        var defaults = HouseholdMeasures.ByFoodId.GetValueOrDefault(food.Id) ?? [];
        if (own.Count == 0 && defaults.Count == 0) return food;
        var names = own.Select(s => s.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return food with { Servings = own.Concat(defaults.Where(d => !names.Contains(d.Name))).ToList() };
    }

    private async Task<FoodPartition> ReadAsync(string trainerId, CancellationToken ct) => new(catalog, await store.AllAsync(trainerId, ct));

    /// <summary>One PT's rows, read once for the request, and how they become foods and recipes.</summary>
    private sealed class FoodPartition(FoodCatalog catalog, List<FoodEntity> rows)
    {
        public Dictionary<string, FoodEntity> ByKey { get; } = rows.ToDictionary(r => r.RowKey, StringComparer.Ordinal);

        public IEnumerable<FoodEntity> Of(string kind) => rows.Where(r => r.Kind == kind);

        /// <summary>Own foods and recipes, as foods.</summary>
        public List<Food> OwnFoods() => rows.Where(r => r.Kind is FoodEntity.CustomKind or FoodEntity.RecipeKind).Select(AsFood).ToList();

        public Food WithServings(Food food) =>
            food.Source == FoodSources.Afcd ? FoodService.WithServings(food, ByKey.GetValueOrDefault(FoodEntity.ServingsKey(food.Id))) : food;

        /// <summary>Any food this PT may use, by id: catalogue (with measures), own, or recipe; else null.</summary>
        public Food? Find(string id) =>
            catalog.Find(id) is { } known ? WithServings(known)
            : ByKey.TryGetValue(id, out var row) && row.Kind is FoodEntity.CustomKind or FoodEntity.RecipeKind ? AsFood(row)
            : null;

        public Food AsFood(FoodEntity row) => row.Kind == FoodEntity.RecipeKind ? RecipeAsFood(row) : CustomFood(row);

        public static Food CustomFood(FoodEntity row) =>
            new(row.RowKey, FoodSources.Custom, row.Name, row.GroupCode, row.GroupCode is null ? null : FoodCatalog.GroupNames.GetValueOrDefault(row.GroupCode),
                row.Per100g(), row.ServingSizes());

        private Food RecipeAsFood(FoodEntity row)
        {
            var recipe = RecipeOf(row);
            return new Food(recipe.Id, FoodSources.Recipe, recipe.Name, null, null, recipe.Per100g,
                recipe.GramsPerServing > 0 ? [new ServingSize { Name = ServingMeasure, Grams = Math.Round(recipe.GramsPerServing, 1) }] : []);
        }

        /// <summary>The recipe with its nutrients computed from its ingredients as they are now.</summary>
        public Recipe RecipeOf(FoodEntity row)
        {
            var parts = row.IngredientList().Select(i => Ingredient(i.FoodId) is { } food
                ? new FoodRules.Part(i.FoodId, food.Name, i.Grams, food.Per100g)
                : new FoodRules.Part(i.FoodId, "(no longer available)", i.Grams, new Nutrients())).ToList();
            var servings = Math.Max(1, row.RecipeServings);
            var n = FoodRules.Recipe(parts, servings);
            return new Recipe(row.RowKey, row.Name, parts.Select(p => new RecipeIngredient { FoodId = p.FoodId, Grams = p.Grams, FoodName = p.FoodName }).ToList(),
                servings, row.Method, n.TotalGrams, n.GramsPerServing, n.PerServing, n.Per100g, n.Unreported, row.UpdatedAt);
        }

        /// <summary>What a recipe may hold: a catalogue food or an own food (not a recipe).</summary>
        private Food? Ingredient(string id) =>
            catalog.Find(id) ?? (ByKey.TryGetValue(id, out var row) && row.Kind == FoodEntity.CustomKind ? CustomFood(row) : null);

        /// <summary>Every ingredient is a food this PT may put in a recipe, else field errors (nothing is written).</summary>
        public void RequireIngredients(IReadOnlyList<RecipeIngredient> ingredients)
        {
            var errors = new Dictionary<string, string[]>();
            for (var i = 0; i < ingredients.Count; i++)
            {
                var id = ingredients[i].FoodId;
                if (Ingredient(id) is not null) continue;
                errors[$"ingredients[{i}].foodId"] = [ByKey.TryGetValue(id, out var row) && row.Kind == FoodEntity.RecipeKind
                    ? "A recipe cannot hold another recipe: add its ingredients instead."
                    : "No such food: choose a catalogue food or one of your own."];
            }
            if (errors.Count > 0) throw DomainException.Invalid(errors);
        }
    }
}
