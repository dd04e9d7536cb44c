using System.Net;
using FitPilot.Contracts.Auth;
using FitPilot.Contracts.Common;
using FitPilot.Contracts.Trainers;
using FitPilot.Web.Auth;
using Microsoft.AspNetCore.Components;

namespace FitPilot.Web.Tests.Auth;

/// <summary>Signing up and in, the session the app keeps, and the pages before sign-in.</summary>
public sealed class AuthTests : WebTest
{
    private static readonly TrainerProfile Trainer = new("t1", "Robin Trainer", "robin@example.com", null, null, null, null, null, null, null, null,
        SubscriptionTiers.Solo, SubscriptionStatuses.Trial, DateTimeOffset.UnixEpoch, 7, null, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch);
    private static readonly MeResponse Me = new("t1", Roles.Trainer, Trainer.Email, Trainer.Name, Trainer, null);

    [Fact]
    public void Logging_in_sends_the_credentials_and_opens_the_PTs_home_or_the_page_asked_for()
    {
        Api.On("POST", "/api/auth/login", HttpStatusCode.OK, FakeApi.Json(new SessionResponse("token", DateTimeOffset.UnixEpoch, Me)));
        var nav = Get<NavigationManager>();
        nav.NavigateTo("login?returnUrl=pt%2Fexercises");
        var cut = Render<FitPilot.Web.Pages.Public.Login>();

        cut.Find("#email").Change("robin@example.com");
        cut.Find("#password").Change("robin-trainer-pass");
        cut.Find("form").Submit();

        cut.WaitForAssertion(() => Assert.EndsWith("/pt/exercises", nav.Uri));
        var sent = Api.Sent.Single().Json;
        Assert.Equal(("robin@example.com", "robin-trainer-pass"), (sent.GetProperty("email").GetString(), sent.GetProperty("password").GetString()));
        Assert.Equal("Robin Trainer", Get<Session>().User!.Name);
    }

    [Fact]
    public void A_refused_login_says_why_and_stays_on_the_page()
    {
        Api.On("POST", "/api/auth/login", HttpStatusCode.Unauthorized, FakeApi.Problem(401, "Login failed", "The email or password is not right."), "application/problem+json");
        var cut = Render<FitPilot.Web.Pages.Public.Login>();
        cut.Find("#email").Change("nobody@example.com");
        cut.Find("#password").Change("wrong password here");
        cut.Find("form").Submit();
        cut.WaitForAssertion(() => Assert.Contains("The email or password is not right.", cut.Find("[role=alert]").TextContent));
        Assert.Null(Get<Session>().User);
    }

    [Fact]
    public void Sign_up_sends_the_devices_time_zone_so_the_new_accounts_today_is_theirs()
    {
        JSInterop.Setup<string?>("fitpilot.timeZone").SetResult("Australia/Sydney");
        Api.On("POST", "/api/auth/register", HttpStatusCode.Created, FakeApi.Json(new SessionResponse("token", DateTimeOffset.UnixEpoch, Me)));
        var cut = Render<FitPilot.Web.Pages.Public.SignUp>();
        cut.Find("#name").Change("Robin Trainer");
        cut.Find("#email").Change("robin@example.com");
        cut.Find("#password").Change("robin-trainer-pass");
        cut.Find("form").Submit();

        cut.WaitForAssertion(() => Assert.Single(Api.Sent));
        Assert.Equal("Australia/Sydney", Api.Sent.Single().Json.GetProperty("timeZone").GetString());
    }

    [Fact]
    public void Sign_up_fields_take_their_limits_from_RegisterTrainerRequest_and_a_short_password_is_flagged_before_any_request()
    {
        var cut = Render<FitPilot.Web.Pages.Public.SignUp>();
        Assert.Equal(("100", "120", EmailAddresses.MaxLength.ToString(), PasswordAttribute.MaxLength.ToString()),
            (cut.Find("#name").GetAttribute("maxlength"), cut.Find("#business").GetAttribute("maxlength"), cut.Find("#email").GetAttribute("maxlength"), cut.Find("#password").GetAttribute("maxlength")));
        Assert.Null(cut.Find("#password").GetAttribute("minlength")); // the contract's message says it, not the browser

        cut.Find("#name").Change("Copy Cat");
        cut.Find("#email").Change("copy@example.com");
        cut.Find("#password").Change("short");
        cut.Find("form").Submit();

        Assert.Contains("10 to 128 characters", cut.Find("#password ~ .validation-message").TextContent);
        Assert.Empty(Api.Requests);
    }

    [Fact]
    public void The_invitation_page_offers_its_form_while_the_preview_loads_with_the_answers_the_prerendered_page_shows()
    {
        // The prerendered page is this state (the API never answers at publish); js/early-forms.js fills it in.
        var preview = Api.Hold("GET", "/api/invitations?token=t1");
        Get<NavigationManager>().NavigateTo("accept-invitation?token=t1");
        var cut = Render<FitPilot.Web.Pages.Public.AcceptInvitation>();

        Assert.Equal("Join your trainer on FitPilot", cut.Find("h1").TextContent);
        Assert.Equal("api/invitations", cut.Find("[data-early-preview]").GetAttribute("data-early-preview"));
        Assert.Equal("api/invitations/accept", cut.Find("form").GetAttribute("data-early"));
        Assert.NotNull(cut.Find("form #password"));
        Assert.Equal("Loading your invitation…", cut.Find("[data-early-loading][role=status]").TextContent);
        var ok = Inside(cut.Find("template[data-early-answer=ok]"));
        foreach (var field in new[] { "clientName", "trainerName", "businessName", "email" })
            Assert.Contains($"data-early-fill=\"{field}\"", ok);
        Assert.Contains("data-early-if=\"businessName\"", ok);
        Assert.Contains("This invitation has expired", Inside(cut.Find("template[data-early-answer='410']")));
        Assert.Contains("data-early-fill=\"detail\"", Inside(cut.Find("template[data-early-answer='404']")));
        Assert.Contains("This invitation can't be used", Inside(cut.Find("template[data-early-answer='']")));
        Assert.Contains("Invitation link incomplete", Inside(cut.Find("template[data-early-answer=missing]")));

        preview.Answer(HttpStatusCode.OK, FakeApi.Json(new FitPilot.Contracts.Invitations.InvitationPreview("Robin Trainer", "Robin Fit", "Sam", "sam@example.com", DateTimeOffset.UnixEpoch)));
        cut.WaitForAssertion(() => Assert.Equal("Join Robin Trainer on FitPilot", cut.Find("h1").TextContent));
        Assert.Contains("Hi Sam! Robin Trainer (Robin Fit) invited you.", cut.Find("p").TextContent);
        Assert.Empty(cut.FindAll("template"));
        Assert.Empty(cut.FindAll("[data-early-loading]"));
    }

    [Fact]
    public void Taking_over_a_prerendered_invitation_the_app_shows_the_preview_the_early_script_fetched_from_its_first_render()
    {
        var held = Api.Hold("GET", "/api/invitations?token=t1"); // the app's own ask is still on its way
        JSInterop.Setup<string?>("sessionStorage.getItem", "fitpilot:early:api/invitations?token=t1").SetResult(
            FakeApi.Json(new FitPilot.Contracts.Invitations.InvitationPreview("Robin Trainer", null, "Sam", "sam@example.com", DateTimeOffset.UnixEpoch)));
        Get<NavigationManager>().NavigateTo("accept-invitation?token=t1");
        var cut = Render<FitPilot.Web.Pages.Public.AcceptInvitation>();

        Assert.Equal("Join Robin Trainer on FitPilot", cut.Find("h1").TextContent);
        Assert.Contains("Hi Sam! Robin Trainer invited you.", cut.Find("p").TextContent);
        Assert.Empty(cut.FindAll("[data-early-loading]"));
        Assert.Contains(JSInterop.Invocations, i => i.Identifier == "sessionStorage.removeItem");
        held.Answer(HttpStatusCode.Gone, FakeApi.Problem(410, "Invitation expired", "Ask your trainer for a new invitation."));
        cut.WaitForAssertion(() => Assert.Equal("This invitation has expired", cut.Find("h1").TextContent)); // the API still decides
    }

    private static string Inside(AngleSharp.Dom.IElement template) =>
        string.Concat(((AngleSharp.Html.Dom.IHtmlTemplateElement)template).Content.ChildNodes.Select(n => AngleSharp.FormatExtensions.ToHtml(n)));

    [Fact]
    public async Task The_session_asks_the_API_who_is_signed_in_and_offline_carries_on_as_the_last_user()
    {
        Api.On("GET", "/api/me", HttpStatusCode.OK, FakeApi.Json(Me));
        var session = Get<Session>();
        Assert.Null(await session.EnsureLoadedAsync());
        Assert.True(session.IsTrainer);
        Assert.Equal("pt", session.HomePath);
        Assert.Contains("fitpilot:me", Storage.Items.Keys);

        // Later, at the gym without signal: the user remembered on the device.
        Api.Fail("GET", "/api/me");
        Assert.Null(await session.ReloadAsync());
        Assert.True(session.Offline);
        Assert.Equal("Robin Trainer", session.User!.Name);

        Api.On("POST", "/api/auth/logout", HttpStatusCode.NoContent);
        await session.LogOutAsync();
        Assert.Null(session.User);
        Assert.Empty(Storage.Items);
        Assert.Contains("POST /api/auth/logout", Api.Requests);
    }

    [Fact]
    public async Task Nobody_signed_in_is_not_a_problem_but_an_unreachable_API_is()
    {
        Api.On("GET", "/api/me", HttpStatusCode.Unauthorized, FakeApi.Problem(401, "Unauthorized"));
        var session = Get<Session>();
        Assert.Null(await session.EnsureLoadedAsync());
        Assert.Null(session.User);

        Api.Fail("GET", "/api/me");
        Assert.True((await session.ReloadAsync())!.IsNetworkError);
    }

    [Fact]
    public async Task A_public_page_asks_who_is_signed_in_only_when_the_device_remembers_someone()
    {
        Api.On("GET", "/api/me", HttpStatusCode.Unauthorized, FakeApi.Problem(401, "Unauthorized"));
        var session = Get<Session>();
        Assert.Null(await session.EnsureLoadedIfRememberedAsync());
        Assert.Null(session.User);
        Assert.Empty(Api.Requests); // a signed-out visit: no GET /api/me, so no 401 in the browser's console

        Api.On("GET", "/api/me", HttpStatusCode.OK, FakeApi.Json(Me));
        Storage.Items["fitpilot:me"] = FakeApi.Json(Me); // signed in earlier on this device
        Assert.Null(await session.EnsureLoadedIfRememberedAsync());
        Assert.Equal(["GET /api/me"], Api.Requests);
        Assert.True(session.IsTrainer);
    }

    [Fact]
    public void The_public_header_of_a_signed_out_visit_offers_log_in_without_asking_the_API()
    {
        var cut = Render<FitPilot.Web.Layout.PublicLayout>(p => p.Add(l => l.Body, (RenderFragment)(b => b.AddContent(0, "page"))));
        Assert.Contains("Log in", cut.Find("nav").TextContent);
        Assert.Empty(Api.Requests);
    }
}
