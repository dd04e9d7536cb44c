using System.Diagnostics;
using System.Text;
using FitPilot.Contracts.Nutrition;
using FitPilot.Functions.Foods;
using FitPilot.Tests.Infrastructure;
using Xunit.Abstractions;

namespace FitPilot.Tests.Foods;

/// <summary>
/// Benchmark, not a timed test: p50/p99 of 1,000 in-process food searches (parse, search the catalogue's
/// index, rank: what GET /api/foods?q= does in memory), the same with a PT's 40 own foods and recipes matched in
/// a fresh per-request index, next to a plain case-insensitive Contains scan over the same foods in the same run;
/// plus building the catalogue's index once, and the relevance of the 30 fixed queries (<see cref="FoodSearchTests"/>)
/// for both. Prints and writes TestResults/benchmarks/food-search-latency.md.
/// </summary>
public sealed class FoodSearchBenchmark(ITestOutputHelper output)
{
    private const int Searches = 1_000;

    [Fact]
    public void Lucene_search_next_to_a_contains_scan()
    {
        var catalog = FoodSearchTests.Catalog;
        var queries = FoodSearchTests.Queries.Select(q => q.Query).ToArray();

        var build = Stopwatch.StartNew();
        var search = new FoodSearch(catalog);
        build.Stop();

        // 40 own foods, as a PT makes them: renamed catalogue foods.
        var own = catalog.All.Where((_, i) => i % 40 == 0).Take(40)
            .Select((f, i) => f with { Id = $"own-{i}", Source = FoodSources.Custom, Name = f.Name.Split(',')[0] + " (my brand)" }).ToList();

        var lucene = Measure(queries, q => FoodSearch.Analysis.Parse(q) is { } parsed ? search.Rank(search.SearchCatalogue(parsed), parsed).Count : 0);
        var withOwn = Measure(queries, q =>
        {
            var parsed = FoodSearch.Analysis.Parse(q)!;
            return search.Rank(search.SearchCatalogue(parsed).Concat(FoodSearch.SearchOwn(own, parsed)), parsed).Count;
        });
        var ownOnly = Measure(queries, q => FoodSearch.SearchOwn(own, FoodSearch.Analysis.Parse(q)!).Count());
        var foods = catalog.All.Concat(own).ToList();
        var contains = Measure(queries, q => Contains(foods, q).Count);

        int Top3(Func<string, IReadOnlyList<Food>> rank) =>
            FoodSearchTests.Queries.Count(q => rank(q.Query).Take(3).Any(f => f.Id == q.Expected));
        var luceneTop3 = Top3(FoodSearchTests.Ranked);
        var containsTop3 = Top3(q => Contains(catalog.All, q));

        var report = new StringBuilder()
            .AppendLine("# Food search latency")
            .AppendLine()
            .AppendLine($"In process, {Searches:N0} searches each (the 30 relevance queries in turn, after a warm-up), {catalog.All.Count} AFCD foods, {Environment.ProcessorCount} cores. Written by `{nameof(FoodSearchBenchmark)}`.")
            .AppendLine()
            .AppendLine("| what | p50 ms | p99 ms | mean ms |")
            .AppendLine("| --- | ---: | ---: | ---: |")
            .AppendLine(Row("Lucene: parse + search the catalogue + rank", lucene))
            .AppendLine(Row("Lucene: the same + a fresh index of 40 own foods/recipes, merged", withOwn))
            .AppendLine(Row("Lucene: only the fresh index of 40 own foods (the per-request part)", ownOnly))
            .AppendLine(Row("Contains scan of names (every word), name order", contains))
            .AppendLine()
            .AppendLine($"Building the catalogue's index (once per instance, at start-up): {build.Elapsed.TotalMilliseconds:0} ms.")
            .AppendLine()
            .AppendLine($"Relevance, the 30 fixed queries with the expected food in the top 3: Lucene + synonyms + everyday ranking {luceneTop3}/30; Contains scan {containsTop3}/30.");
        output.WriteLine(report.ToString());
        File.WriteAllText(Path.Combine(TestPaths.Results("benchmarks"), "food-search-latency.md"), report.ToString());
        Assert.True(luceneTop3 > containsTop3);
    }

    private static List<Food> Contains(IEnumerable<Food> foods, string q)
    {
        var words = q.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return foods.Where(f => words.All(w => f.Name.Contains(w, StringComparison.OrdinalIgnoreCase)))
            .OrderBy(f => f.Name, StringComparer.OrdinalIgnoreCase).ThenBy(f => f.Id, StringComparer.Ordinal).ToList();
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
