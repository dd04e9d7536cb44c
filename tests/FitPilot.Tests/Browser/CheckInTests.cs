using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using FitPilot.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FitPilot.Tests.Browser;

/// <summary>
/// Weekly check-ins end to end (issue 12): the PT builds a template at a desk and gives it to a client in Sydney, due this hour
/// there; the reminder timer (run now, as the dev route runs any timer) emails the client once; the client answers and submits
/// on a phone; the PT reviews with a response and a video link; the client sees the response and the notification.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class CheckInTests(HostFixture host, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string NoSidewaysScroll = "() => document.documentElement.scrollWidth <= window.innerWidth";
    private const string Zone = "Australia/Sydney";

    [Fact]
    public async Task The_PT_builds_and_assigns_a_check_in_the_reminder_arrives_the_client_submits_on_a_phone_and_sees_the_review()
    {
        var api = host.NewClient();
        var pt = await api.RegisterTrainerAsync("Check-in Coach");
        var client = await api.OnboardClientAsync(pt, host.Mailbox);
        Assert.Equal(HttpStatusCode.OK, (await api.PutAsync("/api/settings/time-zone", new { timeZone = Zone }, client.Token)).StatusCode);
        // Due now in the client's zone: today's weekday there, at the start of this hour.
        var there = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById(Zone));
        var weekday = CultureInfo.InvariantCulture.DateTimeFormat.GetDayName(there.DayOfWeek);
        var hour = $"{there.Hour:00}:00";

        await using var desk = await BrowserSession.OpenAsync(browser.Browser, "check-in-pt-desk");
        var d = desk.Page;
        await desk.LogInAsync(host.BrowserUrl, pt.Email, pt.Password);
        await Expect(d.GetByRole(AriaRole.Heading, new() { Name = "Welcome, Check-in Coach" })).ToBeVisibleAsync();

        // The template: a scale, a number in kg (moved first) and a long text.
        await d.GetByRole(AriaRole.Navigation, new() { Name = "Trainer" }).GetByRole(AriaRole.Link, new() { Name = "Check-ins" }).ClickAsync();
        await Expect(d.GetByRole(AriaRole.Heading, new() { Name = "Check-ins", Exact = true })).ToBeVisibleAsync();
        await d.GetByRole(AriaRole.Link, new() { Name = "New template" }).First.ClickAsync();
        await d.GetByLabel("Name", new() { Exact = true }).FillAsync("Sunday check-in");
        await d.Locator("#question-1-text").FillAsync("Energy this week");
        await d.GetByRole(AriaRole.Button, new() { Name = "Add question" }).ClickAsync();
        await d.Locator("#question-2-text").FillAsync("Morning weight");
        await d.Locator("#question-2-type").SelectOptionAsync("number");
        await d.Locator("#question-2-unit").FillAsync("kg");
        await d.GetByRole(AriaRole.Button, new() { Name = "Move question 2 up" }).ClickAsync();
        await d.GetByRole(AriaRole.Button, new() { Name = "Add question" }).ClickAsync();
        await d.Locator("#question-3-text").FillAsync("How did the week go?");
        await d.Locator("#question-3-type").SelectOptionAsync("long-text");
        await d.GetByTestId("question-editor").Nth(2).GetByLabel("Required").UncheckAsync();
        await Expect(d.Locator("#question-1-text")).ToHaveValueAsync("Morning weight");
        await desk.AssertInputsLabelledAsync();
        await desk.ShotAsync("template-builder");
        await d.GetByRole(AriaRole.Button, new() { Name = "Save template" }).ClickAsync();
        await Expect(d.GetByTestId("template")).ToContainTextAsync("Sunday check-in");
        await Expect(d.GetByTestId("template")).ToContainTextAsync("3 questions");

        // Given to the client, due today at this hour in Sydney.
        await d.GotoAsync($"{host.BrowserUrl}/pt/clients/{client.Id}");
        var card = d.GetByTestId("client-check-in");
        await card.GetByLabel("Template").SelectOptionAsync(new SelectOptionValue { Label = "Sunday check-in" });
        await card.GetByLabel("Day").SelectOptionAsync(new SelectOptionValue { Label = weekday });
        await card.GetByLabel(new Regex("^Time")).FillAsync(hour);
        await card.GetByRole(AriaRole.Button, new() { Name = "Give check-in" }).ClickAsync();
        await Expect(card.GetByTestId("check-in-schedule")).ToContainTextAsync($"Sunday check-in · {weekday}s at {hour} ({Zone}) · next on {there:ddd d MMM}");
        await desk.ShotAsync("assigned");

        // The reminder timer, run now (twice: still one email).
        var emailsBefore = await host.Mailbox.CountToAsync(client.Email);
        Assert.Equal(HttpStatusCode.NoContent, (await api.PostAsync("/_dev/timers/SendCheckInReminders", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await api.PostAsync("/_dev/timers/SendCheckInReminders", null)).StatusCode);
        var reminder = await host.Mailbox.WaitForAsync(client.Email, "check-in is due");
        Assert.Contains("/app/check-in", reminder.Text);
        Assert.Equal(emailsBefore + 1, await host.Mailbox.CountToAsync(client.Email));

        // The client, on a phone: the home card, then the answers.
        await using (var phone = await BrowserSession.OpenAsync(browser.Browser, "check-in-client-phone", phone: true))
        {
            var p = phone.Page;
            await phone.LogInAsync(host.BrowserUrl, client.Email, client.Password);
            var due = p.GetByTestId("check-in-due");
            await Expect(due).ToBeVisibleAsync();
            await phone.ShotAsync("home-check-in-due");
            await due.GetByRole(AriaRole.Link, new() { Name = "Start your check-in" }).ClickAsync();
            await Expect(p.GetByRole(AriaRole.Heading, new() { Name = "Weekly check-in" })).ToBeVisibleAsync();

            // Submitting with nothing answered: each required question says so, nothing is sent.
            await p.GetByRole(AriaRole.Button, new() { Name = "Submit" }).ClickAsync();
            await Expect(p.GetByTestId("question-error")).ToHaveCountAsync(2);

            await p.GetByLabel("Morning weight").FillAsync("81.5");
            // Leaving the field commits it and clears its error, which moves the questions below up: wait for that before tapping.
            await p.GetByLabel("Morning weight").PressAsync("Tab");
            await Expect(p.Locator(".question.has-error")).ToHaveCountAsync(1);
            await p.GetByRole(AriaRole.Group, new() { Name = "Energy this week" }).GetByText("8", new() { Exact = true }).ClickAsync();
            await Expect(p.GetByRole(AriaRole.Radio, new() { Name = "8", Exact = true })).ToBeCheckedAsync();
            await p.GetByLabel("How did the week go? (optional)").FillAsync("Slept better, hit every session.");
            await p.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync();
            await Expect(p.GetByText("Draft saved.")).ToBeVisibleAsync();
            await phone.AssertInputsLabelledAsync();
            Assert.True(await p.EvaluateAsync<bool>(NoSidewaysScroll), "the check-in scrolls sideways on a phone");
            await phone.ShotAsync("answers");

            await p.GetByRole(AriaRole.Button, new() { Name = "Submit" }).ClickAsync();
            await Expect(p.GetByTestId("submitted-check-in")).ToContainTextAsync("Sent to your coach");
            await Expect(p.GetByTestId("answers")).ToContainTextAsync("81.5 kg");
            await Expect(p.Locator("form.check-in-form")).ToHaveCountAsync(0); // read-only now
            await phone.ShotAsync("submitted");

            await p.SetViewportSizeAsync(768, 1024);
            Assert.True(await p.EvaluateAsync<bool>(NoSidewaysScroll), "the check-in scrolls sideways on a tablet");
            await phone.ShotAsync("tablet-submitted");
            Assert.Empty(phone.Errors);
        }

        // The PT reviews: the answers, the week, a response and a video link.
        await d.GotoAsync($"{host.BrowserUrl}/pt/check-ins");
        var awaiting = d.GetByTestId("awaiting-check-in");
        await Expect(awaiting).ToHaveCountAsync(1);
        await awaiting.GetByRole(AriaRole.Link).ClickAsync();
        await Expect(d.GetByTestId("answers-compare").Or(d.GetByTestId("answers"))).ToContainTextAsync("8 / 10");
        await d.GetByLabel("Your response").FillAsync("Great week. Keep the protein up.");
        await d.GetByLabel("Video link (optional)").FillAsync("https://www.loom.com/share/abc123");
        await desk.AssertInputsLabelledAsync();
        await desk.ShotAsync("review");
        await d.GetByRole(AriaRole.Button, new() { Name = "Send response" }).ClickAsync();
        await Expect(d.GetByTestId("review-status")).ToHaveTextAsync("Reviewed");
        await desk.ShotAsync("reviewed");
        await d.GotoAsync($"{host.BrowserUrl}/pt/check-ins");
        await Expect(d.GetByTestId("none-awaiting")).ToBeVisibleAsync();
        Assert.Empty(desk.Errors);

        // The PT's check-ins on a phone: behind the Menu button.
        await using (var ptPhone = await BrowserSession.OpenAsync(browser.Browser, "check-in-pt-phone", phone: true))
        {
            var q = ptPhone.Page;
            await ptPhone.LogInAsync(host.BrowserUrl, pt.Email, pt.Password);
            await q.GetByRole(AriaRole.Button, new() { Name = "Menu" }).ClickAsync();
            await q.GetByRole(AriaRole.Navigation, new() { Name = "Trainer" }).GetByRole(AriaRole.Link, new() { Name = "Check-ins" }).ClickAsync();
            await Expect(q.GetByTestId("template")).ToContainTextAsync("Sunday check-in");
            Assert.True(await q.EvaluateAsync<bool>(NoSidewaysScroll), "the PT's check-ins scroll sideways on a phone");
            await ptPhone.ShotAsync("pt-check-ins-phone");
        }

        // The client again: the response, and the notification behind the bell.
        await using var again = await BrowserSession.OpenAsync(browser.Browser, "check-in-client-response", phone: true);
        var c = again.Page;
        await again.LogInAsync(host.BrowserUrl, client.Email, client.Password);
        var bell = c.GetByRole(AriaRole.Link, new() { NameRegex = new Regex(@"^Notifications, \d+ unread$") });
        await Expect(bell).ToBeVisibleAsync();
        await again.ShotAsync("bell");
        await bell.ClickAsync();
        await Expect(c.GetByRole(AriaRole.Heading, new() { Name = "Notifications" })).ToBeVisibleAsync();
        var reviewed = c.GetByTestId("notification").Filter(new() { HasTextRegex = new Regex("review", RegexOptions.IgnoreCase) });
        await Expect(reviewed.First).ToBeVisibleAsync();
        await again.ShotAsync("notifications");
        await reviewed.First.GetByRole(AriaRole.Button).ClickAsync();
        await c.WaitForURLAsync(new Regex("/app/check-in$"));
        await Expect(c.GetByTestId("pt-response").First).ToContainTextAsync("Great week. Keep the protein up.");
        await Expect(c.GetByTestId("pt-response").First.GetByRole(AriaRole.Link, new() { Name = "Watch the video reply" }))
            .ToHaveAttributeAsync("href", "https://www.loom.com/share/abc123");
        await again.ShotAsync("response");

        // Mark all read clears the badge.
        await c.GotoAsync($"{host.BrowserUrl}/app/notifications");
        // The reminder's notification is still unread (the client came in from the home card), so there is something to mark.
        await Expect(c.GetByRole(AriaRole.Link, new() { Name = "Notifications, 1 unread", Exact = true })).ToBeVisibleAsync();
        var markAll = c.GetByRole(AriaRole.Button, new() { Name = "Mark all read" });
        await Expect(markAll).ToBeVisibleAsync();
        await markAll.ClickAsync();
        await Expect(c.GetByRole(AriaRole.Link, new() { Name = "Notifications", Exact = true })).ToBeVisibleAsync();

        // Achievements are listed on the profile.
        await c.GetByRole(AriaRole.Link, new() { Name = "Profile", Exact = true }).ClickAsync();
        await Expect(c.GetByTestId("achievements")).ToBeVisibleAsync();
        await again.ShotAsync("profile-achievements");
        Assert.Empty(again.Errors);
    }

}
