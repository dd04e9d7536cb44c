using System.Net;
using FitPilot.Contracts.Activity;
using FitPilot.Contracts.Auth;
using FitPilot.Web.Components;
using FitPilot.Contracts.Clients;
using FitPilot.Contracts.Common;
using FitPilot.Contracts.Programs;
using FitPilot.Contracts.Trainers;
using FitPilot.Contracts.Training;
using FitPilot.Web.Auth;
using FitPilot.Web.Layout;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace FitPilot.Web.Tests.Trainer;

/// <summary>What a PT sees of their clients: sets with notes, RIR and swaps, the activity feed, avatars, empty states, their unit, and the phone menu.</summary>
public sealed class PtSideTests : WebTest
{
    // The clock stands at Monday 23 Nov 2026, 07:00 UTC.
    private static readonly DateOnly Today = new(2026, 11, 23);
    private static readonly ClientProfile Sam = new("c/1", "t1", "Sam Client", "sam@example.com", ClientStatuses.Active, 30, 180, 90, 85, null, null, null,
        null, null, null, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch);

    private void SignedInTrainer(string unit = "kg")
    {
        var pt = new TrainerProfile("t1", "Pat Coach", "pat@example.com", null, null, null, null, null, "Pat's Gym", null, null, "Solo", "trialing", DateTimeOffset.UnixEpoch, 14, null,
            DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, WeightUnit: unit);
        Get<Session>().Set(new MeResponse("t1", Roles.Trainer, pt.Email, pt.Name, pt, null));
    }

    private static SetLog Set(string id, DateOnly date, string exercise, int number, double kg, int reps, int? rir = null, string? notes = null, string? swappedFrom = null, string entry = "pe1") =>
        new(id, "p1", entry, exercise.Replace(' ', '_'), exercise, number, kg, reps, rir, notes, date.ToDateTime(new TimeOnly(7, number)), date, OneRepMax.Epley(kg, reps), swappedFrom);

    private void ClientPage(SetLog[] logs, ProgramSummary[] programs, ActivityItem[]? activity = null)
    {
        Api.On("GET", "/api/clients/c%2F1", HttpStatusCode.OK, FakeApi.Json(Sam))
            .On("GET", "/api/clients/c%2F1/adherence", HttpStatusCode.OK, FakeApi.Json(new Adherence(Today.AddDays(-6), Today, 4, 3, 75)))
            .On("GET", "/api/clients/c%2F1/logs", HttpStatusCode.OK, FakeApi.Json(logs))
            .On("GET", "/api/programs?clientId=c%2F1", HttpStatusCode.OK, FakeApi.Json(programs))
            .On("GET", "/api/activity?clientId=c%2F1", HttpStatusCode.OK, FakeApi.Json(new Page<ActivityItem>(activity ?? [], null)));
    }

    private static readonly ProgramSummary Program = new("p1", "Squat focus", "c/1", false, ProgramStatuses.Active, Today, null, 3, DateTimeOffset.UnixEpoch);

    private static ActivityItem Finished(string clientId, string name, DateOnly date, int? rpe = 8, string? comment = "Felt strong", params string[] bests) =>
        new($"a-{clientId}-{date}", ActivityKinds.WorkoutFinished, clientId, name, date.ToDateTime(new TimeOnly(8, 0)),
            new WorkoutSummary(clientId, date, "p1", "Squat focus", "Lower", 3, 9, 4350, 52, bests, rpe, comment, date.ToDateTime(new TimeOnly(8, 0))));

    [Fact]
    public void The_PT_sees_each_day_newest_first_with_every_sets_RIR_and_note_and_what_was_swapped()
    {
        SignedInTrainer();
        ClientPage([
            Set("a", Today.AddDays(-2), "Barbell Squat", 1, 100, 5, rir: 2, notes: "Knee felt fine"),
            Set("b", Today.AddDays(-2), "Barbell Squat", 2, 100, 5, rir: 1),
            Set("c", Today, "Leg Press", 1, 180, 10, rir: 3, swappedFrom: "Barbell Squat"),
        ], [Program]);

        var cut = Render<FitPilot.Web.Pages.Trainer.ClientDetail>(ps => ps.Add(p => p.ClientId, "c/1"));

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=logged-day]").Count));
        var days = cut.FindAll("[data-testid=logged-day]");
        Assert.StartsWith("Today · Mon 23 Nov", days[0].QuerySelector("h3")!.TextContent);
        Assert.StartsWith("Sat 21 Nov", days[1].QuerySelector("h3")!.TextContent);
        Assert.Contains("instead of Barbell Squat", days[0].QuerySelector("[data-testid=swapped-from]")!.TextContent);
        Assert.Contains("180 kg × 10", days[0].TextContent);
        Assert.Contains("RIR 3", days[0].TextContent);
        var squatSets = days[1].QuerySelectorAll("[data-testid=logged-set]");
        Assert.Equal(2, squatSets.Length);
        Assert.Contains("RIR 2", squatSets[0].TextContent);
        Assert.Contains("Knee felt fine", squatSets[0].QuerySelector("[data-testid=set-note]")!.TextContent);
        Assert.Null(squatSets[1].QuerySelector("[data-testid=set-note]"));
        Assert.Null(days[1].QuerySelector("[data-testid=swapped-from]"));
    }

    [Fact]
    public void A_PT_who_works_in_pounds_sees_the_clients_sets_in_pounds()
    {
        SignedInTrainer(WeightUnits.Lb);
        ClientPage([Set("a", Today, "Barbell Squat", 1, 100, 5)], [Program]);

        var cut = Render<FitPilot.Web.Pages.Trainer.ClientDetail>(ps => ps.Add(p => p.ClientId, "c/1"));

        cut.WaitForAssertion(() => Assert.Contains("220.5 lb × 5", cut.Find("[data-testid=logged-set]").TextContent));
    }

    [Fact]
    public void A_client_without_a_program_offers_to_assign_one_and_their_page_shows_their_finished_workouts()
    {
        SignedInTrainer();
        ClientPage([], [], [Finished("c/1", "Sam Client", Today.AddDays(-1), comment: "Tough day")]);

        var cut = Render<FitPilot.Web.Pages.Trainer.ClientDetail>(ps => ps.Add(p => p.ClientId, "c/1"));

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=no-program]")));
        var assign = cut.Find("[data-testid=no-program] a.button");
        Assert.Equal("Assign a program", assign.TextContent);
        Assert.Equal("pt/programs/new?clientId=c%2F1", assign.GetAttribute("href"));
        Assert.Equal("SC", cut.Find(".person-head .avatar").TextContent);
        cut.WaitForAssertion(() => Assert.Contains("Tough day", cut.Find("[data-testid=activity-item]").TextContent));
        Assert.Contains("yesterday", cut.Find("[data-testid=activity-item] time").TextContent);
        Assert.Empty(cut.FindAll("[data-testid=activity-item] .avatar")); // their own page: no need to say who
        Assert.Contains("No sets logged", cut.Find("[data-testid=no-sets]").TextContent);
    }

    [Fact]
    public void The_dashboard_feed_says_who_finished_what_when_with_the_numbers_the_bests_the_RPE_and_the_comment()
    {
        SignedInTrainer();
        Api.On("GET", "/api/dashboard", HttpStatusCode.OK, FakeApi.Json(new TrainerDashboard(2, 2, 0, 10, "trialing", "Solo")))
            .On("GET", "/api/activity?limit=10", HttpStatusCode.OK, FakeApi.Json(new Page<ActivityItem>([
                Finished("c1", "Sam Client", Today, rpe: 9, comment: "Legs are jelly", "Heaviest squat: 120 kg × 5"),
                Finished("c2", "Ann Other", Today.AddDays(-3), rpe: null, comment: null),
            ], "next")))
            .On("GET", "/api/activity?limit=10&cursor=next", HttpStatusCode.OK, FakeApi.Json(new Page<ActivityItem>([Finished("c2", "Ann Other", Today.AddDays(-20))], null)));

        var cut = Render<FitPilot.Web.Pages.Trainer.Dashboard>();

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=activity-item]").Count));
        var items = cut.FindAll("[data-testid=activity-item]");
        Assert.Equal("SC", items[0].QuerySelector(".avatar")!.TextContent);
        Assert.Equal("pt/clients/c1", items[0].QuerySelector("a")!.GetAttribute("href"));
        Assert.Contains("finished Lower · Squat focus", items[0].TextContent);
        Assert.Contains("today", items[0].QuerySelector("time")!.TextContent);
        foreach (var text in new[] { "52 min", "9 sets", "4,350 kg", "RPE 9/10", "Heaviest squat: 120 kg × 5", "Legs are jelly" })
            Assert.Contains(text, items[0].TextContent);
        Assert.Equal("Fri", items[1].QuerySelector("time")!.TextContent);
        Assert.DoesNotContain("RPE", items[1].TextContent);

        cut.FindAll("button").Single(b => b.TextContent == "Show more").Click();
        cut.WaitForAssertion(() => Assert.Equal(3, cut.FindAll("[data-testid=activity-item]").Count));
        Assert.Equal("3 Nov", cut.FindAll("[data-testid=activity-item] time")[2].TextContent);
    }

    [Fact]
    public void With_no_clients_the_dashboard_asks_for_the_first_one_and_with_no_workouts_says_what_will_show()
    {
        SignedInTrainer();
        Api.On("GET", "/api/dashboard", HttpStatusCode.OK, FakeApi.Json(new TrainerDashboard(0, 0, 0, 10, "trialing", "Solo")));
        var cut = Render<FitPilot.Web.Pages.Trainer.Dashboard>();
        cut.WaitForAssertion(() => Assert.Equal("Invite your first client", cut.Find("[data-testid=no-clients] a.button").TextContent));
        Assert.Equal("pt/clients", cut.Find("[data-testid=no-clients] a.button").GetAttribute("href"));
        Assert.DoesNotContain(Api.Requests, r => r.StartsWith("GET /api/activity", StringComparison.Ordinal));

        Api.On("GET", "/api/dashboard", HttpStatusCode.OK, FakeApi.Json(new TrainerDashboard(1, 1, 0, 10, "trialing", "Solo")))
            .On("GET", "/api/activity", HttpStatusCode.OK, FakeApi.Json(new Page<ActivityItem>([], null)));
        var again = Render<FitPilot.Web.Pages.Trainer.Dashboard>();
        again.WaitForAssertion(() => Assert.Contains("No finished workouts yet", again.Find("[data-testid=activity-empty]").TextContent));
        Assert.Equal("Build a program", again.Find("[data-testid=activity-empty] a.button").TextContent);
    }

    [Fact]
    public void The_dashboard_counts_trial_days_down_and_says_nothing_of_them_once_the_trial_is_over()
    {
        SignedInTrainer();
        Api.On("GET", "/api/dashboard", HttpStatusCode.OK, FakeApi.Json(new TrainerDashboard(0, 0, 0, 3, "trialing", "Solo")));
        var during = Render<FitPilot.Web.Pages.Trainer.Dashboard>();
        during.WaitForAssertion(() => Assert.Equal("3", during.Find("[data-testid=trial-days]").TextContent));

        Api.On("GET", "/api/dashboard", HttpStatusCode.OK, FakeApi.Json(new TrainerDashboard(0, 0, 0, 0, "trialing", "Solo")));
        var over = Render<FitPilot.Web.Pages.Trainer.Dashboard>();
        over.WaitForAssertion(() => Assert.NotEmpty(over.FindAll("[data-testid=client-count]")));
        Assert.Empty(over.FindAll("[data-testid=trial-days]"));
        Assert.DoesNotContain("0 days left", over.Markup);
    }

    [Fact]
    public void The_client_list_shows_a_picture_or_initials_and_an_empty_list_asks_for_the_first_client()
    {
        var withPicture = Sam with { Id = "c2", Name = "Pia Picture", ProfilePictureUrl = "https://example.com/pia.webp" };
        Api.On("GET", "/api/clients?limit=50", HttpStatusCode.OK, FakeApi.Json(new Page<ClientProfile>([Sam, withPicture], null)));
        var cut = Render<FitPilot.Web.Pages.Trainer.Clients>();
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=client-row]").Count));
        var rows = cut.FindAll("[data-testid=client-row]");
        Assert.Equal("SC", rows[0].QuerySelector(".avatar.initials")!.TextContent);
        Assert.Equal("https://example.com/pia.webp", rows[1].QuerySelector("img.avatar")!.GetAttribute("src"));

        Api.On("GET", "/api/clients?limit=50", HttpStatusCode.OK, FakeApi.Json(new Page<ClientProfile>([], null)));
        var empty = Render<FitPilot.Web.Pages.Trainer.Clients>();
        empty.WaitForAssertion(() => Assert.Equal("Invite your first client", empty.Find("[data-testid=no-clients] button").TextContent));
    }

    [Fact]
    public void Initials_and_their_colour_come_from_the_name_and_stay_the_same()
    {
        Assert.Equal("SC", Avatar.InitialsOf("  sam   client "));
        Assert.Equal("C", Avatar.InitialsOf("cher"));
        Assert.Equal("AB", Avatar.InitialsOf("Ann Marie Bell"));
        Assert.Equal("?", Avatar.InitialsOf(" "));
        Assert.Equal(Avatar.ColourOf("Sam Client"), Avatar.ColourOf("sam client"));
        Assert.True(new[] { "Sam Client", "Ann Other", "Pia Picture", "Bo", "Zed Later" }.Select(Avatar.ColourOf).Distinct().Count() > 1);
    }

    [Fact]
    public void Choosing_pounds_saves_it_and_switches_the_signed_in_user_at_once()
    {
        SignedInTrainer();
        Api.On("PUT", "/api/settings/units", HttpStatusCode.OK, """{"weightUnit":"lb"}""");
        var cut = Render<WeightUnitSettings>();
        var kg = cut.FindAll("[data-testid=unit-picker] button")[0];
        Assert.Equal("true", kg.GetAttribute("aria-pressed"));

        cut.FindAll("[data-testid=unit-picker] button")[1].Click();

        cut.WaitForAssertion(() => Assert.Contains("weights now show in lb", cut.Find("[role=status]").TextContent));
        Assert.Equal("lb", Api.Sent.Single(r => r.Method == "PUT").Json.GetProperty("weightUnit").GetString());
        Assert.Equal("lb", Get<Session>().User!.WeightUnit);
        Assert.Equal("true", cut.FindAll("[data-testid=unit-picker] button")[1].GetAttribute("aria-pressed"));
        Assert.Contains("\"weightUnit\":\"lb\"", Storage.Items["fitpilot:me"]); // the copy kept for offline use switches too
    }

    [Fact]
    public void A_refused_unit_says_why_and_keeps_the_old_one()
    {
        SignedInTrainer();
        Api.On("PUT", "/api/settings/units", HttpStatusCode.BadRequest, FakeApi.Problem(400, "Invalid", null, """{"weightUnit":["Choose kg or lb."]}"""), "application/problem+json");
        var cut = Render<WeightUnitSettings>();
        cut.FindAll("[data-testid=unit-picker] button")[1].Click();
        cut.WaitForAssertion(() => Assert.Contains("Choose kg or lb.", cut.Find("[role=alert]").TextContent));
        Assert.Equal("kg", Get<Session>().User!.WeightUnit);
    }

    [Fact]
    public void The_phone_menu_opens_from_one_button_says_so_and_Escape_closes_it()
    {
        SignedInTrainer();
        var nav = Get<NavigationManager>();
        nav.NavigateTo("pt/clients/c1");
        var cut = Render<TrainerLayout>(ps => ps.Add(l => l.Body, (RenderFragment)(b => b.AddMarkupContent(0, "<p>page</p>"))));

        Assert.Equal("Clients", cut.Find("[data-testid=current-page]").TextContent);
        Assert.Equal("page", cut.Find("nav a[aria-current=page]").GetAttribute("aria-current"));
        Assert.Contains("Clients", cut.Find("nav a[aria-current=page]").TextContent);
        var button = cut.Find(".menu-button");
        Assert.Equal("false", button.GetAttribute("aria-expanded"));
        Assert.Equal("pt-nav", button.GetAttribute("aria-controls"));

        button.Click();
        Assert.Equal("true", cut.Find(".menu-button").GetAttribute("aria-expanded"));
        Assert.Contains("menu-open", cut.Find(".pt-shell").ClassName);

        cut.Find(".pt-shell").KeyDown(new KeyboardEventArgs { Key = "Escape" });
        Assert.Equal("false", cut.Find(".menu-button").GetAttribute("aria-expanded"));

        cut.Find(".menu-button").Click();
        nav.NavigateTo("pt/settings"); // following a link closes it
        cut.WaitForAssertion(() => Assert.Equal("false", cut.Find(".menu-button").GetAttribute("aria-expanded")));
        Assert.Equal("Settings", cut.Find("[data-testid=current-page]").TextContent);
    }
}
