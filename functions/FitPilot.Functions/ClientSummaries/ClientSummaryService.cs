using FitPilot.Contracts.Clients;
using FitPilot.Contracts.Dashboard;
using FitPilot.Functions.Achievements;
using FitPilot.Functions.CheckIns;
using FitPilot.Functions.Clients;
using FitPilot.Functions.Common;
using FitPilot.Functions.Events;
using FitPilot.Functions.Habits;
using FitPilot.Functions.Measurements;
using FitPilot.Functions.Training;

namespace FitPilot.Functions.ClientSummaries;

/// <summary>
/// Keeps one summary row per client up to date from other features' events (<see cref="ClientSummaryRules"/>), and builds
/// the PT's compliance dashboard from them: two partition queries (the PT's clients and their summaries) whatever the
/// number of clients. Each handler reads the row, applies the event and writes it over the version read, again on a
/// conflict; applying an event twice leaves the row as it was (the rules keep what they counted).
/// </summary>
public sealed class ClientSummaryService(ClientSummaryStore store, ClientStore clients, TimeProvider clock) :
    IEventHandler<WorkoutFinished>, IEventHandler<ProgramScheduleChanged>, IEventHandler<HabitTicked>, IEventHandler<HabitScheduled>,
    IEventHandler<CheckInDue>, IEventHandler<CheckInSubmitted>, IEventHandler<CheckInReviewed>, IEventHandler<MeasurementSaved>,
    IEventHandler<AchievementGranted>, IEventHandler<ClientRemoved>
{
    private const int MaxAttempts = 8;
    private const int MaxNewBests = 20;

    public Task HandleAsync(WorkoutFinished e, CancellationToken ct) => ChangeAsync(e.TrainerId, e.Summary.ClientId, s => ClientSummaryRules.WorkoutFinished(s, e.Summary), ct);
    public Task HandleAsync(ProgramScheduleChanged e, CancellationToken ct) => ChangeAsync(e.TrainerId, e.ClientId, s => ClientSummaryRules.Program(s, e.ProgramId, e.Program), ct);
    public Task HandleAsync(HabitTicked e, CancellationToken ct) => ChangeAsync(e.TrainerId, e.ClientId, s => ClientSummaryRules.HabitTicked(s, e.HabitId, e.Date, e.Done), ct);
    public Task HandleAsync(HabitScheduled e, CancellationToken ct) =>
        ChangeAsync(e.TrainerId, e.ClientId, s => ClientSummaryRules.Habit(s, e.HabitId, e.Deleted ? null : new HabitTarget(e.TimesPerWeek, e.From, e.Until)), ct);
    public Task HandleAsync(CheckInDue e, CancellationToken ct) => ChangeAsync(e.TrainerId, e.ClientId, s => ClientSummaryRules.CheckInDue(s, e.CheckInId, e.DueOn), ct);
    public Task HandleAsync(CheckInSubmitted e, CancellationToken ct) => ChangeAsync(e.TrainerId, e.ClientId, s => ClientSummaryRules.CheckInSubmitted(s, e.CheckInId, e.DueOn, e.Late), ct);
    public Task HandleAsync(CheckInReviewed e, CancellationToken ct) => ChangeAsync(e.TrainerId, e.ClientId, s => ClientSummaryRules.CheckInReviewed(s, e.CheckInId, e.DueOn), ct);
    public Task HandleAsync(MeasurementSaved e, CancellationToken ct) =>
        ChangeAsync(e.TrainerId, e.ClientId, s => ClientSummaryRules.Weighed(s, e.MeasurementId, e.MeasuredOn, e.WeightKg, e.StartingWeightKg, e.LatestWeightKg), ct);
    public Task HandleAsync(AchievementGranted e, CancellationToken ct) =>
        ChangeAsync(e.TrainerId, e.ClientId, s => ClientSummaryRules.Achieved(s, e.AchievementId, e.Title, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)), ct);

    /// <summary>A removed client's summary goes with them (the dashboard also ignores a summary without a client row).</summary>
    public Task HandleAsync(ClientRemoved e, CancellationToken ct) => store.DeleteAsync(e.TrainerId, e.ClientId, ct);

    /// <summary>The PT's compliance dashboard: 2 storage round trips (one page each per 1,000 clients).</summary>
    public async Task<ComplianceDashboard> DashboardAsync(string trainerId, string? sort, string? direction, string? filter, CancellationToken ct)
    {
        var summaries = new Dictionary<string, ClientSummaryState>(StringComparer.Ordinal);
        var people = new List<ClientEntity>();
        await Task.WhenAll(
            Task.Run(async () => { await foreach (var row in store.AllAsync(trainerId, ct)) summaries[row.ClientId] = row.State(); }, ct),
            Task.Run(async () => { await foreach (var client in clients.AllAsync(trainerId, ct)) people.Add(client); }, ct));
        var now = clock.GetUtcNow();
        var rows = new List<ClientCompliance>();
        var awaiting = new List<CheckInAwaitingReview>();
        var bests = new List<RecentPersonalBest>();
        foreach (var client in people)
        {
            var state = summaries.GetValueOrDefault(client.RowKey) ?? new ClientSummaryState();
            var today = UserTime.Today(client.TimeZone, now);
            var figures = ClientAdherence.Of(state, today);
            var pending = state.CheckIns.Where(c => c.Value.Submitted && !c.Value.Reviewed).OrderBy(c => c.Value.DueOn).ToList();
            awaiting.AddRange(pending.Select(c => new CheckInAwaitingReview(client.RowKey, client.Name, c.Key, c.Value.DueOn, c.Value.Late)));
            bests.AddRange(state.Bests.Where(b => b.Date > today.AddDays(-7)).Select(b => new RecentPersonalBest(client.RowKey, client.Name, b.Date, b.Title)));
            var latest = state.LatestWeightKg ?? client.CurrentWeightKg;
            var starting = state.StartingWeightKg ?? client.StartingWeightKg;
            rows.Add(new ClientCompliance(client.RowKey, client.Name, client.Status, client.ProfilePictureUrl, state.LastWorkoutOn,
                figures.Workouts, figures.Habits, figures.CheckIns, latest, FourWeekChange(state.Weights),
                latest is { } l && starting is { } s ? Math.Round(l - s, 1) : null, pending.Count, figures.Risks));
        }
        var list = ComplianceList.Sort(ComplianceList.Filter(rows, filter ?? ComplianceQuery.FilterAll), sort ?? ComplianceQuery.SortRisk, direction);
        return new ComplianceDashboard(
            rows.Where(r => r.AtRisk).OrderByDescending(r => r.Risks.Max(x => x.Month - x.Week)).ThenBy(r => r.Name, StringComparer.CurrentCultureIgnoreCase).ToList(),
            awaiting.Count, awaiting.OrderBy(a => a.DueOn).ThenBy(a => a.ClientName, StringComparer.CurrentCultureIgnoreCase).ToList(),
            bests.OrderByDescending(b => b.Date).ThenBy(b => b.ClientName, StringComparer.CurrentCultureIgnoreCase).Take(MaxNewBests).ToList(),
            list);
    }

    /// <summary>The latest weigh-in minus the first of the 4 weeks before it; null with fewer than two in that span.</summary>
    public static double? FourWeekChange(IReadOnlyList<WeighIn> weights)
    {
        if (weights.Count < 2) return null;
        var last = weights[^1];
        var first = weights.FirstOrDefault(w => w.Date >= last.Date.AddDays(-28));
        return first is null || first == last ? null : Math.Round(last.Kg - first.Kg, 1);
    }

    private async Task ChangeAsync(string trainerId, string clientId, Action<ClientSummaryState> change, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            var row = await store.FindAsync(trainerId, clientId, ct);
            var state = row?.State() ?? new ClientSummaryState();
            change(state);
            ClientSummaryRules.Prune(state, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
            var json = Storage.StoredJson.Serialize(state);
            if (row is not null && row.StateJson == json) return;
            try
            {
                if (row is null)
                {
                    if (await store.TryAddAsync(new ClientSummaryEntity { PartitionKey = trainerId, RowKey = clientId, StateJson = json, UpdatedAt = clock.GetUtcNow() }, ct)) return;
                }
                else
                {
                    row.StateJson = json;
                    row.StateVersion = ClientSummaryState.Version;
                    row.UpdatedAt = clock.GetUtcNow();
                    await store.UpdateAsync(row, ct);
                    return;
                }
            }
            catch (DomainException e) when (e.Kind == DomainErrorKind.Conflict && attempt < MaxAttempts) { }
            if (attempt >= MaxAttempts) throw new InvalidOperationException($"The summary of client {clientId} kept changing under {MaxAttempts} attempts.");
            await Task.Delay(Random.Shared.Next(10, 40 * attempt), ct);
        }
    }
}

/// <summary>The client list's filters and sorts (a missing figure sorts last either way).</summary>
public static class ComplianceList
{
    public static IEnumerable<ClientCompliance> Filter(IEnumerable<ClientCompliance> rows, string filter) => filter switch
    {
        ComplianceQuery.FilterAtRisk => rows.Where(r => r.AtRisk),
        ComplianceQuery.FilterAwaitingReview => rows.Where(r => r.AwaitingReview > 0),
        ComplianceQuery.FilterInvited => rows.Where(r => r.Status != ClientStatuses.Active),
        _ => rows,
    };

    public static List<ClientCompliance> Sort(IEnumerable<ClientCompliance> rows, string sort, string? direction)
    {
        var descending = direction == "desc";
        var byName = StringComparer.CurrentCultureIgnoreCase;
        if (sort == ComplianceQuery.SortName)
            return (descending ? rows.OrderByDescending(r => r.Name, byName) : rows.OrderBy(r => r.Name, byName)).ToList();
        if (sort == ComplianceQuery.SortStatus)
            return (descending ? rows.OrderByDescending(r => r.Status, StringComparer.Ordinal) : rows.OrderBy(r => r.Status, StringComparer.Ordinal)).ThenBy(r => r.Name, byName).ToList();
        Func<ClientCompliance, double?> key = sort switch
        {
            ComplianceQuery.SortLastWorkout => r => r.LastWorkoutOn?.DayNumber,
            ComplianceQuery.SortWorkouts => r => r.Workouts.Week,
            ComplianceQuery.SortHabits => r => r.Habits.Week,
            ComplianceQuery.SortCheckIns => r => r.CheckIns.Week,
            ComplianceQuery.SortWeight => r => r.WeightChange4WeeksKg,
            // Risk: the biggest drop first by default (descending is the natural reading).
            _ => r => r.Risks.Count == 0 ? null : r.Risks.Max(x => x.Month - x.Week),
        };
        if (sort is not (ComplianceQuery.SortLastWorkout or ComplianceQuery.SortWorkouts or ComplianceQuery.SortHabits or ComplianceQuery.SortCheckIns or ComplianceQuery.SortWeight)
            && direction is null) descending = true;
        var known = rows.Where(r => key(r) is not null);
        var ordered = descending ? known.OrderByDescending(r => key(r)) : known.OrderBy(r => key(r));
        return ordered.ThenBy(r => r.Name, byName).Concat(rows.Where(r => key(r) is null).OrderBy(r => r.Name, byName)).ToList();
    }
}
