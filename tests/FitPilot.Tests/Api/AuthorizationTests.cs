using System.Net;
using Microsoft.Extensions.DependencyInjection;
using System.Text.RegularExpressions;
using FitPilot.Contracts.Exercises;
using FitPilot.Functions.OpenApi;
using FitPilot.Functions.Http;
using FitPilot.Tests.Infrastructure;

namespace FitPilot.Tests.Api;

/// <summary>Holds every HTTP function in functions.metadata to its declared access, and tenants apart.</summary>
[Collection(HostCollection.Name)]
public sealed partial class AuthorizationTests(HostFixture host)
{
    private readonly ApiClient _api = host.NewClient();

    /// <summary>The only routes that answer without a session. Adding one is a decision: change this list.</summary>
    private static readonly string[] AnonymousAllowList =
        ["RegisterTrainer", "Login", "Logout", "ForgotPassword", "ResetPassword", "GetInvitation", "AcceptInvitation", "GetOpenApiDocument", "GetHealth",
         "GetBillingPlans", "StripeWebhookReceived", // the landing page's prices; Stripe's webhook (its signature is its authentication)
         "CalendarFeedEvents"]; // a calendar app's subscription: the secret token in its URL is its authentication (unknown token: 404)

    [Fact]
    public void Only_the_allow_list_is_anonymous()
    {
        var anonymous = FunctionMetadata.Http.Where(e => e.Operation.Access == Access.Anonymous).Select(e => e.Name).Order();
        Assert.Equal(AnonymousAllowList.Order(), anonymous);
    }

    [Fact]
    public async Task Every_function_refuses_anonymous_callers_with_401_unless_allow_listed_and_clients_get_403_on_PT_routes()
    {
        var pt = await _api.RegisterTrainerAsync();
        var client = await _api.OnboardClientAsync(pt, host.Mailbox);
        var checkedCount = 0;
        foreach (var function in FunctionMetadata.Http)
        {
            foreach (var method in function.Methods)
            {
                var path = "/api/" + RouteParameter().Replace(function.Route, "x" + Guid.NewGuid().ToString("N"));
                var anonymous = await _api.SendAsync(new HttpMethod(method), path, rawJson: "{}");
                if (function.Operation.Access == Access.Anonymous)
                    Assert.True(anonymous.StatusCode != HttpStatusCode.Unauthorized || function.Name == "Login", $"{function.Name} is anonymous but answered 401");
                else
                    await ApiClient.ProblemAsync(anonymous, HttpStatusCode.Unauthorized);

                if (function.Operation.Access == Access.Trainer)
                    await ApiClient.ProblemAsync(await _api.SendAsync(new HttpMethod(method), path, client.Token, rawJson: "{}"), HttpStatusCode.Forbidden);
                if (function.Operation.Access == Access.Client)
                    await ApiClient.ProblemAsync(await _api.SendAsync(new HttpMethod(method), path, pt.Token, rawJson: "{}"), HttpStatusCode.Forbidden);
                checkedCount++;
            }
        }
        Assert.True(checkedCount >= 25, $"only {checkedCount} routes checked");
    }

    [Fact]
    public async Task A_PT_reaching_for_another_PTs_client_exercise_or_picture_gets_404_and_changes_nothing()
    {
        var owner = await _api.RegisterTrainerAsync();
        var intruder = await _api.RegisterTrainerAsync();
        var ownersClient = await _api.OnboardClientAsync(owner, host.Mailbox);
        var invitedOnly = await _api.InviteAsync(owner, ApiClient.UniqueEmail("pending"));
        var exercise = await ApiClient.ReadAsync<ExerciseDto>(await _api.PostAsync("/api/exercises", new
        {
            name = "Owner Only", category = "strength", primaryMuscles = new[] { "chest" },
        }, owner.Token), HttpStatusCode.Created);
        var template = await Infrastructure.TrainingSetup.CreateAsync(_api, owner, null);
        var checkInTemplate = await ApiClient.ReadAsync<Contracts.Engagement.CheckInTemplate>(await _api.PostAsync("/api/check-in-templates",
            new { name = "Owner's check-in", questions = new[] { new { id = "mood", type = "scale", text = "Mood" } } }, owner.Token), HttpStatusCode.Created);
        var habit = await ApiClient.ReadAsync<Contracts.Engagement.Habit>(await _api.PostAsync($"/api/clients/{ownersClient.Id}/habits", new { title = "Owner's habit" }, owner.Token), HttpStatusCode.Created);
        // A notification of the owner's: the intruder cannot mark it read.
        await host.Services.GetRequiredService<Functions.Notifications.NotificationService>().HandleAsync(
            new Functions.CheckIns.CheckInSubmitted(owner.Id, ownersClient.Id, "Client", "ci-owner", DateOnly.FromDateTime(DateTime.UtcNow), false), default);
        var notificationId = Functions.Notifications.NotificationService.IdFor("check-in-submitted|ci-owner");
        var mealPlan = await ApiClient.ReadAsync<Contracts.Nutrition.MealPlanDto>(await _api.PostAsync("/api/meal-plans", new
        {
            name = "Owner's meals", clientId = ownersClient.Id, rotation = "single",
            days = new[] { new { meals = new[] { new { type = "lunch", items = new[] { new { foodId = "F007661", grams = 150.0 } } } } } },
        }, owner.Token), HttpStatusCode.Created);
        var food = await ApiClient.ReadAsync<Contracts.Nutrition.Food>(await _api.PostAsync("/api/foods/custom", Foods.FoodTests.ProteinBar(), owner.Token), HttpStatusCode.Created);
        var recipe = await ApiClient.ReadAsync<Contracts.Nutrition.Recipe>(await _api.PostAsync("/api/recipes", Foods.FoodTests.Porridge(food.Id), owner.Token), HttpStatusCode.Created);
        var sessionType = await ApiClient.ReadAsync<Contracts.Bookings.SessionType>(await _api.PostAsync("/api/session-types",
            new { name = "Owner's PT session", durationMinutes = 60, mode = "in-person" }, owner.Token), HttpStatusCode.Created);
        var booking = await ApiClient.ReadAsync<Contracts.Bookings.Booking>(await _api.PostAsync("/api/bookings", new
        {
            sessionTypeId = sessionType.Id, clientId = ownersClient.Id, startsAt = new DateTimeOffset(DateTime.UtcNow.Date.AddDays(3).AddHours(10), TimeSpan.Zero),
        }, owner.Token), HttpStatusCode.Created);
        var bodies = new Dictionary<string, object>
        {
            ["UpdateClient"] = new { name = "Hijacked" },
            ["UpdateSessionType"] = new { name = "Hijacked", durationMinutes = 30, mode = "in-person" },
            ["RescheduleBooking"] = new { startsAt = new DateTimeOffset(DateTime.UtcNow.Date.AddDays(4).AddHours(10), TimeSpan.Zero) },
            ["UpdateExercise"] = new { name = "Hijacked", category = "strength", primaryMuscles = new[] { "chest" } },
            ["UpdateProgram"] = new { name = "Hijacked", isTemplate = true, days = Array.Empty<object>() },
            ["DuplicateProgram"] = new { name = "Stolen copy" },
            ["AssignTemplate"] = new { clientIds = new[] { ownersClient.Id } },
            ["PushBackProgram"] = new { days = 3 },
            ["SaveClientMeasurement"] = new { id = Guid.NewGuid().ToString(), measuredOn = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1), weightKg = 80 },
            ["CreateClientMetric"] = new { name = "Hijacked", unit = "x", direction = "higher" },
            ["UpdateClientMetric"] = new { name = "Hijacked", unit = "x", direction = "higher" },
            ["LogClientMetricValue"] = new { id = Guid.NewGuid().ToString(), measuredOn = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1), value = 1 },
            ["UpdateCheckInTemplate"] = new { name = "Hijacked", questions = new[] { new { id = "q", type = "yes-no", text = "Q" } } },
            ["AssignClientCheckIn"] = new { templateId = checkInTemplate.Id, dayOfWeek = 1, localTime = "08:00" },
            ["ReviewClientCheckIn"] = new { responseText = "Hijacked" },
            ["CreateClientHabit"] = new { title = "Hijacked" },
            ["UpdateClientHabit"] = new { title = "Hijacked" },
            ["UpdateMealPlan"] = new { name = "Hijacked", isTemplate = true, rotation = "single" },
            ["DuplicateMealPlan"] = new { id = Guid.NewGuid().ToString(), name = "Stolen copy", asTemplate = true },
            ["AssignMealPlan"] = new { clientIds = new[] { ownersClient.Id }, startDate = DateOnly.FromDateTime(DateTime.UtcNow) },
            ["SaveFoodServings"] = new { servings = new[] { new { name = "Hijacked", grams = 10 } } },
            ["UpdateCustomFood"] = new { name = "Hijacked", basis = "per100g", nutrients = new { energyKj = 100 } },
            ["UpdateRecipe"] = new { name = "Hijacked", ingredients = new[] { new { foodId = "F003729", grams = 50 } } },
            ["SendMessage"] = new { id = Guid.NewGuid().ToString(), text = "Hijacked" },
            ["MarkMessagesRead"] = new { upToMessageId = Guid.NewGuid().ToString() },
            ["SaveClientNutritionTargets"] = new { inputs = new { sex = "male", dateOfBirth = new DateOnly(1990, 1, 1), heightCm = 180, weightKg = 80, activityLevel = "light", goal = "maintain" } },
        };
        var ids = new Dictionary<string, string>
        {
            ["clientId"] = ownersClient.Id, ["exerciseId"] = exercise.Id, ["trainerId"] = owner.Id, ["programId"] = template.Id,
            ["measurementId"] = Guid.NewGuid().ToString(), ["metricId"] = Guid.NewGuid().ToString("N"), ["valueId"] = Guid.NewGuid().ToString(),
            ["capturedOn"] = DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-dd"),
            ["templateId"] = checkInTemplate.Id, ["checkInId"] = DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-dd"),
            ["habitId"] = habit.Id, ["notificationId"] = notificationId, ["mealPlanId"] = mealPlan.Id,
            ["habitId"] = habit.Id, ["notificationId"] = notificationId, ["foodId"] = food.Id, ["recipeId"] = recipe.Id,
            ["sessionTypeId"] = sessionType.Id, ["bookingId"] = booking.Id, ["imageId"] = Guid.NewGuid().ToString("N"),
        };

        // PT routes that name another tenant's resource (client-only routes are checked with clients below).
        var routesWithIds = FunctionMetadata.Http.Where(e => RouteParameter().IsMatch(e.Route) && e.Operation.Access is Access.Trainer or Access.SignedIn).ToList();
        Assert.Contains(routesWithIds, e => e.Route.Contains("{clientId}"));
        Assert.Contains(routesWithIds, e => e.Route.Contains("{exerciseId}"));
        foreach (var function in routesWithIds)
        {
            foreach (var method in function.Methods)
            {
                var path = "/api/" + RouteParameter().Replace(function.Route, m => ids[m.Groups[1].Value]);
                var response = await _api.SendAsync(new HttpMethod(method), path, intruder.Token, body: bodies.GetValueOrDefault(function.Name));
                await ApiClient.ProblemAsync(response, HttpStatusCode.NotFound);
            }
        }
        // The pending invitation of the owner cannot be revoked or re-sent by the intruder either.
        await ApiClient.ProblemAsync(await _api.DeleteAsync($"/api/clients/{invitedOnly.Id}/invitation", intruder.Token), HttpStatusCode.NotFound);

        // Everything is still there for the owner.
        Assert.Equal(HttpStatusCode.OK, (await _api.GetAsync($"/api/clients/{ownersClient.Id}", owner.Token)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _api.GetAsync($"/api/clients/{invitedOnly.Id}", owner.Token)).StatusCode);
        Assert.Equal("Owner Only", (await ApiClient.ReadAsync<ExerciseDto>(await _api.GetAsync($"/api/exercises/{exercise.Id}", owner.Token))).Name);
        var templateNow = await ApiClient.ReadAsync<Contracts.Programs.ProgramDto>(await _api.GetAsync($"/api/programs/{template.Id}", owner.Token));
        Assert.Equal(template.Name, templateNow.Name);
        Assert.Single(await ApiClient.ReadAsync<List<Contracts.Programs.ProgramSummary>>(await _api.GetAsync("/api/programs", owner.Token)));
        Assert.Equal(HttpStatusCode.OK, (await _api.GetAsync("/api/me", ownersClient.Token)).StatusCode);
        Assert.Equal("Owner's habit", Assert.Single(await ApiClient.ReadAsync<List<Contracts.Engagement.HabitProgress>>(await _api.GetAsync($"/api/clients/{ownersClient.Id}/habits", owner.Token))).Habit.Title);
        Assert.Equal(1, (await ApiClient.ReadAsync<Contracts.Engagement.UnreadCount>(await _api.GetAsync("/api/notifications/unread-count", owner.Token))).Unread);
        var mealPlanNow = await ApiClient.ReadAsync<Contracts.Nutrition.MealPlanDto>(await _api.GetAsync($"/api/meal-plans/{mealPlan.Id}", owner.Token));
        Assert.Equal(("Owner's meals", Contracts.Nutrition.MealPlanStatuses.Active), (mealPlanNow.Name, mealPlanNow.Status));
        Assert.Single(await ApiClient.ReadAsync<List<Contracts.Nutrition.MealPlanSummary>>(await _api.GetAsync("/api/meal-plans", owner.Token)));
        Assert.Equal(food.Name, (await ApiClient.ReadAsync<Contracts.Nutrition.Food>(await _api.GetAsync($"/api/foods/{food.Id}", owner.Token))).Name);
        Assert.Equal(recipe.Name, (await ApiClient.ReadAsync<Contracts.Nutrition.Recipe>(await _api.GetAsync($"/api/recipes/{recipe.Id}", owner.Token))).Name);
        Assert.Single((await ApiClient.ReadAsync<Contracts.Nutrition.Food>(await _api.GetAsync("/api/foods/F003729", owner.Token))).Servings);
    }

    [Fact]
    public async Task The_insights_routes_answer_with_the_signed_in_PTs_own_weeks_only()
    {
        var owner = await _api.RegisterTrainerAsync();
        var intruder = await _api.RegisterTrainerAsync();
        await _api.OnboardClientAsync(owner, host.Mailbox);
        var routes = FunctionMetadata.Http.Where(e => e.Route.StartsWith("insights/", StringComparison.Ordinal)).Select(e => e.Route).Order().ToList();
        Assert.Equal(["insights/weekly", "insights/weekly.csv"], routes);
        await Eventually.HoldsAsync(async () => Assert.Equal(1, (await ApiClient.ReadAsync<Contracts.Reporting.WeeklyInsights>(
            await _api.GetAsync("/api/insights/weekly", owner.Token))).Weeks[^1].ActiveClients));
        // No route names a PT: the session decides, so the intruder's figures (and CSV) are their own empty weeks, whatever they ask.
        foreach (var path in new[] { "/api/insights/weekly", $"/api/insights/weekly?trainerId={owner.Id}" })
            Assert.All((await ApiClient.ReadAsync<Contracts.Reporting.WeeklyInsights>(await _api.GetAsync(path, intruder.Token))).Weeks, w => Assert.Equal(0, w.ActiveClients));
        var csv = await (await _api.GetAsync("/api/insights/weekly.csv", intruder.Token)).Content.ReadAsStringAsync();
        Assert.All(csv.TrimEnd().Split("\r\n").Skip(1), line => Assert.Equal("0", line.Split(',')[2]));
    }

    [Fact]
    public async Task A_client_cannot_reach_another_tenants_data()
    {
        var ptA = await _api.RegisterTrainerAsync();
        var ptB = await _api.RegisterTrainerAsync();
        var clientB = await _api.OnboardClientAsync(ptB, host.Mailbox);
        var exerciseA = await ApiClient.ReadAsync<ExerciseDto>(await _api.PostAsync("/api/exercises", new { name = "A's secret", category = "cardio", primaryMuscles = new[] { "calves" } }, ptA.Token), HttpStatusCode.Created);

        await ApiClient.ProblemAsync(await _api.GetAsync($"/api/exercises/{exerciseA.Id}", clientB.Token), HttpStatusCode.NotFound);
        await ApiClient.ProblemAsync(await _api.GetAsync($"/api/trainers/{ptA.Id}/profile-picture", clientB.Token), HttpStatusCode.NotFound);
        // A client's /me is theirs alone: the token decides, ids in the body are refused.
        await ApiClient.ProblemAsync(await _api.PutAsync("/api/me", new { name = "X", id = "someone-else" }, clientB.Token), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_client_reaching_for_another_clients_set_logs_gets_404()
    {
        var pt = await _api.RegisterTrainerAsync();
        var owner = await _api.OnboardClientAsync(pt, host.Mailbox);
        var sameCoach = await _api.OnboardClientAsync(pt, host.Mailbox);
        var program = await Infrastructure.TrainingSetup.CreateAsync(_api, pt, owner.Id);
        var entry = program.Days.Single(d => d.DayOfWeek == 1).Exercises[0];
        var log = await ApiClient.ReadAsync<Contracts.Training.LogSetResponse>(await _api.PostAsync("/api/logs", new
        {
            id = Guid.NewGuid().ToString(), programId = program.Id, programExerciseId = entry.Id, exerciseId = entry.ExerciseId, weightKg = 60, reps = 5,
        }, owner.Token), HttpStatusCode.Created);

        var clientRoutes = FunctionMetadata.Http.Where(e => e.Route.Contains("{logId}")).ToList();
        Assert.NotEmpty(clientRoutes);
        foreach (var function in clientRoutes)
            foreach (var method in function.Methods)
                await ApiClient.ProblemAsync(await _api.SendAsync(new HttpMethod(method), $"/api/logs/{log.Log.Id}", sameCoach.Token,
                    body: method == "PUT" ? new { weightKg = 1, reps = 1 } : null), HttpStatusCode.NotFound);
        // Logging against someone else's program is refused, and their history stays theirs.
        await ApiClient.ProblemAsync(await _api.PostAsync("/api/logs", new
        {
            id = Guid.NewGuid().ToString(), programId = program.Id, programExerciseId = entry.Id, exerciseId = entry.ExerciseId, weightKg = 60, reps = 5,
        }, sameCoach.Token), HttpStatusCode.BadRequest);
        var theirs = await ApiClient.ReadAsync<Contracts.Training.ExerciseHistory>(await _api.GetAsync($"/api/exercises/{entry.ExerciseId}/history", sameCoach.Token));
        Assert.Empty(theirs.Sets);
        var mine = await ApiClient.ReadAsync<Contracts.Training.ExerciseHistory>(await _api.GetAsync($"/api/exercises/{entry.ExerciseId}/history", owner.Token));
        Assert.Single(mine.Sets);
    }

    [GeneratedRegex(@"\{(\w+)\}")]
    private static partial Regex RouteParameter();
}
