using FitPilot.Contracts.Programs;

namespace FitPilot.Web.Api;

/// <summary>Programs and templates: the builder's document, assigning templates and a client program's schedule.</summary>
public sealed class ProgramsApi(ApiClient api)
{
    /// <summary>All of the PT's templates and client programs.</summary>
    public Task<ApiResult<List<ProgramSummary>>> ListAsync() => api.GetAsync<List<ProgramSummary>>("api/programs");

    public Task<ApiResult<List<ProgramSummary>>> ListForClientAsync(string clientId) =>
        api.GetAsync<List<ProgramSummary>>(ApiPath.WithQuery("api/programs", ("clientId", clientId)));

    /// <summary>The program with its version (<see cref="ApiResult{T}.ETag"/>), to send back when saving.</summary>
    public Task<ApiResult<ProgramDto>> GetAsync(string programId) => api.GetAsync<ProgramDto>($"api/programs/{ApiPath.Id(programId)}");

    /// <summary>A new program or template; <see cref="SaveProgramRequest.Id"/> made on the device makes a retry safe.</summary>
    public Task<ApiResult<ProgramDto>> CreateProgramAsync(SaveProgramRequest program) => api.PostAsync<ProgramDto>("api/programs", program);

    /// <summary>Saves the whole program over the version read (<paramref name="etag"/>); a newer version answers 409.</summary>
    public Task<ApiResult<ProgramDto>> SaveProgramAsync(string programId, SaveProgramRequest program, string? etag) =>
        api.SendAsync<ProgramDto>(HttpMethod.Put, $"api/programs/{ApiPath.Id(programId)}", program, etag);

    public Task<ApiResult<Unit>> DeleteProgramAsync(string programId) => api.DeleteAsync($"api/programs/{ApiPath.Id(programId)}");

    /// <summary>Gives each client their own copy of the template.</summary>
    public Task<ApiResult<List<ProgramDto>>> AssignTemplateAsync(string templateId, AssignTemplateRequest request) =>
        api.PostAsync<List<ProgramDto>>($"api/programs/{ApiPath.Id(templateId)}/assign", request);

    public Task<ApiResult<ProgramDto>> DuplicateAsync(string programId, DuplicateProgramRequest request) =>
        api.PostAsync<ProgramDto>($"api/programs/{ApiPath.Id(programId)}/duplicate", request);

    public Task<ApiResult<ProgramDto>> PauseAsync(string programId) => Action(programId, "pause");

    public Task<ApiResult<ProgramDto>> ResumeAsync(string programId) => Action(programId, "resume");

    /// <summary>Ends the program today.</summary>
    public Task<ApiResult<ProgramDto>> EndAsync(string programId) => Action(programId, "end");

    public Task<ApiResult<ProgramDto>> PushBackAsync(string programId, PushBackRequest request) =>
        api.PostAsync<ProgramDto>($"api/programs/{ApiPath.Id(programId)}/push-back", request);

    private Task<ApiResult<ProgramDto>> Action(string programId, string action) => api.PostAsync<ProgramDto>($"api/programs/{ApiPath.Id(programId)}/{action}", null);
}
