using System.Security.Cryptography;
using System.Text;
using Azure;
using Page = FitPilot.Contracts.Common.Page<FitPilot.Contracts.Engagement.Notification>;
using Azure.Data.Tables;
using FitPilot.Contracts.Common;
using FitPilot.Contracts.Engagement;
using FitPilot.Contracts.Settings;
using FitPilot.Functions.Achievements;
using FitPilot.Functions.CheckIns;
using FitPilot.Functions.Clients;
using FitPilot.Functions.Common;
using FitPilot.Functions.Email;
using FitPilot.Functions.Events;
using FitPilot.Functions.Settings;
using FitPilot.Functions.Trainers;
using Microsoft.Extensions.Options;

namespace FitPilot.Functions.Notifications;

/// <summary>
/// The in-app notification centre every feature shares, per user (a PT's id or a client's id, the caller's
/// <c>UserId</c>): newest first, an unread counter read in one point read, mark read and mark all read. Features
/// notify through <see cref="NotifyAsync"/> or, for their events, through the handlers here; each notification's id
/// is derived from what caused it, so a redelivered event writes nothing new and sends no second email.
/// </summary>
public sealed class NotificationService(NotificationStore store, ClientStore clients, TrainerStore trainers, SettingsService settings,
    EmailOutbox outbox, IOptions<AppOptions> app, TimeProvider clock)
    : IEventHandler<CheckInDue>, IEventHandler<CheckInSubmitted>, IEventHandler<CheckInReviewed>, IEventHandler<AchievementGranted>, IEventHandler<ClientRemoved>
{
    private const int MaxAttempts = 8;

    /// <summary>A stable notification id for what caused it (an event's kind and ids): 32 hex characters.</summary>
    public static string IdFor(string source) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(source)))[..32];

    public async Task<Page> ListAsync(string userId, int limit, string? cursor, CancellationToken ct)
    {
        var (items, next) = await store.PageAsync(userId, limit, cursor, ct);
        return new Page(items.Select(n => n.ToDto()).ToList(), next);
    }

    /// <summary>One point read (the counter row).</summary>
    public async Task<UnreadCount> UnreadAsync(string userId, CancellationToken ct) => new((await store.CounterAsync(userId, ct))?.Unread ?? 0);

    /// <summary>
    /// Notifies a user once per <paramref name="notificationId"/>: the row and the unread counter in one transaction,
    /// then, when <paramref name="emailWhen"/> says the user wants this kind by email, one email through the outbox.
    /// The recipient is the PT when <paramref name="userId"/> is <paramref name="trainerId"/>, else that PT's client;
    /// a user who no longer exists gets nothing. False when it was there already (or nobody to notify).
    /// </summary>
    public async Task<bool> NotifyAsync(string trainerId, string userId, string notificationId, string kind, string title, string? body, string? link,
        Func<NotificationPreferences, bool>? emailWhen, CancellationToken ct)
    {
        var recipient = await RecipientAsync(trainerId, userId, ct);
        if (recipient is null) return false;
        var now = clock.GetUtcNow();
        for (var attempt = 1; ; attempt++)
        {
            if (await store.IndexAsync(userId, notificationId, ct) is not null) return false;
            var counter = await store.CounterAsync(userId, ct);
            var listKey = NotificationStore.ListKey(now, notificationId);
            var row = new NotificationEntity { PartitionKey = userId, RowKey = listKey, Id = notificationId, Kind = kind, Title = title, Body = body, Link = link, CreatedAt = now };
            try
            {
                await store.SubmitAsync([
                    new TableTransactionAction(TableTransactionActionType.Add, new NotificationIndexEntity { PartitionKey = userId, RowKey = NotificationStore.Index + notificationId, ListKey = listKey }),
                    new TableTransactionAction(TableTransactionActionType.Add, row),
                    NotificationStore.CounterAction(userId, counter, (counter?.Unread ?? 0) + 1),
                ], ct);
                break;
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412 && attempt < MaxAttempts)
            {
                // Another write changed the counter, or the same notification was written meanwhile: read again.
            }
        }
        if (emailWhen is not null && emailWhen(await settings.GetNotificationsAsync(userId, ct)))
            await outbox.EnqueueAsync(EmailTemplates.Render("Notification", recipient.Value.Email, recipient.Value.Name, title, new Dictionary<string, string>
            {
                ["name"] = recipient.Value.Name, ["title"] = title, ["body"] = body ?? "", ["link"] = app.Value.Link("/" + (link ?? "")),
            }), ct);
        return true;
    }

    /// <summary>Marks one of the user's notifications read (another user's id is a 404, as if it did not exist).</summary>
    public async Task MarkReadAsync(string userId, string notificationId, CancellationToken ct)
    {
        var index = await store.IndexAsync(userId, notificationId, ct) ?? throw DomainException.NotFound("No such notification.");
        for (var attempt = 1; ; attempt++)
        {
            var row = await store.FindAsync(userId, index.ListKey, ct) ?? throw DomainException.NotFound("No such notification.");
            if (row.Read) return;
            var counter = await store.CounterAsync(userId, ct);
            row.Read = true;
            row.ReadAt = clock.GetUtcNow();
            try
            {
                await store.SubmitAsync([
                    new TableTransactionAction(TableTransactionActionType.UpdateReplace, row, row.ETag),
                    NotificationStore.CounterAction(userId, counter, (counter?.Unread ?? 1) - 1),
                ], ct);
                return;
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412 && attempt < MaxAttempts)
            {
            }
        }
    }

    /// <summary>Marks every unread notification of the user read, 99 to a transaction with the counter.</summary>
    public async Task MarkAllReadAsync(string userId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var unread = await store.UnreadAsync(userId, ct).ToListAsync(ct);
        foreach (var chunk in unread.Chunk(99))
        {
            for (var attempt = 1; ; attempt++)
            {
                var counter = await store.CounterAsync(userId, ct);
                var actions = chunk.Select(n =>
                {
                    n.Read = true;
                    n.ReadAt = now;
                    return new TableTransactionAction(TableTransactionActionType.UpdateMerge, n, ETag.All);
                }).Append(NotificationStore.CounterAction(userId, counter, (counter?.Unread ?? 0) - chunk.Length));
                try
                {
                    await store.SubmitAsync(actions.ToList(), ct);
                    break;
                }
                catch (RequestFailedException e) when (e.Status is 409 or 412 && attempt < MaxAttempts)
                {
                }
            }
        }
        // Nothing unread is left (or there never was): the counter says so too, if it drifted.
        if (unread.Count == 0 && await store.CounterAsync(userId, ct) is { Unread: > 0 } stale)
            await store.SubmitAsync([NotificationStore.CounterAction(userId, stale, 0)], ct);
    }

    // The check-in reminder itself is emailed by the reminder timer: the in-app notice sends no second email.
    public Task HandleAsync(CheckInDue due, CancellationToken ct) =>
        NotifyAsync(due.TrainerId, due.ClientId, IdFor($"check-in-due|{due.CheckInId}"), NotificationKinds.CheckInDue,
            "Your weekly check-in is due", $"Due {due.DueOn:d MMM yyyy}.", "app/check-in", null, ct);

    public Task HandleAsync(CheckInSubmitted submitted, CancellationToken ct) =>
        NotifyAsync(submitted.TrainerId, submitted.TrainerId, IdFor($"check-in-submitted|{submitted.CheckInId}"), NotificationKinds.CheckInSubmitted,
            $"{submitted.ClientName} submitted a check-in{(submitted.Late ? " (late)" : "")}", $"The check-in due {submitted.DueOn:d MMM yyyy} is ready to review.",
            $"pt/check-ins/{submitted.ClientId}/{submitted.CheckInId}", p => p.EmailOnCheckIn, ct);

    public Task HandleAsync(CheckInReviewed reviewed, CancellationToken ct) =>
        NotifyAsync(reviewed.TrainerId, reviewed.ClientId, IdFor($"check-in-reviewed|{reviewed.CheckInId}"), NotificationKinds.CheckInReviewed,
            "Your coach reviewed your check-in", $"Your check-in due {reviewed.DueOn:d MMM yyyy} has a response.", "app/check-in", p => p.EmailOnCheckIn, ct);

    // Achievements are shown in the app only.
    public Task HandleAsync(AchievementGranted granted, CancellationToken ct) =>
        NotifyAsync(granted.TrainerId, granted.ClientId, IdFor($"achievement|{granted.ClientId}|{granted.AchievementId}"), NotificationKinds.Achievement,
            $"Achievement: {granted.Title}", granted.Description, "app/profile", null, ct);

    /// <summary>A removed client's notifications go with them.</summary>
    public Task HandleAsync(ClientRemoved removed, CancellationToken ct) => store.DeletePartitionAsync(removed.ClientId, ct);

    private async Task<(string Email, string Name)?> RecipientAsync(string trainerId, string userId, CancellationToken ct)
    {
        if (userId == trainerId)
            return await trainers.FindAsync(trainerId, ct) is { } trainer ? (trainer.Email, trainer.Name) : null;
        return await clients.FindAsync(trainerId, userId, ct) is { } client ? (client.Email, client.Name) : null;
    }
}
