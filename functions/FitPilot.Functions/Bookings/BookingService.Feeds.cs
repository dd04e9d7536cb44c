using System.Security.Cryptography;
using System.Text;
using Azure.Data.Tables;
using FitPilot.Contracts.Bookings;
using FitPilot.Functions.Clients;
using FitPilot.Functions.Common;
using FitPilot.Functions.Email;
using FitPilot.Functions.Http;
using FitPilot.Functions.Settings;

namespace FitPilot.Functions.Bookings;

/// <summary>Calendar feeds, confirmation emails and reminders, and what other features' events change here.</summary>
public sealed partial class BookingService
{
    public const string FeedRoute = "/api/calendar-feeds/";

    // ---- Calendar feeds ----

    public async Task<CalendarFeed> FeedAsync(Caller caller, CancellationToken ct)
    {
        var row = await store.FindAsync<FeedEntity>(caller.TrainerId, BookingRows.FeedKey(caller.UserId), ct);
        return new CalendarFeed(row?.Token is { } token ? app.Value.Link(FeedRoute + token) : null);
    }

    /// <summary>A new secret feed URL; the old one (if any) stops working at once.</summary>
    public async Task<CalendarFeed> RegenerateFeedAsync(Caller caller, CancellationToken ct)
    {
        var token = Base64Url(RandomNumberGenerator.GetBytes(32));
        var hash = Hash(token);
        await store.AddAsync(new FeedEntity
        {
            PartitionKey = BookingRows.FeedIndex, RowKey = hash, TrainerId = caller.TrainerId, UserId = caller.UserId,
            ClientId = (caller as ClientCaller)?.ClientId, TokenHash = hash,
        }, ct);
        var old = await store.FindAsync<FeedEntity>(caller.TrainerId, BookingRows.FeedKey(caller.UserId), ct);
        await store.UpsertAsync(new FeedEntity
        {
            PartitionKey = caller.TrainerId, RowKey = BookingRows.FeedKey(caller.UserId), TrainerId = caller.TrainerId, UserId = caller.UserId,
            ClientId = (caller as ClientCaller)?.ClientId, Token = token, TokenHash = hash,
        }, ct);
        if (old is not null) await store.DeleteAsync(BookingRows.FeedIndex, old.TokenHash, ct);
        return new CalendarFeed(app.Value.Link(FeedRoute + token));
    }

    public async Task RevokeFeedAsync(Caller caller, CancellationToken ct) => await RevokeFeedAsync(caller.TrainerId, caller.UserId, ct);

    private async Task RevokeFeedAsync(string trainerId, string userId, CancellationToken ct)
    {
        var row = await store.FindAsync<FeedEntity>(trainerId, BookingRows.FeedKey(userId), ct);
        if (row is null) return;
        await store.DeleteAsync(BookingRows.FeedIndex, row.TokenHash, ct);
        await store.DeleteAsync(trainerId, row.RowKey, ct);
    }

    /// <summary>The iCalendar text of a feed token: the PT's sessions or the client's own, from 30 days back. An unknown token is a 404.</summary>
    public async Task<string> FeedCalendarAsync(string token, CancellationToken ct)
    {
        if (token.Length is < 20 or > 100) throw DomainException.NotFound("There is no such calendar feed.");
        var index = await store.FindAsync<FeedEntity>(BookingRows.FeedIndex, Hash(token), ct) ?? throw DomainException.NotFound("There is no such calendar feed.");
        var filter = TableClient.CreateQueryFilter($"StartsAt ge {clock.GetUtcNow().AddDays(-30)}");
        if (index.ClientId is { } clientId) filter += " and " + TableClient.CreateQueryFilter($"ClientId eq {clientId}");
        var rows = await store.RowsAsync<BookingEntity>(index.TrainerId, BookingRows.Booking, ct, filter: filter);
        return BookingCalendar.Feed(index.ClientId is null ? "FitPilot sessions" : "My FitPilot sessions", rows.OrderBy(b => b.StartsAt));
    }

    private static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
    private static string Base64Url(byte[] bytes) => System.Buffers.Text.Base64Url.EncodeToString(bytes);

    // ---- Emails ----

    private enum Notice { Booked, Requested, Approved, Declined, Cancelled, Reminder }

    /// <summary>Emails the client (and, for a client's request or cancellation, the PT) with the session's <c>.ics</c>, through the outbox.</summary>
    private async Task NotifyAsync(BookingEntity b, Notice notice, CancellationToken ct)
    {
        var trainer = await trainers.FindAsync(b.PartitionKey, ct);
        var trainerZone = trainer?.TimeZone ?? UserTime.DefaultZone;
        var client = await clients.FindAsync(b.PartitionKey, b.ClientId, ct);
        var clientZone = client?.TimeZone ?? UserTime.DefaultZone;
        var (subject, headline) = notice switch
        {
            Notice.Booked => ("Your session is booked", "Your session with your coach is booked."),
            Notice.Requested => ("Your booking request was sent", "Your coach has your request and will confirm it."),
            Notice.Approved => ("Your session is confirmed", "Your coach confirmed your session."),
            Notice.Declined => ("Your booking request was declined", "Your coach could not take this time. Choose another free time in FitPilot."),
            Notice.Cancelled => ("Your session is cancelled", "This session is cancelled."),
            _ => ("Reminder: your session is tomorrow", "A reminder of your session in about 24 hours."),
        };
        await SendAsync(b, b.ClientEmail, b.ClientName, clientZone, subject, headline, "/app/book", ct);
        if (trainer is not null && b.BookedBy == "client" && notice is Notice.Booked or Notice.Requested or Notice.Cancelled)
        {
            var (s, h) = notice switch
            {
                Notice.Requested => ($"{b.ClientName} asks for a session", $"{b.ClientName} asks for a session. Approve or decline it in FitPilot."),
                Notice.Cancelled => ($"{b.ClientName} cancelled a session", $"{b.ClientName} cancelled this session."),
                _ => ($"{b.ClientName} booked a session", $"{b.ClientName} booked a session with you."),
            };
            await SendAsync(b, trainer.Email, trainer.Name, trainerZone, s, h, "/pt/bookings", ct);
        }
    }

    private Task SendAsync(BookingEntity b, string to, string name, string zone, string subject, string headline, string path, CancellationToken ct) =>
        outbox.EnqueueAsync(EmailTemplates.Render("Booking", to, name, subject, new Dictionary<string, string>
        {
            ["name"] = name,
            ["headline"] = headline,
            ["session"] = b.SessionTypeName,
            ["when"] = BookingRules.Describe(zone, b.StartsAt),
            ["where"] = b.Mode == SessionModes.Online ? $"Online: {b.OnlineLink}" : b.Location ?? "In person",
            ["link"] = app.Value.Link(path),
        }) with { Attachments = [EmailAttachment.Text("session.ics", "text/calendar; method=PUBLISH", BookingCalendar.Single(b))] }, ct);

    /// <summary>
    /// The hourly reminder pass: every confirmed session starting in the next 24 hours that has not been reminded. The claim comes first
    /// (the booking's <c>Reminded</c> flag saved over the version read): of two overlapping runs one wins and the other sends nothing.
    /// </summary>
    public async Task<int> SendRemindersAsync(DateTimeOffset now, CancellationToken ct)
    {
        var due = new List<BookingEntity>();
        await foreach (var b in store.StartingBetweenAsync(now, now.AddHours(24), ct)) due.Add(b);
        var sent = 0;
        foreach (var b in due)
        {
            b.Reminded = true;
            try { await store.UpdateAsync(b, ct); }
            catch (DomainException) { continue; } // changed or reminded meanwhile: the next run looks again
            await NotifyAsync(b, Notice.Reminder, ct);
            sent++;
        }
        return sent;
    }

    // ---- Other features' events ----

    /// <summary>A removed client's bookings (and the cells they held) and calendar feed go with them.</summary>
    public async Task HandleAsync(ClientRemoved removed, CancellationToken ct)
    {
        var rows = await store.RowsAsync<BookingEntity>(removed.TrainerId, BookingRows.Booking, ct, filter: TableClient.CreateQueryFilter($"ClientId eq {removed.ClientId}"));
        foreach (var b in rows)
        {
            foreach (var cell in b.CellKeys) await store.DeleteAsync(b.PartitionKey, cell, ct);
            await store.DeleteAsync(b.PartitionKey, b.RowKey, ct);
        }
        await RevokeFeedAsync(removed.TrainerId, removed.ClientId, ct);
    }

    /// <summary>The PT moved: their weekly windows keep their local times in the new zone.</summary>
    public async Task HandleAsync(TimeZoneChanged changed, CancellationToken ct)
    {
        if (changed.ClientId is not null) return;
        var row = await store.FindAsync<AvailabilityEntity>(changed.TrainerId, BookingRows.AvailabilityRow, ct);
        if (row is null || row.TimeZone == changed.TimeZone) return;
        row.TimeZone = changed.TimeZone;
        await store.UpsertAsync(row, ct);
    }
}
