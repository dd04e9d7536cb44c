using System.Net;
using System.Text.Json;
using FitPilot.Contracts.Nutrition;
using FitPilot.Functions.Foods;
using FitPilot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace FitPilot.Tests.Foods;

/// <summary>Every Foods route end to end against Azurite: search, groups, catalogue measures, own foods, recipes, tenancy and bad input.</summary>
[Collection(HostCollection.Name)]
public sealed class FoodTests(HostFixture host)
{
    private readonly ApiClient _api = host.NewClient();

    internal static object ProteinBar(string? id = null, string name = "Protein bar") => new
    {
        id, name, groupCode = "28", basis = "perServing", servingGrams = 60,
        nutrients = new { energyKj = 840, proteinG = 20, fatG = 6, carbsG = 24, fibreG = 3, sugarsG = 5, sodiumMg = 120 },
        servings = new[] { new { name = "half bar", grams = 30 } },
    };

    internal static object Porridge(string customFoodId, string? id = null) => new
    {
        id, name = "Protein porridge", servings = 2, method = "Cook the oats in the milk. Stir in the bar.",
        ingredients = new object[] { new { foodId = "F006143", grams = 80 }, new { foodId = "F005634", grams = 300 }, new { foodId = customFoodId, grams = 60 } },
    };

    private async Task<Food> CreateFoodAsync(ApiClient.Trainer pt, object body) =>
        await ApiClient.ReadAsync<Food>(await _api.PostAsync("/api/foods/custom", body, pt.Token), HttpStatusCode.Created);

    [Fact]
    public async Task Search_ranks_the_catalogue_merges_own_foods_and_recipes_and_filters_by_group()
    {
        var pt = await _api.RegisterTrainerAsync();
        var bar = await CreateFoodAsync(pt, ProteinBar(name: "Chicken protein bites"));
        var recipe = await ApiClient.ReadAsync<Recipe>(await _api.PostAsync("/api/recipes", Porridge(bar.Id), pt.Token), HttpStatusCode.Created);

        var chicken = await ApiClient.ReadAsync<FoodSearchResults>(await _api.GetAsync("/api/foods?q=chiken%20brea", pt.Token));
        Assert.Equal("F002594", chicken.Items[0].Id);
        Assert.All(chicken.Items, f => Assert.Contains("chicken", f.Name, StringComparison.OrdinalIgnoreCase));

        var weetbix = await ApiClient.ReadAsync<FoodSearchResults>(await _api.GetAsync("/api/foods?q=weetbix", pt.Token));
        Assert.StartsWith("Breakfast cereal, whole wheat, biscuit", weetbix.Items[0].Name);
        Assert.Contains(weetbix.Items[0].Servings, s => s.Name == "1 biscuit");

        // Own foods and recipes are merged in, marked by their source; another PT sees neither.
        var mine = await ApiClient.ReadAsync<FoodSearchResults>(await _api.GetAsync("/api/foods?q=chicken%20bites", pt.Token));
        Assert.Equal(bar.Id, mine.Items[0].Id);
        Assert.Equal(FoodSources.Custom, mine.Items[0].Source);
        var porridge = await ApiClient.ReadAsync<FoodSearchResults>(await _api.GetAsync("/api/foods?q=porridge", pt.Token));
        var asFood = Assert.Single(porridge.Items, f => f.Id == recipe.Id);
        Assert.Equal(FoodSources.Recipe, asFood.Source);
        Assert.Equal(recipe.GramsPerServing, Assert.Single(asFood.Servings, s => s.Name == "serving").Grams, 1);
        var other = await _api.RegisterTrainerAsync();
        var theirs = await ApiClient.ReadAsync<FoodSearchResults>(await _api.GetAsync("/api/foods?q=porridge&limit=50", other.Token));
        Assert.DoesNotContain(theirs.Items, f => f.Id == recipe.Id);
        Assert.DoesNotContain((await ApiClient.ReadAsync<FoodSearchResults>(await _api.GetAsync("/api/foods?q=chicken%20bites", other.Token))).Items, f => f.Id == bar.Id);

        // A group alone lists that group, everyday foods first; q narrows within it; limit caps.
        var fruit = await ApiClient.ReadAsync<FoodSearchResults>(await _api.GetAsync("/api/foods?group=16&limit=50", pt.Token));
        Assert.Equal(50, fruit.Items.Count);
        Assert.All(fruit.Items, f => Assert.Equal("16", f.GroupCode));
        Assert.True(FoodSearch.IsEveryday(fruit.Items[0].Id));
        var bananaBread = await ApiClient.ReadAsync<FoodSearchResults>(await _api.GetAsync("/api/foods?q=banana&group=12", pt.Token));
        Assert.All(bananaBread.Items, f => Assert.Equal("12", f.GroupCode));
        Assert.Equal(20, (await ApiClient.ReadAsync<FoodSearchResults>(await _api.GetAsync("/api/foods?q=a", pt.Token))).Items.Count);
        // No words, no group: the PT's own first, then everyday foods.
        var start = await ApiClient.ReadAsync<FoodSearchResults>(await _api.GetAsync("/api/foods", pt.Token));
        Assert.Equal(new[] { bar.Id, recipe.Id }.Order(), start.Items.Take(2).Select(f => f.Id).Order());

        foreach (var query in new[] { "limit=0", "limit=51", "limit=x", "group=99", "group=fruit", "q=" + new string('x', 101) })
            await ApiClient.ProblemAsync(await _api.GetAsync("/api/foods?" + query, pt.Token), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Groups_and_catalogue_foods_with_FitPilots_and_the_PTs_measures()
    {
        var pt = await _api.RegisterTrainerAsync();
        var client = await _api.OnboardClientAsync(pt, host.Mailbox);
        var groups = await ApiClient.ReadAsync<List<FoodGroup>>(await _api.GetAsync("/api/foods/groups", client.Token));
        Assert.Contains(new FoodGroup("17", "Eggs"), groups);
        Assert.Equal(groups.Select(g => g.Code).Order(StringComparer.Ordinal), groups.Select(g => g.Code));

        var egg = await ApiClient.ReadAsync<Food>(await _api.GetAsync("/api/foods/F003729", pt.Token));
        Assert.Equal("Egg, chicken, whole, raw", egg.Name);
        Assert.Equal(FoodSources.Afcd, egg.Source);
        Assert.Equal(50, Assert.Single(egg.Servings).Grams);

        var saved = await ApiClient.ReadAsync<Food>(await _api.PutAsync("/api/foods/F003729/servings",
            new { servings = new[] { new { name = "1 egg (large)", grams = 58 }, new { name = "2 eggs", grams = 116 } } }, pt.Token));
        Assert.Equal([("1 egg (large)", 58.0), ("2 eggs", 116.0)], saved.Servings.Select(s => (s.Name, s.Grams)));
        Assert.Equal(saved.Servings.Count, (await ApiClient.ReadAsync<Food>(await _api.GetAsync("/api/foods/F003729", pt.Token))).Servings.Count);
        // Another PT still sees FitPilot's default only.
        var other = await _api.RegisterTrainerAsync();
        Assert.Equal(50, Assert.Single((await ApiClient.ReadAsync<Food>(await _api.GetAsync("/api/foods/F003729", other.Token))).Servings).Grams);
        // Clearing them brings the default back.
        var cleared = await ApiClient.ReadAsync<Food>(await _api.PutAsync("/api/foods/F003729/servings", new { servings = Array.Empty<object>() }, pt.Token));
        Assert.Equal(50, Assert.Single(cleared.Servings).Grams);

        var duplicate = await ApiClient.ProblemAsync(await _api.PutAsync("/api/foods/F003729/servings",
            new { servings = new[] { new { name = "cup", grams = 100 }, new { name = "Cup", grams = 120 } } }, pt.Token), HttpStatusCode.BadRequest);
        Assert.True(duplicate.GetProperty("errors").TryGetProperty("servings[1].name", out _));
        await ApiClient.ProblemAsync(await _api.PutAsync("/api/foods/F003729/servings", new { servings = new[] { new { name = "tonne", grams = 1000000 } } }, pt.Token), HttpStatusCode.BadRequest);
        await ApiClient.ProblemAsync(await _api.PutAsync("/api/foods/NOPE123/servings", new { servings = Array.Empty<object>() }, pt.Token), HttpStatusCode.NotFound);
        await ApiClient.ProblemAsync(await _api.GetAsync("/api/foods/NOPE123", pt.Token), HttpStatusCode.NotFound);
        await ApiClient.ProblemAsync(await _api.GetAsync("/api/foods/F003729", client.Token), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Own_foods_are_stored_per_100_g_created_once_per_device_id_edited_with_If_Match_and_listed_as_mine()
    {
        var pt = await _api.RegisterTrainerAsync();
        var id = Guid.NewGuid().ToString();
        var created = await _api.PostAsync("/api/foods/custom", ProteinBar(id), pt.Token);
        var bar = await ApiClient.ReadAsync<Food>(created, HttpStatusCode.Created);
        Assert.Equal(id, bar.Id);
        Assert.Equal(FoodSources.Custom, bar.Source);
        Assert.Equal("Confectionery and bars", bar.GroupName);
        Assert.Equal(1400, bar.Per100g.EnergyKj!.Value, 6);
        Assert.Equal(33.33, bar.Per100g.ProteinG!.Value, 2);
        Assert.Null(bar.Per100g.IronMg);
        Assert.Equal([("serving", 60.0), ("half bar", 30.0)], bar.Servings.Select(s => (s.Name, s.Grams)));

        // A retry with the same device id returns the first (200), and makes no second food.
        var retry = await ApiClient.ReadAsync<Food>(await _api.PostAsync("/api/foods/custom", ProteinBar(id, "Renamed on retry"), pt.Token));
        Assert.Equal("Protein bar", retry.Name);
        Assert.Single((await ApiClient.ReadAsync<MyFoods>(await _api.GetAsync("/api/foods/mine", pt.Token))).Foods);

        var read = await _api.GetAsync($"/api/foods/{id}", pt.Token);
        var etag = read.Headers.ETag!.ToString();
        Assert.Equal(created.Headers.ETag!.ToString(), etag);
        var per100 = new { name = "Protein bar v2", basis = "per100g", nutrients = new { energyKj = 1500, proteinG = 35, fatG = 10, carbsG = 40 } };
        var changed = await SendAsync(HttpMethod.Put, $"/api/foods/custom/{id}", pt.Token, per100, etag);
        Assert.Equal(1500, (await ApiClient.ReadAsync<Food>(changed)).Per100g.EnergyKj);
        await ApiClient.ProblemAsync(await SendAsync(HttpMethod.Put, $"/api/foods/custom/{id}", pt.Token, per100, etag), HttpStatusCode.Conflict);
        await ApiClient.ProblemAsync(await SendAsync(HttpMethod.Delete, $"/api/foods/custom/{id}", pt.Token, null, etag), HttpStatusCode.Conflict);
        Assert.Equal("Protein bar v2", (await ApiClient.ReadAsync<Food>(await _api.GetAsync($"/api/foods/{id}", pt.Token))).Name);

        await ApiClient.ProblemAsync(await _api.PutAsync("/api/foods/custom/F003729", per100, pt.Token), HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.NoContent, (await _api.DeleteAsync($"/api/foods/custom/{id}", pt.Token)).StatusCode);
        await ApiClient.ProblemAsync(await _api.GetAsync($"/api/foods/{id}", pt.Token), HttpStatusCode.NotFound);
        Assert.Empty((await ApiClient.ReadAsync<MyFoods>(await _api.GetAsync("/api/foods/mine", pt.Token))).Foods);
    }

    [Fact]
    public async Task Impossible_or_bad_own_foods_are_field_errors_and_write_nothing()
    {
        var pt = await _api.RegisterTrainerAsync();
        var before = await StorageSnapshot.TakeAsync(host.Services);
        (object Body, string Field)[] bad =
        [
            (new { name = "Powder", basis = "per100g", nutrients = new { energyKj = 1700, proteinG = 101 } }, "nutrients.proteinG"),
            (new { name = "Powder", basis = "perServing", servingGrams = 30, nutrients = new { energyKj = 500, proteinG = 40 } }, "nutrients.proteinG"),
            (new { name = "Lard+", basis = "per100g", nutrients = new { energyKj = 3900, fatG = 100 } }, "nutrients.energyKj"),
            (new { name = "Negative", basis = "per100g", nutrients = new { energyKj = 100, fatG = -1 } }, "nutrients.fatG"),
            (new { name = "kcal typed", basis = "per100g", nutrients = new { energyKj = 190, proteinG = 25, fatG = 10 } }, "nutrients.energyKj"),
            (new { name = "No energy", basis = "per100g", nutrients = new { proteinG = 10 } }, "nutrients"),
            (new { name = "No serving", basis = "perServing", nutrients = new { energyKj = 100 } }, "servingGrams"),
            (new { name = "Group", basis = "per100g", groupCode = "99", nutrients = new { energyKj = 100 } }, "groupCode"),
            (new { name = "Basis", basis = "per kg", nutrients = new { energyKj = 100 } }, "basis"),
        ];
        foreach (var (body, field) in bad)
        {
            var problem = await ApiClient.ProblemAsync(await _api.PostAsync("/api/foods/custom", body, pt.Token), HttpStatusCode.BadRequest);
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"{field}: {problem}");
        }
        Assert.Equal(before, await StorageSnapshot.TakeAsync(host.Services));
    }

    [Fact]
    public async Task Recipes_compute_nutrients_from_their_ingredients_follow_an_edited_own_food_and_refuse_foreign_ingredients()
    {
        var pt = await _api.RegisterTrainerAsync();
        var bar = await CreateFoodAsync(pt, ProteinBar());
        var id = Guid.NewGuid().ToString();
        var response = await _api.PostAsync("/api/recipes", Porridge(bar.Id, id), pt.Token);
        var recipe = await ApiClient.ReadAsync<Recipe>(response, HttpStatusCode.Created);
        Assert.Equal(id, recipe.Id);
        Assert.Equal(440, recipe.TotalGrams);
        Assert.Equal(220, recipe.GramsPerServing);
        Assert.Equal(["Oats, rolled, uncooked", "Milk, cow, fluid, regular fat (3.5% fat)", "Protein bar"], recipe.Ingredients.Select(i => i.FoodName));
        var oats = FoodSearchTests.Catalog.Find("F006143")!.Per100g;
        var milk = FoodSearchTests.Catalog.Find("F005634")!.Per100g;
        var expectedKj = (oats.EnergyKj!.Value * 0.8 + milk.EnergyKj!.Value * 3 + 840) / 2;
        Assert.Equal(expectedKj, recipe.PerServing.EnergyKj!.Value, 3);
        Assert.Equal(expectedKj * 2 / 440 * 100, recipe.Per100g.EnergyKj!.Value, 3);

        // Idempotent create; the recipe as a food; listed as mine.
        Assert.Equal(recipe.Id, (await ApiClient.ReadAsync<Recipe>(await _api.PostAsync("/api/recipes", Porridge(bar.Id, id), pt.Token))).Id);
        var asFood = await ApiClient.ReadAsync<Food>(await _api.GetAsync($"/api/foods/{id}", pt.Token));
        Assert.Equal(FoodSources.Recipe, asFood.Source);
        Assert.Equal(recipe.Per100g.EnergyKj!.Value, asFood.Per100g.EnergyKj!.Value, 6);
        Assert.Single((await ApiClient.ReadAsync<MyFoods>(await _api.GetAsync("/api/foods/mine", pt.Token))).Recipes);

        // Editing the own food changes the recipe (computed on read).
        await ApiClient.ReadAsync<Food>(await _api.PutAsync($"/api/foods/custom/{bar.Id}",
            new { name = "Protein bar", basis = "perServing", servingGrams = 60, nutrients = new { energyKj = 1200, proteinG = 20, fatG = 8, carbsG = 25 } }, pt.Token));
        var after = await ApiClient.ReadAsync<Recipe>(await _api.GetAsync($"/api/recipes/{id}", pt.Token));
        Assert.Equal(expectedKj + (1200 - 840) / 2.0, after.PerServing.EnergyKj!.Value, 3);

        // The food is in a recipe: it cannot be deleted (409 names the recipe), nothing changes.
        var inUse = await ApiClient.ProblemAsync(await _api.DeleteAsync($"/api/foods/custom/{bar.Id}", pt.Token), HttpStatusCode.Conflict);
        Assert.Contains("Protein porridge", inUse.GetProperty("detail").GetString());

        // Bad ingredients are field errors and write nothing: unknown, another PT's own food, a recipe, negative grams.
        var other = await _api.RegisterTrainerAsync();
        var theirs = await CreateFoodAsync(other, ProteinBar());
        var before = await StorageSnapshot.TakeAsync(host.Services);
        (string FoodId, double Grams, string Field)[] bad =
        [
            ("NOPE12345", 100, "ingredients[0].foodId"), (theirs.Id, 100, "ingredients[0].foodId"), (id, 100, "ingredients[0].foodId"),
            ("F006143", -5, "ingredients[0].grams"), ("F006143", 100000, "ingredients[0].grams"),
        ];
        foreach (var (foodId, grams, field) in bad)
        {
            var body = new { name = "Bad", ingredients = new[] { new { foodId, grams } } };
            var problem = await ApiClient.ProblemAsync(await _api.PostAsync("/api/recipes", body, pt.Token), HttpStatusCode.BadRequest);
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"{field}: {problem}");
            await ApiClient.ProblemAsync(await _api.PutAsync($"/api/recipes/{id}", body, pt.Token), HttpStatusCode.BadRequest);
        }
        await ApiClient.ProblemAsync(await _api.PostAsync("/api/recipes", new { name = "Empty", ingredients = Array.Empty<object>() }, pt.Token), HttpStatusCode.BadRequest);
        Assert.Equal(before, await StorageSnapshot.TakeAsync(host.Services));

        // Another PT cannot read, change or delete it.
        await ApiClient.ProblemAsync(await _api.GetAsync($"/api/recipes/{id}", other.Token), HttpStatusCode.NotFound);
        await ApiClient.ProblemAsync(await _api.GetAsync($"/api/foods/{id}", other.Token), HttpStatusCode.NotFound);
        await ApiClient.ProblemAsync(await _api.PutAsync($"/api/recipes/{id}", Porridge("F006143"), other.Token), HttpStatusCode.NotFound);
        await ApiClient.ProblemAsync(await _api.DeleteAsync($"/api/recipes/{id}", other.Token), HttpStatusCode.NotFound);
        await ApiClient.ProblemAsync(await _api.DeleteAsync($"/api/foods/custom/{bar.Id}", other.Token), HttpStatusCode.NotFound);

        // Edit with If-Match, then delete the recipe and then the food.
        var etag = (await _api.GetAsync($"/api/recipes/{id}", pt.Token)).Headers.ETag!.ToString();
        var renamed = await ApiClient.ReadAsync<Recipe>(await SendAsync(HttpMethod.Put, $"/api/recipes/{id}", pt.Token,
            new { name = "Oats only", servings = 1, ingredients = new[] { new { foodId = "F006143", grams = 50 } } }, etag));
        Assert.Equal(50, renamed.GramsPerServing);
        await ApiClient.ProblemAsync(await SendAsync(HttpMethod.Put, $"/api/recipes/{id}", pt.Token, Porridge(bar.Id), etag), HttpStatusCode.Conflict);
        Assert.Equal(HttpStatusCode.NoContent, (await _api.DeleteAsync($"/api/recipes/{id}", pt.Token)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await _api.DeleteAsync($"/api/foods/custom/{bar.Id}", pt.Token)).StatusCode);
    }

    [Fact]
    public async Task A_food_or_recipe_a_plan_uses_cannot_be_deleted_and_the_lookup_shows_only_the_PTs_foods()
    {
        var pt = await _api.RegisterTrainerAsync();
        var other = await _api.RegisterTrainerAsync();
        var bar = await CreateFoodAsync(pt, ProteinBar());
        var recipe = await ApiClient.ReadAsync<Recipe>(await _api.PostAsync("/api/recipes", Porridge(bar.Id), pt.Token), HttpStatusCode.Created);
        var theirs = await CreateFoodAsync(other, ProteinBar());
        await _api.PutAsync("/api/foods/F000262/servings", new { servings = new[] { new { name = "small banana", grams = 90 } } }, pt.Token);

        // The lookup the meal plans and the generator use.
        var lookup = host.Services.GetRequiredService<IFoodLookup>();
        var found = await lookup.FindAsync(pt.Id, ["F000262", bar.Id, recipe.Id, theirs.Id, "NOPE1234"], default);
        Assert.Equal(new[] { "F000262", bar.Id, recipe.Id }.Order(), found.Keys.Order());
        Assert.Equal(["small banana", "1 medium banana"], found["F000262"].Servings.Select(s => s.Name));
        Assert.Equal(recipe.GramsPerServing, found[recipe.Id].Servings.Single(s => s.Name == "serving").Grams, 1);
        var ingredients = await lookup.IngredientsAsync(pt.Id, [recipe.Id, bar.Id], default);
        Assert.Equal(3, Assert.Single(ingredients).Value.Count);
        Assert.Empty(await lookup.FindAsync(other.Id, [bar.Id, recipe.Id], default));

        // A feature that says the food is used (as meal plans will): delete is refused, naming the plan.
        var plans = new ServiceCollection().AddSingleton<IFoodUsage>(new UsedIn("Cut week 1")).BuildServiceProvider();
        var service = new FoodService(host.Services.GetRequiredService<FoodStore>(), host.Services.GetRequiredService<FoodCatalog>(),
            host.Services.GetRequiredService<FoodSearch>(), plans, TimeProvider.System);
        var refused = await Assert.ThrowsAsync<Functions.Common.DomainException>(() => service.DeleteRecipeAsync(pt.Id, recipe.Id, null, default));
        Assert.Equal(Functions.Common.DomainErrorKind.Conflict, refused.Kind);
        Assert.Contains("Cut week 1", refused.Detail);
        Assert.Equal(HttpStatusCode.OK, (await _api.GetAsync($"/api/recipes/{recipe.Id}", pt.Token)).StatusCode);
        await Assert.ThrowsAsync<Functions.Common.DomainException>(() => service.DeleteCustomAsync(pt.Id, bar.Id, null, default));
        Assert.Equal(HttpStatusCode.OK, (await _api.GetAsync($"/api/foods/{bar.Id}", pt.Token)).StatusCode);
    }

    private sealed class UsedIn(string plan) : IFoodUsage
    {
        public Task<IReadOnlyList<string>> WhereUsedAsync(string trainerId, string foodId, CancellationToken ct) => Task.FromResult<IReadOnlyList<string>>([plan]);
    }

    private Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string token, object? body, string ifMatch)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new("Bearer", token);
        request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        if (body is not null) request.Content = System.Net.Http.Json.JsonContent.Create(body, options: ApiClient.Json);
        return _api.Http.SendAsync(request);
    }
}
