using FitPilot.Contracts.Engagement;

namespace FitPilot.Web.Api;

/// <summary>Weekly check-ins: the PT's templates, schedules and reviews; the client's current check-in and history.</summary>
public sealed class CheckInsApi(ApiClient api)
{
    public Task<ApiResult<List<CheckInTemplate>>> TemplatesAsync() => api.GetAsync<List<CheckInTemplate>>("api/check-in-templates");
    public Task<ApiResult<CheckInTemplate>> TemplateAsync(string templateId) => api.GetAsync<CheckInTemplate>($"api/check-in-templates/{ApiPath.Id(templateId)}");
    public Task<ApiResult<CheckInTemplate>> CreateTemplateAsync(SaveCheckInTemplateRequest request) => api.PostAsync<CheckInTemplate>("api/check-in-templates", request);
    public Task<ApiResult<CheckInTemplate>> UpdateTemplateAsync(string templateId, SaveCheckInTemplateRequest request) =>
        api.PutAsync<CheckInTemplate>($"api/check-in-templates/{ApiPath.Id(templateId)}", request);
    public Task<ApiResult<Unit>> DeleteTemplateAsync(string templateId) => api.DeleteAsync($"api/check-in-templates/{ApiPath.Id(templateId)}");

    /// <summary>The client's weekly check-in; 404 when none is assigned.</summary>
    public Task<ApiResult<CheckInSchedule>> ScheduleAsync(string clientId) => api.GetAsync<CheckInSchedule>($"api/clients/{ApiPath.Id(clientId)}/check-in-schedule");
    public Task<ApiResult<CheckInSchedule>> AssignAsync(string clientId, AssignCheckInRequest request) =>
        api.PutAsync<CheckInSchedule>($"api/clients/{ApiPath.Id(clientId)}/check-in-schedule", request);
    public Task<ApiResult<Unit>> UnassignAsync(string clientId) => api.DeleteAsync($"api/clients/{ApiPath.Id(clientId)}/check-in-schedule");

    public Task<ApiResult<List<CheckIn>>> AwaitingReviewAsync() => api.GetAsync<List<CheckIn>>("api/check-ins/awaiting-review");
    public Task<ApiResult<List<CheckIn>>> ClientCheckInsAsync(string clientId) => api.GetAsync<List<CheckIn>>($"api/clients/{ApiPath.Id(clientId)}/check-ins");
    public Task<ApiResult<CheckInReview>> ReviewAsync(string clientId, string checkInId) =>
        api.GetAsync<CheckInReview>($"api/clients/{ApiPath.Id(clientId)}/check-ins/{ApiPath.Id(checkInId)}");
    public Task<ApiResult<CheckIn>> RespondAsync(string clientId, string checkInId, ReviewCheckInRequest request) =>
        api.PostAsync<CheckIn>($"api/clients/{ApiPath.Id(clientId)}/check-ins/{ApiPath.Id(checkInId)}/review", request);

    // The client's own.
    public Task<ApiResult<CurrentCheckIn>> CurrentAsync() => api.GetAsync<CurrentCheckIn>("api/check-ins/current");
    public Task<ApiResult<CheckIn>> SaveDraftAsync(SaveCheckInAnswersRequest request) => api.PutAsync<CheckIn>("api/check-ins/current", request);
    /// <summary>409 when this period's check-in is submitted already; 400 with field errors per answer.</summary>
    public Task<ApiResult<CheckIn>> SubmitAsync(SaveCheckInAnswersRequest request) => api.PostAsync<CheckIn>("api/check-ins/current/submit", request);
    public Task<ApiResult<List<CheckIn>>> HistoryAsync() => api.GetAsync<List<CheckIn>>("api/check-ins");
}
