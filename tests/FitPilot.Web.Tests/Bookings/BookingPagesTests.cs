using System.Net;
using FitPilot.Contracts.Auth;
using FitPilot.Contracts.Bookings;
using FitPilot.Contracts.Clients;
using FitPilot.Contracts.Common;
using FitPilot.Web.Bookings;
using FitPilot.Web.Pages.Client;
using FitPilot.Web.Pages.Trainer;

namespace FitPilot.Web.Tests.Bookings;

/// <summary>Booking on the web: the PT books a client, both sides move a booking (a refusal in words), the calendar subscription link, editing a session type.</summary>
public sealed class BookingPagesTests : WebTest
{
    private static readonly DateOnly Day = new(2026, 12, 1);
    private static readonly SessionType Coaching = new("st1", "Coaching", 60, 0, SessionModes.InPerson, "Gym", null, 12, 24, false);

    private static FreeSlot Slot(int hour) =>
        new(new DateTimeOffset(2026, 12, 1, hour, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 12, 1, hour + 1, 0, 0, TimeSpan.Zero), Day, $"{hour:00}:00");

    private static Booking Booked(string id, int hour, string status = BookingStatuses.Confirmed) =>
        new(id, "c1", "Sam Client", "st1", "Coaching", SessionModes.InPerson, "Gym", null, new DateTimeOffset(2026, 11, 30, hour, 0, 0, TimeSpan.Zero),
            new DateTimeOffset(2026, 11, 30, hour + 1, 0, 0, TimeSpan.Zero), status, "client", null, new DateTimeOffset(2026, 11, 29, hour, 0, 0, TimeSpan.Zero), DateTimeOffset.UnixEpoch);

    private static ClientProfile Client(string id, string name, string status = ClientStatuses.Active) =>
        new(id, "t1", name, $"{id}@example.com", status, null, null, null, null, null, null, null, null, null, null, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch);

    private void PtApi(params Booking[] bookings) =>
        Api.On("GET", "/api/bookings", HttpStatusCode.OK, FakeApi.Json(bookings.ToList()))
            .On("GET", "/api/session-types", HttpStatusCode.OK, FakeApi.Json(new List<SessionType> { Coaching }))
            .On("GET", "/api/booking-slots", HttpStatusCode.OK, FakeApi.Json(new FreeSlots("UTC", "st1", [Slot(9), Slot(10)])))
            .On("GET", "/api/clients", HttpStatusCode.OK, FakeApi.Json(new Page<ClientProfile>([Client("c2", "Ann Other"), Client("c1", "Sam Client"), Client("c3", "Bo Invited", ClientStatuses.Invited)], null)))
            .On("GET", "/api/calendar-feed", HttpStatusCode.OK, FakeApi.Json(new CalendarFeed(null)));

    [Fact]
    public void The_pt_books_a_chosen_client_into_a_free_time()
    {
        PtApi();
        Api.On("POST", "/api/bookings", HttpStatusCode.Created, FakeApi.Json(Booked("b9", 10) with { ClientId = "c1", StartsAt = Slot(10).StartsAt, BookedBy = "trainer" }));
        var cut = Render<BookingsPage>();

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=book-for-client] [data-testid=slot]").Count));
        var clients = cut.FindAll("#book-client option").Select(o => o.TextContent).ToList();
        Assert.Equal(["Ann Other", "Sam Client"], clients); // only clients who joined
        cut.Find("#book-client").Change("c1");
        cut.FindAll("[data-testid=book-for-client] [data-testid=slot]")[1].Click();

        cut.WaitForAssertion(() => Assert.Contains("Booked Sam Client", cut.Find("[data-testid=pt-booked]").TextContent));
        var sent = Api.Sent.Single(r => r.Method == "POST" && r.PathAndQuery == "/api/bookings").Json;
        Assert.Equal("c1", sent.GetProperty("clientId").GetString());
        Assert.Equal("st1", sent.GetProperty("sessionTypeId").GetString());
        Assert.Equal(Slot(10).StartsAt, sent.GetProperty("startsAt").GetDateTimeOffset());
    }

    [Fact]
    public void The_pt_moves_a_booking_to_another_free_time()
    {
        PtApi(Booked("b1", 9));
        Api.On("POST", "/api/bookings/b1/reschedule", HttpStatusCode.OK, FakeApi.Json(Booked("b1", 9) with { StartsAt = Slot(10).StartsAt }));
        var cut = Render<BookingsPage>();

        cut.WaitForAssertion(() => cut.Find("[data-testid=pt-booking] button"));
        cut.Find("[data-testid=pt-booking] button").Click();
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=reschedule] [data-testid=slot]").Count));
        Assert.Contains("Move Coaching with Sam Client", cut.Find("[data-testid=reschedule]").TextContent);
        cut.FindAll("[data-testid=reschedule] [data-testid=slot]")[1].Click();

        cut.WaitForAssertion(() => Assert.Contains("Moved Sam Client to Tue 1 Dec, 10:00", cut.Find("[data-testid=pt-moved]").TextContent));
        Assert.Empty(cut.FindAll("[data-testid=reschedule]"));
        Assert.Equal(Slot(10).StartsAt, Api.Sent.Single(r => r.PathAndQuery == "/api/bookings/b1/reschedule").Json.GetProperty("startsAt").GetDateTimeOffset());
    }

    private void ClientApi(params Booking[] bookings) =>
        Api.On("GET", "/api/bookings", HttpStatusCode.OK, FakeApi.Json(bookings.ToList()))
            .On("GET", "/api/session-types", HttpStatusCode.OK, FakeApi.Json(new List<SessionType> { Coaching }))
            .On("GET", "/api/booking-slots", HttpStatusCode.OK, FakeApi.Json(new FreeSlots("UTC", "st1", [Slot(9), Slot(10)])))
            .On("GET", "/api/calendar-feed", HttpStatusCode.OK, FakeApi.Json(new CalendarFeed(null)));

    [Fact]
    public void The_client_moves_a_session_and_a_refusal_is_shown_in_words()
    {
        ClientApi(Booked("b1", 9));
        Api.On("POST", "/api/bookings/b1/reschedule", HttpStatusCode.Conflict,
            FakeApi.Problem(409, "Inside the cancellation window", "Sessions of this type can be moved up to 24 hours before they start; this one starts Mon 30 Nov, 09:00. Message your coach instead."));
        var cut = Render<BookPage>();

        cut.WaitForAssertion(() => cut.Find("[data-testid=booking]"));
        var move = cut.FindAll("[data-testid=booking] button").Single(b => b.TextContent.StartsWith("Move", StringComparison.Ordinal));
        move.Click();
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=reschedule] [data-testid=slot]").Count));
        cut.FindAll("[data-testid=reschedule] [data-testid=slot]")[0].Click();

        cut.WaitForAssertion(() => Assert.Contains("can be moved up to 24 hours before they start", cut.Find("[data-testid=reschedule-problem]").TextContent));
        Assert.Empty(cut.FindAll("[data-testid=booking-moved]"));

        // Then a move that works: the list reloads and says where it went.
        Api.On("POST", "/api/bookings/b1/reschedule", HttpStatusCode.OK, FakeApi.Json(Booked("b1", 9) with { StartsAt = Slot(10).StartsAt }));
        cut.FindAll("[data-testid=reschedule] [data-testid=slot]")[1].Click();
        cut.WaitForAssertion(() => Assert.Contains("Moved to Tue 1 Dec, 10:00", cut.Find("[data-testid=booking-moved]").TextContent));
        Assert.Empty(cut.FindAll("[data-testid=reschedule]"));
    }

    [Fact]
    public void A_time_taken_meanwhile_is_said_and_the_free_times_are_asked_again()
    {
        ClientApi(Booked("b1", 9));
        Api.On("POST", "/api/bookings/b1/reschedule", HttpStatusCode.Conflict, FakeApi.Problem(409, "Time taken", "Someone has just booked this time. Choose another free time."));
        var cut = Render<BookPage>();
        cut.WaitForAssertion(() => cut.Find("[data-testid=booking]"));
        cut.FindAll("[data-testid=booking] button").First(b => b.TextContent.StartsWith("Move", StringComparison.Ordinal)).Click();
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=reschedule] [data-testid=slot]").Count));
        var asked = Api.Requests.Count(r => r.StartsWith("GET /api/booking-slots", StringComparison.Ordinal));

        cut.FindAll("[data-testid=reschedule] [data-testid=slot]")[0].Click();

        cut.WaitForAssertion(() => Assert.Contains("Someone has just booked this time", cut.Find("[data-testid=reschedule-problem]").TextContent));
        Assert.True(Api.Requests.Count(r => r.StartsWith("GET /api/booking-slots", StringComparison.Ordinal)) > asked);
    }

    [Fact]
    public void The_calendar_link_is_created_copied_renewed_and_turned_off()
    {
        Api.On("GET", "/api/calendar-feed", HttpStatusCode.OK, FakeApi.Json(new CalendarFeed(null)))
            .On("POST", "/api/calendar-feed", HttpStatusCode.OK, FakeApi.Json(new CalendarFeed("https://fitpilot.example/api/calendar-feeds/tok1")))
            .On("DELETE", "/api/calendar-feed", HttpStatusCode.NoContent);
        var copy = JSInterop.SetupVoid("navigator.clipboard.writeText", "https://fitpilot.example/api/calendar-feeds/tok1");
        copy.SetVoidResult();
        var cut = Render<CalendarFeedCard>();

        cut.WaitForAssertion(() => cut.Find("[data-testid=create-feed]"));
        cut.Find("[data-testid=create-feed]").Click();
        cut.WaitForAssertion(() => Assert.Equal("https://fitpilot.example/api/calendar-feeds/tok1", cut.Find("[data-testid=feed-url]").GetAttribute("value")));
        Assert.Contains("Google, Apple or Outlook", cut.Markup);

        cut.Find("[data-testid=copy-feed]").Click();
        Assert.Single(copy.Invocations);
        cut.WaitForAssertion(() => Assert.StartsWith("Copied", cut.Find("[data-testid=copy-feed]").TextContent));

        // A new link: asked first, since the old one stops.
        Api.On("POST", "/api/calendar-feed", HttpStatusCode.OK, FakeApi.Json(new CalendarFeed("https://fitpilot.example/api/calendar-feeds/tok2")));
        cut.FindAll("button").Single(b => b.TextContent == "New link").Click();
        cut.FindAll("button").Single(b => b.TextContent == "Make new link").Click();
        cut.WaitForAssertion(() => Assert.EndsWith("tok2", cut.Find("[data-testid=feed-url]").GetAttribute("value")));
        Assert.Contains("the old one no longer works", cut.Markup);

        cut.FindAll("button").Single(b => b.TextContent == "Turn off").Click();
        cut.FindAll("button").Single(b => b.TextContent == "Turn off" && b.ClassList.Contains("danger")).Click();
        cut.WaitForAssertion(() => cut.Find("[data-testid=create-feed]"));
        Assert.Empty(cut.FindAll("[data-testid=feed-url]"));
        Assert.Contains("DELETE /api/calendar-feed", Api.Requests);
    }

    [Fact]
    public void The_pt_and_the_client_both_find_their_calendar_link()
    {
        PtApi();
        var pt = Render<BookingsPage>();
        pt.WaitForAssertion(() => pt.Find("[data-testid=calendar-feed] [data-testid=create-feed]"));
        ClientApi();
        var client = Render<BookPage>();
        client.WaitForAssertion(() => client.Find("[data-testid=calendar-feed] [data-testid=create-feed]"));
    }
}

/// <summary>Editing a session type on /pt/availability (PUT), next to adding one.</summary>
public sealed class SessionTypeEditTests : WebTest
{
    [Fact]
    public void The_pt_edits_a_session_type_and_the_list_shows_the_change()
    {
        var coaching = new SessionType("st1", "Coaching", 60, 0, SessionModes.InPerson, "Gym", null, 12, 24, false);
        Api.On("GET", "/api/availability", HttpStatusCode.OK, FakeApi.Json(new Availability("UTC", [], [])))
            .On("GET", "/api/session-types", HttpStatusCode.OK, FakeApi.Json(new List<SessionType> { coaching }))
            .On("PUT", "/api/session-types/st1", HttpStatusCode.OK, FakeApi.Json(coaching with { Name = "Coaching (long)", DurationMinutes = 90, RequiresApproval = true }));
        var cut = Render<AvailabilityPage>();

        cut.WaitForAssertion(() => cut.Find("[data-testid=session-type]"));
        cut.FindAll("[data-testid=session-type] button").Single(b => b.TextContent.StartsWith("Edit", StringComparison.Ordinal)).Click();
        Assert.Equal("Coaching", cut.Find("#type-name").GetAttribute("value"));
        Assert.Equal("60", cut.Find("#type-duration").GetAttribute("value"));
        Assert.Equal("Gym", cut.Find("#type-location").GetAttribute("value"));
        Assert.Empty(cut.FindAll("[data-testid=add-session-type]"));

        cut.Find("#type-name").Change("Coaching (long)");
        cut.Find("#type-duration").Change("90");
        cut.Find("#type-approval").Change(true);
        cut.Find("form.session-type-form").Submit();

        cut.WaitForAssertion(() => Assert.Contains("Coaching (long) saved.", cut.Find("[data-testid=session-type-saved]").TextContent));
        var sent = Api.Sent.Single(r => r.Method == "PUT").Json;
        Assert.Equal("Coaching (long)", sent.GetProperty("name").GetString());
        Assert.Equal(90, sent.GetProperty("durationMinutes").GetInt32());
        Assert.Equal("Gym", sent.GetProperty("location").GetString());
        Assert.True(sent.GetProperty("requiresApproval").GetBoolean());
        var row = Assert.Single(cut.FindAll("[data-testid=session-type]"));
        Assert.Contains("Coaching (long)", row.TextContent);
        Assert.Contains("90 min", row.TextContent);
        Assert.DoesNotContain(Api.Requests, r => r.StartsWith("POST /api/session-types", StringComparison.Ordinal));
        Assert.NotEmpty(cut.FindAll("[data-testid=add-session-type]")); // back to adding
    }
}
