using System.Net;
using FitPilot.Contracts.Auth;
using FitPilot.Contracts.Clients;
using FitPilot.Contracts.Invitations;
using FitPilot.Contracts.Training;
using FitPilot.Web.Api;
using FitPilot.Web.Auth;
using FitPilot.Web.Components;
using FitPilot.Web.Layout;
using FitPilot.Web.Tests.Settings;
using Microsoft.AspNetCore.Components;

namespace FitPilot.Web.Tests.Components;

/// <summary>
/// Copy that is true: pages promise only what works today, a client is never offered the PT's trial, a signed-in user's
/// 404 keeps their navigation, a not-found is not offered a retry, and counts agree with their nouns.
/// </summary>
public sealed class CopyAndShellTests : WebTest
{
    private static readonly ClientProfile Sam = new("c1", "t1", "Sam Client", "sam@example.com", ClientStatuses.Active, null, null, null, null, null, null, null,
        null, null, null, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch);

    private static RenderFragment Text(string text) => b => b.AddContent(0, text);

    [Fact]
    public void The_landing_and_about_pages_say_what_FitPilot_does_today_and_nothing_it_does_not()
    {
        foreach (var markup in new[] { Render<FitPilot.Web.Pages.Public.Landing>().Markup, Render<FitPilot.Web.Pages.Public.About>().Markup })
        {
            Assert.DoesNotMatch(SettingsTests.NotYet, markup);
            Assert.Contains("873 exercises", markup);
        }
        var landing = Render<FitPilot.Web.Pages.Public.Landing>().Markup;
        foreach (var works in new[] { "rest timer", "without signal", "Personal bests", "history charts", "kg or lb", "Invite a client" })
            Assert.Contains(works, landing);
    }

    [Fact]
    public void Someone_accepting_an_invitation_is_told_what_they_get_and_is_not_offered_the_trainers_trial()
    {
        Api.On("GET", "/api/me", HttpStatusCode.Unauthorized, FakeApi.Problem(401, "Unauthorized"))
            .On("GET", "/api/invitations?token=t1", HttpStatusCode.OK, FakeApi.Json(new InvitationPreview("Robin Trainer", null, "Sam", "sam@example.com", DateTimeOffset.UnixEpoch)));
        Get<NavigationManager>().NavigateTo("accept-invitation?token=t1");
        var layout = Render<PublicLayout>(ps => ps.Add(p => p.Body, (RenderFragment)(b =>
        {
            b.OpenComponent<FitPilot.Web.Pages.Public.AcceptInvitation>(0);
            b.CloseComponent();
        })));

        layout.WaitForAssertion(() => Assert.Equal("Join Robin Trainer on FitPilot", layout.Find("h1").TextContent));
        Assert.DoesNotContain("trial", layout.Markup, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotMatch(SettingsTests.NotYet, layout.Markup);
        Assert.Contains("log your workouts", layout.Markup);
        Assert.Contains("Log in", layout.Find("header").TextContent);

        // Anywhere else, a visitor may be a trainer: the trial is on offer.
        Get<NavigationManager>().NavigateTo("about");
        var about = Render<PublicLayout>(ps => ps.Add(p => p.Body, Text("About")));
        about.WaitForAssertion(() => Assert.Contains("Start free trial", about.Find("header").TextContent));
    }

    [Fact]
    public void A_trainer_who_hits_a_404_keeps_the_trainer_navigation_and_a_link_home()
    {
        Api.On("GET", "/api/me", HttpStatusCode.OK, FakeApi.Json(new MeResponse("t1", Roles.Trainer, "robin@example.com", "Robin", null, null)));
        var cut = Render<ShellLayout>(ps => ps.Add(p => p.Body, (RenderFragment)(b => { b.OpenComponent<FitPilot.Web.Pages.Public.NotFound>(0); b.CloseComponent(); })));

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("nav[aria-label=Trainer]")));
        Assert.Contains("Page not found", cut.Find("h1").TextContent);
        Assert.Equal(("pt", "Go to your dashboard"), (cut.Find("[data-testid=home-link]").GetAttribute("href"), cut.Find("[data-testid=home-link]").TextContent));
        Assert.DoesNotContain("Start free trial", cut.Markup);
    }

    [Fact]
    public void A_client_who_hits_a_404_keeps_the_client_tabs_and_anyone_else_gets_the_public_header()
    {
        Api.On("GET", "/api/me", HttpStatusCode.OK, FakeApi.Json(new MeResponse("c1", Roles.Client, Sam.Email, Sam.Name, null, Sam)));
        var cut = Render<ShellLayout>(ps => ps.Add(p => p.Body, (RenderFragment)(b => { b.OpenComponent<FitPilot.Web.Pages.Public.NotFound>(0); b.CloseComponent(); })));
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("nav[aria-label=Client]")));
        Assert.Equal("app", cut.Find("[data-testid=home-link]").GetAttribute("href"));
        Assert.DoesNotContain("trial", cut.Markup, StringComparison.OrdinalIgnoreCase);

        Get<Session>().Set(null);
        var anonymous = Render<ShellLayout>(ps => ps.Add(p => p.Body, Text("Nothing here")));
        anonymous.WaitForAssertion(() => Assert.NotNull(anonymous.Find("header.public-header")));
    }

    [Fact]
    public void Only_a_passing_failure_offers_a_retry_and_a_not_found_links_back()
    {
        foreach (var transient in new[] { ApiProblem.Network, new ApiProblem(503, "Service unavailable", "Try again in a few seconds.", new Dictionary<string, string[]>()) })
        {
            var cut = Render<LoadError>(ps => ps.Add(p => p.Problem, transient).Add(p => p.OnRetry, () => { }).Add(p => p.Back, "pt/clients"));
            Assert.Single(cut.FindAll("button"));
        }

        var notFound = Render<LoadError>(ps => ps.Add(p => p.Problem, new ApiProblem(404, "Not found", "No such client.", new Dictionary<string, string[]>()))
            .Add(p => p.OnRetry, () => { }).Add(p => p.NotFound, "This client isn't in your list.").Add(p => p.Back, "pt/clients").Add(p => p.BackText, "Go to your clients"));
        Assert.Empty(notFound.FindAll("button"));
        Assert.Contains("This client isn't in your list.", notFound.Markup);
        Assert.Equal(("pt/clients", "Go to your clients"), (notFound.Find("a").GetAttribute("href"), notFound.Find("a").TextContent));

        var forbidden = Render<LoadError>(ps => ps.Add(p => p.Problem, new ApiProblem(403, "Forbidden", "Not yours.", new Dictionary<string, string[]>())).Add(p => p.OnRetry, () => { }));
        Assert.Empty(forbidden.FindAll("button"));
    }

    [Fact]
    public void The_trainer_opening_an_unknown_client_is_told_so_and_sent_to_the_client_list()
    {
        Api.On("GET", "/api/clients/nobody", HttpStatusCode.NotFound, FakeApi.Problem(404, "Not found", "No such client."), "application/problem+json");
        var cut = Render<FitPilot.Web.Pages.Trainer.ClientDetail>(ps => ps.Add(p => p.ClientId, "nobody"));
        cut.WaitForAssertion(() => Assert.Equal("No such client", cut.Find("h1").TextContent));
        Assert.Equal("pt/clients", cut.Find("[role=alert] a").GetAttribute("href"));
        Assert.DoesNotContain(cut.FindAll("button"), b => b.TextContent == "Try again");
    }

    [Theory]
    [InlineData(0, 0, "No sessions scheduled this week (27 Oct–2 Nov).")]
    [InlineData(0, 1, "No sessions scheduled this week; 1 workout logged anyway (27 Oct–2 Nov).")]
    [InlineData(1, 1, "100% adherence this week: 1 of 1 prescribed session done (27 Oct–2 Nov).")]
    [InlineData(4, 3, "75% adherence this week: 3 of 4 prescribed sessions done (27 Oct–2 Nov).")]
    public void Adherence_says_something_true_even_when_nothing_was_scheduled(int prescribed, int completed, string expected)
    {
        double? percent = prescribed == 0 ? null : 100.0 * completed / prescribed;
        var cut = Render<AdherenceSummary>(ps => ps.Add(p => p.Value, new Adherence(new DateOnly(2026, 10, 27), new DateOnly(2026, 11, 2), prescribed, completed, percent)));
        Assert.Equal(expected, System.Text.RegularExpressions.Regex.Replace(cut.Find("[data-testid=adherence]").TextContent, @"\s+", " ").Trim());
    }

    [Theory]
    [InlineData("6. Repeat this motion.", "Repeat this motion.")]
    [InlineData("Stand tall.", "Stand tall.")]
    [InlineData("2) Press.", "Press.")]
    [InlineData("Hold for 3. Then lower.", "Hold for 3. Then lower.")]
    public void A_numbered_list_of_steps_does_not_number_them_twice(string step, string shown) =>
        Assert.Equal(shown, ExerciseHowTo.Step(step));
}
