using FitPilot.Contracts.Auth;
using FitPilot.Contracts.Clients;
using FitPilot.Contracts.Trainers;

namespace FitPilot.Web.Api;

/// <summary>Accounts and sessions (the API's Auth feature): sign-up, log in and out, passwords, and who is signed in.</summary>
public sealed class AuthApi(ApiClient api)
{
    // Also what a prerendered public form posts to before the runtime has started (data-early, js/early-forms.js).
    public const string RegisterRoute = "api/auth/register", LoginRoute = "api/auth/login",
        ForgotPasswordRoute = "api/auth/forgot-password", ResetPasswordRoute = "api/auth/reset-password";

    /// <summary>Who is signed in; a 401 here only means "nobody", not an ended session.</summary>
    public Task<ApiResult<MeResponse>> MeAsync() => api.GetAsync<MeResponse>("api/me");

    public Task<ApiResult<MeResponse>> UpdateMyProfileAsync(UpdateTrainerProfileRequest profile) => api.PutAsync<MeResponse>("api/me", profile);

    public Task<ApiResult<MeResponse>> UpdateMyProfileAsync(UpdateClientRequest profile) => api.PutAsync<MeResponse>("api/me", profile);

    public Task<ApiResult<SessionResponse>> RegisterTrainerAsync(RegisterTrainerRequest request) => api.PostAsync<SessionResponse>(RegisterRoute, request);

    public Task<ApiResult<SessionResponse>> LogInAsync(LoginRequest request) => api.PostAsync<SessionResponse>(LoginRoute, request);

    public Task<ApiResult<Unit>> LogOutAsync() => api.PostAsync("api/auth/logout", null);

    /// <summary>Ends every session of the user, this one included.</summary>
    public Task<ApiResult<Unit>> LogOutEverywhereAsync() => api.PostAsync("api/auth/logout-everywhere", null);

    public Task<ApiResult<Unit>> ForgotPasswordAsync(ForgotPasswordRequest request) => api.PostAsync(ForgotPasswordRoute, request);

    public Task<ApiResult<Unit>> ResetPasswordAsync(ResetPasswordRequest request) => api.PostAsync(ResetPasswordRoute, request);

    /// <summary>Ends the user's other sessions and renews this one.</summary>
    public Task<ApiResult<SessionResponse>> ChangePasswordAsync(ChangePasswordRequest request) => api.PutAsync<SessionResponse>("api/settings/password", request);
}
