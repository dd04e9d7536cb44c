using FitPilot.Contracts.Clients;
using FitPilot.Contracts.Common;

namespace FitPilot.Web.Api;

/// <summary>A PT's clients: the list, invitations, profiles and removal.</summary>
public sealed class ClientsApi(ApiClient api)
{
    /// <summary>One page of the PT's clients; pass the previous page's <see cref="Page{T}.NextCursor"/> for the next.</summary>
    public Task<ApiResult<Page<ClientProfile>>> ListAsync(int limit, string? cursor = null) =>
        api.GetAsync<Page<ClientProfile>>(ApiPath.WithQuery("api/clients", ("limit", limit.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("cursor", cursor)));

    public Task<ApiResult<ClientProfile>> GetAsync(string clientId) => api.GetAsync<ClientProfile>($"api/clients/{ApiPath.Id(clientId)}");

    /// <summary>Adds the client as invited and emails them a link to join.</summary>
    public Task<ApiResult<ClientProfile>> InviteAsync(InviteClientRequest invitation) => api.PostAsync<ClientProfile>("api/clients", invitation);

    public Task<ApiResult<ClientProfile>> UpdateProfileAsync(string clientId, UpdateClientRequest profile) =>
        api.PutAsync<ClientProfile>($"api/clients/{ApiPath.Id(clientId)}", profile);

    /// <summary>Removes the client and deletes all their data.</summary>
    public Task<ApiResult<Unit>> RemoveAsync(string clientId) => api.DeleteAsync($"api/clients/{ApiPath.Id(clientId)}");

    /// <summary>Emails a new invitation link; the old one stops working.</summary>
    public Task<ApiResult<ClientProfile>> ResendInvitationAsync(string clientId) =>
        api.PostAsync<ClientProfile>($"api/clients/{ApiPath.Id(clientId)}/invitation", null);

    public Task<ApiResult<Unit>> WithdrawInvitationAsync(string clientId) => api.DeleteAsync($"api/clients/{ApiPath.Id(clientId)}/invitation");
}
