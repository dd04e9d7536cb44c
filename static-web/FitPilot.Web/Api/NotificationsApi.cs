using FitPilot.Contracts.Common;
using FitPilot.Contracts.Training;
using FitPilot.Contracts.Engagement;

namespace FitPilot.Web.Api;

/// <summary>The notification centre (shared by every feature) and the achievements it announces.</summary>
public sealed class NotificationsApi(ApiClient api)
{
    /// <summary>Newest first, a page at a time.</summary>
    public Task<ApiResult<Page<Notification>>> ListAsync(string? cursor = null) => api.GetAsync<Page<Notification>>(ApiPath.WithQuery("api/notifications", ("cursor", cursor)));
    /// <summary>Raised with the unread count whenever a call here learns it, so the shell's bell and the list agree.</summary>
    public event Action<int>? UnreadChanged;

    public async Task<ApiResult<UnreadCount>> UnreadAsync()
    {
        var result = await api.GetAsync<UnreadCount>("api/notifications/unread-count");
        if (result.Ok) UnreadChanged?.Invoke(result.Value!.Unread);
        return result;
    }

    /// <summary>Marks one read, then asks for the new count (for the bell).</summary>
    public async Task<ApiResult<Unit>> MarkReadAsync(string notificationId)
    {
        var result = await api.PostAsync($"api/notifications/{ApiPath.Id(notificationId)}/read", null);
        if (result.Ok) await UnreadAsync();
        return result;
    }

    public async Task<ApiResult<Unit>> MarkAllReadAsync()
    {
        var result = await api.PostAsync("api/notifications/read-all", null);
        if (result.Ok) UnreadChanged?.Invoke(0);
        return result;
    }

    /// <summary>The signed-in client's achievements (<paramref name="clientId"/> null) or, for their PT, one client's.</summary>
    public Task<ApiResult<List<Achievement>>> AchievementsAsync(string? clientId = null) =>
        api.GetAsync<List<Achievement>>(clientId is null ? "api/achievements" : $"api/clients/{ApiPath.Id(clientId)}/achievements");
}
