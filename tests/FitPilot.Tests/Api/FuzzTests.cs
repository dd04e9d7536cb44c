using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Azure.Data.Tables;
using FitPilot.Contracts.Common;
using FitPilot.Contracts.Exercises;
using FitPilot.Contracts.Programs;
using FitPilot.Functions.Http;
using FitPilot.Functions.Storage;
using FitPilot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace FitPilot.Tests.Api;

/// <summary>
/// Every route in functions.metadata, with what a careless or hostile caller sends: nulls in lists,
/// extreme dates, wrong types, control characters, malformed If-Match / Authorization / Content-Type,
/// odd route ids and query strings; then maximal non-ASCII strings and unusual but valid emails.
/// Nothing may answer 5xx, and a request the contracts refuse must write nothing.
/// </summary>
[Collection(HostCollection.Name)]
public sealed partial class FuzzTests(HostFixture host, ITestOutputHelper output)
{
    private readonly ApiClient _api = host.NewClient();

    /// <summary>A valid body per route that takes one. A new route with a body must add one here.</summary>
    private static readonly Dictionary<string, Func<Ids, object>> Samples = new()
    {
        ["RegisterTrainer"] = _ => new { name = "Fuzz PT", email = ApiClient.UniqueEmail("fuzz"), password = "fuzz password 1", businessName = "Fuzz Co" },
        ["Login"] = ids => new { email = ids.PtEmail, password = "wrong password 1" },
        ["ForgotPassword"] = _ => new { email = ApiClient.UniqueEmail("forgot") },
        ["ResetPassword"] = _ => new { token = "not-a-real-token", newPassword = "fuzz password 2" },
        ["AcceptInvitation"] = _ => new { token = "not-a-real-token", password = "fuzz password 2" },
        ["UpdateMe"] = _ => new { name = "Fuzz PT", bio = "Bio", specializations = "S", certifications = "C", phoneNumber = "+61 400 000 000", businessName = "B", location = "L", yearsExperience = 3 },
        ["ChangePassword"] = _ => new { currentPassword = "not the password", newPassword = "fuzz password 3" },
        ["InviteClient"] = _ => new { name = "Fuzz Client", email = ApiClient.UniqueEmail("fuzz-client") },
        ["UpdateClient"] = _ => new { name = "Fuzz Client", age = 30, heightCm = 180.5, startingWeightKg = 90, currentWeightKg = 85.5, bodyFatPercentage = 20, phoneNumber = "+61 400 000 001" },
        ["CreateExercise"] = _ => new { name = "Fuzz Press", description = "D", instructions = new[] { "One", "Two" }, videoUrl = "https://youtu.be/dQw4w9WgXcQ", primaryMuscles = new[] { "chest" }, secondaryMuscles = new[] { "triceps" }, equipment = "barbell", level = "beginner", category = "strength", force = "push", mechanic = "compound" },
        ["UpdateExercise"] = _ => new { name = "Fuzz Press", primaryMuscles = new[] { "chest" }, category = "strength", instructions = new[] { "One" } },
        ["CreateProgram"] = ids => new { name = "Fuzz program", clientId = ids.ClientId, startDate = ids.Start, endDate = ids.Start.AddDays(60), notes = "N", days = new[] { new { dayOfWeek = 1, title = "Mon", exercises = new[] { new { exerciseId = "Barbell_Squat", sets = 3, reps = 5, repsMax = 8, weightKg = 100.5, restSeconds = 120, dropSets = 1, supersetGroup = "A", tempo = "3-1-1-0", tutSeconds = 40, rir = 2, notes = "n" } } } } },
        ["UpdateProgram"] = ids => new { name = "Fuzz program", clientId = ids.ClientId, startDate = ids.Start, days = new[] { new { dayOfWeek = 1, exercises = new[] { new { id = ids.EntryId, exerciseId = "Barbell_Squat", sets = 3, reps = 5 } } } } },
        ["DuplicateProgram"] = ids => new { name = "Fuzz copy", clientId = ids.ClientId, startDate = ids.Start },
        ["AssignTemplate"] = ids => new { clientIds = new[] { ids.ClientId }, startDate = ids.Start },
        ["PushBackProgram"] = _ => new { days = 2 },
        ["LogSet"] = ids => new { id = Guid.NewGuid().ToString(), programId = ids.ProgramId, programExerciseId = ids.EntryId, exerciseId = "Barbell_Squat", setNumber = 1, weightKg = 100, reps = 5, rir = 2, notes = "n", performedAt = DateTimeOffset.UtcNow, workoutDate = ids.Monday },
        ["UpdateSetLog"] = _ => new { weightKg = 101, reps = 5, rir = 1, notes = "n" },
        ["UpdateTimeZone"] = _ => new { timeZone = "Europe/London" },
        ["UpdateUnits"] = _ => new { weightUnit = "lb" },
        ["StartCheckout"] = _ => new { tier = "Studio", interval = "month" },
        ["SwapExercise"] = ids => new { date = ids.Monday, programId = ids.ProgramId, programExerciseId = ids.EntryId, exerciseId = "Leg_Press" },
        ["FinishWorkout"] = ids => new { date = ids.Monday, programId = ids.ProgramId, rpe = 7, comment = "Good session" },
        ["StartPhotoUpload"] = ids => new { pose = "front", capturedOn = ids.Monday },
        ["SaveMeasurement"] = ids => Measurement(ids),
        ["SaveClientMeasurement"] = ids => Measurement(ids),
        ["CreateClientMetric"] = _ => new { name = "Fuzz metric", unit = "bpm", direction = "lower", min = 30, max = 120 },
        ["UpdateClientMetric"] = _ => new { name = "Fuzz metric", unit = "bpm", direction = "lower", min = 30.5, max = 120 },
        ["LogMetricValue"] = ids => new { id = Guid.NewGuid().ToString(), measuredOn = ids.Monday, value = 55.5 },
        ["LogClientMetricValue"] = ids => new { id = Guid.NewGuid().ToString(), measuredOn = ids.Monday, value = 55.5 },
        ["CreateCheckInTemplate"] = _ => CheckInTemplate(),
        ["UpdateCheckInTemplate"] = _ => CheckInTemplate(),
        ["AssignClientCheckIn"] = ids => new { templateId = ids.CheckInTemplateId, dayOfWeek = 3, localTime = "18:30" },
        ["SaveCurrentCheckInDraft"] = _ => CheckInAnswers(),
        ["SubmitCurrentCheckIn"] = _ => CheckInAnswers(),
        ["ReviewClientCheckIn"] = _ => new { responseText = "Well done", responseUrl = "https://www.loom.com/share/fuzz" },
        ["CreateClientHabit"] = ids => new { title = "Fuzz habit", timesPerWeek = 3, startsOn = ids.Monday, endsOn = ids.Monday.AddDays(60) },
        ["UpdateClientHabit"] = ids => new { title = "Fuzz habit", startsOn = ids.Monday },
        ["SendMessage"] = _ => new { id = Guid.NewGuid().ToString(), text = "Fuzz message https://example.com" },
        ["MarkMessagesRead"] = _ => new { upToMessageId = Guid.NewGuid().ToString() },
        ["TickHabit"] = _ => new { date = DateOnly.FromDateTime(DateTime.UtcNow), done = true },
        ["SaveAvailability"] = ids => new
        {
            weekly = new[] { new { dayOfWeek = 1, start = "09:00", end = "12:00" }, new { dayOfWeek = 3, start = "13:30", end = "24:00" } },
            exceptions = new object[] { new { date = ids.Monday.AddDays(14), reason = "Holiday" }, new { date = ids.Monday.AddDays(21), start = "10:00", end = "11:00", reason = "Dentist" } },
        },
        ["CreateSessionType"] = _ => SessionType(),
        ["UpdateSessionType"] = _ => SessionType(),
        ["CreateBooking"] = ids => new { sessionTypeId = ids.SessionTypeId, clientId = ids.ClientId, startsAt = FuzzStart(40), note = "Fuzz" },
        ["RescheduleBooking"] = _ => new { startsAt = FuzzStart(41) },
        ["SaveFoodServings"] = _ => new { servings = new[] { new { name = "1 egg (large)", grams = 58.5 }, new { name = "2 eggs", grams = 117.0 } } },
        ["CreateCustomFood"] = _ => CustomFood(Guid.NewGuid().ToString()),
        ["UpdateCustomFood"] = _ => CustomFood(null),
        ["CreateRecipe"] = ids => Recipe(ids, Guid.NewGuid().ToString()),
        ["UpdateRecipe"] = ids => Recipe(ids, null),
        ["CalculateNutritionTargets"] = _ => TargetInputs(),
        ["SaveClientNutritionTargets"] = _ => new { inputs = TargetInputs(), kcal = 2400.5, proteinG = 160 },
        ["GenerateMealPlan"] = _ => new { kcal = 2000, proteinG = 130, fatG = 65, carbsG = 220, meals = new object[] { new { type = "breakfast", sharePercent = 30 }, new { type = "lunch", sharePercent = 30 }, new { type = "dinner", name = "Tea", sharePercent = 40 } }, excludeKeywords = new[] { "peanut" }, diets = new[] { "vegetarian" }, maxItemsPerMeal = 4, seed = 3 },
        ["UpdateNotificationPreferences"] = _ => new { emailOnNewMessage = true, emailOnCheckIn = false, emailOnBooking = true, checkInReminders = true, weeklySummary = false },
        ["CreateMealPlan"] = ids => MealPlan(ids, Guid.NewGuid().ToString()),
        ["UpdateMealPlan"] = ids => MealPlan(ids, null),
        ["DuplicateMealPlan"] = ids => new { id = Guid.NewGuid().ToString(), name = "Fuzz meal copy", asTemplate = true },
        ["AssignMealPlan"] = ids => new { clientIds = new[] { ids.ClientId }, startDate = ids.Start },
        ["MarkMealEaten"] = _ => new { eaten = true },
        ["SwapMealItem"] = _ => new { foodId = "F005634" },
    };

    private static object MealPlan(Ids ids, string? id) => new
    {
        id, name = "Fuzz meals", clientId = ids.ClientId, startDate = ids.Start, endDate = ids.Start.AddDays(60), rotation = "weekly", notes = "n",
        days = new[]
        {
            new { dayOfWeek = 1, meals = new[] { new { id = ids.MealId, type = "breakfast", name = "Brekkie", items = new[] {
                new { id = ids.MealItemId, foodId = "F003729", grams = 100.5, note = "n", alternatives = new[] { new { foodId = "F005634", grams = (double?)200 } } } } } } },
        },
    };

    private static object CustomFood(string? id) => new
    {
        id, name = "Fuzz bar", groupCode = "28", basis = "perServing", servingGrams = 60,
        nutrients = new { energyKj = 840, proteinG = 20, fatG = 6, carbsG = 24, fibreG = 3, sugarsG = 5, sodiumMg = 120, potassiumMg = 100, calciumMg = 50, ironMg = 1.5, vitaminCMg = 0, thiaminMg = 0.1, riboflavinMg = 0.1, niacinMg = 1 },
        servings = new[] { new { name = "half bar", grams = 30 } },
    };

    private static object Recipe(Ids ids, string? id) => new
    {
        id, name = "Fuzz porridge", servings = 2, method = "Cook.",
        ingredients = new object[] { new { foodId = "F006143", grams = 80.5 }, new { foodId = ids.FoodId, grams = 60 } },
    };

    private static object SessionType() => new
    {
        name = "Fuzz session", durationMinutes = 45, bufferMinutes = 15, mode = "online", onlineLink = "https://meet.example.com/fuzz", location = "Gym",
        minNoticeHours = 12, cancellationWindowHours = 24, requiresApproval = true,
    };

    /// <summary>A start on the quarter hour some days ahead (a PT may book any such start).</summary>
    private static DateTimeOffset FuzzStart(int days) => new(DateTime.UtcNow.Date.AddDays(days).AddHours(9), TimeSpan.Zero);

    private static object TargetInputs() => new
    {
        sex = "female", dateOfBirth = new DateOnly(1990, 5, 17), heightCm = 168.5, weightKg = 64.2, bodyFatPercent = 24, activityLevel = "moderate",
        goal = "cut", rateKgPerWeek = -0.25, proteinGPerKg = 1.8, fatPercent = 30,
    };

    private static object CheckInTemplate() => new
    {
        name = "Fuzz check-in",
        questions = new object[]
        {
            new { id = "mood", type = "scale", text = "Mood", required = true },
            new { id = "food", type = "choice", text = "Food", choices = new[] { "Good", "Bad" }, required = false },
            new { id = "sleep", type = "number", text = "Sleep", unit = "h", required = false },
            new { id = "note", type = "long-text", text = "Notes", required = false },
        },
    };

    private static object CheckInAnswers() => new
    {
        answers = new object[] { new { questionId = "mood", number = 7 }, new { questionId = "food", choice = "Good" }, new { questionId = "sleep", number = 7.5 }, new { questionId = "note", text = "n" } },
    };

    private static object Measurement(Ids ids) => new
    {
        id = Guid.NewGuid().ToString(), measuredOn = ids.Monday, weightKg = 80.5, bodyFatPercent = 18, armCm = 35, chestCm = 100, waistCm = 85, hipsCm = 95,
        thighCm = 55, calfCm = 38, skinfoldsMm = new { triceps = 12, chest = 8.5 }, notes = "n",
    };

    /// <summary>Routes that end sessions run last, so they do not sign the fuzzer out of the rest.</summary>
    private static readonly string[] RunLast = ["ChangePassword", "Logout", "LogoutEverywhere", "RemoveClient", "DeleteProgram", "DeleteExercise", "RemoveClientCheckIn", "DeleteCheckInTemplate", "DeleteMealPlan", "DeleteRecipe", "DeleteCustomFood", "DeleteSessionType"];

    public sealed record Ids(string PtEmail, string PtToken, string ClientToken, string ClientId, string TrainerId, string ProgramId, string TemplateId,
        string EntryId, string ExerciseId, string LogId, DateOnly Monday, DateOnly Start, string MeasurementId = "", string MetricId = "", string ValueId = "",
        string CheckInTemplateId = "", string CheckInId = "", string HabitId = "", string NotificationId = "",
        string MealPlanId = "", string MealId = "", string MealItemId = "", string FoodId = "", string RecipeId = "", string SessionTypeId = "", string BookingId = "")
    {
        public string Path(string route) => "/api/" + RouteParameter().Replace(route, m => m.Groups[1].Value switch
        {
            "clientId" => ClientId, "exerciseId" => ExerciseId, "trainerId" => TrainerId, "logId" => LogId,
            "measurementId" => MeasurementId, "metricId" => MetricId, "valueId" => ValueId,
            "templateId" => CheckInTemplateId, "checkInId" => CheckInId,
            "habitId" => HabitId, "notificationId" => NotificationId,
            "mealPlanId" => MealPlanId, "mealId" => MealId, "itemId" => MealItemId, "date" => DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd"),
            "foodId" => route.Contains("servings") ? "F003729" : FoodId, "recipeId" => RecipeId,
            "sessionTypeId" => SessionTypeId, "bookingId" => BookingId, "token" => "no-such-feed-token-0123456789",
            "programId" => route.Contains("assign") ? TemplateId : ProgramId,
            "capturedOn" => Monday.ToString("yyyy-MM-dd"), "uploadId" => "no-such-upload", "imageId" => "no-such-image",
            var other => throw new InvalidOperationException($"No id for {{{other}}}"),
        });

        public string? Token(Access access) => access switch { Access.Anonymous => null, Access.Client => ClientToken, _ => PtToken };
    }

    private async Task<Ids> ArrangeAsync()
    {
        var pt = await _api.RegisterTrainerAsync("Fuzz Owner");
        var client = await _api.OnboardClientAsync(pt, host.Mailbox);
        var monday = TrainingSetup.Last(DayOfWeek.Monday);
        var program = await TrainingSetup.CreateAsync(_api, pt, client.Id, start: monday.AddDays(-7));
        var template = await TrainingSetup.CreateAsync(_api, pt, null, "Fuzz template");
        var entry = program.Days.Single(d => d.DayOfWeek == 1).Exercises[0];
        var exercise = await ApiClient.ReadAsync<ExerciseDto>(await _api.PostAsync("/api/exercises", new { name = "Fuzz own", category = "strength", primaryMuscles = new[] { "chest" } }, pt.Token), HttpStatusCode.Created);
        var log = await ApiClient.ReadAsync<Contracts.Training.LogSetResponse>(await _api.PostAsync("/api/logs", new
        {
            id = Guid.NewGuid().ToString(), programId = program.Id, programExerciseId = entry.Id, exerciseId = entry.ExerciseId, setNumber = 1, weightKg = 50, reps = 5, workoutDate = monday,
        }, client.Token), HttpStatusCode.Created);
        var measurement = await ApiClient.ReadAsync<Contracts.Progress.Measurement>(await _api.PostAsync("/api/progress/measurements", new { id = Guid.NewGuid().ToString(), measuredOn = monday, weightKg = 80 }, client.Token), HttpStatusCode.Created);
        var metric = await ApiClient.ReadAsync<Contracts.Progress.Metric>(await _api.PostAsync($"/api/clients/{client.Id}/progress/metrics", new { name = "Fuzz sleep", unit = "h", direction = "higher" }, pt.Token), HttpStatusCode.Created);
        var value = await ApiClient.ReadAsync<Contracts.Progress.MetricValue>(await _api.PostAsync($"/api/progress/metrics/{metric.Id}/values", new { id = Guid.NewGuid().ToString(), measuredOn = monday, value = 7.5 }, client.Token), HttpStatusCode.Created);
        var habit = await ApiClient.ReadAsync<Contracts.Engagement.Habit>(await _api.PostAsync($"/api/clients/{client.Id}/habits", new { title = "Fuzz habit" }, pt.Token), HttpStatusCode.Created);
        var checkInTemplate = await ApiClient.ReadAsync<Contracts.Engagement.CheckInTemplate>(await _api.PostAsync("/api/check-in-templates", CheckInTemplate(), pt.Token), HttpStatusCode.Created);
        var schedule = await ApiClient.ReadAsync<Contracts.Engagement.CheckInSchedule>(await _api.PutAsync($"/api/clients/{client.Id}/check-in-schedule",
            new { templateId = checkInTemplate.Id, dayOfWeek = 3, localTime = "18:30" }, pt.Token));
        var food = await ApiClient.ReadAsync<Contracts.Nutrition.Food>(await _api.PostAsync("/api/foods/custom", CustomFood(null), pt.Token), HttpStatusCode.Created);
        var recipe = await ApiClient.ReadAsync<Contracts.Nutrition.Recipe>(await _api.PostAsync("/api/recipes", new { name = "Fuzz recipe", ingredients = new[] { new { foodId = food.Id, grams = 100 } } }, pt.Token), HttpStatusCode.Created);
        var mealPlan = await ApiClient.ReadAsync<Contracts.Nutrition.MealPlanDto>(await _api.PostAsync("/api/meal-plans", new
        {
            name = "Fuzz meals", clientId = client.Id, startDate = monday.AddDays(-7), rotation = "single",
            days = new[] { new { meals = new[] { new { type = "breakfast", items = new[] { new { foodId = "F003729", grams = 100.0, alternatives = new[] { new { foodId = "F005634" } } } } } } } },
        }, pt.Token), HttpStatusCode.Created);
        var meal = mealPlan.Days[0].Meals[0];
        var sessionType = await ApiClient.ReadAsync<Contracts.Bookings.SessionType>(await _api.PostAsync("/api/session-types", SessionType(), pt.Token), HttpStatusCode.Created);
        var booking = await ApiClient.ReadAsync<Contracts.Bookings.Booking>(await _api.PostAsync("/api/bookings",
            new { sessionTypeId = sessionType.Id, clientId = client.Id, startsAt = FuzzStart(30) }, pt.Token), HttpStatusCode.Created);
        return new Ids(pt.Email, pt.Token, client.Token, client.Id, pt.Id, program.Id, template.Id, entry.Id!, exercise.Id, log.Log.Id, monday, monday.AddDays(-7),
            measurement.Id, metric.Id, value.Id, checkInTemplate.Id, schedule.NextDueOn.ToString("yyyy-MM-dd"), habit.Id, Guid.NewGuid().ToString("N"),
            mealPlan.Id, meal.Id!, meal.Items[0].Id!, food.Id, recipe.Id, sessionType.Id, booking.Id);
    }

    private static IEnumerable<FunctionMetadata.Entry> Routes() =>
        FunctionMetadata.Http.OrderBy(e => Array.IndexOf(RunLast, e.Name)).ThenBy(e => e.Name, StringComparer.Ordinal);

    [Fact]
    public async Task Bad_bodies_on_every_route_are_4xx_that_write_nothing()
    {
        var ids = await ArrangeAsync();
        var routes = Routes().Where(r => r.Operation.Request is not null).ToList();
        Assert.Empty(routes.Select(r => r.Name).Except(Samples.Keys));
        var before = await StorageSnapshot.TakeAsync(host.Services);
        var sent = 0;
        foreach (var route in routes)
        {
            var sample = JsonSerializer.SerializeToNode(Samples[route.Name](ids), ApiClient.Json)!;
            foreach (var method in route.Methods)
                foreach (var (what, body) in Mutations(sample))
                {
                    if (Accepts(route.Operation.Request!, body)) continue; // a mutation the contract allows is for the next test
                    var response = await _api.SendAsync(new HttpMethod(method), ids.Path(route.Route), ids.Token(route.Operation.Access), rawJson: body);
                    var text = await response.Content.ReadAsStringAsync();
                    Assert.True((int)response.StatusCode is >= 400 and < 500, $"{method} {route.Route} with {what}: {(int)response.StatusCode} {text}\n{body}");
                    sent++;
                }
        }
        output.WriteLine($"{sent} refused bodies on {routes.Count} routes");
        Assert.True(sent > 500, $"only {sent} bad bodies");
        Assert.Equal(before, await StorageSnapshot.TakeAsync(host.Services));
    }

    [Fact]
    public async Task Extreme_but_valid_values_never_answer_5xx()
    {
        var ids = await ArrangeAsync();
        var sent = 0;
        foreach (var route in Routes().Where(r => r.Operation.Request is not null))
        {
            var sample = JsonSerializer.SerializeToNode(Samples[route.Name](ids), ApiClient.Json)!;
            foreach (var method in route.Methods)
                foreach (var (what, body) in Extremes(sample, route.Operation.Request!))
                {
                    var response = await _api.SendAsync(new HttpMethod(method), ids.Path(route.Route), ids.Token(route.Operation.Access), rawJson: body);
                    Assert.True((int)response.StatusCode < 500, $"{method} {route.Route} with {what}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                    sent++;
                }
        }
        output.WriteLine($"{sent} extreme valid bodies");
        Assert.True(sent > 100);
    }

    [Fact]
    public async Task Malformed_headers_odd_ids_and_query_strings_never_answer_5xx()
    {
        var ids = await ArrangeAsync();
        string[] ifMatch = ["abc", "\"a\", \"b\"", "W/", "\"\"", new string('"', 3000), "*", "\"stale\"", "W/\"datetime'2001-01-01T00%3A00%3A00Z'\""];
        string[] authorization = ["Bearer", "Bearer ", "Basic Zm9vOmJhcg==", "Bearer a.b.c", "Bearer " + new string('x', 5000), "bearer " + ids.PtToken, "Bearer " + ids.PtToken + " extra", "Bearer " + ids.PtToken[..^2]];
        string[] contentType = ["application/json; charset=utf-16", "application/json;;;", "text/plain", "application/json-patch+json", "multipart/form-data; boundary=x", "application/json; charset=nonsense", "*/*", "application/merge-patch+json"];
        string[] oddIds = ["%2F", "%23x", "x%3Fy", new string('a', 2000), "%E2%9C%93", "..", "%00", "prog%7Cx", "x'y", "log%7C"];
        string[] queries = ["limit=-1", "limit=0", "limit=101", "limit=abc", "limit=1e3", "limit=1&limit=2", "cursor=%%%", "cursor=" + new string('A', 3000), "date=9999-12-31", "date=2026-02-30",
            "from=2026-01-02&to=2026-01-01", "to=0001-01-01", "templates=maybe", "q=" + new string('x', 500), "muscle=wings", "source=%00", "token=" + new string('t', 300)];
        var sent = 0;
        async Task SendAsync(string method, string path, string? body, Action<HttpRequestMessage> headers, string what)
        {
            var request = new HttpRequestMessage(new HttpMethod(method), path);
            if (body is not null) request.Content = new StringContent(body, Encoding.UTF8, "application/json");
            headers(request);
            var response = await _api.Http.SendAsync(request);
            Assert.True((int)response.StatusCode < 500, $"{method} {path} with {what}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            sent++;
        }
        foreach (var route in Routes())
        {
            var body = Samples.TryGetValue(route.Name, out var sample) ? JsonSerializer.Serialize(sample(ids), ApiClient.Json) : null;
            var token = ids.Token(route.Operation.Access) ?? ids.PtToken;
            foreach (var method in route.Methods)
            {
                var path = ids.Path(route.Route);
                foreach (var tag in ifMatch)
                    await SendAsync(method, path, body, r => { r.Headers.Authorization = new("Bearer", token); r.Headers.TryAddWithoutValidation("If-Match", tag); }, $"If-Match {tag[..Math.Min(20, tag.Length)]}");
                foreach (var auth in authorization)
                    await SendAsync(method, path, body, r => r.Headers.TryAddWithoutValidation("Authorization", auth), $"Authorization {auth[..Math.Min(20, auth.Length)]}");
                if (body is not null)
                    foreach (var type in contentType)
                        await SendAsync(method, path, body, r => { r.Headers.Authorization = new("Bearer", token); r.Content!.Headers.Remove("Content-Type"); r.Content.Headers.TryAddWithoutValidation("Content-Type", type); }, $"Content-Type {type}");
                foreach (var id in oddIds)
                    if (RouteParameter().IsMatch(route.Route))
                        await SendAsync(method, "/api/" + RouteParameter().Replace(route.Route, id), body, r => r.Headers.Authorization = new("Bearer", token), $"id {id[..Math.Min(20, id.Length)]}");
                foreach (var query in queries)
                    await SendAsync(method, path + "?" + query, body, r => r.Headers.Authorization = new("Bearer", token), $"query {query[..Math.Min(30, query.Length)]}");
            }
        }
        output.WriteLine($"{sent} requests with odd headers, ids and queries");
        Assert.True(sent > 1000);
        Assert.Equal(HttpStatusCode.OK, (await _api.GetAsync("/api/health")).StatusCode);
    }

    /// <summary>Every leaf and list of a valid body, broken in the ways callers break them.</summary>
    private static IEnumerable<(string What, string Body)> Mutations(JsonNode sample)
    {
        foreach (var (path, node) in Walk(sample, "$"))
        {
            var replacements = new List<(string, JsonNode?)> { ("null", null), ("an object", new JsonObject()), ("true", JsonValue.Create(true)) };
            switch (node)
            {
                case JsonArray array:
                    replacements.Add(("[null]", new JsonArray((JsonNode?)null)));
                    replacements.Add(("a trailing null", new JsonArray(array.Select(x => x?.DeepClone()).Append(null).ToArray())));
                    replacements.Add(("a nested list", new JsonArray(new JsonArray())));
                    replacements.Add(("a string", JsonValue.Create("x")));
                    break;
                case JsonValue value when value.TryGetValue<string>(out var text):
                    replacements.Add(("a number", JsonValue.Create(12)));
                    replacements.Add(("5,000 characters", JsonValue.Create(new string('é', 5000))));
                    replacements.Add(("a NUL", JsonValue.Create("a\u0000b")));
                    replacements.Add(("an escape sequence", JsonValue.Create("\u001b[31mred")));
                    if (DateLike().IsMatch(text))
                        foreach (var date in new[] { "0001-01-01", "9999-12-31", "2026-02-30", "", "1999-12-31", "2100-01-01", "26-1-1" })
                            replacements.Add(($"date {date}", JsonValue.Create(date)));
                    break;
                case JsonValue value when value.TryGetValue<double>(out _):
                    foreach (var n in new JsonNode?[] { JsonValue.Create(-1_000_000_000), JsonValue.Create(1e308), JsonValue.Create(2.5), JsonValue.Create("5"), JsonValue.Create(-0.0001), JsonValue.Create(long.MaxValue) })
                        replacements.Add(($"number {n!.ToJsonString()}", n));
                    break;
                case JsonObject:
                    replacements.Add(("a list", new JsonArray()));
                    replacements.Add(("an unknown field", new JsonObject { ["isAdmin"] = true }));
                    break;
            }
            foreach (var (what, replacement) in replacements)
                yield return ($"{path} = {what}", path == "$" ? replacement?.ToJsonString() ?? "null" : Replace(sample, path, replacement).ToJsonString());
        }
        yield return ("an unknown top-level field", Replace(sample, "$.role", JsonValue.Create("admin")).ToJsonString());
    }

    /// <summary>Valid bodies at the edges: the longest strings the contract allows in other scripts, edge dates, unusual emails.</summary>
    private static IEnumerable<(string What, string Body)> Extremes(JsonNode sample, Type contract)
    {
        string[] scripts = ["Приседания с паузой, ", "深蹲暂停训练计划，", "تمرين القرفصاء ", "🏋️‍♀️💪🔥", "Ünïcødé ñame "];
        foreach (var script in scripts)
        {
            var body = sample.DeepClone();
            foreach (var (path, node) in Walk(body, "$").ToList())
            {
                if (node is not JsonValue value || !value.TryGetValue<string>(out var text) || DateLike().IsMatch(text)) continue;
                // Grow the text to the longest the contract accepts (halving on refusal); keep the original where no text is allowed.
                var accepted = LongestAccepted(contract, body, path, script);
                if (accepted is not null) body = accepted;
            }
            yield return ($"longest {script.Trim()} strings", body.ToJsonString());
        }
        foreach (var email in new[] { "a/b+{0}@example.com", "x#y?{0}@example.com", "o'brien.{0}@sub.example.co.uk", "\"quoted {0}\"@example.com", "{0}@bücher.example.de" })
        {
            var body = sample.DeepClone();
            var changed = false;
            foreach (var (path, node) in Walk(body, "$").ToList())
                if (path.EndsWith(".email", StringComparison.Ordinal)) { body = Replace(body, path, JsonValue.Create(string.Format(email, Guid.NewGuid().ToString("N")[..8]))); changed = true; }
            if (changed) yield return ($"email {email}", body.ToJsonString());
        }
        foreach (var date in new[] { DateWindow.Earliest, DateWindow.Latest })
        {
            var body = sample.DeepClone();
            var changed = false;
            foreach (var (path, node) in Walk(body, "$").ToList())
                if (node is JsonValue v && v.TryGetValue<string>(out var text) && DateLike().IsMatch(text)) { body = Replace(body, path, JsonValue.Create(date.ToString("yyyy-MM-dd"))); changed = true; }
            if (changed) yield return ($"dates {date}", body.ToJsonString());
        }
    }

    private static JsonNode? LongestAccepted(Type contract, JsonNode body, string path, string script)
    {
        for (var length = 5000; length >= 1; length /= 2)
        {
            var candidate = Replace(body, path, JsonValue.Create(Fill(script, length)));
            if (Accepts(contract, candidate.ToJsonString()))
            {
                // Then up, one step at a time in bigger strides, to the exact limit.
                var best = length;
                for (var step = Math.Max(1, length / 2); step >= 1; step /= 2)
                    while (best + step <= 5000 && Accepts(contract, Replace(body, path, JsonValue.Create(Fill(script, best + step))).ToJsonString())) best += step;
                return Replace(body, path, JsonValue.Create(Fill(script, best)));
            }
        }
        return null;
    }

    private static string Fill(string script, int length)
    {
        var text = string.Concat(Enumerable.Repeat(script, length / script.Length + 2))[..length];
        return char.IsHighSurrogate(text[^1]) ? text[..^1] + "!" : text;
    }

    /// <summary>What the API would accept: the same JSON options and the same contract validation.</summary>
    private static bool Accepts(Type contract, string json)
    {
        try
        {
            var value = JsonSerializer.Deserialize(json, contract, FitPilotJson.Options);
            return value is not null && ContractValidator.Validate(value).Count == 0;
        }
        catch (JsonException) { return false; }
    }

    private static IEnumerable<(string Path, JsonNode Node)> Walk(JsonNode node, string path)
    {
        yield return (path, node);
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, child) in obj.ToList())
                    if (child is not null) foreach (var x in Walk(child, $"{path}.{name}")) yield return x;
                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                    if (array[i] is { } child) foreach (var x in Walk(child, $"{path}[{i}]")) yield return x;
                break;
        }
    }

    /// <summary>A copy of <paramref name="root"/> with the node at <paramref name="path"/> replaced (or added, for a new member).</summary>
    private static JsonNode Replace(JsonNode root, string path, JsonNode? replacement)
    {
        var copy = root.DeepClone();
        var steps = PathStep().Matches(path[1..]).Select(m => m.Value).ToList();
        var parent = copy;
        foreach (var step in steps.SkipLast(1))
            parent = step.StartsWith('[') ? parent[int.Parse(step[1..^1])]! : parent[step[1..]]!;
        var last = steps[^1];
        if (last.StartsWith('[')) parent[int.Parse(last[1..^1])] = replacement?.DeepClone();
        else parent[last[1..]] = replacement?.DeepClone();
        return copy;
    }

    [GeneratedRegex(@"\{(\w+)\}")]
    private static partial Regex RouteParameter();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}$")]
    private static partial Regex DateLike();

    [GeneratedRegex(@"\.[^.\[]+|\[\d+\]")]
    private static partial Regex PathStep();
}
