using System.Net;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using Azure.Data.Tables;
using FitPilot.Contracts.Exercises;
using FitPilot.Functions.Http;
using FitPilot.Functions.Storage;
using FitPilot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace FitPilot.Tests.Api;

/// <summary>Every JSON-body route gets every kind of bad body: each is a 4xx problem and nothing is written.</summary>
[Collection(HostCollection.Name)]
public sealed partial class BadInputTests(HostFixture host)
{
    private readonly ApiClient _api = host.NewClient();

    private static readonly (string Name, string Body, string ContentType, HttpStatusCode Expected)[] BadBodies =
    [
        ("malformed JSON", "{\"name\": ", "application/json", HttpStatusCode.BadRequest),
        ("not an object", "[1, 2, 3]", "application/json", HttpStatusCode.BadRequest),
        ("null", "null", "application/json", HttpStatusCode.BadRequest),
        ("a string", "\"hello\"", "application/json", HttpStatusCode.BadRequest),
        ("unknown field", "{\"isAdmin\": true}", "application/json", HttpStatusCode.BadRequest),
        ("wrong types", "{\"name\": 42, \"email\": [], \"password\": {}, \"token\": false, \"primaryMuscles\": \"chest\", \"emailOnNewMessage\": \"yes\"}", "application/json", HttpStatusCode.BadRequest),
        ("empty body", "", "application/json", HttpStatusCode.BadRequest),
        ("deeply nested", new string('[', 200) + new string(']', 200), "application/json", HttpStatusCode.BadRequest),
        ("oversized", "{\"name\": \"" + new string('a', 600 * 1024) + "\"}", "application/json", HttpStatusCode.RequestEntityTooLarge),
        ("form post", "name=x", "application/x-www-form-urlencoded", HttpStatusCode.UnsupportedMediaType),
    ];

    [Fact]
    public async Task Bad_bodies_on_every_JSON_route_are_4xx_problems_that_write_nothing()
    {
        var pt = await _api.RegisterTrainerAsync();
        var client = await _api.OnboardClientAsync(pt, host.Mailbox);
        var exercise = await ApiClient.ReadAsync<ExerciseDto>(await _api.PostAsync("/api/exercises", new { name = "Mine", category = "strength", primaryMuscles = new[] { "chest" } }, pt.Token), HttpStatusCode.Created);
        var program = await TrainingSetup.CreateAsync(_api, pt, client.Id);
        var monday = program.Days.Single(d => d.DayOfWeek == 1).Exercises[0];
        var log = await ApiClient.ReadAsync<Contracts.Training.LogSetResponse>(await _api.PostAsync("/api/logs", new
        {
            id = Guid.NewGuid().ToString(), programId = program.Id, programExerciseId = monday.Id, exerciseId = monday.ExerciseId, weightKg = 50, reps = 5,
        }, client.Token), HttpStatusCode.Created);
        var ids = new Dictionary<string, string> { ["clientId"] = client.Id, ["exerciseId"] = exercise.Id, ["trainerId"] = pt.Id, ["programId"] = program.Id, ["logId"] = log.Log.Id,
            ["metricId"] = Guid.NewGuid().ToString("N"), ["templateId"] = Guid.NewGuid().ToString("N")[..12], ["checkInId"] = "2026-01-02", ["habitId"] = Guid.NewGuid().ToString("N"), ["notificationId"] = Guid.NewGuid().ToString("N"),
            ["mealPlanId"] = Guid.NewGuid().ToString("N"), ["date"] = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd"), ["mealId"] = "meal-1", ["itemId"] = "item-1",
            ["foodId"] = "F003729", ["recipeId"] = Guid.NewGuid().ToString(),
            ["sessionTypeId"] = Guid.NewGuid().ToString("N"), ["bookingId"] = Guid.NewGuid().ToString("N"), ["token"] = "no-such-feed-token-0123456789" };

        var routes = FunctionMetadata.Http.Where(e => e.Operation.Request is not null).ToList();
        Assert.True(routes.Count >= 10);
        var before = await StorageSnapshot.TakeAsync(host.Services);
        var tried = 0;
        foreach (var function in routes)
        {
            var token = function.Operation.Access switch { Access.Anonymous => null, Access.Client => client.Token, _ => pt.Token };
            var path = "/api/" + RouteParameter().Replace(function.Route, m => ids[m.Groups[1].Value]);
            foreach (var method in function.Methods)
            {
                foreach (var bad in BadBodies)
                {
                    var response = await _api.SendAsync(new HttpMethod(method), path, token, rawJson: bad.Body, contentType: bad.ContentType);
                    var text = await response.Content.ReadAsStringAsync();
                    Assert.True(response.StatusCode == bad.Expected, $"{method} {path} with {bad.Name}: {(int)response.StatusCode} {text}");
                    Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
                    tried++;
                }
                if (HasRequiredMembers(function.Operation.Request!))
                {
                    var missing = await _api.SendAsync(new HttpMethod(method), path, token, rawJson: "{}");
                    var problem = await ApiClient.ProblemAsync(missing, HttpStatusCode.BadRequest);
                    Assert.True(problem.TryGetProperty("errors", out _), $"{function.Name}: missing fields should be listed");
                }
            }
        }
        Assert.True(tried >= 100);
        Assert.Equal(before, await StorageSnapshot.TakeAsync(host.Services));
    }

    [Fact]
    public async Task Field_errors_name_the_field_in_camelCase()
    {
        var pt = await _api.RegisterTrainerAsync();
        var response = await _api.PostAsync("/api/clients", new { name = "", email = "not-an-email" }, pt.Token);
        var errors = (await ApiClient.ProblemAsync(response, HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("name", out _));
        Assert.True(errors.TryGetProperty("email", out _));

        var wrongType = await _api.SendAsync(HttpMethod.Post, "/api/clients", pt.Token, rawJson: "{\"name\": \"Ok\", \"email\": 12}");
        Assert.True((await ApiClient.ProblemAsync(wrongType, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("email", out _));
    }

    [Fact]
    public async Task A_number_sent_as_a_string_is_a_400_that_names_the_field()
    {
        var pt = await _api.RegisterTrainerAsync();
        static string Program(string reps, string weightKg) =>
            "{\"name\": \"Strings\", \"isTemplate\": true, \"days\": [{\"dayOfWeek\": 1, \"exercises\": [{\"exerciseId\": \"Pullups\", \"sets\": 3, " +
            $"\"reps\": {reps}, \"weightKg\": {weightKg}}}]}}]}}";

        // Nested, an int and then a double: the field is named as the JSON names it, and the message says what to send.
        foreach (var (body, field) in new[] { (Program("\"5\"", "20"), "days[0].exercises[0].reps"), (Program("5", "\"60.5\""), "days[0].exercises[0].weightKg") })
        {
            var problem = await ApiClient.ProblemAsync(await _api.SendAsync(HttpMethod.Post, "/api/programs", pt.Token, rawJson: body), HttpStatusCode.BadRequest);
            var errors = problem.GetProperty("errors");
            Assert.True(errors.TryGetProperty(field, out var messages), $"{field} not named: {problem}");
            Assert.Contains("number", messages[0].GetString());
        }
        // Top level, a nullable int.
        var me = await ApiClient.ProblemAsync(await _api.SendAsync(HttpMethod.Put, "/api/me", pt.Token, rawJson: "{\"name\": \"Pat\", \"yearsExperience\": \"5\"}"), HttpStatusCode.BadRequest);
        Assert.True(me.GetProperty("errors").TryGetProperty("yearsExperience", out _), me.ToString());

        // The same values as JSON numbers are taken.
        Assert.Equal(HttpStatusCode.Created, (await _api.SendAsync(HttpMethod.Post, "/api/programs", pt.Token, rawJson: Program("5", "60.5"))).StatusCode);
    }

    private static bool HasRequiredMembers(Type type) =>
        type.GetProperties().Any(p => p.GetCustomAttribute<System.Runtime.CompilerServices.RequiredMemberAttribute>() is not null);

    [GeneratedRegex(@"\{(\w+)\}")]
    private static partial Regex RouteParameter();
}
