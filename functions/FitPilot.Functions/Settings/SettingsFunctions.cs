using FitPilot.Contracts.Settings;
using FitPilot.Functions.Common;
using FitPilot.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FitPilot.Functions.Settings;

public sealed class SettingsFunctions(Api api, SettingsService settings)
{
    [Function(nameof(GetNotificationPreferences))]
    [ApiOperation("The signed-in user's email notification preferences", Access.SignedIn, null, typeof(NotificationPreferences))]
    public Task<IResult> GetNotificationPreferences(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "settings/notifications")] HttpRequest req) =>
        api.Handle<Caller>(req, async call => Reply.Ok(await settings.GetNotificationsAsync(call.Caller.UserId, call.Cancellation)));

    [Function(nameof(UpdateNotificationPreferences))]
    [ApiOperation("Save the signed-in user's email notification preferences", Access.SignedIn, typeof(NotificationPreferences), typeof(NotificationPreferences), OpenWhenLapsed = true)]
    public Task<IResult> UpdateNotificationPreferences(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "settings/notifications")] HttpRequest req) =>
        api.Handle<Caller, NotificationPreferences>(req, async call =>
            Reply.Ok(await settings.SaveNotificationsAsync(call.Caller.UserId, call.Body, call.Cancellation)));

    [Function(nameof(UpdateTimeZone))]
    [ApiOperation("Set the signed-in user's time zone (an IANA id): their today, adherence weeks and reminders follow it, on every device", Access.SignedIn,
        typeof(TimeZoneSettings), typeof(TimeZoneSettings), OpenWhenLapsed = true)]
    public Task<IResult> UpdateTimeZone(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "settings/time-zone")] HttpRequest req) =>
        api.Handle<Caller, TimeZoneSettings>(req, async call => Reply.Ok(await settings.SaveTimeZoneAsync(call.Caller, call.Body, call.Cancellation)));

    [Function(nameof(UpdateUnits))]
    [ApiOperation("Show and take weights in kg or lb (always stored in kg)", Access.SignedIn, typeof(UnitSettings), typeof(UnitSettings), OpenWhenLapsed = true)]
    public Task<IResult> UpdateUnits(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "settings/units")] HttpRequest req) =>
        api.Handle<Caller, UnitSettings>(req, async call => Reply.Ok(await settings.SaveUnitsAsync(call.Caller, call.Body, call.Cancellation)));

    [Function(nameof(ListTimeZones))]
    [ApiOperation("Every time zone id FitPilot knows (IANA, for the settings picker)", Access.SignedIn, null, typeof(List<string>))]
    public Task<IResult> ListTimeZones(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "settings/time-zones")] HttpRequest req) =>
        api.Handle<Caller>(req, call =>
        {
            call.Response.Headers.CacheControl = "private, max-age=86400";
            return Task.FromResult(Reply.Ok(UserTime.Zones));
        });
}
