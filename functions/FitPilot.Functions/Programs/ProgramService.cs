using FitPilot.Contracts.Common;
using FitPilot.Contracts.Programs;
using FitPilot.Functions.Auth;
using FitPilot.Functions.Clients;
using FitPilot.Functions.Exercises;
using FitPilot.Functions.Http;
using FitPilot.Functions.Storage;

namespace FitPilot.Functions.Programs;

/// <summary>
/// A PT's programs and templates: one document each, edited whole (so reorder, copy a day, move an
/// exercise and bulk set/rep changes are all one validated PUT with the ETag read), duplicated,
/// assigned from a template to many clients, paused, pushed back and ended.
/// </summary>
public sealed class ProgramService(StorageClients storage, ExerciseService exercises, ClientDirectory clients, TimeProvider clock) : IClientDataOwner
{
    private readonly TenantTable _programs = new(storage.Table(StorageNames.ProgramsTable));
    private readonly TenantTable _training = new(storage.Table(StorageNames.TrainingTable));

    public async Task<List<ProgramSummary>> ListAsync(string trainerId, bool? templates, string? clientId, CancellationToken ct)
    {
        var list = new List<ProgramSummary>();
        await foreach (var p in _programs.QueryPartitionAsync<ProgramEntity>(trainerId, ct))
            if ((templates is null || p.IsTemplate == templates) && (clientId is null || p.ClientId == clientId))
                list.Add(p.ToSummary());
        return list.OrderByDescending(p => p.UpdatedAt).ToList();
    }

    public async Task<ProgramEntity> GetAsync(string trainerId, string programId, CancellationToken ct) =>
        await _programs.FindAsync<ProgramEntity>(trainerId, programId, ct) ?? throw ProblemException.NotFound("No such program.");

    /// <summary>
    /// The program as the PT opens it to edit, with its client's copy brought in step when a save was
    /// cut short between the two writes (storage failed in between): a read repair, so the client's
    /// "today" always converges to what the PT sees.
    /// </summary>
    public async Task<ProgramEntity> OpenAsync(string trainerId, string programId, CancellationToken ct)
    {
        var program = await GetAsync(trainerId, programId, ct);
        if (program.ClientId is null) return program;
        var copy = await _training.FindAsync<ProgramEntity>(program.ClientId, Training.TrainingRows.Program + program.Id, ct);
        if (copy is null || copy.UpdatedAt != program.UpdatedAt || copy.Status != program.Status) await CopyToClientAsync(program, ct);
        return program;
    }

    /// <summary>
    /// Creates a program. With an id made by the device, a retry (after a timeout or a 503) returns the
    /// program the first attempt created, and finishes it, instead of creating a second one.
    /// </summary>
    public async Task<(ProgramEntity Program, bool Created)> CreateAsync(string trainerId, SaveProgramRequest request, CancellationToken ct)
    {
        if (request.Id is { } id && await _programs.FindAsync<ProgramEntity>(trainerId, id, ct) is { } earlier)
        {
            if (earlier.ClientId != request.ClientId || earlier.IsTemplate != request.IsTemplate)
                throw ProblemException.Conflict("A different program already has this id.");
            await CopyToClientAsync(earlier, ct);
            return (earlier, false);
        }
        await EnsureClientAsync(trainerId, request.ClientId, ct);
        var now = clock.GetUtcNow();
        var program = new ProgramEntity
        {
            PartitionKey = trainerId, RowKey = request.Id ?? AccountService.NewId(), ClientId = request.ClientId, IsTemplate = request.IsTemplate,
            Status = ProgramStatuses.Active, CreatedAt = now,
        };
        await ApplyAsync(program, request, trainerId, ct);
        await _programs.AddAsync(program, ct);
        await CopyToClientAsync(program, ct);
        return (program, true);
    }

    /// <summary>Replaces the program's content; with If-Match, only the version the editor read (else 409).</summary>
    public async Task<ProgramEntity> UpdateAsync(string trainerId, string programId, SaveProgramRequest request, Azure.ETag? ifMatch, CancellationToken ct)
    {
        var program = await GetAsync(trainerId, programId, ct);
        if (request.Id is not null && request.Id != programId)
            throw ProblemException.Validation("id", "The id of a saved program cannot change.");
        if (program.ClientId != request.ClientId || program.IsTemplate != request.IsTemplate)
            throw ProblemException.Validation("clientId", "A program's client (or being a template) cannot change; duplicate it instead.");
        Api.RequireVersion(ifMatch, program.ETag);
        await ApplyAsync(program, request, trainerId, ct);
        await _programs.UpdateAsync(program, ct);
        await CopyToClientAsync(program, ct);
        return program;
    }

    public async Task DeleteAsync(string trainerId, string programId, Azure.ETag? ifMatch, CancellationToken ct)
    {
        var program = await GetAsync(trainerId, programId, ct);
        Api.RequireVersion(ifMatch, program.ETag);
        // The client's copy first: if the second delete fails, the PT still sees the program and deletes it again.
        if (program.ClientId is not null) await _training.DeleteAsync(program.ClientId, Training.TrainingRows.Program + programId, ct);
        await _programs.DeleteAsync(trainerId, programId, ct, program.ETag);
    }

    public async Task<ProgramEntity> DuplicateAsync(string trainerId, string programId, DuplicateProgramRequest request, CancellationToken ct)
    {
        var source = await GetAsync(trainerId, programId, ct);
        await EnsureClientAsync(trainerId, request.ClientId, ct);
        return await CopyAsync(source, request.Name ?? $"{source.Name} (copy)", request.ClientId, request.StartDate ?? ProgramEntity.ToDate(source.StartDate), ct);
    }

    /// <summary>One copy of the template per client; every client is checked before anything is written.</summary>
    public async Task<List<ProgramEntity>> AssignAsync(string trainerId, string templateId, AssignTemplateRequest request, CancellationToken ct)
    {
        var template = await GetAsync(trainerId, templateId, ct);
        if (!template.IsTemplate) throw ProblemException.Validation("programId", "Only a template can be assigned; duplicate a client's program instead.");
        var clientIds = request.ClientIds.Distinct().ToList();
        foreach (var clientId in clientIds) await EnsureClientAsync(trainerId, clientId, ct, field: "clientIds");
        var created = new List<ProgramEntity>();
        foreach (var clientId in clientIds)
            created.Add(await CopyAsync(template, template.Name, clientId, request.StartDate, ct));
        return created;
    }

    public Task<ProgramEntity> PauseAsync(string trainerId, string programId, CancellationToken ct) =>
        ChangeAsync(trainerId, programId, ct, p =>
        {
            if (p.Status != ProgramStatuses.Active) throw ProblemException.Conflict("Only an active program can be paused.");
            p.Status = ProgramStatuses.Paused;
            p.PausedOn = ProgramEntity.FromDate(Today());
        });

    /// <summary>Resuming shifts the rest of the schedule by the days it was paused.</summary>
    public Task<ProgramEntity> ResumeAsync(string trainerId, string programId, CancellationToken ct) =>
        ChangeAsync(trainerId, programId, ct, p =>
        {
            if (p.Status != ProgramStatuses.Paused) throw ProblemException.Conflict("This program is not paused.");
            var days = Today().DayNumber - ProgramEntity.ToDate(p.PausedOn)!.Value.DayNumber;
            Shift(p, days);
            p.Status = ProgramStatuses.Active;
            p.PausedOn = null;
        });

    public Task<ProgramEntity> PushBackAsync(string trainerId, string programId, PushBackRequest request, CancellationToken ct) =>
        ChangeAsync(trainerId, programId, ct, p =>
        {
            if (p.Status == ProgramStatuses.Ended) throw ProblemException.Conflict("This program has ended.");
            Shift(p, request.Days);
        });

    public Task<ProgramEntity> EndAsync(string trainerId, string programId, CancellationToken ct) =>
        ChangeAsync(trainerId, programId, ct, p =>
        {
            if (p.Status == ProgramStatuses.Ended) throw ProblemException.Conflict("This program has already ended.");
            p.Status = ProgramStatuses.Ended;
            p.EndDate = ProgramEntity.FromDate(Today());
        });

    public async Task DeleteClientDataAsync(string trainerId, string clientId, CancellationToken ct)
    {
        var filter = Azure.Data.Tables.TableClient.CreateQueryFilter($"ClientId eq {clientId}");
        var ids = new List<string>();
        await foreach (var p in _programs.QueryPartitionAsync<ProgramEntity>(trainerId, ct, filter)) ids.Add(p.RowKey);
        foreach (var id in ids) await _programs.DeleteAsync(trainerId, id, ct);
    }

    private async Task<ProgramEntity> CopyAsync(ProgramEntity source, string name, string? clientId, DateOnly? startDate, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var length = source.StartDate is { } s && source.EndDate is { } e ? (e - s).Days : (int?)null;
        if (startDate is { } first && length is { } days && first.DayNumber + days > DateWindow.Latest.DayNumber)
            throw ProblemException.Validation("startDate", $"Starting then, this {days + 1}-day program would end after {DateWindow.Latest:yyyy-MM-dd}.");
        var copy = new ProgramEntity
        {
            PartitionKey = source.PartitionKey, RowKey = AccountService.NewId(), Name = name, ClientId = clientId, IsTemplate = clientId is null,
            Status = ProgramStatuses.Active, StartDate = ProgramEntity.FromDate(startDate),
            EndDate = startDate is { } start && length is { } l ? ProgramEntity.FromDate(start.AddDays(l)) : clientId is null ? source.EndDate : null,
            Notes = source.Notes, CreatedAt = now, UpdatedAt = now,
        };
        // Fresh ids for the entries, so logs of one client's copy never point into another's.
        copy.SetDays(source.Days().Select(d => d with { Exercises = d.Exercises.Select(x => x with { Id = AccountService.NewId()[..12] }).ToList() }));
        await _programs.AddAsync(copy, ct);
        await CopyToClientAsync(copy, ct);
        return copy;
    }

    private async Task<ProgramEntity> ChangeAsync(string trainerId, string programId, CancellationToken ct, Action<ProgramEntity> change)
    {
        var program = await GetAsync(trainerId, programId, ct);
        if (program.IsTemplate) throw ProblemException.Conflict("Templates have no schedule; assign it to a client first.");
        change(program);
        program.UpdatedAt = clock.GetUtcNow();
        await _programs.UpdateAsync(program, ct);
        await CopyToClientAsync(program, ct);
        return program;
    }

    /// <summary>
    /// Keeps the client's copy (in their training partition) in step, so their "today" and set
    /// logging never read the PT's partition. Written after the program; a failure fails the request,
    /// and the PT's retry writes it again.
    /// </summary>
    private async Task CopyToClientAsync(ProgramEntity p, CancellationToken ct)
    {
        if (p.ClientId is null) return;
        await _training.UpsertAsync(p.CopyFor(p.ClientId, Training.TrainingRows.Program + p.Id), ct);
    }

    private static void Shift(ProgramEntity p, int days)
    {
        var last = ProgramEntity.ToDate(p.EndDate) ?? ProgramEntity.ToDate(p.StartDate);
        if (last is { } l && l.DayNumber + days > DateWindow.Latest.DayNumber)
            throw ProblemException.Conflict($"Moving this program by {days} days would take it past {DateWindow.Latest:yyyy-MM-dd}.");
        p.ScheduleOffsetDays = ((p.ScheduleOffsetDays + days) % 7 + 7) % 7;
        if (p.StartDate is { } s) p.StartDate = s.AddDays(days);
        if (p.EndDate is { } e) p.EndDate = e.AddDays(days);
    }

    /// <summary>Checks every exercise (library or the PT's own: never another PT's), fills in names and entry ids.</summary>
    private async Task ApplyAsync(ProgramEntity program, SaveProgramRequest request, string trainerId, CancellationToken ct)
    {
        var known = await exercises.VisibleNamesAsync(trainerId, ct);
        var errors = new Dictionary<string, string[]>();
        var usedIds = new HashSet<string>();
        for (var d = 0; d < request.Days.Count; d++)
        {
            for (var i = 0; i < request.Days[d].Exercises.Count; i++)
            {
                var entry = request.Days[d].Exercises[i];
                if (!known.TryGetValue(entry.ExerciseId, out var name))
                    errors[$"days[{d}].exercises[{i}].exerciseId"] = ["No such exercise in your library."];
                entry.ExerciseName = name;
                if (string.IsNullOrWhiteSpace(entry.Id) || !usedIds.Add(entry.Id) || !TenantTable.IsValidKey(entry.Id))
                {
                    entry.Id = AccountService.NewId()[..12];
                    usedIds.Add(entry.Id);
                }
            }
        }
        if (errors.Count > 0) throw ProblemException.Validation(errors);
        program.Name = request.Name.Trim();
        program.StartDate = ProgramEntity.FromDate(request.StartDate);
        program.EndDate = ProgramEntity.FromDate(request.EndDate);
        program.Notes = request.Notes;
        program.SetDays(request.Days);
        program.UpdatedAt = clock.GetUtcNow();
    }

    private async Task EnsureClientAsync(string trainerId, string? clientId, CancellationToken ct, string field = "clientId")
    {
        if (clientId is null) return;
        if (await clients.FindAsync(trainerId, clientId, ct) is null)
            throw ProblemException.Validation(field, "No such client.");
    }

    private DateOnly Today() => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
}
