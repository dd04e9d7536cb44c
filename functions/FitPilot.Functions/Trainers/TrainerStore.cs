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
