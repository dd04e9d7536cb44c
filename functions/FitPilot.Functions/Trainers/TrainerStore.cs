using Azure;
using FitPilot.Functions.Storage;

namespace FitPilot.Functions.Trainers;

/// <summary>The one owner of table <c>trainers</c> (<see cref="TrainerEntity"/>: a PT's profile and subscription).</summary>
public sealed class TrainerStore(StorageClients storage)
{
    private readonly TenantTable _table = new(storage.Table(StorageNames.TrainersTable));

    public Task<TrainerEntity?> FindAsync(string trainerId, CancellationToken ct) => _table.FindAsync<TrainerEntity>(trainerId, TrainerEntity.Row, ct);

    public Task<TrainerEntity> GetAsync(string trainerId, CancellationToken ct) => _table.GetAsync<TrainerEntity>(trainerId, TrainerEntity.Row, "No such trainer.", ct);

    public Task AddAsync(TrainerEntity trainer, CancellationToken ct) => _table.AddAsync(trainer, ct);

    public Task DeleteAsync(string trainerId, CancellationToken ct) => _table.DeleteAsync(trainerId, TrainerEntity.Row, ct);

    /// <summary>Changes the profile over the version read (<paramref name="ifMatch"/>: the caller's, if they sent one).</summary>
    public Task<TrainerEntity> ChangeAsync(string trainerId, ETag? ifMatch, Action<TrainerEntity> change, CancellationToken ct) =>
        _table.ChangeAsync(trainerId, TrainerEntity.Row, ifMatch, "No such trainer.", change, ct);

    /// <summary>
    /// Writes Billing's subscription state onto the profile (<paramref name="apply"/>), unless the row
    /// already holds a newer one (<see cref="TrainerEntity.BillingVersion"/> ≥ <paramref name="version"/>):
    /// two webhooks mirroring at once cannot leave the older state behind. Re-read on a concurrent edit.
    /// </summary>
    public async Task<TrainerEntity?> MirrorSubscriptionAsync(string trainerId, long version, Action<TrainerEntity> apply, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            var trainer = await FindAsync(trainerId, ct);
            if (trainer is null || trainer.BillingVersion >= version) return trainer;
            apply(trainer);
            trainer.BillingVersion = version;
            if (await TryUpdateAsync(trainer, ct)) return trainer;
            if (attempt == 5) throw Common.DomainException.Stale();
        }
    }

    /// <summary>
    /// Saves <paramref name="trainer"/> only if nobody changed the row since it was read (its ETag): false when
    /// someone did. The trial timer claims each notice this way, so two overlapping runs send it once.
    /// </summary>
    public async Task<bool> TryUpdateAsync(TrainerEntity trainer, CancellationToken ct)
    {
        try
        {
            await _table.UpdateAsync(trainer, ct);
            return true;
        }
        catch (Common.DomainException e) when (e.Kind is Common.DomainErrorKind.Conflict or Common.DomainErrorKind.NotFound)
        {
            return false;
        }
    }

    /// <summary>
    /// Every PT still on the free trial, across partitions: only the daily trial timer reads them all
    /// (a filtered scan of one small row per PT, like the nightly sweeps).
    /// </summary>
    public IAsyncEnumerable<TrainerEntity> TrialsAsync(CancellationToken ct) =>
        _table.QueryAcrossPartitionsAsync<TrainerEntity>(
            Azure.Data.Tables.TableClient.CreateQueryFilter($"SubscriptionStatus eq {Contracts.Trainers.SubscriptionStatuses.Trial} or SubscriptionStatus eq {Contracts.Trainers.SubscriptionStatuses.LegacyTrial}"), ct);

    /// <summary>Every PT's profile (a scan of one small row per PT): only the reporting rebuild reads them all.</summary>
    public IAsyncEnumerable<TrainerEntity> AllAsync(CancellationToken ct) =>
        _table.QueryAcrossPartitionsAsync<TrainerEntity>(Azure.Data.Tables.TableClient.CreateQueryFilter($"RowKey eq {TrainerEntity.Row}"), ct);

    /// <summary>Changes the profile, reading it again when someone saved meanwhile (background work that must not lose a user's edit).</summary>
    public async Task<TrainerEntity?> ChangeWithRetryAsync(string trainerId, Action<TrainerEntity> change, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            var trainer = await FindAsync(trainerId, ct);
            if (trainer is null) return null;
            change(trainer);
            try
            {
                await _table.UpdateAsync(trainer, ct);
                return trainer;
            }
            catch (Common.DomainException e) when (e.Kind == Common.DomainErrorKind.Conflict && attempt < 5) { }
        }
    }
}
