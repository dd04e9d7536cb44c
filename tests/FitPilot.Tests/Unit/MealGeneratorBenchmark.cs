using System.Diagnostics;
using System.Globalization;
using System.Text;
using FitPilot.Contracts.Nutrition;
using FitPilot.Functions.MealGenerator;
using FitPilot.Tests.Infrastructure;
using Xunit.Abstractions;

namespace FitPilot.Tests.Unit;

/// <summary>
/// Benchmark, not a timed test: 200 random target sets (1,400–4,000 kcal, protein 15–40 % and fat 20–40 % of the
/// energy, carbs the rest, 3–6 meals, 3–5 foods a meal, random exclusions and diets; a fixed seed, so the same 200
/// every run) through the generator in process. Prints and writes TestResults/benchmarks/meal-generator.md:
/// how many plans land within ±5 %, p50/p99 time per plan, and how every failure was answered. The one hard
/// assertion: no "bad plan" (Success but a macro outside ±5 %), and every failure gives a reason.
/// </summary>
public sealed class MealGeneratorBenchmark(ITestOutputHelper output)
{
    private const int Requests = 200;
    private static readonly string[] Keywords = ["peanut", "nut", "prawn", "egg", "milk", "wheat", "soy", "fish", "beef", "pork", "tomato", "mushroom", "cheese", "banana"];

    private static readonly IReadOnlyDictionary<int, MealSlot[]> Structures = new Dictionary<int, MealSlot[]>
    {
        [3] = [Slot(MealTypes.Breakfast, 30), Slot(MealTypes.Lunch, 35), Slot(MealTypes.Dinner, 35)],
        [4] = [Slot(MealTypes.Breakfast, 25), Slot(MealTypes.Lunch, 30), Slot(MealTypes.Dinner, 35), Slot(MealTypes.Snack, 10)],
        [5] = [Slot(MealTypes.Breakfast, 20), Slot(MealTypes.Snack, 10), Slot(MealTypes.Lunch, 30), Slot(MealTypes.Snack, 10), Slot(MealTypes.Dinner, 30)],
        [6] = [Slot(MealTypes.Breakfast, 20), Slot(MealTypes.Snack, 10), Slot(MealTypes.Lunch, 25), Slot(MealTypes.Snack, 10), Slot(MealTypes.Dinner, 25), Slot(MealTypes.Custom, 10)],
    };

    private static MealSlot Slot(string type, double share) => new() { Type = type, SharePercent = share };

    public static List<GenerateMealPlanRequest> RandomRequests()
    {
        var random = new Random(20261128);
        var requests = new List<GenerateMealPlanRequest>(Requests);
        for (var i = 0; i < Requests; i++)
        {
            var kcal = Math.Round(1400 + random.NextDouble() * 2600);
            var proteinShare = 0.15 + random.NextDouble() * 0.25;
            var fatShare = 0.20 + random.NextDouble() * 0.20;
            var meals = random.Next(3, 7);
            var keywords = random.NextDouble() < 0.4 ? Keywords.OrderBy(_ => random.Next()).Take(random.Next(1, 4)).ToList() : [];
            var diets = random.NextDouble() < 0.35 ? Diets.All.OrderBy(_ => random.Next()).Take(random.NextDouble() < 0.2 ? 2 : 1).ToList() : [];
            requests.Add(new GenerateMealPlanRequest
            {
                Kcal = kcal, ProteinG = Math.Round(kcal * proteinShare / 4), FatG = Math.Round(kcal * fatShare / 9),
                CarbsG = Math.Max(0, Math.Round(kcal * (1 - proteinShare - fatShare) / 4)),
                Meals = Structures[meals], MaxItemsPerMeal = random.Next(3, 6), ExcludeKeywords = keywords, Diets = diets, Seed = i,
            });
        }
        return requests;
    }

    [Fact]
    public void Two_hundred_random_target_sets()
    {
        var foods = MealPlanGeneratorTests.Everyday;
        MealPlanGenerator.Generate(foods, RandomRequests()[0]); // warm-up: JIT, native library load
        var rows = new List<(GenerateMealPlanRequest Request, GeneratedMealPlan Plan, double Ms)>();
        var watch = new Stopwatch();
        foreach (var request in RandomRequests())
        {
            watch.Restart();
            var plan = MealPlanGenerator.Generate(foods, request);
            rows.Add((request, plan, watch.Elapsed.TotalMilliseconds));
        }

        bool Within(GenerateMealPlanRequest r, GeneratedMealPlan p)
        {
            var byId = p.Foods.ToDictionary(f => f.Id);
            var t = NutrientMath.Total(p.Day!.Meals.SelectMany(m => m.Items).Select(i => NutrientMath.Scale(byId[i.FoodId].Per100g, i.Grams!.Value)));
            return NutrientMath.WithinTolerance(t.EnergyKcal, r.Kcal) && NutrientMath.WithinTolerance(t.ProteinG, r.ProteinG)
                && NutrientMath.WithinTolerance(t.FatG, r.FatG) && NutrientMath.WithinTolerance(t.CarbsG, r.CarbsG);
        }
        static bool Clear(string problem) => problem.StartsWith("Cannot ", StringComparison.Ordinal) && (problem.Contains(" because ") || problem.Contains(" together with "));

        var hits = rows.Where(r => r.Plan.Success && Within(r.Request, r.Plan)).ToList();
        var bad = rows.Where(r => r.Plan.Success && !Within(r.Request, r.Plan)).ToList();
        var failed = rows.Where(r => !r.Plan.Success).ToList();
        var clear = failed.Where(r => r.Plan.Problems.Count > 0 && r.Plan.Problems.All(Clear)).ToList();
        var times = rows.Select(r => r.Ms).Order().ToList();
        var hitTimes = hits.Select(r => r.Ms).Order().ToList();
        var failTimes = failed.Select(r => r.Ms).Order().ToList();
        static string P(List<double> sorted, double q) => sorted.Count == 0 ? "–" : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(q * sorted.Count) - 1)].ToString("0", CultureInfo.InvariantCulture);
        static string Kind(string problem) => problem switch
        {
            _ when problem.Contains("no foods are left") => "no foods left",
            _ when problem.Contains(" together with ") => "a macro against the other targets",
            _ when problem.StartsWith("Cannot split") => "the meal split",
            _ when problem.StartsWith("Cannot find a plan within") => "time limit",
            _ when problem.Contains("all within ±5 % at once") => "the four targets together",
            _ => "one target: " + problem.Split(' ')[2].TrimEnd(',') switch { var w when char.IsDigit(w[0]) => "kcal", var w => w },
        };

        var report = new StringBuilder()
            .AppendLine("# Meal generator")
            .AppendLine()
            .AppendLine($"{Requests} random target sets (fixed seed 20261128): 1,400–4,000 kcal, protein 15–40 % and fat 20–40 % of the energy, carbs the rest; " +
                        "3–6 meals, 3–5 foods per meal; 40 % with 1–3 excluded keywords, 35 % with one or two diets; the built-in everyday selection " +
                        $"({foods.Count} foods). OR-Tools {typeof(Google.OrTools.LinearSolver.Solver).Assembly.GetName().Version} SCIP, in process, " +
                        $"{Environment.ProcessorCount} cores shared with other work. Written by `{nameof(MealGeneratorBenchmark)}`.")
            .AppendLine()
            .AppendLine("| outcome | plans |")
            .AppendLine("| --- | ---: |")
            .AppendLine($"| plan within ±5 % on kcal, protein, fat and carbs | {hits.Count} ({100.0 * hits.Count / Requests:0.#} %) |")
            .AppendLine($"| no plan, with a clear \"Cannot meet X because Y\" reason | {clear.Count} |")
            .AppendLine($"| no plan, without a clear reason | {failed.Count - clear.Count} |")
            .AppendLine($"| bad plan (Success but a macro outside ±5 %) | {bad.Count} |")
            .AppendLine()
            .AppendLine("| time per plan | p50 ms | p99 ms | max ms |")
            .AppendLine("| --- | ---: | ---: | ---: |")
            .AppendLine($"| all {Requests} | {P(times, 0.5)} | {P(times, 0.99)} | {P(times, 1)} |")
            .AppendLine($"| plans ({hits.Count}) | {P(hitTimes, 0.5)} | {P(hitTimes, 0.99)} | {P(hitTimes, 1)} |")
            .AppendLine($"| no plan, diagnosis included ({failed.Count}) | {P(failTimes, 0.5)} | {P(failTimes, 0.99)} | {P(failTimes, 1)} |")
            .AppendLine()
            .AppendLine("What blocked the requests without a plan:")
            .AppendLine()
            .AppendLine("| blocking constraint | requests |")
            .AppendLine("| --- | ---: |");
        foreach (var g in failed.GroupBy(r => Kind(r.Plan.Problems[0])).OrderByDescending(g => g.Count()))
            report.AppendLine($"| {g.Key} | {g.Count()} |");
        report.AppendLine().AppendLine("Examples of the answers:").AppendLine();
        foreach (var r in failed.GroupBy(r => Kind(r.Plan.Problems[0])).Select(g => g.First()))
            report.AppendLine($"- {r.Request.Kcal:0} kcal, P {r.Request.ProteinG:0} / F {r.Request.FatG:0} / C {r.Request.CarbsG:0} g, " +
                              $"{r.Request.Meals.Count} meals × ≤{r.Request.MaxItemsPerMeal}, diets [{string.Join(", ", r.Request.Diets)}], " +
                              $"excluding [{string.Join(", ", r.Request.ExcludeKeywords)}]: \"{string.Join(" ", r.Plan.Problems)}\"");
        output.WriteLine(report.ToString());
        File.WriteAllText(Path.Combine(TestPaths.Results("benchmarks"), "meal-generator.md"), report.ToString());

        Assert.Empty(bad);
        Assert.All(failed, r => Assert.NotEmpty(r.Plan.Problems));
    }
}
