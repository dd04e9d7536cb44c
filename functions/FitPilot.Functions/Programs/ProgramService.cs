using FitPilot.Contracts.Programs;
using FitPilot.Functions.Clients;
using FitPilot.Functions.Common;
using FitPilot.Functions.Events;
using FitPilot.Functions.Exercises;
using FitPilot.Functions.Storage;

namespace FitPilot.Functions.Programs;

/// <summary>
/// A PT's programs and templates: one document each, edited whole (so reorder, copy a day, move an
/// exercise and bulk set/rep changes are all one validated PUT with the ETag read), duplicated,
/// assigned from a template to many clients, paused, pushed back and ended (<see cref="ProgramSchedule"/>).
/// Every change to a client's program is written to their copy in the same request (<see cref="IProgramCopies"/>).
/// </summary>
public sealed class ProgramService(ProgramStore programs, IProgramCopies copies, ExerciseService exercises, ClientStore clients, TimeProvider clock)
    : IEventHandler<ClientRemoved>
{
    public async Task<List<ProgramSummary>> ListAsync(string trainerId, bool? templates, string? clientId, CancellationToken ct)
    {
        var list = new List<ProgramSummary>();
        await foreach (var p in programs.AllAsync(trainerId, ct))
            if ((templates is null || p.IsTemplate == templates) && (clientId is null || p.ClientId == clientId))
                list.Add(p.ToSummary());
        return list.OrderByDescending(p => p.UpdatedAt).ToList();
    }

    /// <summary>
    /// The program as the PT opens it to edit, with its client's copy brought in step when a save was
    /// cut short between the two writes (storage failed in between): a read repair, so the client's
    /// "today" always converges to what the PT sees.
    /// </summary>
    public async Task<Versioned<ProgramDto>> OpenAsync(string trainerId, string programId, CancellationToken ct)
    {
        var program = await programs.GetAsync(trainerId, programId, ct);
        if (program.ClientId is { } clientId && await copies.FindAsync(clientId, program.Id, ct) is var copy
            && (copy is null || copy.UpdatedAt != program.UpdatedAt || copy.Status != program.Status))
            await copies.SaveAsync(program, ct);
        return Versioned(program);
    }

    /// <summary>
    /// Creates a program. With an id made by the device, a retry (after a timeout or a 503) returns the
    /// program the first attempt created, and finishes it, instead of creating a second one.
    /// </summary>
    public async Task<(Versioned<ProgramDto> Program, bool Created)> CreateAsync(string trainerId, SaveProgramRequest request, CancellationToken ct)
    {
        if (request.Id is { } id && await programs.FindAsync(trainerId, id, ct) is { } earlier)
        {
            if (earlier.ClientId != request.ClientId || earlier.IsTemplate != request.IsTemplate)
                throw DomainException.Conflict("A different program already has this id.");
            if (earlier.ClientId is not null) await copies.SaveAsync(earlier, ct);
            return (Versioned(earlier), false);
        }
        await EnsureClientAsync(trainerId, request.ClientId, ct);
        var now = clock.GetUtcNow();
        var program = new ProgramEntity
        {
            PartitionKey = trainerId, RowKey = request.Id ?? Ids.New(), ClientId = request.ClientId, IsTemplate = request.IsTemplate,
            Status = ProgramStatuses.Active, CreatedAt = now,
        };
        await ApplyAsync(program, request, trainerId, ct);
        await programs.AddAsync(program, ct);
        if (program.ClientId is not null) await copies.SaveAsync(program, ct);
        return (Versioned(program), true);
    }

    /// <summary>Replaces the program's content; with If-Match, only the version the editor read (else 409).</summary>
    public async Task<Versioned<ProgramDto>> UpdateAsync(string trainerId, string programId, SaveProgramRequest request, Azure.ETag? ifMatch, CancellationToken ct)
    {
        var program = await programs.GetAsync(trainerId, programId, ct);
        if (request.Id is not null && request.Id != programId)
            throw DomainException.Invalid("id", "The id of a saved program cannot change.");
        if (program.ClientId != request.ClientId || program.IsTemplate != request.IsTemplate)
            throw DomainException.Invalid("clientId", "A program's client (or being a template) cannot change; duplicate it instead.");
        TenantTable.RequireVersion(ifMatch, program.ETag);
        await ApplyAsync(program, request, trainerId, ct);
        await SaveAsync(program, ct);
        return Versioned(program);
    }

    public async Task DeleteAsync(string trainerId, string programId, Azure.ETag? ifMatch, CancellationToken ct)
    {
        var program = await programs.GetAsync(trainerId, programId, ct);
        TenantTable.RequireVersion(ifMatch, program.ETag);
        // The client's copy first: if the second delete fails, the PT still sees the program and deletes it again.
        if (program.ClientId is not null) await copies.DeleteAsync(program, ct);
        await programs.DeleteAsync(program, ct);
    }

    public async Task<Versioned<ProgramDto>> DuplicateAsync(string trainerId, string programId, DuplicateProgramRequest request, CancellationToken ct)
    {
        var source = await programs.GetAsync(trainerId, programId, ct);
        await EnsureClientAsync(trainerId, request.ClientId, ct);
        return Versioned(await CopyAsync(source, request.Name ?? $"{source.Name} (copy)", request.ClientId, request.StartDate ?? ProgramEntity.ToDate(source.StartDate), ct));
    }

    /// <summary>One copy of the template per client; every client is checked before anything is written.</summary>
    public async Task<List<ProgramDto>> AssignAsync(string trainerId, string templateId, AssignTemplateRequest request, CancellationToken ct)
    {
        var template = await programs.GetAsync(trainerId, templateId, ct);
        if (!template.IsTemplate) throw DomainException.Invalid("programId", "Only a template can be assigned; duplicate a client's program instead.");
        var clientIds = request.ClientIds.Distinct().ToList();
        foreach (var clientId in clientIds) await EnsureClientAsync(trainerId, clientId, ct, field: "clientIds");
        var created = new List<ProgramDto>();
        foreach (var clientId in clientIds)
            created.Add((await CopyAsync(template, template.Name, clientId, request.StartDate, ct)).ToDto());
        return created;
    }

    public Task<Versioned<ProgramDto>> PauseAsync(string trainerId, string programId, CancellationToken ct) =>
        ChangeScheduleAsync(trainerId, programId, (s, today) => ProgramSchedule.Pause(s, today), ct);

    /// <summary>Resuming shifts the rest of the schedule by the days it was paused.</summary>
    public Task<Versioned<ProgramDto>> ResumeAsync(string trainerId, string programId, CancellationToken ct) =>
        ChangeScheduleAsync(trainerId, programId, (s, today) => ProgramSchedule.Resume(s, today), ct);

    public Task<Versioned<ProgramDto>> PushBackAsync(string trainerId, string programId, PushBackRequest request, CancellationToken ct) =>
        ChangeScheduleAsync(trainerId, programId, (s, _) => ProgramSchedule.PushBack(s, request.Days), ct);

    public Task<Versioned<ProgramDto>> EndAsync(string trainerId, string programId, CancellationToken ct) =>
        ChangeScheduleAsync(trainerId, programId, (s, today) => ProgramSchedule.End(s, today), ct);

    /// <summary>A removed client's programs go with them (the copies go with their training partition).</summary>
    public Task HandleAsync(ClientRemoved removed, CancellationToken ct) => programs.DeleteForClientAsync(removed.TrainerId, removed.ClientId, ct);

    private async Task<ProgramEntity> CopyAsync(ProgramEntity source, string name, string? clientId, DateOnly? startDate, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var sourceStart = ProgramEntity.ToDate(source.StartDate);
        var sourceEnd = ProgramEntity.ToDate(source.EndDate);
        var copy = new ProgramEntity
        {
            PartitionKey = source.PartitionKey, RowKey = Ids.New(), Name = name, ClientId = clientId, IsTemplate = clientId is null,
            Status = ProgramStatuses.Active, StartDate = ProgramEntity.FromDate(startDate),
            EndDate = ProgramEntity.FromDate(ProgramSchedule.EndOfCopy(sourceStart, sourceEnd, startDate) ?? (clientId is null ? sourceEnd : null)),
            Notes = source.Notes, CreatedAt = now, UpdatedAt = now,
        };
        // Fresh ids for the entries, so logs of one client's copy never point into another's.
        copy.SetDays(source.Days().Select(d => d with { Exercises = d.Exercises.Select(x => x with { Id = Ids.NewShort() }).ToList() }));
        await programs.AddAsync(copy, ct);
        if (copy.ClientId is not null) await copies.SaveAsync(copy, ct);
        return copy;
    }

    /// <summary>A schedule change, on the client's calendar: "today" is their date, in their time zone.</summary>
    private async Task<Versioned<ProgramDto>> ChangeScheduleAsync(string trainerId, string programId, Func<ScheduleState, DateOnly, ScheduleState> change, CancellationToken ct)
    {
        var program = await programs.GetAsync(trainerId, programId, ct);
        if (program.IsTemplate || program.ClientId is null) throw DomainException.Conflict("Templates have no schedule; assign it to a client first.");
        var client = await clients.GetAsync(trainerId, program.ClientId, ct);
        program.Schedule = change(program.Schedule, UserTime.Today(client.TimeZone, clock.GetUtcNow()));
        program.UpdatedAt = clock.GetUtcNow();
        await SaveAsync(program, ct);
        return Versioned(program);
    }

    /// <summary>
    /// Saves a changed program over the version read, then its client's copy. If the copy write fails
    /// the PT's row is already saved; opening the program repairs the copy (<see cref="OpenAsync"/>).
    /// </summary>
    private async Task SaveAsync(ProgramEntity program, CancellationToken ct)
    {
        await programs.UpdateAsync(program, ct);
        if (program.ClientId is not null) await copies.SaveAsync(program, ct);
    }

    /// <summary>Checks every exercise (library or the PT's own: never another PT's), fills in names and entry ids.</summary>
    private async Task ApplyAsync(ProgramEntity program, SaveProgramRequest request, string trainerId, CancellationToken ct)
    {
        var known = await exercises.VisibleNamesAsync(trainerId, ct);
        var errors = new Dictionary<string, string[]>();
        var usedIds = new HashSet<string>();
        var days = request.Days.Select((day, d) => StoredProgramDay.From(day, (entry, i) =>
        {
            if (!known.TryGetValue(entry.ExerciseId, out var name))
                errors[$"days[{d}].exercises[{i}].exerciseId"] = ["No such exercise in your library."];
            var id = entry.Id is { } given && TenantTable.IsValidKey(given) && usedIds.Add(given) ? given : NewEntryId(usedIds);
            return (id, name ?? entry.ExerciseId);
        })).ToList();
        if (errors.Count > 0) throw DomainException.Invalid(errors);
        program.Name = request.Name.Trim();
        program.StartDate = ProgramEntity.FromDate(request.StartDate);
        program.EndDate = ProgramEntity.FromDate(request.EndDate);
        program.Notes = request.Notes;
        program.SetDays(days);
        program.UpdatedAt = clock.GetUtcNow();
    }

    private static string NewEntryId(HashSet<string> used)
    {
        var id = Ids.NewShort();
        used.Add(id);
        return id;
    }

    private async Task EnsureClientAsync(string trainerId, string? clientId, CancellationToken ct, string field = "clientId")
    {
        if (clientId is null) return;
        if (await clients.FindAsync(trainerId, clientId, ct) is null)
            throw DomainException.Invalid(field, "No such client.");
    }

    private static Versioned<ProgramDto> Versioned(ProgramEntity program) => new(program.ToDto(), program.ETag);
}
