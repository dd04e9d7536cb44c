using Azure.Data.Tables;
using FitPilot.Contracts.Engagement;
using FitPilot.Functions.Clients;
using FitPilot.Functions.Common;
using FitPilot.Functions.Email;
using FitPilot.Functions.Events;
using FitPilot.Functions.Http;
using FitPilot.Functions.Measurements;
using FitPilot.Functions.Settings;
using FitPilot.Functions.Training;
using Microsoft.Extensions.Options;

namespace FitPilot.Functions.CheckIns;

/// <summary>
/// What habits will tell a check-in review: the share of the client's habit targets met between two dates, null
/// when none was due. Implemented by the habits feature (which depends on check-ins, not the other way round).
/// </summary>
public interface ICheckInHabits
{
    Task<double?> CompletionPercentAsync(string clientId, DateOnly from, DateOnly to, CancellationToken ct);
}

/// <summary>
/// Weekly check-ins: the PT's templates, each client's schedule, the client's current check-in (draft, submit once per
/// period), the PT's review (<see cref="CheckInRules"/> hold the rules, <see cref="CheckInRows"/> the layout). A PT's
/// routes on a client read the client's row under the PT first, so another PT's client is a 404.
/// </summary>
public sealed class CheckInService(
    CheckInStore store, ClientStore clients, SettingsService settings, TrainingService training, MeasurementService measurements,
    ICheckInHabits habits, EmailOutbox outbox, EventBus events, IOptions<AppOptions> app, TimeProvider clock)
    : IEventHandler<ClientRemoved>, IEventHandler<TimeZoneChanged>
{
    /// <summary>A PT keeps at most this many templates (their list is one query).</summary>
    public const int MaxTemplates = 50;
    /// <summary>The history shows this many newest check-ins (two years of weeks), one query.</summary>
    public const int HistoryShown = 104;

    // ---- Templates (the PT's partition) ----

    public async Task<List<CheckInTemplate>> TemplatesAsync(string trainerId, CancellationToken ct)
    {
        var assigned = await AssignedCountsAsync(trainerId, ct);
        var list = new List<CheckInTemplate>();
        await foreach (var t in store.QueryAsync<CheckInTemplateEntity>(trainerId, CheckInRows.Range(CheckInRows.Template), ct))
            list.Add(t.ToDto(assigned.GetValueOrDefault(t.Id)));
        return list.OrderBy(t => t.Name, StringComparer.OrdinalIgnoreCase).ToList();
    }

    public async Task<Versioned<CheckInTemplate>> TemplateAsync(string trainerId, string templateId, CancellationToken ct)
    {
        var template = await FindTemplateAsync(trainerId, templateId, ct) ?? throw DomainException.NotFound("No such check-in template.");
        var assigned = await AssignedCountsAsync(trainerId, ct);
        return new(template.ToDto(assigned.GetValueOrDefault(template.Id)), template.ETag);
    }

    public async Task<Versioned<CheckInTemplate>> CreateTemplateAsync(string trainerId, SaveCheckInTemplateRequest request, CancellationToken ct)
    {
        Require(CheckInRules.Validate(request));
        var count = 0;
        await foreach (var _ in store.QueryAsync<CheckInTemplateEntity>(trainerId, CheckInRows.Range(CheckInRows.Template), ct)) count++;
        if (count >= MaxTemplates) throw DomainException.Conflict($"A PT can keep at most {MaxTemplates} check-in templates. Delete one first.", "Too many templates");
        var now = clock.GetUtcNow();
        var template = new CheckInTemplateEntity { PartitionKey = trainerId, RowKey = CheckInRows.TemplateKey(Ids.NewShort()), CreatedAt = now };
        template.Apply(request, now);
        await store.AddAsync(template, ct);
        return new(template.ToDto(0), template.ETag);
    }

    /// <summary>Changes a template (over the caller's If-Match); the schedules that use it show its new name. Check-ins already started keep the questions they were asked.</summary>
    public async Task<Versioned<CheckInTemplate>> UpdateTemplateAsync(string trainerId, string templateId, SaveCheckInTemplateRequest request, Azure.ETag? ifMatch, CancellationToken ct)
    {
        Require(CheckInRules.Validate(request));
        var template = await FindTemplateAsync(trainerId, templateId, ct) ?? throw DomainException.NotFound("No such check-in template.");
        Storage.TenantTable.RequireVersion(ifMatch, template.ETag);
        template.Apply(request, clock.GetUtcNow());
        await store.UpdateAsync(template, ct);
        var schedules = await SchedulesAsync(trainerId, ct);
        var renamed = schedules.Where(s => s.TemplateId == templateId && s.TemplateName != template.Name).ToList();
        foreach (var s in renamed) s.TemplateName = template.Name;
        foreach (var chunk in renamed.Chunk(100))
            await store.SubmitAsync(chunk.Select(s => new TableTransactionAction(TableTransactionActionType.UpdateMerge, s, Azure.ETag.All)).ToList(), ct);
        return new(template.ToDto(schedules.Count(s => s.TemplateId == templateId)), template.ETag);
    }

    /// <summary>Deletes a template no client has; while one has it, a 409 names how many (unassign them first), so no schedule points at nothing.</summary>
    public async Task DeleteTemplateAsync(string trainerId, string templateId, CancellationToken ct)
    {
        var template = await FindTemplateAsync(trainerId, templateId, ct) ?? throw DomainException.NotFound("No such check-in template.");
        var assigned = (await AssignedCountsAsync(trainerId, ct)).GetValueOrDefault(template.Id);
        if (assigned > 0)
            throw DomainException.Conflict($"{assigned} client{(assigned == 1 ? " has" : "s have")} this check-in. Give them another one or remove theirs first.", "Template in use");
        await store.DeleteAsync(trainerId, template.RowKey, ct);
    }

    // ---- Schedules (partition index-schedules) ----

    public async Task<CheckInSchedule> ScheduleAsync(string trainerId, string clientId, CancellationToken ct)
    {
        var client = await clients.GetAsync(trainerId, clientId, ct);
        var schedule = await FindScheduleAsync(trainerId, clientId, ct) ?? throw DomainException.NotFound("This client has no check-in.");
        return schedule.ToDto(UserTime.Today(client.TimeZone, clock.GetUtcNow()));
    }

    /// <summary>Gives the client a weekly check-in (or changes theirs); the due dates start from the client's today.</summary>
    public async Task<CheckInSchedule> AssignAsync(TrainerCaller caller, string clientId, AssignCheckInRequest request, CancellationToken ct)
    {
        var client = await clients.GetAsync(caller.TrainerId, clientId, ct);
        var template = await FindTemplateAsync(caller.TrainerId, request.TemplateId, ct)
            ?? throw DomainException.Invalid("templateId", "You have no check-in template with this id.");
        var now = clock.GetUtcNow();
        var zone = client.TimeZone ?? UserTime.DefaultZone;
        var today = UserTime.Today(zone, now);
        var existing = await FindScheduleAsync(caller.TrainerId, clientId, ct);
        var schedule = existing ?? new CheckInScheduleEntity { RowKey = CheckInRows.ScheduleKey(caller.TrainerId, clientId), TrainerId = caller.TrainerId, ClientId = clientId, CreatedAt = now };
        var changedDay = existing is null || existing.DayOfWeek != request.DayOfWeek;
        schedule.TemplateId = template.Id;
        schedule.TemplateName = template.Name;
        schedule.DayOfWeek = request.DayOfWeek;
        schedule.LocalTime = request.LocalTime;
        schedule.TimeZone = zone;
        schedule.TrainerTimeZone = caller.TimeZone;
        if (changedDay) schedule.StartsOn = CheckInRows.Iso(today);
        schedule.UpdatedAt = now;
        if (existing is null) await store.AddAsync(schedule, ct);
        else await store.UpdateAsync(schedule, ct);
        return schedule.ToDto(today);
    }

    /// <summary>Takes the client's check-in away (their past check-ins stay); nothing to remove is not an error.</summary>
    public async Task UnassignAsync(string trainerId, string clientId, CancellationToken ct)
    {
        await clients.GetAsync(trainerId, clientId, ct);
        await store.DeleteAsync(CheckInRows.Schedules, CheckInRows.ScheduleKey(trainerId, clientId), ct);
    }

    // ---- The client's side (their partition) ----

    /// <summary>The current period's check-in: its row, or a blank draft of the template's questions when none is saved yet.</summary>
    public async Task<CurrentCheckIn> CurrentAsync(ClientCaller caller, CancellationToken ct)
    {
        var current = await ResolveAsync(caller, ct);
        if (current is null) return new CurrentCheckIn(null, null, false, false);
        var (row, today, _) = current.Value;
        var open = !row.Submitted;
        return new CurrentCheckIn(row.ToDto(), row.Due, open && today >= row.Due, open && today > row.Due);
    }

    /// <summary>Saves the client's answers so far (any time in the period, until it is submitted).</summary>
    public async Task<CheckIn> SaveDraftAsync(ClientCaller caller, SaveCheckInAnswersRequest request, CancellationToken ct)
    {
        var (row, today, _) = await ResolveAsync(caller, ct) ?? throw NoCheckIn();
        if (row.Submitted) throw AlreadySubmitted();
        Require(CheckInRules.Validate(row.ReadQuestions(), request.Answers, submit: false, today));
        row.SetAnswers(request.Answers);
        row.UpdatedAt = clock.GetUtcNow();
        await SaveAsync(row, caller, ct);
        return row.ToDto();
    }

    /// <summary>Submits the current period's check-in once: every required question answered; late when after the due day. The PT is told (<see cref="CheckInSubmitted"/>).</summary>
    public async Task<CheckIn> SubmitAsync(ClientCaller caller, SaveCheckInAnswersRequest request, CancellationToken ct)
    {
        var (row, today, schedule) = await ResolveAsync(caller, ct) ?? throw NoCheckIn();
        if (row.Submitted) throw AlreadySubmitted();
        Require(CheckInRules.Validate(row.ReadQuestions(), request.Answers, submit: true, today));
        var now = clock.GetUtcNow();
        row.SetAnswers(request.Answers);
        row.Status = CheckInStatuses.Pending;
        row.Late = CheckInRules.IsLate(row.Due, today);
        row.SubmittedAt = now;
        row.UpdatedAt = now;
        await SaveAsync(row, caller, ct);
        await store.UpsertAsync(new PendingCheckInEntity
        {
            RowKey = CheckInRows.PendingKey(caller.TrainerId, row.Due, caller.ClientId), TrainerId = caller.TrainerId, ClientId = caller.ClientId,
            ClientName = row.ClientName, TemplateName = row.TemplateName, DueOn = row.DueOn, Late = row.Late, SubmittedAt = now,
            TrainerTimeZone = schedule.TrainerTimeZone,
        }, ct);
        await events.PublishAsync(new CheckInSubmitted(caller.TrainerId, caller.ClientId, row.ClientName, row.DueOn, row.Due, row.Late, now), ct);
        return row.ToDto();
    }

    /// <summary>The client's own check-ins with their PT's responses, newest first (drafts of past periods left out).</summary>
    public async Task<List<CheckIn>> HistoryAsync(string clientId, CancellationToken ct) =>
        (await store.FirstAsync<CheckInEntity>(clientId, CheckInRows.Range(CheckInRows.CheckIn), HistoryShown, ct))
            .Where(c => c.Submitted).Select(c => c.ToDto()).ToList();

    // ---- The PT's side ----

    /// <summary>Every submitted check-in of the PT's clients not yet reviewed, oldest due first: one range query (answers are in each one's review).</summary>
    public async Task<List<CheckIn>> AwaitingReviewAsync(string trainerId, CancellationToken ct)
    {
        var list = new List<CheckIn>();
        await foreach (var p in store.QueryAsync<PendingCheckInEntity>(CheckInRows.Pending, CheckInRows.Range(trainerId + "|"), ct)) list.Add(p.ToDto());
        return list.OrderBy(c => c.DueOn).ThenBy(c => c.SubmittedAt).ToList();
    }

    public async Task<List<CheckIn>> ClientHistoryAsync(string trainerId, string clientId, CancellationToken ct)
    {
        await clients.GetAsync(trainerId, clientId, ct);
        return await HistoryAsync(clientId, ct);
    }

    /// <summary>A check-in next to the previous one, the week's training adherence, 4 weeks of weigh-ins and (with habits) their completion.</summary>
    public async Task<CheckInReview> ReviewViewAsync(string trainerId, string clientId, string checkInId, CancellationToken ct)
    {
        await clients.GetAsync(trainerId, clientId, ct);
        var row = await FindCheckInAsync(clientId, checkInId, ct);
        if (row is null || !row.Submitted) throw DomainException.NotFound("No such check-in.");
        var older = await store.FirstAsync<CheckInEntity>(clientId,
            TableClient.CreateQueryFilter($"RowKey gt {row.RowKey} and RowKey lt {"ci}"} and Status ne {CheckInStatuses.Draft}"), 1, ct);
        var adherence = await training.AdherenceAsync(trainerId, clientId, row.Due, ct);
        var weights = await measurements.WeightsSinceAsync(clientId, row.Due.AddDays(-27), ct);
        var habitPercent = await habits.CompletionPercentAsync(clientId, row.Due.AddDays(-6), row.Due, ct);
        return new CheckInReview(row.ToDto(), older.FirstOrDefault()?.ToDto(), adherence,
            weights.Where(w => w.Date <= row.Due).Select(w => new WeightPoint(w.Date, w.WeightKg)).ToList(), habitPercent);
    }

    /// <summary>The PT answers a pending check-in (text and/or a video link): it becomes reviewed, the client is told, and emailed when they chose to be.</summary>
    public async Task<CheckIn> ReviewAsync(string trainerId, string clientId, string checkInId, ReviewCheckInRequest request, CancellationToken ct)
    {
        var text = string.IsNullOrWhiteSpace(request.ResponseText) ? null : request.ResponseText.Trim();
        var url = string.IsNullOrWhiteSpace(request.ResponseUrl) ? null : request.ResponseUrl.Trim();
        if (text is null && url is null) throw DomainException.Invalid("responseText", "Write a response or add a video link.");
        var client = await clients.GetAsync(trainerId, clientId, ct);
        var row = await FindCheckInAsync(clientId, checkInId, ct);
        if (row is null || !row.Submitted) throw DomainException.NotFound("No such check-in.");
        if (row.Status == CheckInStatuses.Reviewed) throw DomainException.Conflict("This check-in has been reviewed already.", "Already reviewed");
        var now = clock.GetUtcNow();
        row.Status = CheckInStatuses.Reviewed;
        row.ResponseText = text;
        row.ResponseUrl = url;
        row.ReviewedAt = now;
        row.UpdatedAt = now;
        try { await store.UpdateAsync(row, ct); }
        catch (DomainException e) when (e.Kind is DomainErrorKind.Conflict)
        {
            throw DomainException.Conflict("This check-in has been reviewed already.", "Already reviewed");
        }
        await store.DeleteAsync(CheckInRows.Pending, CheckInRows.PendingKey(trainerId, row.Due, clientId), ct);
        await events.PublishAsync(new CheckInReviewed(trainerId, clientId, row.DueOn, row.Due, now), ct);
        if ((await settings.GetNotificationsAsync(clientId, ct)).EmailOnCheckIn && client.Status == Contracts.Clients.ClientStatuses.Active)
            await outbox.EnqueueAsync(EmailTemplates.Render("CheckInReviewed", client.Email, client.Name, "Your coach replied to your check-in",
                new Dictionary<string, string>
                {
                    ["name"] = client.Name,
                    ["due"] = row.Due.ToString("dddd d MMM", System.Globalization.CultureInfo.InvariantCulture),
                    ["link"] = app.Value.Link("/app/check-in"),
                }), ct);
        return row.ToDto();
    }

    /// <summary>A removed client's check-ins, receipts, schedule and pending summaries go with them.</summary>
    public async Task HandleAsync(ClientRemoved removed, CancellationToken ct)
    {
        await store.DeleteAsync(CheckInRows.Schedules, CheckInRows.ScheduleKey(removed.TrainerId, removed.ClientId), ct);
        await store.DeleteWhereAsync(CheckInRows.Pending,
            $"{CheckInRows.Range(removed.TrainerId + "|")} and {TableClient.CreateQueryFilter($"ClientId eq {removed.ClientId}")}", ct);
        await store.DeletePartitionAsync(removed.ClientId, ct);
    }

    // ---- Helpers ----

    /// <summary>
    /// A client who moves zone gets their reminders at their chosen hour in the new zone (before, only opening the
    /// check-in moved it); a PT who moves gets their digest at 08:00 in theirs. Replays write the same values.
    /// </summary>
    public async Task HandleAsync(TimeZoneChanged changed, CancellationToken ct)
    {
        if (changed.ClientId is { } clientId)
        {
            if (await FindScheduleAsync(changed.TrainerId, clientId, ct) is { } schedule && schedule.TimeZone != changed.TimeZone)
            {
                schedule.TimeZone = changed.TimeZone;
                await store.UpsertAsync(schedule, ct);
            }
            return;
        }
        foreach (var schedule in (await SchedulesAsync(changed.TrainerId, ct)).Where(s => s.TrainerTimeZone != changed.TimeZone))
        {
            schedule.TrainerTimeZone = changed.TimeZone;
            await store.UpsertAsync(schedule, ct);
        }
        await foreach (var pending in store.QueryAsync<PendingCheckInEntity>(CheckInRows.Pending, CheckInRows.Range(changed.TrainerId + "|"), ct))
        {
            if (pending.TrainerTimeZone == changed.TimeZone) continue;
            pending.TrainerTimeZone = changed.TimeZone;
            await store.UpsertAsync(pending, ct);
        }
    }

    public Task<CheckInScheduleEntity?> FindScheduleAsync(string trainerId, string clientId, CancellationToken ct) =>
        store.FindAsync<CheckInScheduleEntity>(CheckInRows.Schedules, CheckInRows.ScheduleKey(trainerId, clientId), ct);

    private async Task<List<CheckInScheduleEntity>> SchedulesAsync(string trainerId, CancellationToken ct)
    {
        var list = new List<CheckInScheduleEntity>();
        await foreach (var s in store.QueryAsync<CheckInScheduleEntity>(CheckInRows.Schedules, CheckInRows.Range(trainerId + "|"), ct)) list.Add(s);
        return list;
    }

    private async Task<Dictionary<string, int>> AssignedCountsAsync(string trainerId, CancellationToken ct) =>
        (await SchedulesAsync(trainerId, ct)).GroupBy(s => s.TemplateId).ToDictionary(g => g.Key, g => g.Count());

    private async Task<CheckInTemplateEntity?> FindTemplateAsync(string trainerId, string templateId, CancellationToken ct) =>
        Storage.TenantTable.IsValidKey(templateId) ? await store.FindAsync<CheckInTemplateEntity>(trainerId, CheckInRows.TemplateKey(templateId), ct) : null;

    private async Task<CheckInEntity?> FindCheckInAsync(string clientId, string checkInId, CancellationToken ct) =>
        CheckInRows.ParseId(checkInId) is { } due ? await store.FindAsync<CheckInEntity>(clientId, CheckInRows.CheckInKey(due), ct) : null;

    /// <summary>
    /// The client's schedule and current period: the row of that period, or a new draft of the template's questions (not saved yet:
    /// its ETag is empty). Two to three round trips: the schedule, the check-ins of the previous and next due dates, the template when new.
    /// </summary>
    private async Task<(CheckInEntity Row, DateOnly Today, CheckInScheduleEntity Schedule)?> ResolveAsync(ClientCaller caller, CancellationToken ct)
    {
        var schedule = await FindScheduleAsync(caller.TrainerId, caller.ClientId, ct);
        if (schedule is null) return null;
        var now = clock.GetUtcNow();
        var today = caller.Today(now);
        var next = CheckInRules.NextDue(schedule.Start, schedule.DayOfWeek, today);
        var rows = await store.FirstAsync<CheckInEntity>(caller.ClientId,
            TableClient.CreateQueryFilter($"RowKey ge {CheckInRows.CheckInKey(next)} and RowKey le {CheckInRows.CheckInKey(next.AddDays(-7))}"), 2, ct);
        var due = CheckInRules.CurrentDue(schedule.Start, schedule.DayOfWeek, today, d => rows.Any(r => r.DueOn == CheckInRows.Iso(d) && r.Submitted));
        var row = rows.FirstOrDefault(r => r.DueOn == CheckInRows.Iso(due));
        if (schedule.TimeZone != caller.TimeZone)
        {
            // The client moved zone since it was assigned: the reminders follow (best effort; the next open tries again).
            schedule.TimeZone = caller.TimeZone;
            try { await store.UpdateAsync(schedule, ct); } catch (DomainException) { }
        }
        if (row is not null) return (row, today, schedule);
        var template = await store.FindAsync<CheckInTemplateEntity>(caller.TrainerId, CheckInRows.TemplateKey(schedule.TemplateId), ct)
            ?? throw DomainException.NotFound("Your coach's check-in is no longer there.");
        var client = await clients.GetAsync(caller.TrainerId, caller.ClientId, ct);
        var draft = new CheckInEntity
        {
            PartitionKey = caller.ClientId, RowKey = CheckInRows.CheckInKey(due), TrainerId = caller.TrainerId, ClientName = client.Name,
            TemplateId = template.Id, TemplateName = template.Name, DueOn = CheckInRows.Iso(due), CreatedAt = now, UpdatedAt = now,
        };
        draft.SetQuestions(template.ReadQuestions());
        return (draft, today, schedule);
    }

    /// <summary>Writes the period's row: new (insert, so a racing submit of the same period is a 409) or over the version read.</summary>
    private async Task SaveAsync(CheckInEntity row, ClientCaller caller, CancellationToken ct)
    {
        try
        {
            if (row.ETag == default) await store.AddAsync(row, ct);
            else await store.UpdateAsync(row, ct);
        }
        catch (DomainException e) when (e.Kind is DomainErrorKind.Conflict)
        {
            var stored = await store.FindAsync<CheckInEntity>(caller.ClientId, row.RowKey, ct);
            throw stored is { Submitted: true } ? AlreadySubmitted() : DomainException.Stale();
        }
    }

    private static DomainException NoCheckIn() => DomainException.NotFound("Your coach has not given you a check-in.");
    private static DomainException AlreadySubmitted() => DomainException.Conflict("This week's check-in is submitted already: the next one opens after its due day.", "Already submitted");

    private static void Require(Dictionary<string, string[]> errors)
    {
        if (errors.Count > 0) throw DomainException.Invalid(errors);
    }
}
