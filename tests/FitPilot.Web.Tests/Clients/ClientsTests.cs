using System.Net;
using FitPilot.Contracts.Common;
using FitPilot.Contracts.Programs;
using FitPilot.Contracts.Training;
using FitPilot.Web.Api;
using Microsoft.Extensions.DependencyInjection;

namespace FitPilot.Web.Tests.Clients;

public sealed class ClientsPageTests : BunitContext
{
    private static string Client(string id, string name, string status) =>
        $$"""{"id":"{{id}}","trainerId":"t","name":"{{name}}","email":"{{id}}@example.com","status":"{{status}}","age":null,"heightCm":null,"startingWeightKg":null,"currentWeightKg":null,"bodyFatPercentage":null,"phoneNumber":null,"profilePictureUrl":null,"invitedAt":null,"invitationExpiresAt":null,"joinedAt":null,"createdAt":"2026-11-01T00:00:00Z","updatedAt":"2026-11-01T00:00:00Z"}""";

    [Fact]
    public void Lists_clients_with_the_actions_their_status_allows_and_pages_on_demand()
    {
        var fake = new FakeApi()
            .On("GET", "/api/clients?limit=50", HttpStatusCode.OK, $$"""{"items":[{{Client("a", "Ava Active", "active")}},{{Client("i", "Ian Invited", "invited")}}],"nextCursor":"c2"}""")
            .On("GET", "/api/clients?limit=50&cursor=c2", HttpStatusCode.OK, $$"""{"items":[{{Client("z", "Zed Later", "active")}}],"nextCursor":null}""");
        Services.AddSingleton(new ApiClient(fake.Client())).AddFitPilotApi();
        var cut = Render<FitPilot.Web.Pages.Trainer.Clients>();

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=client-row]").Count));
        var rows = cut.FindAll("[data-testid=client-row]");
        Assert.Contains("Remove", rows[0].TextContent);
        Assert.DoesNotContain("Re-send invite", rows[0].TextContent);
        Assert.Contains("Re-send invite", rows[1].TextContent);
        Assert.Contains("Withdraw invite", rows[1].TextContent);

        cut.FindAll("button").Single(b => b.TextContent == "Show more").Click();
        cut.WaitForAssertion(() => Assert.Equal(3, cut.FindAll("[data-testid=client-row]").Count));
        Assert.DoesNotContain(cut.FindAll("button"), b => b.TextContent == "Show more");
    }

    [Fact]
    public void A_failed_load_offers_a_retry_that_works()
    {
        var fake = new FakeApi().Fail("GET", "/api/clients");
        Services.AddSingleton(new ApiClient(fake.Client())).AddFitPilotApi();
        var cut = Render<FitPilot.Web.Pages.Trainer.Clients>();
        cut.WaitForAssertion(() => Assert.Contains("Can't reach FitPilot.", cut.Markup));

        fake.On("GET", "/api/clients", HttpStatusCode.OK, $$"""{"items":[{{Client("a", "Ava Active", "active")}}],"nextCursor":null}""");
        cut.FindAll("button").Single(b => b.TextContent == "Try again").Click();
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=client-row]")));
    }
}

public sealed class ClientDetailTests : WebTest
{
    [Fact]
    public void Shows_the_client_with_their_adherence_programs_and_recent_sets_and_saves_the_profile()
    {
        var today = new DateOnly(2026, 11, 3);
        var client = new FitPilot.Contracts.Clients.ClientProfile("c/1", "t", "Sam Client", "sam@example.com", "active", 30, 180, 90, 85, null, null, null, null, null, null, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch);
        Api.On("GET", "/api/clients/c%2F1", HttpStatusCode.OK, FakeApi.Json(client))
            .On("GET", "/api/clients/c%2F1/adherence", HttpStatusCode.OK, FakeApi.Json(new Adherence(today.AddDays(-6), today, 4, 3, 75)))
            .On("GET", "/api/clients/c%2F1/logs", HttpStatusCode.OK, FakeApi.Json(new[] { new SetLog("l1", "p1", "pe1", "Barbell_Squat", "Barbell Squat", 1, 100, 5, 2, null, DateTimeOffset.UnixEpoch, today, 116.7) }))
            .On("GET", "/api/programs?clientId=c%2F1", HttpStatusCode.OK, FakeApi.Json(new[] { new ProgramSummary("p1", "Squat focus", "c/1", false, ProgramStatuses.Active, today, null, 3, DateTimeOffset.UnixEpoch) }))
            .On("PUT", "/api/clients/c%2F1", HttpStatusCode.OK, FakeApi.Json(client with { Age = 31 }));

        var cut = Render<FitPilot.Web.Pages.Trainer.ClientDetail>(ps => ps.Add(p => p.ClientId, "c/1"));

        cut.WaitForAssertion(() => Assert.Contains("75%", cut.Find("[data-testid=adherence]").TextContent));
        Assert.Contains("3 of 4 prescribed sessions", cut.Find("[data-testid=adherence]").TextContent);
        Assert.Contains("Squat focus", cut.Markup);
        Assert.Contains("Barbell Squat", cut.Find("[data-testid=logged-exercise]").TextContent);
        Assert.Equal("pt/programs/new?clientId=c%2F1", cut.FindAll("a").Single(a => a.TextContent.Trim() == "New program").GetAttribute("href"));

        cut.Find("#age").Change("31");
        cut.Find("form").Submit();
        cut.WaitForAssertion(() => Assert.Contains("Saved.", cut.Markup));
        Assert.Equal(31, Api.Sent.Single(r => r.Method == "PUT").Json.GetProperty("age").GetInt32());
    }
}
