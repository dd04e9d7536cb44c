using FitPilot.Contracts.Bookings;
using FitPilot.Functions.Http;
using FitPilot.Functions.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace FitPilot.Functions.Bookings;

/// <summary>
/// Sessions with the PT: the PT's availability and session types, free slots in the caller's time zone, bookings (the client's own,
/// the PT's for a client), approval, rescheduling and cancelling, the calendar feed and the hourly reminder timer.
/// </summary>
public sealed class BookingFunctions(Api api, BookingService bookings, TimeProvider clock, ILogger<BookingFunctions> log)
{
    [Function(nameof(GetAvailability))]
    [ApiOperation("The PT's weekly windows and exceptions, in their time zone", Access.Trainer, null, typeof(Availability))]
    public Task<IResult> GetAvailability(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "availability")] HttpRequest req) =>
        api.Handle<TrainerCaller>(req, async call => Reply.Ok(await bookings.GetAvailabilityAsync(call.Caller.TrainerId, call.Caller.TimeZone, call.Cancellation)));

    [Function(nameof(SaveAvailability))]
    [ApiOperation("Publish the PT's weekly windows (local times in their time zone, on the quarter hour) and exceptions (days off, blocks)",
        Access.Trainer, typeof(SaveAvailabilityRequest), typeof(Availability))]
    public Task<IResult> SaveAvailability(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "availability")] HttpRequest req) =>
        api.Handle<TrainerCaller, SaveAvailabilityRequest>(req, async call => Reply.Ok(await bookings.SaveAvailabilityAsync(call.Caller, call.Body, call.Cancellation)));

    [Function(nameof(ListSessionTypes))]
    [ApiOperation("The session types the PT offers (a client sees their PT's)", Access.SignedIn, null, typeof(List<SessionType>))]
    public Task<IResult> ListSessionTypes(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "session-types")] HttpRequest req) =>
        api.Handle<Caller>(req, async call => Reply.Ok(await bookings.SessionTypesAsync(call.Caller.TrainerId, call.Cancellation)));

    [Function(nameof(CreateSessionType))]
    [ApiOperation("Offer a session type: length, buffer, in person or online, notice, cancellation window, approval", Access.Trainer,
        typeof(SaveSessionTypeRequest), typeof(SessionType), 201)]
    public Task<IResult> CreateSessionType(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "session-types")] HttpRequest req) =>
        api.Handle<TrainerCaller, SaveSessionTypeRequest>(req, async call =>
        {
            var type = await bookings.CreateSessionTypeAsync(call.Caller.TrainerId, call.Body, call.Cancellation);
            return Reply.Created($"/api/session-types/{type.Id}", type);
        });

    [Function(nameof(UpdateSessionType))]
    [ApiOperation("Change a session type (bookings already made keep their rules)", Access.Trainer, typeof(SaveSessionTypeRequest), typeof(SessionType))]
    public Task<IResult> UpdateSessionType(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "session-types/{sessionTypeId}")] HttpRequest req, string sessionTypeId) =>
        api.Handle<TrainerCaller, SaveSessionTypeRequest>(req, async call =>
            Reply.Ok(await bookings.UpdateSessionTypeAsync(call.Caller.TrainerId, sessionTypeId, call.Body, call.Cancellation)));

    [Function(nameof(DeleteSessionType))]
    [ApiOperation("Stop offering a session type", Access.Trainer, null, null, 204)]
    public Task<IResult> DeleteSessionType(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "session-types/{sessionTypeId}")] HttpRequest req, string sessionTypeId) =>
        api.Handle<TrainerCaller>(req, async call =>
        {
            await bookings.DeleteSessionTypeAsync(call.Caller.TrainerId, sessionTypeId, call.Cancellation);
            return Reply.NoContent();
        });

    [Function(nameof(ListFreeSlots))]
    [ApiOperation("The free starts of a session type between two of the caller's dates, with their time zone's offset", Access.SignedIn, null, typeof(FreeSlots),
        Query = ["sessionTypeId: the session type", "from: first day (default today)", "to: last day (default a week on; at most 31 days)"])]
    public Task<IResult> ListFreeSlots(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "booking-slots")] HttpRequest req) =>
        api.Handle<Caller>(req, async call =>
        {
            var type = Query.Optional(req, "sessionTypeId", 40) ?? throw ProblemException.BadQuery("sessionTypeId", "Give the session type (sessionTypeId).");
            var from = Query.Date(req, "from") ?? call.Caller.Today(clock.GetUtcNow());
            var to = Query.Date(req, "to") ?? from.AddDays(6);
            return Reply.Ok(await bookings.FreeSlotsAsync(call.Caller, type, from, to, call.Cancellation));
        });

    [Function(nameof(ListBookings))]
    [ApiOperation("Bookings between two of the caller's dates: all of the PT's, or the client's own", Access.SignedIn, null, typeof(List<Booking>),
        Query = ["from: first day (default today)", "to: last day (default 90 days on)"])]
    public Task<IResult> ListBookings(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "bookings")] HttpRequest req) =>
        api.Handle<Caller>(req, async call =>
            Reply.Ok(await bookings.ListAsync(call.Caller, Query.Date(req, "from"), Query.Date(req, "to"), call.Cancellation)));

    [Function(nameof(CreateBooking))]
    [ApiOperation("Book a session: a client for themselves (confirmed, or a request when the type needs approval), a PT for a client. 409 when the time was just taken",
        Access.SignedIn, typeof(CreateBookingRequest), typeof(Booking), 201, Problems = [409])]
    public Task<IResult> CreateBooking(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "bookings")] HttpRequest req) =>
        api.Handle<Caller, CreateBookingRequest>(req, async call =>
        {
            var booking = await bookings.BookAsync(call.Caller, call.Body, call.Cancellation);
            return Reply.Created($"/api/bookings/{booking.Id}", booking);
        });

    [Function(nameof(ApproveBooking))]
    [ApiOperation("Confirm a client's booking request", Access.Trainer, null, typeof(Booking), Problems = [409])]
    public Task<IResult> ApproveBooking(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "bookings/{bookingId}/approve")] HttpRequest req, string bookingId) =>
        api.Handle<TrainerCaller>(req, async call => Reply.Ok(await bookings.ApproveAsync(call.Caller, bookingId, call.Cancellation)));

    [Function(nameof(DeclineBooking))]
    [ApiOperation("Decline a client's booking request (its time is free again)", Access.Trainer, null, typeof(Booking), Problems = [409])]
    public Task<IResult> DeclineBooking(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "bookings/{bookingId}/decline")] HttpRequest req, string bookingId) =>
        api.Handle<TrainerCaller>(req, async call => Reply.Ok(await bookings.DeclineAsync(call.Caller, bookingId, call.Cancellation)));

    [Function(nameof(CancelBooking))]
    [ApiOperation("Cancel a booking. A client cannot cancel a confirmed session inside its cancellation window (409 saying the window)",
        Access.SignedIn, null, typeof(Booking), Problems = [409])]
    public Task<IResult> CancelBooking(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "bookings/{bookingId}/cancel")] HttpRequest req, string bookingId) =>
        api.Handle<Caller>(req, async call => Reply.Ok(await bookings.CancelAsync(call.Caller, bookingId, call.Cancellation)));

    [Function(nameof(RescheduleBooking))]
    [ApiOperation("Move a booking to another start (a client: a free one, outside the cancellation window)", Access.SignedIn,
        typeof(RescheduleBookingRequest), typeof(Booking), Problems = [409])]
    public Task<IResult> RescheduleBooking(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "bookings/{bookingId}/reschedule")] HttpRequest req, string bookingId) =>
        api.Handle<Caller, RescheduleBookingRequest>(req, async call =>
            Reply.Ok(await bookings.RescheduleAsync(call.Caller, bookingId, call.Body, call.Cancellation)));

    [Function(nameof(GetCalendarFeed))]
    [ApiOperation("The caller's calendar subscription URL (url null: none)", Access.SignedIn, null, typeof(CalendarFeed))]
    public Task<IResult> GetCalendarFeed(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "calendar-feed")] HttpRequest req) =>
        api.Handle<Caller>(req, async call => Reply.Ok(await bookings.FeedAsync(call.Caller, call.Cancellation)));

    [Function(nameof(RegenerateCalendarFeed))]
    [ApiOperation("A new secret calendar subscription URL; the old one stops working", Access.SignedIn, null, typeof(CalendarFeed), OpenWhenLapsed = true)]
    public Task<IResult> RegenerateCalendarFeed(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "calendar-feed")] HttpRequest req) =>
        api.Handle<Caller>(req, async call => Reply.Ok(await bookings.RegenerateFeedAsync(call.Caller, call.Cancellation)));

    [Function(nameof(RevokeCalendarFeed))]
    [ApiOperation("Revoke the calendar subscription URL", Access.SignedIn, null, null, 204, OpenWhenLapsed = true)]
    public Task<IResult> RevokeCalendarFeed(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "calendar-feed")] HttpRequest req) =>
        api.Handle<Caller>(req, async call =>
        {
            await bookings.RevokeFeedAsync(call.Caller, call.Cancellation);
            return Reply.NoContent();
        });

    [Function(nameof(CalendarFeedEvents))]
    [ApiOperation("The iCalendar (RFC 5545) feed a calendar app subscribes to, authorised by the secret token in its URL only", Access.Anonymous, null, null,
        ResponseMediaType = "text/calendar", Problems = [404])]
    public Task<IResult> CalendarFeedEvents(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "calendar-feeds/{token}")] HttpRequest req, string token) =>
        api.Handle<Nobody>(req, async call =>
        {
            call.Response.Headers.CacheControl = "private, max-age=300";
            return Reply.Text(await bookings.FeedCalendarAsync(token, call.Cancellation), BookingCalendar.ContentType);
        });

    /// <summary>Every hour: a reminder email (with the session's .ics) for each confirmed session starting within 24 hours, once.</summary>
    [Function(nameof(SendBookingReminders))]
    public async Task SendBookingReminders([TimerTrigger("0 30 * * * *")] TimerInfo timer, CancellationToken ct)
    {
        var roundTrips = StorageRoundTrips.Begin();
        var sent = await bookings.SendRemindersAsync(clock.GetUtcNow(), ct);
        log.LogInformation("Booking reminders: {Sent} sent ({RoundTrips} storage round trips)", sent, roundTrips.Count);
    }
}
