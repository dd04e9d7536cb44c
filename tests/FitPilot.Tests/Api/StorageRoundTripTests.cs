using System.Net;
using Azure.Data.Tables;
using FitPilot.Contracts.Exercises;
using FitPilot.Functions.Storage;
using FitPilot.LocalHost;
using FitPilot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace FitPilot.Tests.Api;

/// <summary>
/// Storage round trips per endpoint, as counted by the Azure SDK pipeline policy and reported in the
/// X-Storage-Round-Trips header. Prints the table (and writes TestResults/benchmarks/storage-round-trips.md);
/// the hot reads are held to the architecture's ≤ 2.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class StorageRoundTripTests(HostFixture host, ITestOutputHelper output)
{
    private readonly ApiClient _api = host.NewClient();

    [Fact]
    public async Task Each_endpoint_reports_its_storage_round_trips_and_hot_reads_stay_at_two_or_fewer()
    {
        var trips = new RoundTripRecorder(output);
        var Measure = trips.Measure;

        var email = ApiClient.UniqueEmail("rt");
        await Measure("POST /api/auth/register", () => _api.PostAsync("/api/auth/register", new { name = "RT", email, password = "round-trip-pass" }));
        var login = await ApiClient.ReadAsync<Contracts.Auth.SessionResponse>(await Measure("POST /api/auth/login", () => _api.PostAsync("/api/auth/login", new { email, password = "round-trip-pass" })));
        var token = login.Token;
        await Measure("GET /api/me (first call: the session check reads the session row)", () => _api.GetAsync("/api/me", token));
        var me = await Measure("GET /api/me", () => _api.GetAsync("/api/me", token));
        await Measure("PUT /api/me", () => _api.PutAsync("/api/me", new { name = "RT Two" }, token));
        await Measure("GET /api/settings/notifications", () => _api.GetAsync("/api/settings/notifications", token));
        await Measure("PUT /api/settings/notifications", () => _api.PutAsync("/api/settings/notifications", new { emailOnNewMessage = true }, token));
        var list = await Measure("GET /api/exercises?q=press&muscle=chest", () => _api.GetAsync("/api/exercises?q=press&muscle=chest", token));
        await Measure("GET /api/exercises/{library id}", () => _api.GetAsync("/api/exercises/Barbell_Squat", token));
        var created = await ApiClient.ReadAsync<ExerciseDto>(await Measure("POST /api/exercises", () => _api.PostAsync("/api/exercises", new { name = "RT Press", category = "strength", primaryMuscles = new[] { "chest" } }, token)), HttpStatusCode.Created);
        await Measure("GET /api/exercises/{own id}", () => _api.GetAsync($"/api/exercises/{created.Id}", token));
        await Measure("PUT /api/exercises/{own id}", () => _api.PutAsync($"/api/exercises/{created.Id}", new { name = "RT Press 2", category = "strength", primaryMuscles = new[] { "chest" } }, token));
        await Measure("DELETE /api/exercises/{own id}", () => _api.DeleteAsync($"/api/exercises/{created.Id}", token));
        var foodSearch = await Measure("GET /api/foods?q=chicken breast", () => _api.GetAsync("/api/foods?q=chicken%20breast", token));
        await Measure("GET /api/foods/groups", () => _api.GetAsync("/api/foods/groups", token));
        await Measure("GET /api/foods/{catalogue id}", () => _api.GetAsync("/api/foods/F003729", token));
        await Measure("PUT /api/foods/{catalogue id}/servings", () => _api.PutAsync("/api/foods/F003729/servings", new { servings = new[] { new { name = "2 eggs", grams = 100 } } }, token));
        var food = await ApiClient.ReadAsync<Contracts.Nutrition.Food>(await Measure("POST /api/foods/custom", () => _api.PostAsync("/api/foods/custom", Foods.FoodTests.ProteinBar(), token)), HttpStatusCode.Created);
        await Measure("GET /api/foods/{own id}", () => _api.GetAsync($"/api/foods/{food.Id}", token));
        await Measure("PUT /api/foods/custom/{id}", () => _api.PutAsync($"/api/foods/custom/{food.Id}", Foods.FoodTests.ProteinBar(), token));
        var recipe = await ApiClient.ReadAsync<Contracts.Nutrition.Recipe>(await Measure("POST /api/recipes", () => _api.PostAsync("/api/recipes", Foods.FoodTests.Porridge(food.Id), token)), HttpStatusCode.Created);
        await Measure("GET /api/recipes/{id}", () => _api.GetAsync($"/api/recipes/{recipe.Id}", token));
        await Measure("PUT /api/recipes/{id}", () => _api.PutAsync($"/api/recipes/{recipe.Id}", Foods.FoodTests.Porridge(food.Id), token));
        var mine = await Measure("GET /api/foods/mine", () => _api.GetAsync("/api/foods/mine", token));
        await Measure("DELETE /api/recipes/{id}", () => _api.DeleteAsync($"/api/recipes/{recipe.Id}", token));
        await Measure("DELETE /api/foods/custom/{id}", () => _api.DeleteAsync($"/api/foods/custom/{food.Id}", token));
        var clientEmail = ApiClient.UniqueEmail("rtc");
        var invited = await ApiClient.ReadAsync<Contracts.Clients.ClientProfile>(await Measure("POST /api/clients (invite)", () => _api.PostAsync("/api/clients", new { name = "RT Client", email = clientEmail }, token)), HttpStatusCode.Created);
        await Measure("GET /api/clients", () => _api.GetAsync("/api/clients", token));
        await Measure("GET /api/clients/{id}", () => _api.GetAsync($"/api/clients/{invited.Id}", token));
        await Measure("PUT /api/clients/{id}", () => _api.PutAsync($"/api/clients/{invited.Id}", new { name = "RT Client 2" }, token));
        var first = Mailbox.TokenFrom(await host.Mailbox.WaitForAsync(clientEmail, "invited you"), "/accept-invitation");
        await Measure("POST /api/clients/{id}/invitation (re-invite)", () => _api.PostAsync($"/api/clients/{invited.Id}/invitation", null, token));
        string invitation;
        do invitation = Mailbox.TokenFrom(await host.Mailbox.WaitForAsync(clientEmail, "invited you"), "/accept-invitation");
        while (invitation == first);
        await Measure("GET /api/invitations?token=", () => _api.GetAsync("/api/invitations?token=" + Uri.EscapeDataString(invitation)));
        await Measure("POST /api/invitations/accept", () => _api.PostAsync("/api/invitations/accept", new { token = invitation, password = "client-pass-123" }));
        await Measure("DELETE /api/clients/{id} (remove with data)", () => _api.DeleteAsync($"/api/clients/{invited.Id}", token));
        await Measure("POST /api/auth/forgot-password", () => _api.PostAsync("/api/auth/forgot-password", new { email }));
        await Measure("PUT /api/settings/password", () => _api.PutAsync("/api/settings/password", new { currentPassword = "round-trip-pass", newPassword = "round-trip-pass-2" }, token));

        await trips.WriteAsync("storage-round-trips.md", "Accounts, exercises, clients and invitations");

        Assert.True(ApiClient.RoundTrips(me) <= 2, "GET /api/me");
        Assert.True(ApiClient.RoundTrips(list) <= 2, "GET /api/exercises");
        trips.AssertReadsAtMost(3);
        Assert.True(ApiClient.RoundTrips(foodSearch) <= 1, "GET /api/foods?q=: one read of the PT's partition; the catalogue is in memory");
        Assert.True(ApiClient.RoundTrips(mine) <= 1, "GET /api/foods/mine");
    }

    /// <summary>The cost model's counting: a count begun inside another adds to both, by price class; the host meters each execution.</summary>
    [Fact]
    public async Task A_count_inside_another_adds_to_both_by_price_class_and_the_host_meters_each_execution()
    {
        var storage = host.Services.GetRequiredService<StorageClients>();
        var outer = StorageRoundTrips.Begin();
        var inner = await InnerAsync(storage);
        await storage.Queue(StorageNames.EmailQueue).GetPropertiesAsync();
        Assert.Equal((3, 1, 1, 1, 0), (inner.Count, inner.Of(StorageRoundTrips.Operation.Table), inner.Of(StorageRoundTrips.Operation.BlobList),
            inner.Of(StorageRoundTrips.Operation.BlobRead), inner.Of(StorageRoundTrips.Operation.Queue)));
        Assert.Equal((4, 1, 1), (outer.Count, outer.Of(StorageRoundTrips.Operation.Table), outer.Of(StorageRoundTrips.Operation.Queue)));

        var meter = host.Services.GetRequiredService<FunctionMeter>();
        meter.Enabled = true;
        var mark = meter.Count;
        var health = await _api.GetAsync("/api/health");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        var execution = Assert.Single(meter.Since(mark), e => e.Function == "GetHealth");
        Assert.Equal(("Http", true), (execution.Trigger, execution.Succeeded));
        Assert.True(execution.Duration > TimeSpan.Zero);
        Assert.Equal(ApiClient.RoundTrips(health), execution.Storage.Values.Sum());
    }

    private static async Task<StorageRoundTrips.Counter> InnerAsync(StorageClients storage)
    {
        var counter = StorageRoundTrips.Begin();
        await storage.Table(StorageNames.TrainersTable).GetEntityIfExistsAsync<TableEntity>("nobody", "profile");
        await foreach (var _ in storage.Container(StorageNames.Photos).GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, "nobody/", default)) { }
        await storage.Container(StorageNames.Photos).GetBlobClient("nobody/none.jpg").ExistsAsync();
        return counter;
    }
}
