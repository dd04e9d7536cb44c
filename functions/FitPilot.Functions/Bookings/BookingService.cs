using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using FitPilot.Contracts.Bookings;
using FitPilot.Contracts.Clients;
using FitPilot.Functions.Clients;
using FitPilot.Functions.Common;
using FitPilot.Functions.Email;
using FitPilot.Functions.Events;
using FitPilot.Functions.Http;
using FitPilot.Functions.Settings;
using FitPilot.Functions.Storage;
using FitPilot.Functions.Trainers;
using Microsoft.Extensions.Options;

namespace FitPilot.Functions.Bookings;

/// <summary>
/// Booking sessions with the PT: their availability and session types, free slots in the asking user's time zone, booking
/// (instant or a request the PT approves or declines), rescheduling and cancelling within the session type's rules, calendar
/// feeds and confirmation emails. Everything lives in the PT's partition of <c>bookings</c> (<see cref="BookingRows"/>).
/// </summary>
public sealed partial class BookingService(BookingStore store, ClientStore clients, TrainerStore trainers, EmailOutbox outbox, IOptions<AppOptions> app, TimeProvider clock)
    : IEventHandler<ClientRemoved>, IEventHandler<TimeZoneChanged>
{
    private const string TypeNotFound = "There is no such session type.";
    private const string BookingNotFound = "There is no such booking.";

    // ---- Availability and session types (the PT) ----

    public async Task<Availability> GetAvailabilityAsync(string trainerId, string trainerZone, CancellationToken ct)
    {
        var row = await store.FindAsync<AvailabilityEntity>(trainerId, BookingRows.AvailabilityRow, ct);
        return row is null ? new Availability(trainerZone, [], []) : ToDto(row);
    }

    public async Task<Availability> SaveAvailabilityAsync(TrainerCaller caller, SaveAvailabilityRequest request, CancellationToken ct)
    {
        var errors = BookingRules.Check(request);
        if (errors.Count > 0) throw DomainException.Invalid(errors);
        var row = new AvailabilityEntity
        {
            PartitionKey = caller.TrainerId, TimeZone = caller.TimeZone,
            WeeklyJson = StoredJson.Serialize(request.Weekly.OrderBy(w => w.DayOfWeek).ThenBy(w => w.Start, StringComparer.Ordinal).ToList()),
            ExceptionsJson = StoredJson.Serialize(request.Exceptions.OrderBy(x => x.Date).ToList()),
        };
        await store.UpsertAsync(row, ct);
        return ToDto(row);
    }

    private static Availability ToDto(AvailabilityEntity row) => new(row.TimeZone,
        StoredJson.Deserialize<List<WeeklySlot>>(row.WeeklyJson), StoredJson.Deserialize<List<AvailabilityException>>(row.ExceptionsJson));

    public async Task<List<SessionType>> SessionTypesAsync(string trainerId, CancellationToken ct) =>
        (await store.RowsAsync<SessionTypeEntity>(trainerId, BookingRows.Type, ct)).Select(t => t.ToDto()).OrderBy(t => t.Name, StringComparer.OrdinalIgnoreCase).ToList();

    public async Task<SessionType> CreateSessionTypeAsync(string trainerId, SaveSessionTypeRequest request, CancellationToken ct)
    {
        CheckType(request);
        var row = new SessionTypeEntity { PartitionKey = trainerId, RowKey = BookingRows.TypeKey(Ids.New()) };
        row.Apply(request);
        await store.AddAsync(row, ct);
        return row.ToDto();
    }

    public async Task<SessionType> UpdateSessionTypeAsync(string trainerId, string typeId, SaveSessionTypeRequest request, CancellationToken ct)
    {
        CheckType(request);
        var row = await store.GetAsync<SessionTypeEntity>(trainerId, BookingRows.TypeKey(typeId), TypeNotFound, ct);
        row.Apply(request);
        await store.UpdateAsync(row, ct);
        return row.ToDto();
    }

    /// <summary>Deletes a session type; bookings made with it keep their copy of its name and rules.</summary>
    public async Task DeleteSessionTypeAsync(string trainerId, string typeId, CancellationToken ct)
    {
        await store.GetAsync<SessionTypeEntity>(trainerId, BookingRows.TypeKey(typeId), TypeNotFound, ct);
        await store.DeleteAsync(trainerId, BookingRows.TypeKey(typeId), ct);
    }

    private static void CheckType(SaveSessionTypeRequest r)
    {
        var errors = new Dictionary<string, string[]>();
        if (r.DurationMinutes % BookingLimits.GridMinutes != 0) errors["durationMinutes"] = ["Use a length in quarter hours (15, 30, 45, 60…)."];
        if (r.BufferMinutes % 5 != 0) errors["bufferMinutes"] = ["Use a buffer in steps of 5 minutes."];
        if (r.Mode == SessionModes.Online && r.OnlineLink is null) errors["onlineLink"] = ["An online session needs the link clients join with."];
        if (errors.Count > 0) throw DomainException.Invalid(errors);
    }

    // ---- Free slots ----

    /// <summary>The free starts of a session type between two of the caller's dates (inclusive), as they read them in their zone.</summary>
    public async Task<FreeSlots> FreeSlotsAsync(Caller caller, string typeId, DateOnly from, DateOnly to, CancellationToken ct)
    {
        if (to < from) throw DomainException.Invalid("to", "The last day must not be before the first.");
        if (to.DayNumber - from.DayNumber >= BookingLimits.MaxRangeDays) throw DomainException.Invalid("to", $"Ask for at most {BookingLimits.MaxRangeDays} days at a time.");
        var type = await store.GetAsync<SessionTypeEntity>(caller.TrainerId, BookingRows.TypeKey(typeId), TypeNotFound, ct);
        var availability = await GetAvailabilityAsync(caller.TrainerId, caller.TimeZone, ct);
        var start = BookingRules.StartOfDay(caller.TimeZone, from);
        var end = BookingRules.StartOfDay(caller.TimeZone, to.AddDays(1));
        var held = await HeldAsync(caller.TrainerId, start.AddDays(-1), end.AddDays(1), ct);
        var now = clock.GetUtcNow();
        var earliest = caller is TrainerCaller ? now : now.AddHours(type.MinNoticeHours);
        var slots = BookingRules.FreeStarts(availability.TimeZone, availability.Weekly, availability.Exceptions, type.DurationMinutes, type.BufferMinutes, held, start, end, earliest)
            .OrderBy(s => s.Start)
            .Select(s =>
            {
                var local = BookingRules.InZone(caller.TimeZone, s.Start);
                return new FreeSlot(local, BookingRules.InZone(caller.TimeZone, s.End), DateOnly.FromDateTime(local.DateTime), local.ToString("HH:mm"));
            }).ToList();
        return new FreeSlots(caller.TimeZone, type.Id, slots);
    }

    private async Task<HashSet<string>> HeldAsync(string trainerId, DateTimeOffset from, DateTimeOffset to, CancellationToken ct) =>
        (await store.RowsAsync<CellEntity>(trainerId, BookingRows.Cell, ct, BookingRows.CellKey(BookingRows.Floor(from)), BookingRows.CellKey(to)))
            .Select(c => c.RowKey).ToHashSet(StringComparer.Ordinal);

    // ---- Booking ----

    public async Task<Booking> BookAsync(Caller caller, CreateBookingRequest request, CancellationToken ct)
    {
        var trainerId = caller.TrainerId;
        var clientId = caller is ClientCaller c ? c.ClientId
            : request.ClientId ?? throw DomainException.Invalid("clientId", "Choose the client this session is for.");
        var client = await clients.FindAsync(trainerId, clientId, ct);
        if (client is null || client.Status != ClientStatuses.Active) throw DomainException.NotFound("There is no such client.");
        var type = await store.GetAsync<SessionTypeEntity>(trainerId, BookingRows.TypeKey(request.SessionTypeId), TypeNotFound, ct);
        var start = request.StartsAt.ToUniversalTime();
        await CheckStartAsync(caller, type.DurationMinutes, type.MinNoticeHours, start, ct);

        var now = clock.GetUtcNow();
        var booking = new BookingEntity
        {
            PartitionKey = trainerId, RowKey = BookingRows.BookingKey(Ids.New()),
            ClientId = client.Id, ClientName = client.Name, ClientEmail = client.Email,
            SessionTypeId = type.Id, SessionTypeName = type.Name, Mode = type.Mode, Location = type.Location, OnlineLink = type.OnlineLink,
            StartsAt = start, EndsAt = start.AddMinutes(type.DurationMinutes), BufferMinutes = type.BufferMinutes,
            CancellationWindowHours = type.CancellationWindowHours,
            Status = caller is ClientCaller && type.RequiresApproval ? BookingStatuses.Requested : BookingStatuses.Confirmed,
            BookedBy = caller is ClientCaller ? "client" : "trainer",
            Note = string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim(),
            CreatedAt = now, UpdatedAt = now,
        };
        var cells = CellsOf(booking);
        booking.Cells = string.Join(',', cells);
        var actions = new List<TableTransactionAction> { new(TableTransactionActionType.Add, booking) };
        actions.AddRange(cells.Select(k => new TableTransactionAction(TableTransactionActionType.Add, new CellEntity { PartitionKey = trainerId, RowKey = k, BookingId = booking.Id })));
        await ClaimAsync(actions, ct);
        await NotifyAsync(booking, booking.Status == BookingStatuses.Requested ? Notice.Requested : Notice.Booked, ct);
        return ToDto(caller, booking);
    }

    /// <summary>A client may only book (or move to) an offered start after the notice; a PT any start on the grid, from now.</summary>
    private async Task CheckStartAsync(Caller caller, int duration, int noticeHours, DateTimeOffset start, CancellationToken ct)
    {
        if (start.UtcTicks % TimeSpan.FromMinutes(BookingLimits.GridMinutes).Ticks != 0)
            throw DomainException.Invalid("startsAt", "Choose a start on the quarter hour.");
        var now = clock.GetUtcNow();
        if (start < now) throw DomainException.Invalid("startsAt", "This time has passed.");
        if (caller is TrainerCaller) return;
        if (start < now.AddHours(noticeHours))
            throw new DomainException(DomainErrorKind.Conflict, "Too short notice", $"Sessions of this type must be booked at least {noticeHours} hours ahead.");
        var availability = await GetAvailabilityAsync(caller.TrainerId, caller.TimeZone, ct);
        if (!BookingRules.IsOffered(availability.TimeZone, availability.Weekly, availability.Exceptions, duration, start))
            throw DomainException.Invalid("startsAt", "Your coach is not available at this time. Choose one of the free times.");
    }

    private static List<string> CellsOf(BookingEntity b) => BookingRows.Cells(b.StartsAt, b.EndsAt.AddMinutes(b.BufferMinutes)).ToList();

    /// <summary>Submits a booking's rows: a cell already held fails the whole transaction, and nothing is written.</summary>
    private async Task ClaimAsync(IReadOnlyList<TableTransactionAction> actions, CancellationToken ct)
    {
        try
        {
            await store.SubmitAsync(actions, ct);
        }
        catch (TableTransactionFailedException e) when (e.Status is 409 or 412)
        {
            if (e.FailedTransactionActionIndex == 0 && actions[0].ActionType != TableTransactionActionType.Add) throw DomainException.Stale();
            throw DomainException.Conflict("Someone has just booked this time. Choose another free time.", "Time taken");
        }
    }

    public async Task<List<Booking>> ListAsync(Caller caller, DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        var today = caller.Today(clock.GetUtcNow());
        var first = from ?? today;
        var last = to ?? first.AddDays(90);
        if (last < first) throw DomainException.Invalid("to", "The last day must not be before the first.");
        if (last.DayNumber - first.DayNumber > 366) throw DomainException.Invalid("to", "Ask for at most a year at a time.");
        var filter = TableClient.CreateQueryFilter($"StartsAt ge {BookingRules.StartOfDay(caller.TimeZone, first)} and StartsAt lt {BookingRules.StartOfDay(caller.TimeZone, last.AddDays(1))}");
        if (caller is ClientCaller client) filter += " and " + TableClient.CreateQueryFilter($"ClientId eq {client.ClientId}");
        var rows = await store.RowsAsync<BookingEntity>(caller.TrainerId, BookingRows.Booking, ct, filter: filter);
        return rows.OrderBy(b => b.StartsAt).Select(b => ToDto(caller, b)).ToList();
    }

    /// <summary>The booking as the caller sees it: times with their zone's offset. A client sees only their own.</summary>
    private static Booking ToDto(Caller caller, BookingEntity b) => b.ToDto() with
    {
        StartsAt = BookingRules.InZone(caller.TimeZone, b.StartsAt),
        EndsAt = BookingRules.InZone(caller.TimeZone, b.EndsAt),
        CancellableUntil = BookingRules.InZone(caller.TimeZone, b.CancellableUntil),
    };

    private async Task<BookingEntity> FindAsync(Caller caller, string bookingId, CancellationToken ct)
    {
        var booking = await store.GetAsync<BookingEntity>(caller.TrainerId, BookingRows.BookingKey(bookingId), BookingNotFound, ct);
        if (caller is ClientCaller c && booking.ClientId != c.ClientId) throw DomainException.NotFound(BookingNotFound);
        return booking;
    }

    public async Task<Booking> ApproveAsync(TrainerCaller caller, string bookingId, CancellationToken ct)
    {
        var booking = await FindAsync(caller, bookingId, ct);
        if (booking.Status != BookingStatuses.Requested) throw DomainException.Conflict($"This booking is {booking.Status}, not awaiting approval.", "Not a request");
        booking.Status = BookingStatuses.Confirmed;
        Touch(booking);
        await store.UpdateAsync(booking, ct);
        await NotifyAsync(booking, Notice.Approved, ct);
        return ToDto(caller, booking);
    }

    public async Task<Booking> DeclineAsync(TrainerCaller caller, string bookingId, CancellationToken ct)
    {
        var booking = await FindAsync(caller, bookingId, ct);
        if (booking.Status != BookingStatuses.Requested) throw DomainException.Conflict($"This booking is {booking.Status}, not awaiting approval.", "Not a request");
        await EndAsync(booking, BookingStatuses.Declined, ct);
        await NotifyAsync(booking, Notice.Declined, ct);
        return ToDto(caller, booking);
    }

    /// <summary>Cancels a booking. A client may cancel a confirmed session only until its cancellation window opens; the PT always.</summary>
    public async Task<Booking> CancelAsync(Caller caller, string bookingId, CancellationToken ct)
    {
        var booking = await FindAsync(caller, bookingId, ct);
        if (!booking.IsLive) throw DomainException.Conflict($"This booking is already {booking.Status}.", "Not active");
        RequireOutsideWindow(caller, booking, "cancelled");
        await EndAsync(booking, BookingStatuses.Cancelled, ct);
        await NotifyAsync(booking, Notice.Cancelled, ct);
        return ToDto(caller, booking);
    }

    private void RequireOutsideWindow(Caller caller, BookingEntity booking, string verb)
    {
        if (caller is not ClientCaller || booking.Status != BookingStatuses.Confirmed || clock.GetUtcNow() < booking.CancellableUntil) return;
        throw new DomainException(DomainErrorKind.Conflict, "Inside the cancellation window",
            $"Sessions of this type can be {verb} up to {booking.CancellationWindowHours} hours before they start; this one starts " +
            $"{BookingRules.Describe(caller.TimeZone, booking.StartsAt)}. Message your coach instead.");
    }

    /// <summary>Ends a live booking and frees its cells, together.</summary>
    private async Task EndAsync(BookingEntity booking, string status, CancellationToken ct)
    {
        var cells = booking.CellKeys;
        booking.Status = status;
        booking.Cells = "";
        Touch(booking);
        var actions = new List<TableTransactionAction> { new(TableTransactionActionType.UpdateReplace, booking, booking.ETag) };
        actions.AddRange(cells.Select(k => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(booking.PartitionKey, k), ETag.All)));
        await SubmitChangeAsync(actions, ct);
    }

    private async Task SubmitChangeAsync(List<TableTransactionAction> actions, CancellationToken ct)
    {
        try
        {
            await store.SubmitAsync(actions, ct);
        }
        catch (TableTransactionFailedException e) when (e.Status is 409 or 412)
        {
            throw DomainException.Stale();
        }
    }

    /// <summary>Moves a live booking: the cells it leaves are freed and the new ones claimed in one transaction with the booking.</summary>
    public async Task<Booking> RescheduleAsync(Caller caller, string bookingId, RescheduleBookingRequest request, CancellationToken ct)
    {
        var booking = await FindAsync(caller, bookingId, ct);
        if (!booking.IsLive) throw DomainException.Conflict($"This booking is {booking.Status}.", "Not active");
        RequireOutsideWindow(caller, booking, "moved");
        var type = await store.FindAsync<SessionTypeEntity>(caller.TrainerId, BookingRows.TypeKey(booking.SessionTypeId), ct);
        var start = request.StartsAt.ToUniversalTime();
        var duration = (int)(booking.EndsAt - booking.StartsAt).TotalMinutes;
        await CheckStartAsync(caller, duration, type?.MinNoticeHours ?? 0, start, ct);

        var old = booking.CellKeys.ToHashSet(StringComparer.Ordinal);
        booking.StartsAt = start;
        booking.EndsAt = start.AddMinutes(duration);
        booking.Reminded = false;
        if (caller is ClientCaller && type is { RequiresApproval: true }) booking.Status = BookingStatuses.Requested;
        var cells = CellsOf(booking);
        booking.Cells = string.Join(',', cells);
        Touch(booking);
        var actions = new List<TableTransactionAction> { new(TableTransactionActionType.UpdateReplace, booking, booking.ETag) };
        actions.AddRange(old.Except(cells).Select(k => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(booking.PartitionKey, k), ETag.All)));
        actions.AddRange(cells.Except(old).Select(k => new TableTransactionAction(TableTransactionActionType.Add, new CellEntity { PartitionKey = booking.PartitionKey, RowKey = k, BookingId = booking.Id })));
        await ClaimAsync(actions, ct);
        await NotifyAsync(booking, booking.Status == BookingStatuses.Requested ? Notice.Requested : Notice.Booked, ct);
        return ToDto(caller, booking);
    }

    private void Touch(BookingEntity b)
    {
        b.Sequence++;
        b.UpdatedAt = clock.GetUtcNow();
    }
}
