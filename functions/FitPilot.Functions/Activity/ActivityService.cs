using FitPilot.Contracts.Activity;
using FitPilot.Contracts.Common;
using FitPilot.Functions.Clients;
using FitPilot.Functions.Events;
using FitPilot.Functions.Storage;
using FitPilot.Functions.Training;

namespace FitPilot.Functions.Activity;

/// <summary>
/// A PT's recent-activity feed, fed by other features' events (a finished workout…), newest first; a
/// removed client's entries go with them. Handlers are idempotent: an event delivered twice writes the same row.
/// </summary>
public sealed class ActivityService(ActivityStore store, ClientStore clients) : IEventHandler<WorkoutFinished>, IEventHandler<ClientRemoved>
{
    public async Task<Page<ActivityItem>> ListAsync(string trainerId, string? clientId, int limit, string? cursor, CancellationToken ct)
    {
        if (clientId is not null) await clients.GetAsync(trainerId, clientId, ct);
        var (items, next) = await store.PageAsync(trainerId, clientId, limit, cursor, ct);
        return new Page<ActivityItem>(items.Select(i => i.ToDto()).ToList(), next);
    }

    public async Task HandleAsync(WorkoutFinished finished, CancellationToken ct)
    {
        var summary = finished.Summary;
        var about = $"{summary.ClientId}|{summary.Date:yyyy-MM-dd}|{summary.ProgramId}";
        // The client is gone (removed meanwhile): nothing to show.
        if (await clients.FindAsync(finished.TrainerId, summary.ClientId, ct) is not { } client) return;
        if (finished.PreviousFinishedAt is { } previous && previous != summary.FinishedAt)
            await store.DeleteAsync(finished.TrainerId, ActivityEntity.KeyFor(previous, about), ct);
        await store.UpsertAsync(new ActivityEntity
        {
            PartitionKey = finished.TrainerId, RowKey = ActivityEntity.KeyFor(summary.FinishedAt, about), Kind = ActivityKinds.WorkoutFinished,
            ClientId = summary.ClientId, ClientName = client.Name, At = summary.FinishedAt, WorkoutJson = StoredJson.Serialize(summary),
        }, ct);
    }

    public Task HandleAsync(ClientRemoved removed, CancellationToken ct) => store.DeleteForClientAsync(removed.TrainerId, removed.ClientId, ct);
}
