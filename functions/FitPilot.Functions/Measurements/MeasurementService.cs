using Azure.Data.Tables;
using FitPilot.Contracts.Progress;
using FitPilot.Functions.Clients;
using FitPilot.Functions.Common;
using FitPilot.Functions.Events;
using FitPilot.Functions.Http;
using FitPilot.Functions.Storage;
using FitPilot.Functions.Trainers;

namespace FitPilot.Functions.Measurements;

/// <summary>
/// A client's body measurements and the PT's custom metrics for them, entered by the client or their PT
/// (<see cref="MeasurementRules"/> hold the rules). Every method takes the caller and the client: the
/// client's row is read first, under the caller's tenant (the PT, or the client's own PT), so another PT's
/// client is a 404. The latest weight and body fat go onto the client's profile (through <see cref="ClientStore"/>).
/// </summary>
public sealed class MeasurementService(MeasurementStore store, ClientStore clients, TrainerStore trainers, EventBus events, PartitionLocks locks, TimeProvider clock)
    : IEventHandler<ClientRemoved>
{
    /// <summary>The caller's client: a client's own row, or a PT's client (404 for anyone else's).</summary>
    public Task<ClientEntity> ClientAsync(Caller caller, string clientId, CancellationToken ct) =>
        clients.GetAsync(caller.TrainerId, clientId, ct);

    /// <summary>Everything for the progress page, in the viewer's units: measurements newest first, metrics with their values oldest first.</summary>
    public async Task<ProgressData> ProgressAsync(Caller caller, string clientId, CancellationToken ct)
    {
        var client = await ClientAsync(caller, clientId, ct);
        string? weightUnit = client.WeightUnit, lengthUnit = client.LengthUnit;
        if (caller is TrainerCaller)
        {
            var trainer = await trainers.GetAsync(caller.TrainerId, ct);
            (weightUnit, lengthUnit) = (trainer.WeightUnit, trainer.LengthUnit);
        }
        var rows = await store.ReadAsync(clientId, null, ct);
        return new ProgressData(Newest(rows.Measurements), Series(rows),
            weightUnit ?? Contracts.Common.WeightUnits.Kg, lengthUnit ?? LengthUnits.Cm);
    }

    /// <summary>The client's rows, for the export.</summary>
    public Task<MeasurementStore.ProgressRows> RowsAsync(string clientId, CancellationToken ct) => store.ReadAsync(clientId, null, ct);

    /// <summary>The client's weigh-ins from a date on, oldest first (one query of their measurements; the caller has checked the client is theirs).</summary>
    public async Task<List<(DateOnly Date, double WeightKg)>> WeightsSinceAsync(string clientId, DateOnly from, CancellationToken ct)
    {
        var filter = $"{MeasurementRows.Range(MeasurementRows.Measurement)} and {TableClient.CreateQueryFilter($"MeasuredOn ge {MeasurementRows.Iso(from)}")}";
        return (await store.ReadAsync(clientId, filter, ct)).Measurements.Where(m => m.WeightKg is not null)
            .OrderBy(m => m.MeasuredOn, StringComparer.Ordinal).ThenBy(m => m.UpdatedAt)
            .Select(m => (MeasurementRows.Date(m.MeasuredOn), m.WeightKg!.Value)).ToList();
    }

    /// <summary>Saves a measurement (replacing the one with its id); true when it is new.</summary>
    public async Task<(Measurement Measurement, bool Created)> SaveAsync(Caller caller, string clientId, SaveMeasurementRequest request, CancellationToken ct)
    {
        var client = await ClientAsync(caller, clientId, ct);
        var errors = MeasurementRules.Validate(request, UserTime.Today(client.TimeZone, clock.GetUtcNow()));
        if (errors.Count > 0) throw DomainException.Invalid(errors);
        var (kind, name) = await AuthorAsync(caller, client, ct);

        using var _ = await locks.EnterAsync(clientId, ct);
        var measurements = (await store.ReadAsync(clientId, MeasurementRows.Range(MeasurementRows.Measurement), ct)).Measurements;
        var existing = measurements.Find(m => m.Id == request.Id);
        var now = clock.GetUtcNow();
        var row = MeasurementEntity.From(clientId, request, kind, name, existing?.CreatedAt ?? now, now);
        await store.UpsertAsync(row, ct);
        measurements.RemoveAll(m => m.Id == request.Id);
        measurements.Add(row);
        await UpdateProfileAsync(client, measurements, null, ct);
        if (row.WeightKg is not null)
        {
            var numbers = MeasurementRules.Profile(new MeasurementRules.BodyNumbers(client.StartingWeightKg, client.CurrentWeightKg, client.BodyFatPercentage),
                measurements.Select(m => m.ToDto()).ToList(), null);
            if (numbers is { StartingWeightKg: { } start, CurrentWeightKg: { } latest })
                await events.PublishAsync(new MeasurementSaved(client.TrainerId, clientId, start, latest, row.Id, MeasurementRows.Date(row.MeasuredOn), row.WeightKg), ct);
        }
        return (row.ToDto(), existing is null);
    }

    public async Task DeleteAsync(Caller caller, string clientId, string measurementId, CancellationToken ct)
    {
        var client = await ClientAsync(caller, clientId, ct);
        using var _ = await locks.EnterAsync(clientId, ct);
        var measurements = (await store.ReadAsync(clientId, MeasurementRows.Range(MeasurementRows.Measurement), ct)).Measurements;
        var removed = measurements.Find(m => m.Id == measurementId) ?? throw DomainException.NotFound("No such measurement.");
        await store.DeleteAsync(clientId, removed.RowKey, ct);
        measurements.Remove(removed);
        await UpdateProfileAsync(client, measurements, removed, ct);
    }

    /// <summary>A PT defines a metric for their client (at most <see cref="MeasurementRules.MaxMetricsPerClient"/>, names unique).</summary>
    public async Task<Metric> CreateMetricAsync(TrainerCaller caller, string clientId, SaveMetricRequest request, CancellationToken ct)
    {
        await ClientAsync(caller, clientId, ct);
        var errors = MeasurementRules.Validate(request);
        if (errors.Count > 0) throw DomainException.Invalid(errors);
        using var _ = await locks.EnterAsync(clientId, ct);
        var metrics = (await store.ReadAsync(clientId, MeasurementRows.Range(MeasurementRows.Metric), ct)).Metrics;
        if (metrics.Count >= MeasurementRules.MaxMetricsPerClient)
            throw DomainException.Conflict($"A client can have at most {MeasurementRules.MaxMetricsPerClient} custom metrics. Delete one first.", "Too many metrics");
        RequireUniqueName(metrics, request.Name, null);
        var metric = new MetricEntity { PartitionKey = clientId, RowKey = MeasurementRows.MetricKey(Ids.New()), CreatedAt = clock.GetUtcNow() };
        Apply(metric, request);
        await store.AddAsync(metric, ct);
        return metric.ToDto();
    }

    /// <summary>A PT renames or re-ranges a metric; values logged before keep their numbers.</summary>
    public async Task<Metric> UpdateMetricAsync(TrainerCaller caller, string clientId, string metricId, SaveMetricRequest request, CancellationToken ct)
    {
        await ClientAsync(caller, clientId, ct);
        var errors = MeasurementRules.Validate(request);
        if (errors.Count > 0) throw DomainException.Invalid(errors);
        using var _ = await locks.EnterAsync(clientId, ct);
        var metrics = (await store.ReadAsync(clientId, MeasurementRows.Range(MeasurementRows.Metric), ct)).Metrics;
        var metric = metrics.Find(m => m.Id == metricId) ?? throw DomainException.NotFound("No such metric.");
        RequireUniqueName(metrics, request.Name, metricId);
        Apply(metric, request);
        await store.UpdateAsync(metric, ct);
        return metric.ToDto();
    }

    /// <summary>A PT deletes a metric and every value logged for it.</summary>
    public async Task DeleteMetricAsync(TrainerCaller caller, string clientId, string metricId, CancellationToken ct)
    {
        await ClientAsync(caller, clientId, ct);
        using var _ = await locks.EnterAsync(clientId, ct);
        var rows = await store.ReadAsync(clientId, MetricAndValues(metricId, null), ct);
        if (rows.Metrics.Count == 0) throw DomainException.NotFound("No such metric.");
        // The values first: a delete that fails half-way leaves the metric to delete again, never values without one.
        await store.DeleteAllAsync(clientId, rows.Values, ct);
        await store.DeleteAsync(clientId, rows.Metrics[0].RowKey, ct);
    }

    /// <summary>Logs a metric's value for a date (replacing that date's value); true when the value id is new.</summary>
    public async Task<(MetricValue Value, bool Created)> LogValueAsync(Caller caller, string clientId, string metricId, LogMetricValueRequest request, CancellationToken ct)
    {
        var client = await ClientAsync(caller, clientId, ct);
        if (request.MeasuredOn > UserTime.Today(client.TimeZone, clock.GetUtcNow())) throw DomainException.Invalid("measuredOn", MeasurementRules.FutureDate);
        using var _ = await locks.EnterAsync(clientId, ct);
        // The metric and any row this value id was stored under before (another date, when the date was corrected): one query.
        var rows = await store.ReadAsync(clientId, MetricAndValues(metricId, request.Id), ct);
        var metric = rows.Metrics.SingleOrDefault() ?? throw DomainException.NotFound("No such metric.");
        if (MeasurementRules.OutOfRange(request.Value, metric.Min, metric.Max, metric.Unit) is { } problem) throw DomainException.Invalid("value", problem);
        var now = clock.GetUtcNow();
        var row = new MetricValueEntity
        {
            PartitionKey = clientId, RowKey = MeasurementRows.ValueKey(metricId, request.MeasuredOn), Id = request.Id, MetricId = metricId,
            MeasuredOn = MeasurementRows.Iso(request.MeasuredOn), Value = request.Value, EnteredBy = caller is TrainerCaller ? EnteredBy.Trainer : EnteredBy.Client,
            CreatedAt = rows.Values.FirstOrDefault()?.CreatedAt ?? now,
        };
        var actions = new List<TableTransactionAction> { new(TableTransactionActionType.UpsertReplace, row) };
        actions.AddRange(rows.Values.Where(v => v.RowKey != row.RowKey).Select(v => new TableTransactionAction(TableTransactionActionType.Delete, v, Azure.ETag.All)));
        await store.SubmitAsync(actions, ct);
        return (row.ToDto(), rows.Values.Count == 0);
    }

    public async Task DeleteValueAsync(Caller caller, string clientId, string metricId, string valueId, CancellationToken ct)
    {
        await ClientAsync(caller, clientId, ct);
        if (!TenantTable.IsValidKey(metricId)) throw DomainException.NotFound("No such value.");
        using var _ = await locks.EnterAsync(clientId, ct);
        var values = (await store.ReadAsync(clientId, $"{MeasurementRows.Range(MeasurementRows.ValuesOf(metricId))} and {TableClient.CreateQueryFilter($"Id eq {valueId}")}", ct)).Values;
        if (values.Count == 0) throw DomainException.NotFound("No such value.");
        await store.DeleteAllAsync(clientId, values, ct);
    }

    /// <summary>A removed client's measurements, metrics and values go with them.</summary>
    public Task HandleAsync(ClientRemoved removed, CancellationToken ct) => store.DeletePartitionAsync(removed.ClientId, ct);

    public static List<Measurement> Newest(IEnumerable<MeasurementEntity> rows) =>
        rows.Select(m => m.ToDto()).OrderByDescending(m => m.MeasuredOn).ThenByDescending(m => m.UpdatedAt).ToList();

    public static List<MetricSeries> Series(MeasurementStore.ProgressRows rows)
    {
        var values = rows.Values.GroupBy(v => v.MetricId).ToDictionary(g => g.Key, g => g.OrderBy(v => v.MeasuredOn, StringComparer.Ordinal).Select(v => v.ToDto()).ToList());
        return rows.Metrics.OrderBy(m => m.CreatedAt).ThenBy(m => m.Name, StringComparer.OrdinalIgnoreCase)
            .Select(m => new MetricSeries(m.ToDto(), values.GetValueOrDefault(m.Id) ?? [])).ToList();
    }

    /// <summary>The metric's row and its value rows (those of one value id only, when given).</summary>
    private static string MetricAndValues(string metricId, string? valueId)
    {
        var values = MeasurementRows.Range(MeasurementRows.ValuesOf(metricId));
        if (valueId is not null) values = $"{values} and {TableClient.CreateQueryFilter($"Id eq {valueId}")}";
        return $"{TableClient.CreateQueryFilter($"RowKey eq {MeasurementRows.MetricKey(metricId)}")} or ({values})";
    }

    private static void RequireUniqueName(List<MetricEntity> metrics, string name, string? except)
    {
        if (metrics.Any(m => m.Id != except && MeasurementRules.SameName(m.Name, name)))
            throw DomainException.Conflict($"This client already has a metric called {name.Trim()}.", "Name taken",
                new Dictionary<string, string[]> { ["name"] = ["This client already has a metric with this name."] });
    }

    private static void Apply(MetricEntity metric, SaveMetricRequest request)
    {
        metric.Name = request.Name.Trim();
        metric.Unit = request.Unit.Trim();
        metric.Direction = request.Direction;
        metric.Min = request.Min;
        metric.Max = request.Max;
    }

    /// <summary>Who is entering it: the client, or their PT (by name, as the measurement records it).</summary>
    private async Task<(string Kind, string Name)> AuthorAsync(Caller caller, ClientEntity client, CancellationToken ct) =>
        caller is TrainerCaller
            ? (EnteredBy.Trainer, (await trainers.GetAsync(caller.TrainerId, ct)).Name)
            : (EnteredBy.Client, client.Name);

    /// <summary>
    /// The latest weight and body fat (and a first weight) onto the client's profile, when they changed: over
    /// the version read, and on a conflict (the profile was edited meanwhile) once more over a fresh read.
    /// </summary>
    private async Task UpdateProfileAsync(ClientEntity client, List<MeasurementEntity> measurements, MeasurementEntity? removed, CancellationToken ct)
    {
        var all = measurements.Select(m => m.ToDto()).ToList();
        for (var attempt = 1; ; attempt++)
        {
            var before = new MeasurementRules.BodyNumbers(client.StartingWeightKg, client.CurrentWeightKg, client.BodyFatPercentage);
            var after = MeasurementRules.Profile(before, all, removed?.ToDto());
            if (after == before) return;
            client.StartingWeightKg = after.StartingWeightKg;
            client.CurrentWeightKg = after.CurrentWeightKg;
            client.BodyFatPercentage = after.BodyFatPercentage;
            client.UpdatedAt = clock.GetUtcNow();
            try
            {
                await clients.UpdateAsync(client, ct);
                return;
            }
            catch (DomainException e) when (e.Kind == DomainErrorKind.Conflict && attempt < 3)
            {
                client = await clients.GetAsync(client.TrainerId, client.Id, ct);
            }
        }
    }
}
