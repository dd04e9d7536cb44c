using FitPilot.Functions.ReferenceData;
using FitPilot.Functions.Search;

namespace FitPilot.Functions.Exercises;

/// <summary>
/// The global exercise library (free-exercise-db, 873 exercises, public domain; the app ships its
/// own copy as an embedded CSV). Seeded into the <c>global</c> partition of the exercises table
/// when missing, then held in memory with its search index: it changes only with a new release of the app.
/// </summary>
public sealed class ExerciseLibrary(ExerciseStore store, TimeProvider clock)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private IReadOnlyDictionary<string, ExerciseEntity>? _byId;
    private IReadOnlyList<ExerciseEntity>? _all;
    private SearchIndex? _index;

    public async Task<IReadOnlyList<ExerciseEntity>> AllAsync(CancellationToken ct)
    {
        await EnsureLoadedAsync(ct);
        return _all!;
    }

    public async Task<ExerciseEntity?> FindAsync(string id, CancellationToken ct)
    {
        await EnsureLoadedAsync(ct);
        return _byId!.GetValueOrDefault(id);
    }

    /// <summary>The library exercises that match every word of the query, with their relevance (best first).</summary>
    public async Task<IReadOnlyList<(ExerciseEntity Exercise, float Score)>> SearchAsync(SearchQuery query, CancellationToken ct)
    {
        await EnsureLoadedAsync(ct);
        return _index!.Search(query).Select(hit => (_byId![hit.Id], hit.Score)).ToList();
    }

    /// <summary>Writes the shipped library into the table (idempotent upserts, 100 rows per transaction).</summary>
    public async Task<int> SeedAsync(CancellationToken ct) => (await SeedAsync(ReadShippedCsv(clock.GetUtcNow()), ct)).Count;

    private async Task<List<ExerciseEntity>> SeedAsync(List<ExerciseEntity> rows, CancellationToken ct)
    {
        await store.SeedAsync(rows, ct);
        return rows;
    }

    private async Task EnsureLoadedAsync(CancellationToken ct)
    {
        if (Volatile.Read(ref _all) is not null) return;
        await _gate.WaitAsync(ct);
        try
        {
            if (_all is not null) return;
            var rows = new List<ExerciseEntity>();
            await foreach (var row in store.AllAsync(ExerciseEntity.GlobalPartition, ct))
                rows.Add(row);
            var shipped = ReadShippedCsv(clock.GetUtcNow());
            if (rows.Count < shipped.Count) rows = await SeedAsync(shipped, ct);
            var all = rows.OrderBy(r => r.Name, StringComparer.OrdinalIgnoreCase).ThenBy(r => r.RowKey, StringComparer.Ordinal).ToList();
            _byId = all.ToDictionary(r => r.RowKey, StringComparer.Ordinal);
            // Built once per instance, at start-up (StorageInitializer loads the library): a few hundred ms.
            _index = new SearchIndex(ExerciseSearch.Analysis, all.Select(ExerciseSearch.ToDocument));
            Volatile.Write(ref _all, all); // last: a reader that sees _all sees the rest
        }
        finally
        {
            _gate.Release();
        }
    }

    internal static List<ExerciseEntity> ReadShippedCsv(DateTimeOffset now)
    {
        using var stream = typeof(ExerciseLibrary).Assembly.GetManifestResourceStream("FitPilot.Exercises.free_exercise_db_exercises.csv")
            ?? throw new InvalidOperationException("The exercise library CSV is not embedded.");
        using var reader = new StreamReader(stream);
        var rows = new List<ExerciseEntity>();
        foreach (var d in Csv.Read(reader))
        {
            string? Field(string name) => d[name] is { Length: > 0 } s ? s : null;
            rows.Add(new ExerciseEntity
            {
                PartitionKey = ExerciseEntity.GlobalPartition, RowKey = Field("id")!, Name = Field("name")!,
                Force = Field("force"), Level = Field("level"), Mechanic = Field("mechanic"), Equipment = Field("equipment"),
                PrimaryMuscles = Field("primaryMuscles") ?? "", SecondaryMuscles = Field("secondaryMuscles") ?? "",
                Instructions = Field("instructions") ?? "", Category = Field("category")!, CreatedAt = null, UpdatedAt = null,
            });
        }
        return rows;
    }
}
