using FitPilot.Contracts.Auth;
using FitPilot.Contracts.Invitations;

namespace FitPilot.Web.Api;

/// <summary>A client's invitation link: what it offers, and accepting it.</summary>
public sealed class InvitationsApi(ApiClient api)
{
    public Task<ApiResult<InvitationPreview>> PreviewAsync(string token) => api.GetAsync<InvitationPreview>(ApiPath.WithQuery("api/invitations", ("token", token)));

    /// <summary>Sets the client's password and signs them in.</summary>
    public Task<ApiResult<SessionResponse>> AcceptAsync(AcceptInvitationRequest request) => api.PostAsync<SessionResponse>("api/invitations/accept", request);
}
