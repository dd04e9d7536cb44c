using FitPilot.Contracts.Nutrition;
using FitPilot.Functions.Clients;
using FitPilot.Functions.Common;
using FitPilot.Functions.Events;
using FitPilot.Functions.Http;
using FitPilot.Functions.Measurements;
using FitPilot.Functions.Storage;
// The contract shares its name with this folder's namespace.
using TargetsDto = FitPilot.Contracts.Nutrition.NutritionTargets;

namespace FitPilot.Functions.NutritionTargets;

/// <summary>
/// A client's nutrition targets: calculated by <see cref="TargetCalculator"/> from the inputs the PT saves, with the
/// PT's overrides. A new weigh-in (<see cref="MeasurementSaved"/>) stores a suggestion: the same inputs with the new
/// weight, calculated on the client's date it came in. Accepting it replaces the weight and the calculated numbers
/// and keeps every number the PT overrode (an override is the PT's decision, so a new weight does not undo it; the
/// PT clears an override by saving the number blank). Every method reads the client under the caller's tenant
/// first, so another PT's client is a 404.
/// </summary>
public sealed class NutritionTargetService(NutritionTargetStore store, ClientStore clients, PartitionLocks locks, TimeProvider clock)
    : IEventHandler<MeasurementSaved>, IEventHandler<ClientRemoved>
{
    /// <summary>The calculation alone (nothing stored); the age on the caller's today.</summary>
    public TargetCalculation Calculate(Caller caller, TargetInputs inputs)
    {
        var today = UserTime.Today(caller.TimeZone, clock.GetUtcNow());
        var errors = TargetCalculator.Validate(inputs, today);
        if (errors.Count > 0) throw DomainException.Invalid(errors);
        return TargetCalculator.Calculate(inputs, today);
    }

    public async Task<TargetsDto> GetAsync(Caller caller, string clientId, CancellationToken ct)
    {
        await clients.GetAsync(caller.TrainerId, clientId, ct);
        return ToDto(await store.FindAsync(clientId, ct) ?? throw NoTargets());
    }

    public async Task<TargetsDto> SaveAsync(TrainerCaller caller, string clientId, SaveTargetsRequest request, CancellationToken ct)
    {
        var client = await clients.GetAsync(caller.TrainerId, clientId, ct);
        var today = UserTime.Today(client.TimeZone, clock.GetUtcNow());
        var errors = TargetCalculator.Validate(request.Inputs, today, "inputs.");
        if (errors.Count > 0) throw DomainException.Invalid(errors);
        using var _ = await locks.EnterAsync(Lock(clientId), ct);
        var row = await store.FindAsync(clientId, ct) ?? new NutritionTargetEntity { PartitionKey = clientId, TrainerId = client.TrainerId };
        row.SetInputs(request.Inputs);
        row.CalculatedOn = NutritionTargetEntity.Iso(today);
        (row.KcalOverride, row.ProteinGOverride, row.FatGOverride, row.CarbsGOverride) = (request.Kcal, request.ProteinG, request.FatG, request.CarbsG);
        // New targets answer any pending suggestion.
        row.ClearSuggestion();
        Recalculate(row);
        await store.UpsertAsync(row, ct);
        return ToDto(row);
    }

    /// <summary>The suggestion's weight and date become the inputs'; the PT's overrides stay.</summary>
    public async Task<TargetsDto> AcceptSuggestionAsync(TrainerCaller caller, string clientId, CancellationToken ct)
    {
        await clients.GetAsync(caller.TrainerId, clientId, ct);
        using var _ = await locks.EnterAsync(Lock(clientId), ct);
        var row = await store.FindAsync(clientId, ct) ?? throw NoTargets();
        if (row is not { SuggestedWeightKg: { } weight, SuggestedOn: { } on }) throw DomainException.NotFound("There is no suggestion to accept.", "No suggestion");
        row.WeightKg = weight;
        row.CalculatedOn = on;
        row.ClearSuggestion();
        Recalculate(row);
        await store.UpsertAsync(row, ct);
        return ToDto(row);
    }

    /// <summary>Dismisses the pending suggestion (none pending is fine: the result is the same).</summary>
    public async Task DismissSuggestionAsync(TrainerCaller caller, string clientId, CancellationToken ct)
    {
        await clients.GetAsync(caller.TrainerId, clientId, ct);
        using var _ = await locks.EnterAsync(Lock(clientId), ct);
        var row = await store.FindAsync(clientId, ct) ?? throw NoTargets();
        if (row.SuggestedWeightKg is null) return;
        row.ClearSuggestion();
        row.UpdatedAt = clock.GetUtcNow();
        await store.UpsertAsync(row, ct);
    }

    /// <summary>A new weight: a suggestion recalculated with it, when the client has targets and the weight differs from theirs.</summary>
    public async Task HandleAsync(MeasurementSaved saved, CancellationToken ct)
    {
        if (await store.FindAsync(saved.ClientId, ct) is null) return;
        if (await clients.FindAsync(saved.TrainerId, saved.ClientId, ct) is not { } client) return;
        using var _ = await locks.EnterAsync(Lock(saved.ClientId), ct);
        if (await store.FindAsync(saved.ClientId, ct) is not { } row) return;
        var weight = Math.Round(saved.LatestWeightKg, 1);
        if (weight is < 30 or > 300) return;
        if (Math.Abs(weight - row.WeightKg) < 0.05)
        {
            // Back at the targets' weight: nothing to suggest any more.
            if (row.SuggestedWeightKg is null) return;
            row.ClearSuggestion();
        }
        else
        {
            if (row.SuggestedWeightKg is { } pending && Math.Abs(pending - weight) < 0.05) return; // the same event again
            row.SuggestedWeightKg = weight;
            row.SuggestedOn = NutritionTargetEntity.Iso(UserTime.Today(client.TimeZone, clock.GetUtcNow()));
            row.SuggestionCreatedAt = clock.GetUtcNow();
        }
        row.UpdatedAt = clock.GetUtcNow();
        await store.UpsertAsync(row, ct);
    }

    /// <summary>A removed client's targets go with them.</summary>
    public Task HandleAsync(ClientRemoved removed, CancellationToken ct) => store.DeletePartitionAsync(removed.ClientId, ct);

    private void Recalculate(NutritionTargetEntity row)
    {
        var inputs = row.Inputs();
        var calculated = TargetCalculator.Calculate(inputs, NutritionTargetEntity.Date(row.CalculatedOn));
        (row.Kcal, row.ProteinG, row.FatG, row.CarbsG, _) =
            TargetCalculator.Apply(calculated, inputs, row.KcalOverride, row.ProteinGOverride, row.FatGOverride, row.CarbsGOverride);
        row.UpdatedAt = clock.GetUtcNow();
    }

    private static TargetsDto ToDto(NutritionTargetEntity row)
    {
        var inputs = row.Inputs();
        var calculated = TargetCalculator.Calculate(inputs, NutritionTargetEntity.Date(row.CalculatedOn));
        var (_, _, _, _, overridden) = TargetCalculator.Apply(calculated, inputs, row.KcalOverride, row.ProteinGOverride, row.FatGOverride, row.CarbsGOverride);
        TargetSuggestion? suggestion = null;
        if (row is { SuggestedWeightKg: { } weight, SuggestedOn: { } on, SuggestionCreatedAt: { } at })
        {
            var date = NutritionTargetEntity.Date(on);
            suggestion = new TargetSuggestion(weight, date, TargetCalculator.Calculate(inputs with { WeightKg = weight }, date), at);
        }
        return new TargetsDto(row.PartitionKey, inputs, calculated, row.Kcal, row.ProteinG, row.FatG, row.CarbsG, overridden, suggestion, row.UpdatedAt);
    }

    private static string Lock(string clientId) => "nutritiontargets|" + clientId;

    private static DomainException NoTargets() => DomainException.NotFound("No targets have been set for this client yet.", "No targets yet");
}
