using System.Net;
using FitPilot.Contracts.Exercises;
using FitPilot.Tests.Infrastructure;

namespace FitPilot.Tests.Api;

/// <summary>If-Match on every route that takes it: a malformed one is a 400, a stale one a 409, never a 500, and nothing changes.</summary>
[Collection(HostCollection.Name)]
public sealed class IfMatchTests(HostFixture host)
{
    private readonly ApiClient _api = host.NewClient();

    private static readonly string[] Malformed = ["abc", "\"a\", \"b\"", "W/abc", "\"unterminated", "\"\"\"", "W/\"x\" , W/\"y\"", new string('"', 3000)];
    private static readonly string[] WellFormedButStale = ["\"abc\"", "W/\"datetime'2001-01-01T00%3A00%3A00.0000000Z'\"", "\"0\""];

    [Fact]
    public async Task A_malformed_If_Match_is_a_400_and_a_stale_one_a_409_on_every_update_and_delete()
    {
        var pt = await _api.RegisterTrainerAsync();
        var client = await _api.InviteAsync(pt, ApiClient.UniqueEmail("ifmatch"));
        var exercise = await ApiClient.ReadAsync<ExerciseDto>(await _api.PostAsync("/api/exercises", new { name = "Mine", category = "strength", primaryMuscles = new[] { "chest" } }, pt.Token), HttpStatusCode.Created);
        var program = await TrainingSetup.CreateAsync(_api, pt, null);
        var mealPlan = await ApiClient.ReadAsync<Contracts.Nutrition.MealPlanDto>(await _api.PostAsync("/api/meal-plans",
            new { name = "Meals", isTemplate = true, rotation = "single", days = new[] { new { meals = new[] { new { type = "lunch", items = new[] { new { foodId = "F007661", grams = 150.0 } } } } } } }, pt.Token), HttpStatusCode.Created);
        var food = await ApiClient.ReadAsync<Contracts.Nutrition.Food>(await _api.PostAsync("/api/foods/custom", Foods.FoodTests.ProteinBar(), pt.Token), HttpStatusCode.Created);
        var recipe = await ApiClient.ReadAsync<Contracts.Nutrition.Recipe>(await _api.PostAsync("/api/recipes", Foods.FoodTests.Porridge(food.Id), pt.Token), HttpStatusCode.Created);
        var resources = new (string Path, object Body)[]
        {
            ($"/api/programs/{program.Id}", new { name = "Changed", isTemplate = true, days = Array.Empty<object>() }),
            ($"/api/clients/{client.Id}", new { name = "Changed" }),
            ($"/api/exercises/{exercise.Id}", new { name = "Changed", category = "strength", primaryMuscles = new[] { "chest" } }),
            ($"/api/meal-plans/{mealPlan.Id}", new { name = "Changed", isTemplate = true, rotation = "single" }),
            ($"/api/recipes/{recipe.Id}", new { name = "Changed", ingredients = new[] { new { foodId = "F003729", grams = 50 } } }),
        };
        foreach (var (path, body) in resources)
        {
            var before = await _api.GetAsync(path, pt.Token);
            var etag = before.Headers.ETag!.ToString();
            var text = await before.Content.ReadAsStringAsync();
            foreach (var method in new[] { HttpMethod.Put, HttpMethod.Delete })
            {
                foreach (var tag in Malformed)
                    await ApiClient.ProblemAsync(await SendAsync(method, path, pt.Token, body, tag), HttpStatusCode.BadRequest);
                foreach (var tag in WellFormedButStale)
                    await ApiClient.ProblemAsync(await SendAsync(method, path, pt.Token, body, tag), HttpStatusCode.Conflict);
            }
            var after = await _api.GetAsync(path, pt.Token);
            Assert.Equal(etag, after.Headers.ETag!.ToString());
            Assert.Equal(text, await after.Content.ReadAsStringAsync());

            // The ETag read, weak or strong, and "*" still work.
            var saved = await SendAsync(HttpMethod.Put, path, pt.Token, body, etag);
            Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await SendAsync(HttpMethod.Put, path, pt.Token, body, saved.Headers.ETag!.ToString().Replace("W/", ""))).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await SendAsync(HttpMethod.Put, path, pt.Token, body, "*")).StatusCode);
        }
    }

    private Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string token, object body, string ifMatch)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new("Bearer", token);
        request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        if (method == HttpMethod.Put) request.Content = System.Net.Http.Json.JsonContent.Create(body, options: ApiClient.Json);
        return _api.Http.SendAsync(request);
    }
}
