using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using FitPilot.Contracts.Common;
using FitPilot.Contracts.Exercises;
using FitPilot.Functions.Common;
using FitPilot.Functions.Search;
using FitPilot.Functions.Storage;

namespace FitPilot.Functions.Exercises;

/// <summary>
/// The exercise library as a PT sees it: the global library plus their own exercises (never
/// another PT's). Own exercises are one partition read; the global ones come from memory.
/// </summary>
public sealed class ExerciseService(ExerciseStore store, ExerciseLibrary library, IExerciseUsage usage, TimeProvider clock)
{
    public sealed record Filter(string? Search, string? Muscle, string? Equipment, string? Category, string? Level, string? Source);

    /// <summary>
    /// Library + own, filtered. Without search words: in name order, a page at a time; the cursor is the
    /// last (name, id) seen (keyset paging), so adding or deleting exercises between pages never skips or
    /// repeats one. With search words: by relevance (<see cref="ExerciseSearch"/>), then name; the cursor
    /// is an offset into that order, bound to the search and filters it was made for.
    /// </summary>
    public async Task<Page<ExerciseDto>> ListAsync(string trainerId, Filter filter, int limit, string? cursor, CancellationToken ct)
    {
        var query = ExerciseSearch.Analysis.Parse(filter.Search);
        var own = new List<ExerciseEntity>();
        if (filter.Source is null or ExerciseSources.Own)
            await foreach (var e in store.AllAsync(trainerId, ct))
                own.Add(e);
        var withLibrary = filter.Source is null or ExerciseSources.Library;
        return query is null
            ? await ByNameAsync(own, withLibrary, filter, limit, cursor, ct)
            : await ByRelevanceAsync(own, withLibrary, query, filter, limit, cursor, ct);
    }

    private async Task<Page<ExerciseDto>> ByNameAsync(List<ExerciseEntity> own, bool withLibrary, Filter filter, int limit, string? cursor, CancellationToken ct)
    {
        var after = cursor is null ? ((string Name, string Id)?)null : DecodeCursor(cursor);
        var candidates = withLibrary ? own.Concat(await library.AllAsync(ct)) : own;
        var matches = candidates
            .Where(e => Passes(e, filter))
            .OrderBy(e => e.Name, StringComparer.OrdinalIgnoreCase).ThenBy(e => e.RowKey, StringComparer.Ordinal)
            .Where(e => after is null || Compare(e, after.Value) > 0)
            .Take(limit + 1)
            .ToList();
        var page = matches.Take(limit).ToList();
        var next = matches.Count > limit ? EncodeCursor(page[^1]) : null;
        return new Page<ExerciseDto>(page.Select(e => e.ToDto()).ToList(), next);
    }

    /// <summary>
    /// The library's hits come from its index (built once); own exercises, a few dozen at most, go into a
    /// small index made for this request (a few ms). Scores compare across the two (see <see cref="SearchAnalysis"/>).
    /// </summary>
    private async Task<Page<ExerciseDto>> ByRelevanceAsync(List<ExerciseEntity> own, bool withLibrary, SearchQuery query, Filter filter, int limit, string? cursor, CancellationToken ct)
    {
        var fingerprint = Fingerprint(query, filter);
        var offset = cursor is null ? 0 : DecodeOffset(cursor, fingerprint);
        var hits = new List<(ExerciseEntity Exercise, float Score)>();
        var ownPassing = own.Where(e => Passes(e, filter)).ToDictionary(e => e.RowKey, StringComparer.Ordinal);
        if (ownPassing.Count > 0)
        {
            using var ownIndex = new SearchIndex(ExerciseSearch.Analysis, ownPassing.Values.Select(ExerciseSearch.ToDocument));
            hits.AddRange(ownIndex.Search(query).Select(h => (ownPassing[h.Id], h.Score)));
        }
        if (withLibrary) hits.AddRange((await library.SearchAsync(query, ct)).Where(h => Passes(h.Exercise, filter)));
        var ranked = InRelevanceOrder(hits).Skip(offset).Take(limit + 1).ToList();
        var page = ranked.Take(limit).ToList();
        var next = ranked.Count > limit ? EncodeOffset(fingerprint, offset + limit) : null;
        return new Page<ExerciseDto>(page.Select(e => e.ToDto()).ToList(), next);
    }

    /// <summary>Best first; equal scores by name, then id: one fixed order, so offsets page it safely.</summary>
    internal static IEnumerable<ExerciseEntity> InRelevanceOrder(IEnumerable<(ExerciseEntity Exercise, float Score)> hits) =>
        hits.OrderByDescending(h => h.Score).ThenBy(h => h.Exercise.Name, StringComparer.OrdinalIgnoreCase).ThenBy(h => h.Exercise.RowKey, StringComparer.Ordinal)
            .Select(h => h.Exercise);

    private static bool Passes(ExerciseEntity e, Filter filter) =>
        (filter.Muscle is null || ExerciseEntity.Split(e.PrimaryMuscles).Contains(filter.Muscle) || ExerciseEntity.Split(e.SecondaryMuscles).Contains(filter.Muscle))
        && (filter.Equipment is null || e.Equipment == filter.Equipment)
        && (filter.Category is null || e.Category == filter.Category)
        && (filter.Level is null || e.Level == filter.Level);

    /// <summary>A library exercise, or one of the tenant's own (a client sees their PT's).</summary>
    public async Task<ExerciseEntity> GetAsync(string trainerId, string exerciseId, CancellationToken ct) =>
        await FindAsync(trainerId, exerciseId, ct) ?? throw DomainException.NotFound("No such exercise.");

    /// <summary>A library exercise, or one of the tenant's own, or null.</summary>
    public async Task<ExerciseEntity?> FindAsync(string trainerId, string exerciseId, CancellationToken ct) =>
        await library.FindAsync(exerciseId, ct) ?? await store.FindAsync(trainerId, exerciseId, ct);

    /// <summary>
    /// The details (pictures, instructions, video) of the exercises a workout names, by id: the library
    /// from memory, the tenant's own in one query. Ids that are neither are left out.
    /// </summary>
    public async Task<Dictionary<string, ExerciseDto>> DetailsAsync(string trainerId, IEnumerable<string> exerciseIds, CancellationToken ct)
    {
        var details = new Dictionary<string, ExerciseDto>(StringComparer.Ordinal);
        var own = new List<string>();
        foreach (var id in exerciseIds.Distinct(StringComparer.Ordinal))
        {
            if (await library.FindAsync(id, ct) is { } known) details[id] = known.ToDto();
            else own.Add(id);
        }
        if (own.Count > 0)
            await foreach (var exercise in store.FindManyAsync(trainerId, own, ct)) details[exercise.Id] = exercise.ToDto();
        return details;
    }

    /// <summary>Every exercise the tenant may use (library + own), id → name: one partition read.</summary>
    public async Task<Dictionary<string, string>> VisibleNamesAsync(string trainerId, CancellationToken ct)
    {
        var names = (await library.AllAsync(ct)).ToDictionary(e => e.RowKey, e => e.Name, StringComparer.Ordinal);
        await foreach (var own in store.AllAsync(trainerId, ct)) names[own.RowKey] = own.Name;
        return names;
    }

    public async Task<ExerciseEntity> CreateAsync(string trainerId, SaveExerciseRequest request, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var exercise = new ExerciseEntity { PartitionKey = trainerId, RowKey = Ids.New(), CreatedAt = now };
        exercise.Apply(request, now);
        await store.AddAsync(exercise, ct);
        return exercise;
    }

    public async Task<ExerciseEntity> UpdateAsync(string trainerId, string exerciseId, SaveExerciseRequest request, Azure.ETag? ifMatch, CancellationToken ct)
    {
        await RefuseLibraryAsync(exerciseId, ct);
        return await store.ChangeAsync(trainerId, exerciseId, ifMatch, e => e.Apply(request, clock.GetUtcNow()), ct);
    }

    /// <summary>Deletes an own exercise no program uses (the data model's ON DELETE RESTRICT).</summary>
    public async Task DeleteAsync(string trainerId, string exerciseId, Azure.ETag? ifMatch, CancellationToken ct)
    {
        await RefuseLibraryAsync(exerciseId, ct);
        var exercise = await store.FindAsync(trainerId, exerciseId, ct) ?? throw DomainException.NotFound("No such exercise.");
        TenantTable.RequireVersion(ifMatch, exercise.ETag);
        if (await usage.ProgramUsingAsync(trainerId, exerciseId, ct) is { } program)
            throw DomainException.Conflict($"\"{program}\" uses this exercise. Take it out of the program first.");
        await store.DeleteAsync(exercise, ct);
    }

    private async Task RefuseLibraryAsync(string exerciseId, CancellationToken ct)
    {
        if (await library.FindAsync(exerciseId, ct) is not null)
            throw DomainException.Forbidden("Library exercises are shared by every PT and cannot be changed. Create your own version instead.");
    }

    private static int Compare(ExerciseEntity e, (string Name, string Id) after)
    {
        var byName = StringComparer.OrdinalIgnoreCase.Compare(e.Name, after.Name);
        return byName != 0 ? byName : StringComparer.Ordinal.Compare(e.RowKey, after.Id);
    }

    /// <summary>Keyset paging: the cursor is the last (name, id) of the page.</summary>
    private static string EncodeCursor(ExerciseEntity last) => Cursors.Encode(last.Name + "\n" + last.RowKey);

    private static (string Name, string Id) DecodeCursor(string cursor) =>
        Cursors.Decode(cursor).Split('\n') is [var name, var id] ? (name, id) : throw Cursors.Invalid();

    /// <summary>
    /// Relevance paging: the cursor is the offset of the next page and a hash of the analysed search words
    /// and the filters. The order is fixed for a fixed set of exercises, so pages neither skip nor repeat;
    /// a cursor from another search or other filters is refused rather than answered with the wrong slice.
    /// </summary>
    private static string EncodeOffset(string fingerprint, int offset) =>
        Cursors.Encode(RelevanceCursor + "\n" + fingerprint + "\n" + offset.ToString(CultureInfo.InvariantCulture));

    private static int DecodeOffset(string cursor, string fingerprint) =>
        Cursors.Decode(cursor).Split('\n') is [RelevanceCursor, var hash, var at] && hash == fingerprint
            && int.TryParse(at, NumberStyles.None, CultureInfo.InvariantCulture, out var offset) && offset > 0
            ? offset
            : throw Cursors.Invalid();

    private const string RelevanceCursor = "relevance";

    private static string Fingerprint(SearchQuery query, Filter filter)
    {
        var what = string.Join("\n", new[] { string.Join(' ', query.Words), filter.Muscle, filter.Equipment, filter.Category, filter.Level, filter.Source });
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(what)).AsSpan(0, 8));
    }
}
