using System.Net;
using FitPilot.Contracts.Clients;
using FitPilot.Contracts.Common;
using FitPilot.Web.Api;
using FitPilot.Web.Components;
using Microsoft.Extensions.DependencyInjection;

namespace FitPilot.Web.Tests;

public sealed class ServerErrorsTests : BunitContext
{
    [Fact]
    public void Field_errors_appear_next_to_their_inputs_and_unknown_ones_in_an_alert()
    {
        var problem = new ApiProblem(400, "Validation failed", "One or more fields are not valid.", new Dictionary<string, string[]>
        {
            ["email"] = ["An account with this email already exists."],
            ["$"] = ["Something about the whole request."],
        });
        var cut = Render<ServerErrorsHarness>(ps => ps.Add(p => p.Problem, problem));

        var messages = cut.FindAll(".validation-message");
        Assert.Equal("An account with this email already exists.", Assert.Single(messages).TextContent);
        // The message sits right after the email input, not the password one.
        Assert.Equal("email", messages[0].PreviousElementSibling!.Id);
        Assert.Contains("Something about the whole request.", cut.Find("[role=alert]").TextContent);
    }

    [Fact]
    public void A_problem_without_field_errors_is_one_alert_with_its_detail()
    {
        var cut = Render<ServerErrorsHarness>(ps => ps.Add(p => p.Problem, new ApiProblem(401, "Login failed", "The email or password is not right.", new Dictionary<string, string[]>())));
        Assert.Contains("The email or password is not right.", cut.Find("[role=alert]").TextContent);
        Assert.Empty(cut.FindAll(".validation-message"));
    }

    [Fact]
    public void Editing_a_field_clears_its_server_error()
    {
        var problem = new ApiProblem(409, "Email already registered", null, new Dictionary<string, string[]> { ["email"] = ["Taken."] });
        var cut = Render<ServerErrorsHarness>(ps => ps.Add(p => p.Problem, problem));
        Assert.Single(cut.FindAll(".validation-message"));
        cut.Find("#email").Change("other@example.com");
        Assert.Empty(cut.FindAll(".validation-message"));
    }

    [Theory]
    [InlineData("email", "Email")]
    [InlineData("primaryMuscles[0]", "PrimaryMuscles")]
    [InlineData("$.name", "Name")]
    [InlineData("$", null)]
    public void API_field_names_map_to_contract_properties(string field, string? property) =>
        Assert.Equal(property, ServerErrors.ToPropertyName(field));
}

public sealed class LoadErrorTests : BunitContext
{
    [Fact]
    public void A_network_failure_says_so_and_retries_on_click()
    {
        var retried = 0;
        var cut = Render<LoadError>(ps => ps.Add(p => p.Problem, ApiProblem.Network).Add(p => p.OnRetry, () => { retried++; }));
        Assert.Contains("Can't reach FitPilot.", cut.Find("[role=alert]").TextContent);
        cut.Find("button").Click();
        Assert.Equal(1, retried);
    }

    [Fact]
    public void Without_a_retry_there_is_no_button()
    {
        var cut = Render<LoadError>(ps => ps.Add(p => p.Problem, new ApiProblem(410, "Invitation expired", "Ask for a new one.", new Dictionary<string, string[]>())));
        Assert.Empty(cut.FindAll("button"));
        Assert.Contains("Ask for a new one.", cut.Markup);
    }
}

public sealed class ConfirmButtonTests : BunitContext
{
    [Fact]
    public void Nothing_happens_until_the_question_is_answered_yes()
    {
        var confirmed = 0;
        var cut = Render<ConfirmButton>(ps => ps.Add(p => p.Question, "Remove Sam?").Add(p => p.ConfirmText, "Remove")
            .Add(p => p.OnConfirm, () => { confirmed++; }).AddChildContent("Remove"));
        cut.Find("button").Click();
        Assert.Contains("Remove Sam?", cut.Markup);
        cut.FindAll("button").Single(b => b.TextContent == "Cancel").Click();
        Assert.Equal(0, confirmed);
        Assert.DoesNotContain("Remove Sam?", cut.Markup);

        cut.Find("button").Click();
        cut.FindAll("button").First(b => b.TextContent == "Remove").Click();
        Assert.Equal(1, confirmed);
    }
}

public sealed class VideoPreviewTests : BunitContext
{
    [Fact]
    public void An_embeddable_video_is_a_sandboxed_player_and_any_other_link_opens_safely()
    {
        var player = Render<VideoPreview>(ps => ps.Add(p => p.Url, "https://youtu.be/dQw4w9WgXcQ").Add(p => p.EmbedUrl, "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ").Add(p => p.Title, "Squat"));
        var iframe = player.Find("iframe");
        Assert.Equal("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ", iframe.GetAttribute("src"));
        Assert.NotNull(iframe.GetAttribute("sandbox"));
        Assert.Equal("Video: Squat", iframe.GetAttribute("title"));

        var link = Render<VideoPreview>(ps => ps.Add(p => p.Url, "https://example.com/squat.mp4"));
        Assert.Empty(link.FindAll("iframe"));
        Assert.Equal("noopener noreferrer", link.Find("a").GetAttribute("rel"));
    }
}

public sealed class ApiClientTests
{
    [Fact]
    public async Task A_problem_response_becomes_an_ApiProblem_with_field_errors()
    {
        var fake = new FakeApi().On("POST", "/api/clients", HttpStatusCode.BadRequest,
            FakeApi.Problem(400, "Validation failed", "One or more fields are not valid.", """{"email":["Not an email."]}"""), "application/problem+json");
        var result = await new ApiClient(fake.Client()).PostAsync<ClientProfile>("api/clients", new { name = "x" });
        Assert.False(result.Ok);
        Assert.Equal(400, result.Problem!.Status);
        Assert.Equal(["Not an email."], result.Problem.Errors["email"]);
    }

    [Fact]
    public async Task A_network_failure_or_an_empty_500_still_gives_a_message_a_person_understands()
    {
        var down = await new ApiClient(new FakeApi().Fail("GET", "/api/me").Client()).GetAsync<object>("api/me");
        Assert.True(down.Problem!.IsNetworkError);

        var crashed = await new ApiClient(new FakeApi().On("GET", "/api/dashboard", HttpStatusCode.InternalServerError, "", "text/plain").Client()).GetAsync<object>("api/dashboard");
        Assert.Equal(500, crashed.Problem!.Status);
        Assert.Contains("problem on its side", crashed.Problem.Message);
    }

    [Fact]
    public async Task Only_a_401_outside_sign_in_means_the_session_ended()
    {
        var fake = new FakeApi()
            .On("GET", "/api/me", HttpStatusCode.Unauthorized, FakeApi.Problem(401, "Unauthorized"))
            .On("POST", "/api/auth/login", HttpStatusCode.Unauthorized, FakeApi.Problem(401, "Login failed"))
            .On("GET", "/api/clients", HttpStatusCode.Unauthorized, FakeApi.Problem(401, "Unauthorized"));
        var api = new ApiClient(fake.Client());
        var expired = 0;
        api.SessionExpired += () => expired++;
        await api.GetAsync<object>("api/me");
        await api.PostAsync<object>("api/auth/login", new { });
        Assert.Equal(0, expired);
        await api.GetAsync<object>("api/clients");
        Assert.Equal(1, expired);
    }
}

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
