using FitPilot.Contracts.Settings;
using FitPilot.Functions.Http;
using FitPilot.Functions.OpenApi;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FitPilot.Functions.Settings;

public sealed class SettingsFunctions(Api api, SettingsService settings)
{
    [Function(nameof(GetNotificationPreferences))]
    [ApiOperation("The signed-in user's email notification preferences", Access.SignedIn, null, typeof(NotificationPreferences))]
    public Task<IResult> GetNotificationPreferences(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "settings/notifications")] HttpRequest req) =>
        api.SignedIn(req, async (user, ct) => Api.Ok(await settings.GetNotificationsAsync(user.UserId, ct)));

    [Function(nameof(UpdateNotificationPreferences))]
    [ApiOperation("Save the signed-in user's email notification preferences", Access.SignedIn, typeof(NotificationPreferences), typeof(NotificationPreferences))]
    public Task<IResult> UpdateNotificationPreferences(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "settings/notifications")] HttpRequest req) =>
        api.SignedIn(req, async (user, ct) =>
        {
            var body = await RequestBody.ReadAsync<NotificationPreferences>(req, ct);
            return Api.Ok(await settings.SaveNotificationsAsync(user.UserId, body, ct));
        });
}
