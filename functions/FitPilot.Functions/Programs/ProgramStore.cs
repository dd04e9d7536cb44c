using Azure.Data.Tables;
using FitPilot.Functions.Exercises;
using FitPilot.Functions.Storage;

namespace FitPilot.Functions.Programs;

/// <summary>The one owner of table <c>programs</c> (<see cref="ProgramEntity"/>, PartitionKey = the PT).</summary>
public sealed class ProgramStore(StorageClients storage) : IExerciseUsage
{
    private readonly TenantTable _table = new(storage.Table(StorageNames.ProgramsTable));

    public IAsyncEnumerable<ProgramEntity> AllAsync(string trainerId, CancellationToken ct, string? filter = null) =>
        _table.QueryPartitionAsync<ProgramEntity>(trainerId, ct, filter);

    public Task<ProgramEntity?> FindAsync(string trainerId, string programId, CancellationToken ct) => _table.FindAsync<ProgramEntity>(trainerId, programId, ct);

    public Task<ProgramEntity> GetAsync(string trainerId, string programId, CancellationToken ct) =>
        _table.GetAsync<ProgramEntity>(trainerId, programId, "No such program.", ct);

    public Task AddAsync(ProgramEntity program, CancellationToken ct) => _table.AddAsync(program, ct);

    public Task UpdateAsync(ProgramEntity program, CancellationToken ct) => _table.UpdateAsync(program, ct);

    public Task DeleteAsync(ProgramEntity program, CancellationToken ct) => _table.DeleteAsync(program.PartitionKey, program.RowKey, ct, program.ETag);

    /// <summary>Deletes the programs a PT made for one client (when the client is removed).</summary>
    public async Task DeleteForClientAsync(string trainerId, string clientId, CancellationToken ct)
    {
        await foreach (var program in AllAsync(trainerId, ct, TableClient.CreateQueryFilter($"ClientId eq {clientId}")))
            await _table.DeleteAsync(trainerId, program.RowKey, ct);
    }

    public async Task<string?> ProgramUsingAsync(string trainerId, string exerciseId, CancellationToken ct)
    {
        await foreach (var program in AllAsync(trainerId, ct))
            if (program.ExerciseIds.Split('|').Contains(exerciseId)) return program.Name;
        return null;
    }
}

/// <summary>
/// A client's own copy of each of their programs, kept in their training partition so their "today"
/// and set logging never read the PT's partition. The Training feature owns that partition and
/// implements this; the program is written there in the same request as the PT's row.
/// </summary>
public interface IProgramCopies
{
    Task SaveAsync(ProgramEntity program, CancellationToken ct);
    /// <summary>Deletes the copy of <paramref name="program"/> (the PT's row: its partition names the PT) from its client's partition.</summary>
    Task DeleteAsync(ProgramEntity program, CancellationToken ct);
    /// <summary>The copy as stored, to repair it when a save was cut short between the two writes.</summary>
    Task<ProgramEntity?> FindAsync(string clientId, string programId, CancellationToken ct);
}
