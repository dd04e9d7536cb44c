using FitPilot.Contracts.Auth;
using FitPilot.Contracts.Invitations;

namespace FitPilot.Web.Api;

/// <summary>A client's invitation link: what it offers, and accepting it.</summary>
public sealed class InvitationsApi(ApiClient api)
{
    /// <summary>Also sent by js/early-forms.js from the prerendered page, before the runtime has started.</summary>
    public const string PreviewRoute = "api/invitations", AcceptRoute = "api/invitations/accept";

    public Task<ApiResult<InvitationPreview>> PreviewAsync(string token) => api.GetAsync<InvitationPreview>(PreviewPath(token));

    /// <summary>The preview's path and query (also the key of the answer js/early-forms.js kept: <see cref="EarlyAnswers"/>).</summary>
    public static string PreviewPath(string token) => ApiPath.WithQuery(PreviewRoute, ("token", token));

    /// <summary>Sets the client's password and signs them in.</summary>
    public Task<ApiResult<SessionResponse>> AcceptAsync(AcceptInvitationRequest request) => api.PostAsync<SessionResponse>(AcceptRoute, request);
}
