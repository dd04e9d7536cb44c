using FitPilot.Contracts.Settings;

namespace FitPilot.Web.Api;

/// <summary>The signed-in user's settings (the password is changed through <see cref="AuthApi"/>).</summary>
public sealed class SettingsApi(ApiClient api)
{
    public Task<ApiResult<NotificationPreferences>> NotificationPreferencesAsync() => api.GetAsync<NotificationPreferences>("api/settings/notifications");

    public Task<ApiResult<NotificationPreferences>> SaveNotificationPreferencesAsync(NotificationPreferences preferences) =>
        api.PutAsync<NotificationPreferences>("api/settings/notifications", preferences);
}
