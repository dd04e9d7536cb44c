using FitPilot.Functions.Storage;

namespace FitPilot.Functions.Exercises;

/// <summary>
/// The one owner of table <c>exercises</c> (<see cref="ExerciseEntity"/>): the shared library in the
/// <c>global</c> partition and each PT's own exercises in theirs.
/// </summary>
public sealed class ExerciseStore(StorageClients storage)
{
    private readonly TenantTable _table = new(storage.Table(StorageNames.ExercisesTable));

    public IAsyncEnumerable<ExerciseEntity> AllAsync(string partition, CancellationToken ct) => _table.QueryPartitionAsync<ExerciseEntity>(partition, ct);

    public Task<ExerciseEntity?> FindAsync(string partition, string exerciseId, CancellationToken ct) => _table.FindAsync<ExerciseEntity>(partition, exerciseId, ct);

    /// <summary>Some of a partition's exercises by id: one query.</summary>
    public IAsyncEnumerable<ExerciseEntity> FindManyAsync(string partition, IReadOnlyCollection<string> exerciseIds, CancellationToken ct) =>
        _table.QueryPartitionAsync<ExerciseEntity>(partition, ct,
            string.Join(" or ", exerciseIds.Select(id => Azure.Data.Tables.TableClient.CreateQueryFilter($"RowKey eq {id}"))));

    public Task AddAsync(ExerciseEntity exercise, CancellationToken ct) => _table.AddAsync(exercise, ct);

    public Task<ExerciseEntity> ChangeAsync(string trainerId, string exerciseId, Azure.ETag? ifMatch, Action<ExerciseEntity> change, CancellationToken ct) =>
        _table.ChangeAsync(trainerId, exerciseId, ifMatch, "No such exercise.", change, ct);

    public Task DeleteAsync(ExerciseEntity exercise, CancellationToken ct) => _table.DeleteAsync(exercise.PartitionKey, exercise.RowKey, ct, exercise.ETag);

    /// <summary>Writes library rows (idempotent upserts, 100 per transaction).</summary>
    public async Task SeedAsync(IReadOnlyList<ExerciseEntity> rows, CancellationToken ct)
    {
        foreach (var chunk in rows.Chunk(100)) await _table.UpsertBatchAsync(chunk, ct);
    }
}

/// <summary>Which program uses an exercise (the data model's ON DELETE RESTRICT): the Programs feature answers.</summary>
public interface IExerciseUsage
{
    /// <summary>The name of one of the PT's programs that uses the exercise, or null.</summary>
    Task<string?> ProgramUsingAsync(string trainerId, string exerciseId, CancellationToken ct);
}
