using Azure.Data.Tables;
using FitPilot.Functions.Programs;
using FitPilot.Functions.Events;
using FitPilot.Functions.Storage;

namespace FitPilot.Functions.Training;

/// <summary>
/// The one owner of table <c>training</c>: each client's partition (<see cref="TrainingRows"/>) with their
/// program copies, exercise stats, set logs, set numbers and achievements.
/// </summary>
public sealed class TrainingStore(StorageClients storage)
{
    private readonly TenantTable _table = new(storage.Table(StorageNames.TrainingTable));

    public Task<T?> FindAsync<T>(string clientId, string rowKey, CancellationToken ct) where T : class, ITableEntity => _table.FindAsync<T>(clientId, rowKey, ct);

    public IAsyncEnumerable<T> QueryAsync<T>(string clientId, string filter, CancellationToken ct) where T : class, ITableEntity, new() =>
        _table.QueryPartitionAsync<T>(clientId, ct, filter);

    /// <summary>The rows of several kinds one query of a client's partition brought back.</summary>
    public sealed record Rows(List<ProgramEntity> Programs, Dictionary<string, ExerciseStatEntity> Stats,
        Dictionary<string, ExerciseSwapEntity> Swaps, List<WorkoutSessionEntity> Sessions);

    /// <summary>
    /// The client's program copies, exercise stats, swaps (by program entry) and finished workouts
    /// matching a filter, in one query: rows of several kinds from one partition, the hot paths' single round trip.
    /// </summary>
    public async Task<Rows> ReadAsync(string clientId, string filter, CancellationToken ct)
    {
        var rows = new Rows([], [], [], []);
        await foreach (var row in _table.QueryPartitionAsync<TableEntity>(clientId, ct, filter))
        {
            if (row.RowKey.StartsWith(TrainingRows.Program, StringComparison.Ordinal)) rows.Programs.Add(ProgramCopy(row));
            else if (row.RowKey.StartsWith(TrainingRows.Stat, StringComparison.Ordinal)) rows.Stats[row.RowKey[TrainingRows.Stat.Length..]] = RowMapper.To<ExerciseStatEntity>(row);
            else if (row.RowKey.StartsWith(TrainingRows.Swap, StringComparison.Ordinal)) rows.Swaps[row.RowKey[(row.RowKey.LastIndexOf('|') + 1)..]] = RowMapper.To<ExerciseSwapEntity>(row);
            else if (row.RowKey.StartsWith(TrainingRows.Done, StringComparison.Ordinal)) rows.Sessions.Add(RowMapper.To<WorkoutSessionEntity>(row));
        }
        return rows;
    }

    /// <summary>The keys of the rows matching a filter (nothing else is sent back): for counting.</summary>
    public IAsyncEnumerable<TableEntity> KeysAsync(string clientId, string filter, CancellationToken ct) =>
        _table.QueryPartitionAsync<TableEntity>(clientId, ct, filter);

    /// <summary>Set logs matching a filter on their columns.</summary>
    public IAsyncEnumerable<SetLogEntity> LogsAsync(string clientId, string filter, CancellationToken ct) =>
        _table.QueryPartitionAsync<SetLogEntity>(clientId, ct, $"RowKey ge '{TrainingRows.Log}' and RowKey lt 'log}}' and ({filter})");

    public Task AddAsync<T>(T entity, CancellationToken ct) where T : class, ITableEntity => _table.AddAsync(entity, ct);
    public Task UpdateAsync<T>(T entity, CancellationToken ct) where T : class, ITableEntity => _table.UpdateAsync(entity, ct);
    public Task UpsertAsync<T>(T entity, CancellationToken ct) where T : class, ITableEntity => _table.UpsertAsync(entity, ct);
    public Task DeleteAsync(string clientId, string rowKey, CancellationToken ct, Azure.ETag? ifMatch = null) => _table.DeleteAsync(clientId, rowKey, ct, ifMatch);

    /// <summary>Several rows of one client written together, all or nothing.</summary>
    public Task SubmitAsync(IEnumerable<TableTransactionAction> actions, CancellationToken ct) => _table.SubmitAsync(actions, ct);

    public Task DeletePartitionAsync(string clientId, CancellationToken ct) => _table.DeletePartitionAsync(clientId, ct);

    private static ProgramEntity ProgramCopy(TableEntity row)
    {
        var program = RowMapper.To<ProgramEntity>(row);
        program.Id = row.RowKey[TrainingRows.Program.Length..];
        return program;
    }

    /// <summary>
    /// A client's copies of their programs, written with the PT's changes (<see cref="IProgramCopies"/>); each write
    /// publishes <see cref="ProgramScheduleChanged"/> (the dashboard's prescribed sessions follow it).
    /// </summary>
    public sealed class ProgramCopies(TrainingStore store, EventBus events) : IProgramCopies
    {
        public async Task SaveAsync(ProgramEntity program, CancellationToken ct)
        {
            await store._table.UpsertAsync(RowMapper.CopyAs(program, program.ClientId!, TrainingRows.Program + program.Id), ct);
            await events.PublishAsync(new ProgramScheduleChanged(program.PartitionKey, program.ClientId!, program.Id, Scheduled(program)), ct);
        }

        public async Task DeleteAsync(ProgramEntity program, CancellationToken ct)
        {
            await store._table.DeleteAsync(program.ClientId!, TrainingRows.Program + program.Id, ct);
            await events.PublishAsync(new ProgramScheduleChanged(program.PartitionKey, program.ClientId!, program.Id, null), ct);
        }

        /// <summary>What a program copy prescribes, as <see cref="ProgramScheduleChanged"/> carries it (also the reporting rebuild's).</summary>
        public static ScheduledProgram Scheduled(ProgramEntity program) =>
            new(program.Status, ProgramEntity.ToDate(program.StartDate), ProgramEntity.ToDate(program.EndDate), program.ScheduleOffsetDays,
                program.Days().Where(d => d.Exercises.Count > 0).Aggregate(0, (bits, d) => bits | 1 << d.DayOfWeek), program.StartDate ?? program.CreatedAt);

        public async Task<ProgramEntity?> FindAsync(string clientId, string programId, CancellationToken ct)
        {
            var row = await store._table.FindAsync<TableEntity>(clientId, TrainingRows.Program + programId, ct);
            return row is null ? null : ProgramCopy(row);
        }
    }
}
