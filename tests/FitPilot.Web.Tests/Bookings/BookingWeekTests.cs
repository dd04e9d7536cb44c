using System.Net;
using FitPilot.Contracts.Bookings;
using FitPilot.Contracts.Clients;
using FitPilot.Contracts.Common;
using FitPilot.Web.Pages.Trainer;

namespace FitPilot.Web.Tests.Bookings;

/// <summary>
/// The PT's bookings as a week calendar: the week of Monday 23 Nov 2026 (the test clock's today, in the PT's UTC), a booking
/// placed in its day's column by start and length, a request marked as one, the week's range asked of the API, the view remembered.
/// </summary>
public sealed class BookingWeekTests : WebTest
{
    private static readonly SessionType Coaching = new("st1", "Coaching", 60, 0, SessionModes.InPerson, "Gym", null, 12, 24, false);

    private static Booking At(string id, DateTimeOffset start, int minutes, string status = BookingStatuses.Confirmed, string client = "Sam Client") =>
        new(id, "c1", client, "st1", "Coaching", SessionModes.InPerson, "Gym", null, start, start.AddMinutes(minutes), status, "client", null,
            start.AddHours(-24), DateTimeOffset.UnixEpoch);

    private static readonly Availability Weekdays = new("UTC",
        [new WeeklySlot { DayOfWeek = 2, Start = "08:00", End = "12:00" }], []);

    private void PtApi(params Booking[] bookings) =>
        Api.On("GET", "/api/bookings", HttpStatusCode.OK, FakeApi.Json(bookings.ToList()))
            .On("GET", "/api/availability", HttpStatusCode.OK, FakeApi.Json(Weekdays))
            .On("GET", "/api/session-types", HttpStatusCode.OK, FakeApi.Json(new List<SessionType> { Coaching }))
            .On("GET", "/api/booking-slots", HttpStatusCode.OK, FakeApi.Json(new FreeSlots("UTC", "st1", [])))
            .On("GET", "/api/clients", HttpStatusCode.OK, FakeApi.Json(new Page<ClientProfile>([], null)))
            .On("GET", "/api/calendar-feed", HttpStatusCode.OK, FakeApi.Json(new CalendarFeed(null)));

    private static readonly DateTimeOffset Tuesday0930 = new(2026, 11, 24, 9, 30, 0, TimeSpan.Zero);

    private IRenderedComponent<BookingsPage> OpenWeek()
    {
        var cut = Render<BookingsPage>();
        cut.WaitForAssertion(() => cut.FindAll("[data-testid=pt-sessions] button").Single(b => b.TextContent == "Week"));
        cut.FindAll("[data-testid=pt-sessions] button").Single(b => b.TextContent == "Week").Click();
        cut.WaitForAssertion(() => cut.Find("[data-testid=week-day]"));
        return cut;
    }

    [Fact]
    public void A_booking_at_0930_for_an_hour_sits_in_tuesdays_column_half_way_into_its_9_oclock_row()
    {
        PtApi(At("b1", Tuesday0930, 60));
        var cut = OpenWeek();

        var days = cut.FindAll("[data-testid=week-day]");
        Assert.Equal(["2026-11-23", "2026-11-24", "2026-11-25", "2026-11-26", "2026-11-27", "2026-11-28", "2026-11-29"], days.Select(d => d.GetAttribute("data-date")));
        Assert.Contains("today", days[0].ClassList); // Monday 23 Nov is today, first
        var booking = cut.Find("[data-testid=week-booking]");
        Assert.Equal("2026-11-24", booking.Closest("[data-testid=week-day]")!.GetAttribute("data-date"));
        Assert.Equal("9", booking.Closest(".wk-hour")!.GetAttribute("data-hour"));
        Assert.Contains("q2", booking.ClassList); // :30 is two quarters into the hour
        Assert.Contains("lh-1", booking.ClassList); // an hour long
        Assert.Contains("lq-0", booking.ClassList);
        Assert.StartsWith("09:30–10:30 Sam Client Coaching", System.Text.RegularExpressions.Regex.Replace(booking.TextContent.Trim(), @"\s+", " "));
        Assert.DoesNotContain("requested", booking.ClassList);
        // Tuesday's 08:00–12:00 availability is shaded from its 8 o'clock row, four hours long.
        var free = days[1].QuerySelector("[data-hour='8'] .wk-free")!;
        Assert.Contains("lh-4", free.ClassList);
        Assert.Empty(days[0].QuerySelectorAll(".wk-free"));
        // The week's range, Monday to Sunday, is what was asked.
        Assert.Contains("GET /api/bookings?from=2026-11-23&to=2026-11-29", Api.Requests);
    }

    [Fact]
    public void A_request_is_marked_as_one_and_choosing_it_offers_approve_and_decline()
    {
        PtApi(At("b1", Tuesday0930, 60, BookingStatuses.Requested), At("b2", Tuesday0930.AddHours(3), 45));
        Api.On("POST", "/api/bookings/b1/approve", HttpStatusCode.OK, FakeApi.Json(At("b1", Tuesday0930, 60)));
        var cut = OpenWeek();

        var request = cut.FindAll("[data-testid=week-booking]").Single(b => b.GetAttribute("data-id") == "b1");
        Assert.Contains("requested", request.ClassList);
        Assert.Contains("Request", request.QuerySelector(".wk-tag")!.TextContent);
        var confirmed = cut.FindAll("[data-testid=week-booking]").Single(b => b.GetAttribute("data-id") == "b2");
        Assert.Empty(confirmed.QuerySelectorAll(".wk-tag"));
        Assert.Contains("lq-3", confirmed.ClassList); // 45 minutes: three quarters

        request.Click();
        var details = cut.Find("[data-testid=booking-details]");
        Assert.Contains("Sam Client · Coaching", details.TextContent);
        Assert.Contains("Tuesday 24 November, 09:30–10:30", details.TextContent);
        Api.On("GET", "/api/bookings", HttpStatusCode.OK, FakeApi.Json(new List<Booking> { At("b1", Tuesday0930, 60), At("b2", Tuesday0930.AddHours(3), 45) }));
        cut.FindAll("[data-testid=booking-details] button").Single(b => b.TextContent == "Approve").Click();

        cut.WaitForAssertion(() => Assert.DoesNotContain("requested", cut.FindAll("[data-testid=week-booking]").Single(b => b.GetAttribute("data-id") == "b1").ClassList));
        Assert.Contains(Api.Requests, r => r == "POST /api/bookings/b1/approve");
        Assert.DoesNotContain(cut.FindAll("[data-testid=booking-details] button"), b => b.TextContent == "Approve");
    }

    [Fact]
    public void Next_week_loads_the_next_weeks_range_and_this_week_comes_back()
    {
        PtApi();
        var cut = OpenWeek();
        Assert.Contains("23 – 29 Nov 2026", cut.Find("[data-testid=week-title]").TextContent);

        cut.Find("[data-testid=week-next]").Click();
        cut.WaitForAssertion(() => Assert.Contains("GET /api/bookings?from=2026-11-30&to=2026-12-06", Api.Requests));
        cut.WaitForAssertion(() => Assert.Contains("30 Nov – 6 Dec 2026", cut.Find("[data-testid=week-title]").TextContent));
        Assert.Equal("2026-11-30", cut.Find("[data-testid=week-day]").GetAttribute("data-date"));
        Assert.Empty(cut.FindAll("[data-testid=week-day].today"));

        cut.FindAll("button").Single(b => b.TextContent == "This week").Click();
        cut.WaitForAssertion(() => Assert.Equal("2026-11-23", cut.Find("[data-testid=week-day]").GetAttribute("data-date")));
    }

    [Fact]
    public void The_week_view_is_remembered_on_this_device()
    {
        PtApi();
        OpenWeek();
        Assert.Contains("week", Storage.Items["fitpilot:pt-bookings-view"]);

        var again = Render<BookingsPage>();
        again.WaitForAssertion(() => again.Find("[data-testid=week-day]"));
        Assert.Equal("true", again.FindAll("[data-testid=pt-sessions] button").Single(b => b.TextContent == "Week").GetAttribute("aria-pressed"));
    }
}
