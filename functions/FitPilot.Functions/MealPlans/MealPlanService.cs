using FitPilot.Contracts.Nutrition;
using FitPilot.Functions.Clients;
using FitPilot.Functions.Common;
using FitPilot.Functions.Events;
using FitPilot.Functions.Foods;
using FitPilot.Functions.Storage;

namespace FitPilot.Functions.MealPlans;

/// <summary>
/// A PT's meal plans and templates: one document each, edited whole (ETag, 409 on stale), created with a
/// device-made id (a retry returns the first), duplicated or saved as a template, assigned to many clients
/// (each gets their own plan), ended and deleted. A client has one active plan: giving them a new one ends
/// the previous one the day before it starts.
/// </summary>
public sealed class MealPlanService(MealPlanStore store, IFoodLookup foods, ClientStore clients, TimeProvider clock) : IEventHandler<ClientRemoved>
{
    public async Task<List<MealPlanSummary>> ListAsync(string trainerId, bool? templates, string? clientId, CancellationToken ct)
    {
        var names = await ClientNamesAsync(trainerId, ct);
        var list = new List<MealPlanSummary>();
        await foreach (var p in store.AllAsync(trainerId, ct))
            if ((templates is null || p.IsTemplate == templates) && (clientId is null || p.ClientId == clientId))
                list.Add(Summary(p, names));
        return list.OrderByDescending(p => p.UpdatedAt).ToList();
    }

    public async Task<Versioned<MealPlanDto>> GetAsync(string trainerId, string planId, CancellationToken ct)
    {
        var plan = await store.GetAsync(trainerId, planId, ct);
        return Versioned(plan, await ClientNameAsync(plan, ct));
    }

    public async Task<(Versioned<MealPlanDto> Plan, bool Created)> CreateAsync(string trainerId, SaveMealPlanRequest request, CancellationToken ct)
    {
        if (request.Id is { } id && await store.FindAsync(trainerId, id, ct) is { } earlier)
        {
            if (earlier.ClientId != request.ClientId || earlier.IsTemplate != request.IsTemplate)
                throw DomainException.Conflict("A different meal plan already has this id.");
            return (Versioned(earlier, await ClientNameAsync(earlier, ct)), false);
        }
        var client = request.ClientId is null ? null : await RequireClientAsync(trainerId, request.ClientId, "clientId", ct);
        var now = clock.GetUtcNow();
        var plan = new MealPlanEntity
        {
            PartitionKey = trainerId, RowKey = request.Id ?? Ids.New(), ClientId = request.ClientId, IsTemplate = request.IsTemplate,
            Status = MealPlanStatuses.Active, CreatedAt = now,
        };
        await ApplyAsync(plan, request, trainerId, ct);
        if (client is not null)
        {
            plan.StartDate ??= UserTime.Today(client.TimeZone, now);
            await EndPreviousAsync(trainerId, client, plan.StartDate.Value, ct);
        }
        await store.AddAsync(plan, ct);
        return (Versioned(plan, client?.Name), true);
    }

    public async Task<Versioned<MealPlanDto>> UpdateAsync(string trainerId, string planId, SaveMealPlanRequest request, Azure.ETag? ifMatch, CancellationToken ct)
    {
        var plan = await store.GetAsync(trainerId, planId, ct);
        if (request.Id is not null && request.Id != planId) throw DomainException.Invalid("id", "The id of a saved meal plan cannot change.");
        if (plan.ClientId != request.ClientId || plan.IsTemplate != request.IsTemplate)
            throw DomainException.Invalid("clientId", "A meal plan's client (or being a template) cannot change; duplicate it instead.");
        TenantTable.RequireVersion(ifMatch, plan.ETag);
        var endedOn = plan.Status == MealPlanStatuses.Ended ? plan.EndDate : null;
        await ApplyAsync(plan, request, trainerId, ct);
        if (plan.ClientId is not null) plan.StartDate ??= ToDate(plan.CreatedAt);
        // An ended plan stays ended: its days may be edited, its last day not moved later.
        if (endedOn is { } last && (plan.EndDate is not { } end || end > last)) plan.EndDate = last;
        await store.UpdateAsync(plan, ct);
        return Versioned(plan, await ClientNameAsync(plan, ct));
    }

    public async Task DeleteAsync(string trainerId, string planId, Azure.ETag? ifMatch, CancellationToken ct)
    {
        var plan = await store.GetAsync(trainerId, planId, ct);
        TenantTable.RequireVersion(ifMatch, plan.ETag);
        await store.DeleteAsync(plan, ct);
    }

    /// <summary>A copy as a template, or as a new plan for a client from their today (their previous plan ends the day before). The device's id makes a retry return the first copy.</summary>
    public async Task<(Versioned<MealPlanDto> Plan, bool Created)> DuplicateAsync(string trainerId, string planId, DuplicateMealPlanRequest request, CancellationToken ct)
    {
        var source = await store.GetAsync(trainerId, planId, ct);
        if (await store.FindAsync(trainerId, request.Id, ct) is { } earlier)
        {
            if (earlier.ClientId != request.ClientId || earlier.IsTemplate != request.AsTemplate)
                throw DomainException.Conflict("A different meal plan already has this id.");
            return (Versioned(earlier, await ClientNameAsync(earlier, ct)), false);
        }
        var client = request.ClientId is null ? null : await RequireClientAsync(trainerId, request.ClientId, "clientId", ct);
        var name = request.Name?.Trim() is { Length: > 0 } given ? given : $"{source.Name} (copy)";
        var copy = await CopyAsync(source, request.Id, name, client, client is null ? null : UserTime.Today(client.TimeZone, clock.GetUtcNow()), ct);
        return (Versioned(copy, client?.Name), true);
    }

    /// <summary>Each client gets their own plan from <see cref="AssignMealPlanRequest.StartDate"/>; every client is checked before anything is written.</summary>
    public async Task<AssignMealPlanResult> AssignAsync(string trainerId, string planId, AssignMealPlanRequest request, CancellationToken ct)
    {
        var source = await store.GetAsync(trainerId, planId, ct);
        var chosen = new List<ClientEntity>();
        foreach (var (clientId, i) in request.ClientIds.Distinct().Select((c, i) => (c, i)))
            chosen.Add(await RequireClientAsync(trainerId, clientId, $"clientIds[{i}]", ct));
        var plans = new List<MealPlanSummary>();
        foreach (var client in chosen)
        {
            var copy = await CopyAsync(source, Ids.New(), source.Name, client, request.StartDate, ct);
            plans.Add(Summary(copy, new Dictionary<string, string> { [client.Id] = client.Name }));
        }
        return new AssignMealPlanResult(plans);
    }

    /// <summary>Ends a client's plan: its last day is yesterday in the client's time zone (from today on it shows no meals).</summary>
    public async Task<Versioned<MealPlanDto>> EndAsync(string trainerId, string planId, CancellationToken ct)
    {
        var plan = await store.GetAsync(trainerId, planId, ct);
        if (plan.IsTemplate || plan.ClientId is null) throw DomainException.Conflict("A template has no dates; assign it to a client first.");
        if (plan.Status == MealPlanStatuses.Ended) throw DomainException.Conflict("This meal plan has already ended.");
        var client = await clients.GetAsync(trainerId, plan.ClientId, ct);
        var yesterday = UserTime.Today(client.TimeZone, clock.GetUtcNow()).AddDays(-1);
        plan.Status = MealPlanStatuses.Ended;
        if (plan.EndDate is not { } end || end > yesterday) plan.EndDate = yesterday;
        plan.UpdatedAt = clock.GetUtcNow();
        await store.UpdateAsync(plan, ct);
        return Versioned(plan, client.Name);
    }

    /// <summary>A removed client's plans and eaten days go with them.</summary>
    public Task HandleAsync(ClientRemoved removed, CancellationToken ct) => store.DeleteClientAsync(removed.TrainerId, removed.ClientId, ct);

    public static MealPlanDto ToDto(MealPlanEntity plan, string? clientName)
    {
        var content = plan.Content;
        return new MealPlanDto(plan.Id, plan.Name, plan.ClientId, clientName, plan.IsTemplate, plan.Status, plan.StartDate, plan.EndDate, plan.Rotation,
            plan.Notes, content.Days.Select(d => d.ToContract()).ToList(), content.Foods.Select(f => f.ToContract()).ToList(),
            MealPlanRules.Totals(plan.Rotation, content), plan.CreatedAt, plan.UpdatedAt);
    }

    private async Task<MealPlanEntity> CopyAsync(MealPlanEntity source, string id, string name, ClientEntity? client, DateOnly? start, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var copy = new MealPlanEntity
        {
            PartitionKey = source.PartitionKey, RowKey = id, Name = name, ClientId = client?.Id, IsTemplate = client is null,
            Status = MealPlanStatuses.Active, Rotation = source.Rotation, Notes = source.Notes, StartDate = start,
            Content = source.Content.WithFreshIds(Ids.NewShort), CreatedAt = now, UpdatedAt = now,
        };
        copy.AverageDayKcal = AverageDayKcal(copy);
        if (client is not null && start is { } s) await EndPreviousAsync(source.PartitionKey, client, s, ct);
        await store.AddAsync(copy, ct);
        return copy;
    }

    /// <summary>
    /// One active plan per client: every other plan of theirs still running on <paramref name="start"/> now ends the
    /// day before (marked ended once that day has passed; one that had not started yet ends before it begins).
    /// </summary>
    private async Task EndPreviousAsync(string trainerId, ClientEntity client, DateOnly start, CancellationToken ct)
    {
        var today = UserTime.Today(client.TimeZone, clock.GetUtcNow());
        foreach (var previous in await store.ClientPlansAsync(trainerId, client.Id, start, DateWindowLatest, ct))
        {
            previous.EndDate = start.AddDays(-1);
            if (previous.EndDate < today || previous.StartDate is { } s && s >= start) previous.Status = MealPlanStatuses.Ended;
            previous.UpdatedAt = clock.GetUtcNow();
            await store.UpdateAsync(previous, ct);
        }
    }

    private static readonly DateOnly DateWindowLatest = Contracts.Common.DateWindow.Latest;

    private async Task ApplyAsync(MealPlanEntity plan, SaveMealPlanRequest request, string trainerId, CancellationToken ct)
    {
        var found = await foods.FindAsync(trainerId, MealPlanContent.FoodIds(request.Days), ct);
        plan.Content = MealPlanContent.Build(request.Days, found, Ids.NewShort);
        plan.Name = request.Name.Trim();
        plan.Rotation = request.Rotation;
        plan.Notes = request.Notes;
        plan.StartDate = request.IsTemplate ? null : request.StartDate;
        plan.EndDate = request.IsTemplate ? null : request.EndDate;
        plan.AverageDayKcal = AverageDayKcal(plan);
        plan.UpdatedAt = clock.GetUtcNow();
    }

    private static double AverageDayKcal(MealPlanEntity plan) => Math.Round(MealPlanRules.Totals(plan.Rotation, plan.Content).Week.EnergyKcal / 7, 1);

    private async Task<ClientEntity> RequireClientAsync(string trainerId, string clientId, string field, CancellationToken ct) =>
        await clients.FindAsync(trainerId, clientId, ct) ?? throw DomainException.Invalid(field, "No such client.");

    private async Task<string?> ClientNameAsync(MealPlanEntity plan, CancellationToken ct) =>
        plan.ClientId is null ? null : (await clients.FindAsync(plan.TrainerId, plan.ClientId, ct))?.Name;

    private async Task<Dictionary<string, string>> ClientNamesAsync(string trainerId, CancellationToken ct)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        await foreach (var c in clients.AllAsync(trainerId, ct)) names[c.Id] = c.Name;
        return names;
    }

    private static MealPlanSummary Summary(MealPlanEntity p, IReadOnlyDictionary<string, string> names) =>
        new(p.Id, p.Name, p.ClientId, p.ClientId is null ? null : names.GetValueOrDefault(p.ClientId), p.IsTemplate, p.Status, p.StartDate, p.EndDate,
            p.Rotation, p.AverageDayKcal, p.UpdatedAt);

    private static DateOnly ToDate(DateTimeOffset at) => DateOnly.FromDateTime(at.UtcDateTime);

    private static Versioned<MealPlanDto> Versioned(MealPlanEntity plan, string? clientName) => new(ToDto(plan, clientName), plan.ETag);
}
