using System.Globalization;
using System.Net;
using FitPilot.Contracts.Bookings;
using FitPilot.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FitPilot.Tests.Browser;

/// <summary>
/// Booking end to end (issue 15): the PT publishes availability and a session type at a desk; the client books two sessions on a
/// phone; the PT sees them; the client cancels the far one and is refused, in words, for the one inside the cancellation window.
/// Then, both pages open, they exchange messages (each arrives without a reload), and the PT finds the session on the Week calendar.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class BookingJourneyTests(HostFixture host, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string NoSidewaysScroll = "() => document.documentElement.scrollWidth <= window.innerWidth";

    [Fact]
    public async Task The_PT_publishes_availability_the_client_books_on_a_phone_the_PT_sees_it_and_cancelling_follows_the_window()
    {
        var api = host.NewClient();
        var pt = await api.RegisterTrainerAsync("Booking Coach");
        var client = await api.OnboardClientAsync(pt, host.Mailbox);
        Assert.Equal(HttpStatusCode.OK, (await api.PutAsync("/api/settings/time-zone", new { timeZone = "UTC" }, pt.Token)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.PutAsync("/api/settings/time-zone", new { timeZone = "UTC" }, client.Token)).StatusCode);

        await using var desk = await BrowserSession.OpenAsync(browser.Browser, "booking-pt-desk");
        var d = desk.Page;
        await desk.LogInAsync(host.BrowserUrl, pt.Email, pt.Password);
        await Expect(d.GetByRole(AriaRole.Heading, new() { Name = "Welcome, Booking Coach" })).ToBeVisibleAsync();
        await d.GetByRole(AriaRole.Navigation, new() { Name = "Trainer" }).GetByRole(AriaRole.Link, new() { Name = "Bookings" }).ClickAsync();
        await d.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "Availability" }).ClickAsync();
        await Expect(d.GetByRole(AriaRole.Heading, new() { Name = "Availability", Exact = true })).ToBeVisibleAsync();

        // Open all day, every day (an end of 00:00 is midnight at the end of the day).
        for (var i = 0; i < 7; i++)
        {
            await d.GetByRole(AriaRole.Button, new() { Name = "Add hours" }).ClickAsync();
            await d.Locator($"#day-{i}").SelectOptionAsync((i + 1).ToString(CultureInfo.InvariantCulture));
            await d.Locator($"#start-{i}").FillAsync("00:00");
            await d.Locator($"#end-{i}").FillAsync("00:00");
        }
        await d.GetByLabel("Name", new() { Exact = true }).FillAsync("Coaching");
        await d.GetByLabel("Book at least (hours ahead)").FillAsync("0");
        await d.GetByLabel("Cancel up to (hours before)").FillAsync("24");
        await d.GetByTestId("add-session-type").ClickAsync();
        await Expect(d.GetByTestId("session-type")).ToContainTextAsync("Coaching");
        await d.GetByTestId("publish-availability").ClickAsync();
        await Expect(d.GetByTestId("availability-saved")).ToBeVisibleAsync();
        await desk.AssertInputsLabelledAsync();
        await desk.ShotAsync("availability");

        // The client books on a phone: the next free time (inside the 24 h window) and one three days on.
        var far = DateTime.UtcNow.Date.AddDays(3);
        var farLabel = $"10:00 book {far.ToString("dddd d MMMM", CultureInfo.InvariantCulture)}";
        await using (var phone = await BrowserSession.OpenAsync(browser.Browser, "booking-client-phone", phone: true))
        {
            var p = phone.Page;
            await phone.LogInAsync(host.BrowserUrl, client.Email, client.Password);
            await Expect(p.GetByRole(AriaRole.Heading, new() { Name = "Hi Test!" })).ToBeVisibleAsync();
            await p.GotoAsync($"{host.BrowserUrl}/app/book");
            await Expect(p.GetByRole(AriaRole.Heading, new() { Name = "Book a session" })).ToBeVisibleAsync();
            await p.GetByTestId("slot").First.ClickAsync();
            await Expect(p.GetByTestId("booked")).ToBeVisibleAsync();
            await p.GetByTestId("day-chip").Filter(new() { HasText = far.ToString("ddd d MMM", CultureInfo.InvariantCulture) }).ClickAsync();
            await p.GetByRole(AriaRole.Button, new() { Name = farLabel }).ClickAsync();
            await Expect(p.GetByTestId("booked")).ToContainTextAsync("10:00");
            await Expect(p.GetByTestId("booking")).ToHaveCountAsync(2);
            Assert.True(await p.EvaluateAsync<bool>(NoSidewaysScroll), "The book page scrolls sideways on a phone");
            await phone.AssertInputsLabelledAsync();
            await phone.ShotAsync("booked");

            // The PT sees both.
            await d.GetByRole(AriaRole.Navigation, new() { Name = "Trainer" }).GetByRole(AriaRole.Link, new() { Name = "Bookings" }).ClickAsync();
            await Expect(d.GetByTestId("pt-booking")).ToHaveCountAsync(2);
            await Expect(d.GetByTestId("pt-booking").First).ToContainTextAsync("Test Client");
            await desk.ShotAsync("bookings");
            await d.SetViewportSizeAsync(820, 1180);
            Assert.True(await d.EvaluateAsync<bool>(NoSidewaysScroll), "The bookings page scrolls sideways on a tablet");
            await desk.ShotAsync("bookings-tablet");

            // The PT can move a booking and book a client from the same page.
            await d.SetViewportSizeAsync(1280, 900);
            await d.GetByTestId("pt-booking").First.GetByRole(AriaRole.Button, new() { Name = "Move" }).ClickAsync();
            await Expect(d.GetByTestId("reschedule").GetByTestId("slot").First).ToBeVisibleAsync();
            await Expect(d.GetByTestId("book-for-client").GetByTestId("slot").First).ToBeVisibleAsync();
            await desk.AssertInputsLabelledAsync();
            await desk.ShotAsync("bookings-move");
            await d.GetByRole(AriaRole.Button, new() { Name = "Keep this time" }).ClickAsync();

            // The client moves the far one an hour on.
            var upcoming = p.GetByTestId("upcoming-sessions");
            await upcoming.GetByTestId("booking").Filter(new() { HasText = far.ToString("ddd d MMM", CultureInfo.InvariantCulture) + ", 10:00" })
                .GetByRole(AriaRole.Button, new() { Name = "Move" }).ClickAsync();
            var move = p.GetByTestId("reschedule");
            await move.GetByTestId("day-chip").Filter(new() { HasText = far.ToString("ddd d MMM", CultureInfo.InvariantCulture) }).ClickAsync();
            await phone.ShotAsync("move");
            await move.GetByRole(AriaRole.Button, new() { Name = $"11:00 move to {far.ToString("dddd d MMMM", CultureInfo.InvariantCulture)}" }).ClickAsync();
            await Expect(p.GetByTestId("booking-moved")).ToContainTextAsync("11:00");
            Assert.True(await p.EvaluateAsync<bool>(NoSidewaysScroll), "The book page scrolls sideways on a phone after a move");

            // The client's calendar link.
            await p.GetByTestId("create-feed").ClickAsync();
            await Expect(p.GetByTestId("feed-url")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("/api/calendar-feeds/"));
            await phone.ShotAsync("calendar-link");

            // Cancelling: the far one goes; the near one is refused, in words.
            await upcoming.GetByTestId("booking").Filter(new() { HasText = far.ToString("ddd d MMM", CultureInfo.InvariantCulture) + ", 11:00" })
                .GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
            await Expect(upcoming.GetByTestId("booking")).ToHaveCountAsync(1);
            await upcoming.GetByTestId("booking").GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
            await Expect(p.GetByTestId("booking-problem")).ToContainTextAsync("up to 24 hours before they start");
            await Expect(upcoming.GetByTestId("booking")).ToHaveCountAsync(1);
            await phone.ShotAsync("cancel-refused");

            // Home shows the session that stays.
            await p.GotoAsync($"{host.BrowserUrl}/app");
            await Expect(p.GetByTestId("upcoming-sessions").GetByTestId("booking")).ToHaveCountAsync(1);
            await phone.ShotAsync("home");

            // They exchange messages, both pages open: the client's from the phone reaches the PT's open conversation, and back.
            await d.GotoAsync($"{host.BrowserUrl}/pt/messages/{client.Id}");
            await Expect(d.GetByTestId("compose")).ToBeVisibleAsync();
            await p.GetByRole(AriaRole.Link, new() { Name = "Messages" }).ClickAsync();
            await Expect(p.GetByTestId("compose")).ToBeVisibleAsync();
            await ConversationPage.SendAsync(p, "Booked! Can we focus on squats?");
            await ConversationPage.ExpectNewestAsync(d, "focus on squats");
            await ConversationPage.SendAsync(d, "Yes, squats it is. Bring water.");
            await ConversationPage.ExpectNewestAsync(p, "Bring water");
            await phone.ShotAsync("messages");
            await desk.ShotAsync("messages");
            Assert.Empty(phone.Errors);
        }

        // The PT's Week calendar shows the session that stays, on a desk, a tablet and a phone (one day at a time, no sideways scroll).
        var kept = (await ApiClient.ReadAsync<List<Booking>>(await api.GetAsync("/api/bookings", pt.Token))).Single(b => b.Status == BookingStatuses.Confirmed);
        var keptDay = DateOnly.FromDateTime(kept.StartsAt.DateTime);
        var thisMonday = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-(((int)DateTime.UtcNow.DayOfWeek + 6) % 7));
        await d.SetViewportSizeAsync(1366, 900);
        await d.GetByRole(AriaRole.Navigation, new() { Name = "Trainer" }).GetByRole(AriaRole.Link, new() { Name = "Bookings" }).ClickAsync();
        await d.GetByRole(AriaRole.Button, new() { Name = "Week", Exact = true }).ClickAsync();
        if (keptDay >= thisMonday.AddDays(7)) await d.GetByTestId("week-next").ClickAsync(); // booked late on a Sunday: Monday's
        var session = d.GetByTestId("week-booking").Filter(new() { HasText = "Test Client" });
        await Expect(session).ToHaveCountAsync(1);
        await Expect(session).ToContainTextAsync(kept.StartsAt.ToString("HH:mm", CultureInfo.InvariantCulture) + "–");
        await Expect(d.Locator($"[data-testid=week-day][data-date='{keptDay:yyyy-MM-dd}'] [data-testid=week-booking]")).ToHaveCountAsync(1);
        await desk.ShotAsync("week-desk");
        await session.ClickAsync();
        await Expect(d.GetByTestId("booking-details")).ToContainTextAsync("Test Client · Coaching");
        await Expect(d.GetByTestId("booking-details").GetByRole(AriaRole.Button, new() { Name = "Move" })).ToBeVisibleAsync();
        await desk.ShotAsync("week-details");
        await d.SetViewportSizeAsync(820, 1180);
        Assert.True(await d.EvaluateAsync<bool>(NoSidewaysScroll), "The week calendar scrolls sideways on a tablet");
        await Expect(session).ToBeVisibleAsync();
        await desk.ShotAsync("week-tablet");
        await d.SetViewportSizeAsync(390, 844);
        await d.GetByRole(AriaRole.Group, new() { Name = "Day of the week" }).GetByRole(AriaRole.Button, new() { Name = keptDay.ToString("ddd d", CultureInfo.InvariantCulture) }).ClickAsync();
        await Expect(session).ToBeVisibleAsync();
        Assert.True(await d.EvaluateAsync<bool>(NoSidewaysScroll), "The week calendar scrolls sideways on a phone");
        await desk.ShotAsync("week-phone");
        Assert.Empty(desk.Errors);
    }
}
