using FitPilot.Contracts.Bookings;

namespace FitPilot.Web.Api;

/// <summary>Bookings: the PT's availability and session types, free slots in the user's zone, bookings, the calendar feed.</summary>
public sealed class BookingsApi(ApiClient api)
{
    public Task<ApiResult<Availability>> AvailabilityAsync() => api.GetAsync<Availability>("api/availability");
    public Task<ApiResult<Availability>> SaveAvailabilityAsync(SaveAvailabilityRequest request) => api.PutAsync<Availability>("api/availability", request);

    public Task<ApiResult<List<SessionType>>> SessionTypesAsync() => api.GetAsync<List<SessionType>>("api/session-types");
    public Task<ApiResult<SessionType>> CreateSessionTypeAsync(SaveSessionTypeRequest request) => api.PostAsync<SessionType>("api/session-types", request);
    public Task<ApiResult<SessionType>> UpdateSessionTypeAsync(string id, SaveSessionTypeRequest request) => api.PutAsync<SessionType>($"api/session-types/{ApiPath.Id(id)}", request);
    public Task<ApiResult<Unit>> DeleteSessionTypeAsync(string id) => api.DeleteAsync($"api/session-types/{ApiPath.Id(id)}");

    public Task<ApiResult<FreeSlots>> SlotsAsync(string sessionTypeId, DateOnly from, DateOnly to) =>
        api.GetAsync<FreeSlots>(ApiPath.WithQuery("api/booking-slots", ("sessionTypeId", sessionTypeId), ("from", from.ToString("yyyy-MM-dd")), ("to", to.ToString("yyyy-MM-dd"))));

    /// <summary>Bookings between two of the caller's days (none: from today, 90 days on).</summary>
    public Task<ApiResult<List<Booking>>> ListAsync(DateOnly? from = null, DateOnly? to = null) =>
        api.GetAsync<List<Booking>>(ApiPath.WithQuery("api/bookings", ("from", from?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
            ("to", to?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))));
    public Task<ApiResult<Booking>> BookAsync(CreateBookingRequest request) => api.PostAsync<Booking>("api/bookings", request);
    public Task<ApiResult<Booking>> CancelAsync(string id) => api.PostAsync<Booking>($"api/bookings/{ApiPath.Id(id)}/cancel", null);
    public Task<ApiResult<Booking>> RescheduleAsync(string id, DateTimeOffset startsAt) =>
        api.PostAsync<Booking>($"api/bookings/{ApiPath.Id(id)}/reschedule", new RescheduleBookingRequest { StartsAt = startsAt });
    public Task<ApiResult<Booking>> ApproveAsync(string id) => api.PostAsync<Booking>($"api/bookings/{ApiPath.Id(id)}/approve", null);
    public Task<ApiResult<Booking>> DeclineAsync(string id) => api.PostAsync<Booking>($"api/bookings/{ApiPath.Id(id)}/decline", null);

    public Task<ApiResult<CalendarFeed>> FeedAsync() => api.GetAsync<CalendarFeed>("api/calendar-feed");
    public Task<ApiResult<CalendarFeed>> RegenerateFeedAsync() => api.PostAsync<CalendarFeed>("api/calendar-feed", null);
    public Task<ApiResult<Unit>> RevokeFeedAsync() => api.DeleteAsync("api/calendar-feed");
}
