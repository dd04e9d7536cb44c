using System.Net;
using FitPilot.Contracts.Bookings;
using FitPilot.Functions.Bookings;
using FitPilot.Functions.Clients;
using FitPilot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace FitPilot.Tests.Bookings;

/// <summary>Booking through the API against real Azurite and smtp4dev: availability, free slots, booking rules, concurrency, feeds, emails.</summary>
[Collection(HostCollection.Name)]
public sealed class BookingTests(HostFixture host)
{
    private readonly ApiClient _api = host.NewClient();

    private sealed record Setup(ApiClient.Trainer Pt, ApiClient.ClientAccount Client, SessionType Type);

    /// <summary>A PT (UTC) open every day, all day, with one session type; an onboarded client (UTC).</summary>
    private async Task<Setup> ArrangeAsync(int cancellationWindowHours = 48, bool requiresApproval = false, int minNoticeHours = 0)
    {
        var pt = await _api.RegisterTrainerAsync("Booking Coach");
        var client = await _api.OnboardClientAsync(pt, host.Mailbox);
        await _api.PutAsync("/api/settings/time-zone", new { timeZone = "UTC" }, pt.Token);
        await _api.PutAsync("/api/settings/time-zone", new { timeZone = "UTC" }, client.Token);
        await ApiClient.ReadAsync<Availability>(await _api.PutAsync("/api/availability", new
        {
            weekly = Enumerable.Range(1, 7).Select(d => new { dayOfWeek = d, start = "00:00", end = "24:00" }).ToArray(),
            exceptions = Array.Empty<object>(),
        }, pt.Token));
        var type = await ApiClient.ReadAsync<SessionType>(await _api.PostAsync("/api/session-types", new
        {
            name = "PT session", durationMinutes = 60, bufferMinutes = 15, mode = "in-person", location = "Studio 1",
            minNoticeHours, cancellationWindowHours, requiresApproval,
        }, pt.Token), HttpStatusCode.Created);
        return new Setup(pt, client, type);
    }

    private async Task<FreeSlots> SlotsAsync(Setup s, string token, DateOnly from, DateOnly to) =>
        await ApiClient.ReadAsync<FreeSlots>(await _api.GetAsync($"/api/booking-slots?sessionTypeId={s.Type.Id}&from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}", token));

    /// <summary>The first free start at least <paramref name="hours"/> from now.</summary>
    private async Task<DateTimeOffset> FreeStartAfterAsync(Setup s, double hours)
    {
        var after = DateTimeOffset.UtcNow.AddHours(hours);
        var day = DateOnly.FromDateTime(after.UtcDateTime);
        var slots = await SlotsAsync(s, s.Client.Token, day, day.AddDays(1));
        return slots.Slots.First(x => x.StartsAt >= after).StartsAt;
    }

    private async Task<HttpResponseMessage> BookAsync(Setup s, DateTimeOffset start) =>
        await _api.PostAsync("/api/bookings", new { sessionTypeId = s.Type.Id, startsAt = start }, s.Client.Token);

    [Fact]
    public async Task Fifty_simultaneous_requests_for_one_slot_give_exactly_one_booking()
    {
        var s = await ArrangeAsync();
        var start = await FreeStartAfterAsync(s, 30);
        var responses = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => BookAsync(s, start)));

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        foreach (var refused in responses.Where(r => r.StatusCode != HttpStatusCode.Created))
            Assert.Equal("Time taken", (await ApiClient.ProblemAsync(refused, HttpStatusCode.Conflict)).GetProperty("title").GetString());
        var mine = await ApiClient.ReadAsync<List<Booking>>(await _api.GetAsync($"/api/bookings?from={start.UtcDateTime:yyyy-MM-dd}", s.Client.Token));
        Assert.Single(mine, b => b.StartsAt == start);
        // The time (and its buffer) is no longer offered; the PT sees the booking.
        var slots = await SlotsAsync(s, s.Client.Token, DateOnly.FromDateTime(start.UtcDateTime), DateOnly.FromDateTime(start.UtcDateTime));
        Assert.DoesNotContain(slots.Slots, x => x.StartsAt < start.AddMinutes(75) && start < x.EndsAt);
        var theirs = await ApiClient.ReadAsync<List<Booking>>(await _api.GetAsync($"/api/bookings?from={start.UtcDateTime:yyyy-MM-dd}", s.Pt.Token));
        Assert.Equal(BookingStatuses.Confirmed, Assert.Single(theirs).Status);
    }

    [Fact]
    public async Task A_client_cancels_outside_the_window_and_is_refused_inside_it_in_words()
    {
        var s = await ArrangeAsync(cancellationWindowHours: 48);
        var far = await ApiClient.ReadAsync<Booking>(await BookAsync(s, await FreeStartAfterAsync(s, 72)), HttpStatusCode.Created);
        var near = await ApiClient.ReadAsync<Booking>(await BookAsync(s, await FreeStartAfterAsync(s, 20)), HttpStatusCode.Created);

        var cancelled = await ApiClient.ReadAsync<Booking>(await _api.PostAsync($"/api/bookings/{far.Id}/cancel", null, s.Client.Token));
        Assert.Equal(BookingStatuses.Cancelled, cancelled.Status);
        var refusal = await ApiClient.ProblemAsync(await _api.PostAsync($"/api/bookings/{near.Id}/cancel", null, s.Client.Token), HttpStatusCode.Conflict);
        Assert.Equal("Inside the cancellation window", refusal.GetProperty("title").GetString());
        Assert.Contains("up to 48 hours before", refusal.GetProperty("detail").GetString());
        // Moving it is refused the same way; the PT may still cancel it.
        await ApiClient.ProblemAsync(await _api.PostAsync($"/api/bookings/{near.Id}/reschedule", new { startsAt = far.StartsAt }, s.Client.Token), HttpStatusCode.Conflict);
        Assert.Equal(BookingStatuses.Cancelled, (await ApiClient.ReadAsync<Booking>(await _api.PostAsync($"/api/bookings/{near.Id}/cancel", null, s.Pt.Token))).Status);
        // The cancelled far time is free again.
        var day = DateOnly.FromDateTime(far.StartsAt.UtcDateTime);
        Assert.Contains((await SlotsAsync(s, s.Client.Token, day, day)).Slots, x => x.StartsAt == far.StartsAt);
    }

    [Fact]
    public async Task A_request_waits_for_the_PT_who_approves_or_declines_it_and_a_decline_frees_the_time()
    {
        var s = await ArrangeAsync(requiresApproval: true);
        var first = await ApiClient.ReadAsync<Booking>(await BookAsync(s, await FreeStartAfterAsync(s, 50)), HttpStatusCode.Created);
        var second = await ApiClient.ReadAsync<Booking>(await BookAsync(s, await FreeStartAfterAsync(s, 80)), HttpStatusCode.Created);
        Assert.Equal(BookingStatuses.Requested, first.Status);
        await host.Mailbox.WaitForAsync(s.Pt.Email, "asks for a session");

        await ApiClient.ProblemAsync(await _api.PostAsync($"/api/bookings/{first.Id}/approve", null, s.Client.Token), HttpStatusCode.Forbidden);
        Assert.Equal(BookingStatuses.Confirmed, (await ApiClient.ReadAsync<Booking>(await _api.PostAsync($"/api/bookings/{first.Id}/approve", null, s.Pt.Token))).Status);
        Assert.Equal(BookingStatuses.Declined, (await ApiClient.ReadAsync<Booking>(await _api.PostAsync($"/api/bookings/{second.Id}/decline", null, s.Pt.Token))).Status);
        await ApiClient.ProblemAsync(await _api.PostAsync($"/api/bookings/{second.Id}/approve", null, s.Pt.Token), HttpStatusCode.Conflict);
        await host.Mailbox.WaitForAsync(s.Client.Email, "confirmed");
        await host.Mailbox.WaitForAsync(s.Client.Email, "declined");
        var day = DateOnly.FromDateTime(second.StartsAt.UtcDateTime);
        Assert.Contains((await SlotsAsync(s, s.Client.Token, day, day)).Slots, x => x.StartsAt == second.StartsAt);
    }

    [Fact]
    public async Task Rescheduling_moves_the_claim_and_the_PT_books_for_a_client_inside_the_notice()
    {
        var s = await ArrangeAsync(minNoticeHours: 48);
        // The client cannot book inside the notice; the PT can, for them.
        var soon = DateTimeOffset.UtcNow.AddHours(5);
        var soonStart = new DateTimeOffset(soon.Year, soon.Month, soon.Day, soon.Hour, 0, 0, TimeSpan.Zero);
        Assert.Equal("Too short notice", (await ApiClient.ProblemAsync(await BookAsync(s, soonStart), HttpStatusCode.Conflict)).GetProperty("title").GetString());
        var byPt = await ApiClient.ReadAsync<Booking>(await _api.PostAsync("/api/bookings", new { sessionTypeId = s.Type.Id, clientId = s.Client.Id, startsAt = soonStart }, s.Pt.Token), HttpStatusCode.Created);
        Assert.Equal("trainer", byPt.BookedBy);
        await ApiClient.ProblemAsync(await _api.PostAsync("/api/bookings", new { sessionTypeId = s.Type.Id, startsAt = soonStart }, s.Pt.Token), HttpStatusCode.BadRequest);

        var a = await FreeStartAfterAsync(s, 60);
        var booking = await ApiClient.ReadAsync<Booking>(await BookAsync(s, a), HttpStatusCode.Created);
        var b = a.AddHours(3);
        var moved = await ApiClient.ReadAsync<Booking>(await _api.PostAsync($"/api/bookings/{booking.Id}/reschedule", new { startsAt = b }, s.Client.Token));
        Assert.Equal(b, moved.StartsAt);
        var slots = (await SlotsAsync(s, s.Client.Token, DateOnly.FromDateTime(a.UtcDateTime), DateOnly.FromDateTime(b.UtcDateTime))).Slots;
        Assert.Contains(slots, x => x.StartsAt == a);
        Assert.DoesNotContain(slots, x => x.StartsAt == b);
        // Off the grid, or outside the PT's hours, is a field error.
        await ApiClient.ProblemAsync(await BookAsync(s, a.AddMinutes(7)), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Free_slots_of_a_Sydney_PT_read_right_for_a_Los_Angeles_client_across_both_DST_changes()
    {
        var pt = await _api.RegisterTrainerAsync("Sydney Coach");
        var client = await _api.OnboardClientAsync(pt, host.Mailbox);
        await _api.PutAsync("/api/settings/time-zone", new { timeZone = "Australia/Sydney" }, pt.Token);
        await _api.PutAsync("/api/settings/time-zone", new { timeZone = "America/Los_Angeles" }, client.Token);
        var availability = await ApiClient.ReadAsync<Availability>(await _api.PutAsync("/api/availability", new
        {
            weekly = Enumerable.Range(1, 7).Select(d => new { dayOfWeek = d, start = "09:00", end = "10:00" }).ToArray(),
            exceptions = new[] { new { date = new DateOnly(2027, 4, 6), reason = "Holiday" } },
        }, pt.Token));
        Assert.Equal("Australia/Sydney", availability.TimeZone);
        var type = await ApiClient.ReadAsync<SessionType>(await _api.PostAsync("/api/session-types", new { name = "Hour", durationMinutes = 60, mode = "online", onlineLink = "https://meet.example.com/x" }, pt.Token), HttpStatusCode.Created);

        async Task<List<FreeSlot>> Slots(string token, string from, string to) =>
            (await ApiClient.ReadAsync<FreeSlots>(await _api.GetAsync($"/api/booking-slots?sessionTypeId={type.Id}&from={from}&to={to}", token))).Slots.ToList();

        // April 2027: Sydney leaves daylight saving on Sunday 4 April (LA is on PDT all month). 09:00 in Sydney is 15:00 PDT
        // before, 16:00 PDT after; 6 April (Sydney) is a holiday.
        var april = await Slots(client.Token, "2027-04-01", "2027-04-07");
        Assert.All(april, x => Assert.Equal(TimeSpan.FromHours(-7), x.StartsAt.Offset));
        Assert.Equal(["2027-04-01 15:00", "2027-04-02 15:00", "2027-04-03 16:00", "2027-04-04 16:00", "2027-04-06 16:00", "2027-04-07 16:00"],
            april.Select(x => $"{x.LocalDate:yyyy-MM-dd} {x.LocalTime}").ToList());
        var ptApril = await Slots(pt.Token, "2027-04-01", "2027-04-07");
        Assert.All(ptApril, x => Assert.Equal("09:00", x.LocalTime));
        Assert.DoesNotContain(ptApril, x => x.LocalDate == new DateOnly(2027, 4, 6));

        // October/November 2027: Sydney enters daylight saving on 3 October (16:00 → 15:00 PDT from the 2nd, LA's date), LA leaves it on 7 November (15:00 PDT → 14:00 PST).
        var october = await Slots(client.Token, "2027-10-01", "2027-10-04");
        Assert.Equal(["16:00", "15:00", "15:00", "15:00"], october.Select(x => x.LocalTime).ToList());
        var november = await Slots(client.Token, "2027-11-05", "2027-11-08");
        Assert.Equal([TimeSpan.FromHours(-7), TimeSpan.FromHours(-7), TimeSpan.FromHours(-8), TimeSpan.FromHours(-8)], november.Select(x => x.StartsAt.Offset).ToList());
        Assert.Equal(["15:00", "15:00", "14:00", "14:00"], november.Select(x => x.LocalTime).ToList());
        Assert.All(november, x => Assert.Equal(9, BookingRules.InZone("Australia/Sydney", x.StartsAt).Hour));
    }

    [Fact]
    public async Task A_booking_email_carries_an_ics_and_the_calendar_feed_parses_with_its_token_only()
    {
        var s = await ArrangeAsync();
        var booking = await ApiClient.ReadAsync<Booking>(await BookAsync(s, await FreeStartAfterAsync(s, 30)), HttpStatusCode.Created);

        var email = await host.Mailbox.WaitForAsync(s.Client.Email, "Your session is booked");
        var mime = MimeKit.MimeMessage.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(await host.Mailbox.SourceAsync(email.Id))));
        var attachment = Assert.Single(mime.Attachments.OfType<MimeKit.MimePart>());
        Assert.Equal("session.ics", attachment.FileName);
        using var ics = new MemoryStream();
        await attachment.Content!.DecodeToAsync(ics);
        var attached = Ical.Net.Calendar.Load(System.Text.Encoding.UTF8.GetString(ics.ToArray()))!;
        Assert.Equal(booking.StartsAt.UtcDateTime, Assert.Single(attached.Events).DtStart!.AsUtc);

        var feed = await ApiClient.ReadAsync<CalendarFeed>(await _api.PostAsync("/api/calendar-feed", null, s.Client.Token));
        Assert.NotNull(feed.Url);
        var path = new Uri(feed.Url!).AbsolutePath;
        var response = await _api.GetAsync(path); // no session: the token alone
        Assert.Equal("text/calendar", response.Content.Headers.ContentType!.MediaType);
        var calendar = Ical.Net.Calendar.Load(await response.Content.ReadAsStringAsync())!;
        var ev = Assert.Single(calendar.Events);
        Assert.Equal($"{booking.Id}@fitpilot", ev.Uid);
        Assert.Equal(booking.StartsAt.UtcDateTime, ev.DtStart!.AsUtc);
        Assert.Equal(booking.EndsAt.UtcDateTime, ev.DtEnd!.AsUtc);
        Assert.Equal("CONFIRMED", ev.Status);
        Assert.Equal(feed, await ApiClient.ReadAsync<CalendarFeed>(await _api.GetAsync("/api/calendar-feed", s.Client.Token)));

        // The PT's feed has it too; a new URL retires the old one; revoking retires it.
        var ptFeed = await ApiClient.ReadAsync<CalendarFeed>(await _api.PostAsync("/api/calendar-feed", null, s.Pt.Token));
        Assert.Single(Ical.Net.Calendar.Load(await (await _api.GetAsync(new Uri(ptFeed.Url!).AbsolutePath)).Content.ReadAsStringAsync())!.Events);
        var renewed = await ApiClient.ReadAsync<CalendarFeed>(await _api.PostAsync("/api/calendar-feed", null, s.Client.Token));
        await ApiClient.ProblemAsync(await _api.GetAsync(path), HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.OK, (await _api.GetAsync(new Uri(renewed.Url!).AbsolutePath)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await _api.DeleteAsync("/api/calendar-feed", s.Client.Token)).StatusCode);
        await ApiClient.ProblemAsync(await _api.GetAsync(new Uri(renewed.Url!).AbsolutePath), HttpStatusCode.NotFound);
        Assert.Null((await ApiClient.ReadAsync<CalendarFeed>(await _api.GetAsync("/api/calendar-feed", s.Client.Token))).Url);
    }

    [Fact]
    public async Task A_reminder_goes_once_24_hours_before_and_a_removed_clients_bookings_go_with_them()
    {
        var s = await ArrangeAsync();
        var soon = await ApiClient.ReadAsync<Booking>(await BookAsync(s, await FreeStartAfterAsync(s, 20)), HttpStatusCode.Created);
        var later = await ApiClient.ReadAsync<Booking>(await BookAsync(s, await FreeStartAfterAsync(s, 50)), HttpStatusCode.Created);
        var service = host.Services.GetRequiredService<BookingService>();
        var store = host.Services.GetRequiredService<BookingStore>();

        await service.SendRemindersAsync(DateTimeOffset.UtcNow, default);
        await service.SendRemindersAsync(DateTimeOffset.UtcNow, default);
        await host.Mailbox.WaitForAsync(s.Client.Email, "Reminder");
        Assert.Equal(1, await host.Mailbox.CountToAsync(s.Client.Email, "Reminder"));
        Assert.True((await store.FindAsync<BookingEntity>(s.Pt.Id, BookingRows.BookingKey(soon.Id), default))!.Reminded);
        Assert.False((await store.FindAsync<BookingEntity>(s.Pt.Id, BookingRows.BookingKey(later.Id), default))!.Reminded);

        await service.HandleAsync(new ClientRemoved(s.Pt.Id, s.Client.Id), default);
        await service.HandleAsync(new ClientRemoved(s.Pt.Id, s.Client.Id), default); // redelivered: nothing left to do
        Assert.Empty(await store.RowsAsync<BookingEntity>(s.Pt.Id, BookingRows.Booking, default));
        Assert.Empty(await store.RowsAsync<CellEntity>(s.Pt.Id, BookingRows.Cell, default));
    }

    [Fact]
    public async Task Bad_availability_and_session_types_are_field_errors()
    {
        var s = await ArrangeAsync();
        var bad = await ApiClient.ProblemAsync(await _api.PutAsync("/api/availability", new
        {
            weekly = new[] { new { dayOfWeek = 1, start = "10:00", end = "09:00" }, new { dayOfWeek = 8, start = "09:10", end = "10:00" } },
            exceptions = new[] { new { date = new DateOnly(2027, 1, 1), start = "10:00" } },
        }, s.Pt.Token), HttpStatusCode.BadRequest);
        var errors = bad.GetProperty("errors");
        Assert.True(errors.TryGetProperty("weekly[1].dayOfWeek", out _), errors.ToString());
        var again = await ApiClient.ProblemAsync(await _api.PutAsync("/api/availability", new
        {
            weekly = new[] { new { dayOfWeek = 1, start = "10:00", end = "09:00" } },
            exceptions = new[] { new { date = new DateOnly(2027, 1, 1), start = "10:00" } },
        }, s.Pt.Token), HttpStatusCode.BadRequest);
        Assert.True(again.GetProperty("errors").TryGetProperty("weekly[0].end", out _));
        Assert.True(again.GetProperty("errors").TryGetProperty("exceptions[0].end", out _));
        var online = await ApiClient.ProblemAsync(await _api.PostAsync("/api/session-types", new { name = "Zoom", durationMinutes = 50, mode = "online" }, s.Pt.Token), HttpStatusCode.BadRequest);
        Assert.True(online.GetProperty("errors").TryGetProperty("onlineLink", out _));
        Assert.True(online.GetProperty("errors").TryGetProperty("durationMinutes", out _));
        await ApiClient.ProblemAsync(await _api.GetAsync($"/api/booking-slots?sessionTypeId={s.Type.Id}&from=2027-01-01&to=2027-03-01", s.Client.Token), HttpStatusCode.BadRequest);
        await ApiClient.ProblemAsync(await _api.GetAsync("/api/booking-slots", s.Client.Token), HttpStatusCode.BadRequest);
        await ApiClient.ProblemAsync(await _api.PutAsync("/api/availability", new { weekly = Array.Empty<object>(), exceptions = Array.Empty<object>() }, s.Client.Token), HttpStatusCode.Forbidden);
    }
}
