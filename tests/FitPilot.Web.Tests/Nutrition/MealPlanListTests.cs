using System.Net;
using FitPilot.Contracts.Clients;
using FitPilot.Contracts.Common;
using FitPilot.Contracts.Nutrition;
using FitPilot.Web.Pages.Trainer.Nutrition;

namespace FitPilot.Web.Tests.Nutrition;

/// <summary>The PT's Nutrition page: plans and templates, filtered by kind, client and status.</summary>
public sealed class MealPlanListTests : WebTest
{
    [Fact]
    public void The_filters_ask_the_API_for_templates_or_a_clients_plans_and_hide_ended_plans_on_request()
    {
        var template = Summary("t1", "High protein", null, true, MealPlanStatuses.Active);
        var active = Summary("p1", "Sam cut", "c1", false, MealPlanStatuses.Active);
        var ended = Summary("p2", "Sam old", "c1", false, MealPlanStatuses.Ended);
        Api.On("GET", "/api/clients?limit=100", HttpStatusCode.OK, FakeApi.Json(new Page<ClientProfile>(
                [new("c1", "t", "Sam Client", "c1@example.com", ClientStatuses.Active, null, null, null, null, null, null, null, null, null, null, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch)], null)))
            .On("GET", "/api/meal-plans", HttpStatusCode.OK, FakeApi.Json(new[] { template, active, ended }))
            .On("GET", "/api/meal-plans?templates=true", HttpStatusCode.OK, FakeApi.Json(new[] { template }))
            .On("GET", "/api/meal-plans?clientId=c1&templates=false", HttpStatusCode.OK, FakeApi.Json(new[] { active, ended }));
        var cut = Render<MealPlanList>();
        cut.WaitForAssertion(() => Assert.Equal(3, cut.FindAll("[data-testid=meal-plan-row]").Count));
        Assert.Contains("about 2000 kcal a day", cut.Markup);

        cut.Find("#filter-kind").Change("templates");
        cut.WaitForAssertion(() => Assert.Contains("High protein", Assert.Single(cut.FindAll("[data-testid=meal-plan-row]")).TextContent));
        Assert.Contains("GET /api/meal-plans?templates=true", Api.Requests);

        cut.Find("#filter-kind").Change("all");
        cut.WaitForAssertion(() => Assert.Equal(3, cut.FindAll("[data-testid=meal-plan-row]").Count));
        cut.Find("#filter-client").Change("c1");
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=meal-plan-row]").Count));
        Assert.Contains("GET /api/meal-plans?clientId=c1&templates=false", Api.Requests);
        Assert.Equal("pt/nutrition/plans/new?clientId=c1", cut.FindAll("a").Single(a => a.TextContent.StartsWith("New plan for")).GetAttribute("href"));

        cut.Find("#filter-status").Change(MealPlanStatuses.Active);
        cut.WaitForAssertion(() => Assert.Contains("Sam cut", Assert.Single(cut.FindAll("[data-testid=meal-plan-row]")).TextContent));
    }

    private static MealPlanSummary Summary(string id, string name, string? clientId, bool template, string status) =>
        new(id, name, clientId, clientId is null ? null : "Sam Client", template, status, null, null, MealPlanRotations.Single, 2000, DateTimeOffset.UnixEpoch);
}
