using Azure.Data.Tables;
using FitPilot.Functions.Foods;
using FitPilot.Functions.Storage;

namespace FitPilot.Functions.MealPlans;

/// <summary>
/// The one owner of tables <c>mealplans</c> (<see cref="MealPlanEntity"/>, PartitionKey = the PT) and
/// <c>mealdays</c> (<see cref="MealDayEntity"/>, PartitionKey = the client). Tells Foods where a food is used.
/// </summary>
public sealed class MealPlanStore(StorageClients storage) : IFoodUsage
{
    private readonly TenantTable _plans = new(storage.Table(StorageNames.MealPlansTable));
    private readonly TenantTable _days = new(storage.Table(StorageNames.MealDaysTable));

    public IAsyncEnumerable<MealPlanEntity> AllAsync(string trainerId, CancellationToken ct, string? filter = null) =>
        _plans.QueryPartitionAsync<MealPlanEntity>(trainerId, ct, filter);

    /// <summary>A client's plans whose dates meet <paramref name="from"/>…<paramref name="to"/>: one query of the PT's partition.</summary>
    public async Task<List<MealPlanEntity>> ClientPlansAsync(string trainerId, string clientId, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var list = new List<MealPlanEntity>();
        var filter = TableClient.CreateQueryFilter($"ClientId eq {clientId} and FirstDay le {Iso.Format(to)} and LastDay ge {Iso.Format(from)}");
        await foreach (var plan in AllAsync(trainerId, ct, filter)) list.Add(plan);
        return list;
    }

    /// <summary>Every plan of a client (templates have no client).</summary>
    public async Task<List<MealPlanEntity>> ClientPlansAsync(string trainerId, string clientId, CancellationToken ct)
    {
        var list = new List<MealPlanEntity>();
        await foreach (var plan in AllAsync(trainerId, ct, TableClient.CreateQueryFilter($"ClientId eq {clientId}"))) list.Add(plan);
        return list;
    }

    public Task<MealPlanEntity?> FindAsync(string trainerId, string planId, CancellationToken ct) => _plans.FindAsync<MealPlanEntity>(trainerId, planId, ct);

    public Task<MealPlanEntity> GetAsync(string trainerId, string planId, CancellationToken ct) =>
        _plans.GetAsync<MealPlanEntity>(trainerId, planId, "No such meal plan.", ct);

    public Task AddAsync(MealPlanEntity plan, CancellationToken ct) => _plans.AddAsync(plan, ct);

    public Task UpdateAsync(MealPlanEntity plan, CancellationToken ct) => _plans.UpdateAsync(plan, ct);

    public Task DeleteAsync(MealPlanEntity plan, CancellationToken ct) => _plans.DeleteAsync(plan.PartitionKey, plan.RowKey, ct, plan.ETag);

    public Task<MealDayEntity?> FindDayAsync(string clientId, DateOnly date, CancellationToken ct) => _days.FindAsync<MealDayEntity>(clientId, Iso.Format(date), ct);

    public async Task<List<MealDayEntity>> DaysAsync(string clientId, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var list = new List<MealDayEntity>();
        var filter = TableClient.CreateQueryFilter($"RowKey ge {Iso.Format(from)} and RowKey le {Iso.Format(to)}");
        await foreach (var day in _days.QueryPartitionAsync<MealDayEntity>(clientId, ct, filter)) list.Add(day);
        return list;
    }

    /// <summary>Saves a day read before (over its version), or adds it.</summary>
    public Task SaveDayAsync(MealDayEntity day, bool isNew, CancellationToken ct) => isNew ? _days.AddAsync(day, ct) : _days.UpdateAsync(day, ct);

    /// <summary>A removed client's plans (in the PT's partition) and their whole <c>mealdays</c> partition.</summary>
    public async Task DeleteClientAsync(string trainerId, string clientId, CancellationToken ct)
    {
        foreach (var plan in await ClientPlansAsync(trainerId, clientId, ct)) await _plans.DeleteAsync(trainerId, plan.RowKey, ct);
        await _days.DeletePartitionAsync(clientId, ct);
    }

    public async Task<IReadOnlyList<string>> WhereUsedAsync(string trainerId, string foodId, CancellationToken ct)
    {
        var names = new List<string>();
        await foreach (var plan in AllAsync(trainerId, ct))
            if (plan.Content.Foods.Any(f => f.Id == foodId)) names.Add(plan.Name);
        return names;
    }
}
