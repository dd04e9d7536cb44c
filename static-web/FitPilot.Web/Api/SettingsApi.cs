using FitPilot.Contracts.Settings;

namespace FitPilot.Web.Api;

/// <summary>The signed-in user's settings (the password is changed through <see cref="AuthApi"/>).</summary>
public sealed class SettingsApi(ApiClient api)
{
    public Task<ApiResult<NotificationPreferences>> NotificationPreferencesAsync() => api.GetAsync<NotificationPreferences>("api/settings/notifications");

    public Task<ApiResult<NotificationPreferences>> SaveNotificationPreferencesAsync(NotificationPreferences preferences) =>
        api.PutAsync<NotificationPreferences>("api/settings/notifications", preferences);

    /// <summary>Every time zone id the API knows (IANA).</summary>
    public Task<ApiResult<List<string>>> TimeZonesAsync() => api.GetAsync<List<string>>("api/settings/time-zones");

    /// <summary>Moves the user to another time zone, on every device.</summary>
    public Task<ApiResult<TimeZoneSettings>> SaveTimeZoneAsync(string timeZone) =>
        api.PutAsync<TimeZoneSettings>("api/settings/time-zone", new TimeZoneSettings { TimeZone = timeZone });

    /// <summary>Shows and takes weights in "kg" or "lb" from now on, everywhere (they stay stored in kg).</summary>
    public Task<ApiResult<UnitSettings>> SaveUnitsAsync(string weightUnit) =>
        api.PutAsync<UnitSettings>("api/settings/units", new UnitSettings { WeightUnit = weightUnit });
}
