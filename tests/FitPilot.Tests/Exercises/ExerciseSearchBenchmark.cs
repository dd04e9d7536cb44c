using System.Diagnostics;
using System.Text;
using FitPilot.Functions.Exercises;
using FitPilot.Functions.Search;
using FitPilot.Tests.Infrastructure;
using Xunit.Abstractions;

namespace FitPilot.Tests.Exercises;

/// <summary>
/// Benchmark, not a timed test: p50/p99 of 1,000 in-process searches of the library (parse, search,
/// relevance order: what GET /api/exercises?q= does in memory) next to the plain case-insensitive
/// Contains scan it replaced, plus building the library's index once and a PT's own index per request.
/// Prints and writes TestResults/benchmarks/exercise-search-latency.md.
/// </summary>
public sealed class ExerciseSearchBenchmark(ITestOutputHelper output)
{
    private const int Searches = 1_000;

    [Fact]
    public void Lucene_search_next_to_a_contains_scan()
    {
        var library = ExerciseSearchTests.Library;
        var byId = library.ToDictionary(e => e.RowKey, StringComparer.Ordinal);
        var queries = ExerciseSearchTests.Queries.Select(q => q.Query).ToArray();

        var build = Stopwatch.StartNew();
        var index = new SearchIndex(ExerciseSearch.Analysis, library.Select(ExerciseSearch.ToDocument));
        build.Stop();

        // 40 own exercises with short texts, as a PT writes them: a fresh index per request.
        var own = library.Where((_, i) => i % 22 == 0).Take(40)
            .Select((e, i) => new SearchDocument($"own-{i}", e.Name + " (mine)", "chest triceps dumbbell strength", "Lie on the bench. Press.")).ToList();

        var lucene = Measure(queries, q =>
            ExerciseService.InRelevanceOrder(index.Search(ExerciseSearch.Analysis.Parse(q)!).Select(h => (byId[h.Id], h.Score))).Count());
        var withOwn = Measure(queries, q =>
        {
            var parsed = ExerciseSearch.Analysis.Parse(q)!;
            using var ownIndex = new SearchIndex(ExerciseSearch.Analysis, own);
            return index.Search(parsed).Count + ownIndex.Search(parsed).Count;
        });
        var contains = Measure(queries, q =>
        {
            var words = q.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            return library.Where(e => words.All(w => e.Name.Contains(w, StringComparison.OrdinalIgnoreCase)))
                .OrderBy(e => e.Name, StringComparer.OrdinalIgnoreCase).ThenBy(e => e.RowKey, StringComparer.Ordinal).Count();
        });

        var report = new StringBuilder()
            .AppendLine("# Exercise search latency")
            .AppendLine()
            .AppendLine($"In process, {Searches:N0} searches each (the 25 relevance queries in turn, after a warm-up), {library.Count} library exercises, {Environment.ProcessorCount} cores. Written by `{nameof(ExerciseSearchBenchmark)}`.")
            .AppendLine()
            .AppendLine("| what | p50 ms | p99 ms | mean ms |")
            .AppendLine("| --- | ---: | ---: | ---: |")
            .AppendLine(Row("Lucene: parse + search the library + relevance order", lucene))
            .AppendLine(Row("Lucene: the same + a fresh index of 40 own exercises", withOwn))
            .AppendLine(Row("Contains scan of names + name order (before)", contains))
            .AppendLine()
            .AppendLine($"Building the library's index (once per instance, at start-up): {build.Elapsed.TotalMilliseconds:0} ms.");
        output.WriteLine(report.ToString());
        File.WriteAllText(Path.Combine(TestPaths.Results("benchmarks"), "exercise-search-latency.md"), report.ToString());
    }

    private static List<double> Measure(string[] queries, Func<string, int> search)
    {
        foreach (var q in queries.Concat(queries)) search(q); // warm-up: JIT, caches
        var times = new List<double>(Searches);
        var watch = new Stopwatch();
        for (var i = 0; i < Searches; i++)
        {
            watch.Restart();
            search(queries[i % queries.Length]);
            times.Add(watch.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        return times;
    }

    private static string Row(string what, List<double> sorted) =>
        $"| {what} | {Percentile(sorted, 0.50):0.000} | {Percentile(sorted, 0.99):0.000} | {sorted.Average():0.000} |";

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
}
