using FitPilot.Contracts.Nutrition;
using FitPilot.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FitPilot.Functions.Foods;

/// <summary>Food search (AFCD catalogue + the PT's own foods and recipes), the PT's own foods, recipes and household measures.</summary>
public sealed class FoodFunctions(Api api, FoodService foods, FoodCatalog catalog)
{
    [Function(nameof(SearchFoods))]
    [ApiOperation("Search the AFCD catalogue and the PT's own foods and recipes, best first (typos, word starts, plurals and common, brand and Australian names understood; everyday foods first)",
        Access.Trainer, null, typeof(FoodSearchResults),
        Query = ["q: search words (optional when group is given; without either: the PT's own foods, then everyday foods)", "group: an AFCD major group code, e.g. 12",
            "limit: 1–50, default 20"])]
    public Task<IResult> SearchFoods(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "foods")] HttpRequest req) =>
        api.Handle<TrainerCaller>(req, async call =>
        {
            var q = Query.Optional(req, "q", 100);
            var group = Query.OneOf(req, "group", FoodCatalog.GroupNames.Keys.ToList());
            return Reply.Ok(await foods.SearchAsync(call.Caller.TrainerId, q, group, Limit(req), call.Cancellation));
        });

    [Function(nameof(ListFoodGroups))]
    [ApiOperation("The AFCD major food groups that hold foods, in code order", Access.SignedIn, null, typeof(List<FoodGroup>))]
    public Task<IResult> ListFoodGroups(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "foods/groups")] HttpRequest req) =>
        api.Handle<Caller>(req, _ => Task.FromResult(Reply.Ok(catalog.Groups)));

    [Function(nameof(ListMyFoods))]
    [ApiOperation("The PT's own foods and recipes (recipes with their nutrients computed from their ingredients now)", Access.Trainer, null, typeof(MyFoods))]
    public Task<IResult> ListMyFoods(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "foods/mine")] HttpRequest req) =>
        api.Handle<TrainerCaller>(req, async call => Reply.Ok(await foods.MineAsync(call.Caller.TrainerId, call.Cancellation)));

    [Function(nameof(GetFood))]
    [ApiOperation("One food: a catalogue food (with the PT's and FitPilot's household measures), an own food or a recipe as a food (ETag for own foods and recipes)",
        Access.Trainer, null, typeof(Food))]
    public Task<IResult> GetFood(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "foods/{foodId}")] HttpRequest req, string foodId) =>
        api.Handle<TrainerCaller>(req, async call =>
            await foods.GetAsync(call.Caller.TrainerId, foodId, call.Cancellation) is var food && food.ETag == default ? Reply.Ok(food.Value) : Reply.Ok(food));

    [Function(nameof(SaveFoodServings))]
    [ApiOperation("Set the PT's household measures on a catalogue food (they come before FitPilot's defaults; an empty list removes them)",
        Access.Trainer, typeof(SaveServingsRequest), typeof(Food))]
    public Task<IResult> SaveFoodServings(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "foods/{foodId}/servings")] HttpRequest req, string foodId) =>
        api.Handle<TrainerCaller, SaveServingsRequest>(req, async call =>
            Reply.Ok(await foods.SaveServingsAsync(call.Caller.TrainerId, foodId, call.Body, call.Cancellation)));

    [Function(nameof(CreateCustomFood))]
    [ApiOperation("Add an own food, per 100 g or per serving (stored per 100 g; values must be physically possible). Send an id made on the device and a retry returns the first: 200 instead of 201",
        Access.Trainer, typeof(SaveCustomFoodRequest), typeof(Food), 201)]
    public Task<IResult> CreateCustomFood(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "foods/custom")] HttpRequest req) =>
        api.Handle<TrainerCaller, SaveCustomFoodRequest>(req, async call =>
        {
            var (food, created) = await foods.CreateCustomAsync(call.Caller.TrainerId, call.Body, call.Cancellation);
            return created ? Reply.Created($"/api/foods/{food.Value.Id}", food) : Reply.Ok(food);
        });

    [Function(nameof(UpdateCustomFood))]
    [ApiOperation("Change an own food (If-Match: the ETag read, else 409); the recipes that use it change with it", Access.Trainer, typeof(SaveCustomFoodRequest), typeof(Food))]
    public Task<IResult> UpdateCustomFood(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "foods/custom/{foodId}")] HttpRequest req, string foodId) =>
        api.Handle<TrainerCaller, SaveCustomFoodRequest>(req, async call =>
            Reply.Ok(await foods.UpdateCustomAsync(call.Caller.TrainerId, foodId, call.Body, call.IfMatch, call.Cancellation)));

    [Function(nameof(DeleteCustomFood))]
    [ApiOperation("Delete an own food (409 while a recipe or a meal plan uses it)", Access.Trainer, null, null, 204, Problems = [409])]
    public Task<IResult> DeleteCustomFood(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "foods/custom/{foodId}")] HttpRequest req, string foodId) =>
        api.Handle<TrainerCaller>(req, async call =>
        {
            await foods.DeleteCustomAsync(call.Caller.TrainerId, foodId, call.IfMatch, call.Cancellation);
            return Reply.NoContent();
        });

    [Function(nameof(GetRecipe))]
    [ApiOperation("One recipe with its ingredients and nutrients per serving and per 100 g, computed from the ingredients now (ETag)", Access.Trainer, null, typeof(Recipe))]
    public Task<IResult> GetRecipe(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "recipes/{recipeId}")] HttpRequest req, string recipeId) =>
        api.Handle<TrainerCaller>(req, async call => Reply.Ok(await foods.GetRecipeAsync(call.Caller.TrainerId, recipeId, call.Cancellation)));

    [Function(nameof(CreateRecipe))]
    [ApiOperation("Create a recipe from catalogue and own foods with grams and a yield in servings. Send an id made on the device and a retry returns the first: 200 instead of 201",
        Access.Trainer, typeof(SaveRecipeRequest), typeof(Recipe), 201)]
    public Task<IResult> CreateRecipe(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "recipes")] HttpRequest req) =>
        api.Handle<TrainerCaller, SaveRecipeRequest>(req, async call =>
        {
            var (recipe, created) = await foods.CreateRecipeAsync(call.Caller.TrainerId, call.Body, call.Cancellation);
            return created ? Reply.Created($"/api/recipes/{recipe.Value.Id}", recipe) : Reply.Ok(recipe);
        });

    [Function(nameof(UpdateRecipe))]
    [ApiOperation("Change a recipe (If-Match: the ETag read, else 409)", Access.Trainer, typeof(SaveRecipeRequest), typeof(Recipe))]
    public Task<IResult> UpdateRecipe(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "recipes/{recipeId}")] HttpRequest req, string recipeId) =>
        api.Handle<TrainerCaller, SaveRecipeRequest>(req, async call =>
            Reply.Ok(await foods.UpdateRecipeAsync(call.Caller.TrainerId, recipeId, call.Body, call.IfMatch, call.Cancellation)));

    [Function(nameof(DeleteRecipe))]
    [ApiOperation("Delete a recipe (409 while a meal plan uses it)", Access.Trainer, null, null, 204, Problems = [409])]
    public Task<IResult> DeleteRecipe(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "recipes/{recipeId}")] HttpRequest req, string recipeId) =>
        api.Handle<TrainerCaller>(req, async call =>
        {
            await foods.DeleteRecipeAsync(call.Caller.TrainerId, recipeId, call.IfMatch, call.Cancellation);
            return Reply.NoContent();
        });

    private static int Limit(HttpRequest req)
    {
        var raw = Query.Optional(req, "limit", 10);
        if (raw is null) return FoodService.DefaultLimit;
        return int.TryParse(raw, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var limit) && limit is >= 1 and <= FoodService.MaxLimit
            ? limit
            : throw ProblemException.BadQuery("limit", $"limit must be a whole number from 1 to {FoodService.MaxLimit}.");
    }
}
