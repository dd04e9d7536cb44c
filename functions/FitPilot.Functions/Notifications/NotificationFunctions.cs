using FitPilot.Contracts.Common;
using FitPilot.Contracts.Engagement;
using FitPilot.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FitPilot.Functions.Notifications;

/// <summary>The signed-in user's own notification centre (PTs and clients alike).</summary>
public sealed class NotificationFunctions(Api api, NotificationService notifications)
{
    [Function(nameof(ListNotifications))]
    [ApiOperation("The caller's notifications, newest first, a page at a time", Access.SignedIn, null, typeof(Page<Notification>),
        Query = ["limit: 1–100, default 50", "cursor: nextCursor of the previous page"])]
    public Task<IResult> ListNotifications(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "notifications")] HttpRequest req) =>
        api.Handle<Caller>(req, async call => Reply.Ok(await notifications.ListAsync(call.Caller.UserId, Query.Limit(req), Query.Cursor(req), call.Cancellation)));

    [Function(nameof(GetUnreadNotificationCount))]
    [ApiOperation("How many of the caller's notifications are unread (one point read, for the shell's badge)", Access.SignedIn, null, typeof(UnreadCount))]
    public Task<IResult> GetUnreadNotificationCount(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "notifications/unread-count")] HttpRequest req) =>
        api.Handle<Caller>(req, async call => Reply.Ok(await notifications.UnreadAsync(call.Caller.UserId, call.Cancellation)));

    [Function(nameof(MarkNotificationRead))]
    [ApiOperation("Mark one of the caller's notifications read", Access.SignedIn, null, null, 204, OpenWhenLapsed = true)]
    public Task<IResult> MarkNotificationRead(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "notifications/{notificationId}/read")] HttpRequest req, string notificationId) =>
        api.Handle<Caller>(req, async call =>
        {
            await notifications.MarkReadAsync(call.Caller.UserId, notificationId, call.Cancellation);
            return Reply.NoContent();
        });

    [Function(nameof(MarkAllNotificationsRead))]
    [ApiOperation("Mark all of the caller's notifications read", Access.SignedIn, null, null, 204, OpenWhenLapsed = true)]
    public Task<IResult> MarkAllNotificationsRead(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "notifications/read-all")] HttpRequest req) =>
        api.Handle<Caller>(req, async call =>
        {
            await notifications.MarkAllReadAsync(call.Caller.UserId, call.Cancellation);
            return Reply.NoContent();
        });
}
