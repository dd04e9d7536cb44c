using System.Globalization;
using FitPilot.Contracts.Nutrition;
using FitPilot.Functions.Common;
using FitPilot.Functions.Foods;
using Google.OrTools.LinearSolver;

namespace FitPilot.Functions.MealGenerator;

/// <summary>
/// The "AI-assisted" day plan: a mixed-integer program solved in process by OR-Tools (SCIP). Variables are the
/// grams of each candidate food in each meal, in whole steps of <see cref="StepGrams"/> g, each with a "used"
/// indicator: a used food lies within its portion bounds (<see cref="MealFoodRules.PortionOf"/>), a meal has 1 to
/// MaxItemsPerMeal foods and its share of the day's energy within <see cref="ShareTolerance"/> of the slot's;
/// the day's kcal, protein, fat and carbs are hard constraints within ±4.9 % of the targets (the API promises
/// ±5 %; the margin absorbs the solver's integrality tolerance), so a plan that comes back is within ±5 % by
/// construction and is checked again with <see cref="NutrientMath"/>. The objective is the summed % deviation
/// plus a preference per used food: seeded random weights (same seed, same plan) and a penalty for foods that
/// are not typical of the meal (<see cref="MealFoodRules.TypicalFor"/>).
/// When no plan exists, relaxed models find the blocking constraint ("Cannot meet protein 320 g because …").
/// </summary>
public sealed class MealPlanGenerator(FoodCatalog catalog, IFoodLookup foodLookup)
{
    public const double StepGrams = 5;
    /// <summary>How far (percentage points of the day) a meal's energy may stray from its slot's share.</summary>
    public const double ShareTolerance = 8;
    /// <summary>The hard band the model keeps each macro in (the promise is ±5 %).</summary>
    public const double ModelTolerance = 0.049;
    public static readonly TimeSpan TimeLimit = TimeSpan.FromSeconds(4);
    private static readonly TimeSpan DiagnosisTimeLimit = TimeSpan.FromSeconds(1);
    /// <summary>All solves of one request together (the plan and, when there is none, its diagnosis) stop after this.</summary>
    public static readonly TimeSpan TotalTimeLimit = TimeSpan.FromSeconds(10);
    /// <summary>At most this many candidate foods per meal in the first, fast attempt (the seed picks which).</summary>
    private const int CandidatesPerMeal = 30;

    public static readonly IReadOnlyList<MealSlot> DefaultMeals =
    [
        new() { Type = MealTypes.Breakfast, SharePercent = 25 }, new() { Type = MealTypes.Lunch, SharePercent = 30 },
        new() { Type = MealTypes.Dinner, SharePercent = 35 }, new() { Type = MealTypes.Snack, SharePercent = 10 },
    ];

    /// <summary>The PT's request: the allowed foods as this PT sees them (unknown or another PT's → field error), else the everyday selection.</summary>
    public async Task<GeneratedMealPlan> GenerateAsync(string trainerId, GenerateMealPlanRequest request, CancellationToken ct)
    {
        IReadOnlyList<Food> foods;
        if (request.AllowedFoodIds.Count > 0)
        {
            var ids = request.AllowedFoodIds.Distinct(StringComparer.Ordinal).ToList();
            var found = await foodLookup.FindAsync(trainerId, ids, ct);
            var unknown = ids.Where(id => !found.ContainsKey(id)).ToList();
            if (unknown.Count > 0)
                throw DomainException.Invalid("allowedFoodIds", $"No such food: {string.Join(", ", unknown.Take(5))}.");
            foods = ids.Select(id => found[id]).ToList();
        }
        else foods = EverydayFoods.Keys.Select(catalog.Find).OfType<Food>().ToList();
        return Generate(foods, request);
    }

    /// <summary>The day plan from these candidate foods (before the request's groups, exclusions and diets filter them).</summary>
    public static GeneratedMealPlan Generate(IReadOnlyList<Food> foods, GenerateMealPlanRequest request)
    {
        var slots = request.Meals.Count > 0 ? request.Meals : DefaultMeals;
        var targets = new[] { request.Kcal, request.ProteinG, request.FatG, request.CarbsG };
        var pool = Pool(foods, request);
        if (pool.Count == 0)
            return Failed(targets, "Cannot make a plan because no foods are left after the groups, exclusions and diets.");

        var problem = new Formulation(pool, slots, targets, Math.Clamp(request.MaxItemsPerMeal, 1, 6), request.Seed);
        // First: a few typical foods per meal (fast, and the seed varies them); then every food in every meal.
        foreach (var everyFood in new[] { false, true })
        {
            using var model = problem.Build(everyFood, hardMacros: [0, 1, 2, 3], shares: true);
            model.MinimiseDeviationAndPreference();
            var status = model.Solve(TimeLimit);
            if (status is Solver.ResultStatus.OPTIMAL or Solver.ResultStatus.FEASIBLE)
                return problem.Plan(model);
        }
        return Failed(targets, [.. problem.Diagnose()]);
    }

    /// <summary>The foods the request allows: complete macros, in the groups, not excluded, fitting every diet.</summary>
    public static List<Food> Pool(IReadOnlyList<Food> foods, GenerateMealPlanRequest request) =>
        foods.Where(f => f.Per100g is { EnergyKj: not null, ProteinG: not null, FatG: not null, CarbsG: not null })
            .Where(f => request.Groups.Count == 0 || (f.GroupCode is { } g && request.Groups.Contains(g)))
            .Where(f => !request.ExcludeKeywords.Any(k => MealFoodRules.Mentions(f.Name, k)))
            .Where(f => MealFoodRules.FitsDiets(f, request.Diets))
            .DistinctBy(f => f.Id).ToList();

    private static GeneratedMealPlan Failed(double[] targets, params string[] problems) =>
        new(false, null, [], null, [], problems.Length > 0 ? problems : ["Cannot make a plan with these targets and foods."]);

    /// <summary>The names and units of the four macros, in model order.</summary>
    private static readonly (string Name, string Unit)[] Macros = [("kcal", "kcal"), ("protein", "g"), ("fat", "g"), ("carbs", "g")];

    private static string Amount(int macro, double value) =>
        macro == 0 ? $"{value.ToString("N0", CultureInfo.InvariantCulture)} kcal" : $"{Macros[macro].Name} {value.ToString("0", CultureInfo.InvariantCulture)} g";

    private static string Quantity(int macro, double value) =>
        macro == 0 ? $"{value.ToString("N0", CultureInfo.InvariantCulture)} kcal" : $"{value.ToString("0", CultureInfo.InvariantCulture)} g";

    /// <summary>One request's data: the pool, per-step nutrients, the meals, targets and each meal's candidates.</summary>
    private sealed class Formulation
    {
        private readonly List<Food> _pool;
        private readonly IReadOnlyList<MealSlot> _slots;
        private readonly double[] _targets;
        private readonly int _maxItems;
        /// <summary>[macro][food]: kcal, protein, fat, carbs in one step of the food.</summary>
        private readonly double[][] _perStep;
        private readonly MealFoodRules.Portion[] _portions;
        private readonly bool[] _accompaniment;
        private readonly double[,] _cost;
        private readonly bool[,] _typical;
        private readonly List<int>[] _fastCandidates;
        private readonly System.Diagnostics.Stopwatch _clock = System.Diagnostics.Stopwatch.StartNew();

        /// <summary>A solve's limit within what is left of <see cref="TotalTimeLimit"/>.</summary>
        private TimeSpan Within(TimeSpan limit) => TimeSpan.FromMilliseconds(Math.Max(50, Math.Min(limit.TotalMilliseconds, (TotalTimeLimit - _clock.Elapsed).TotalMilliseconds)));

        private bool TimeUp => _clock.Elapsed >= TotalTimeLimit;

        public Formulation(List<Food> pool, IReadOnlyList<MealSlot> slots, double[] targets, int maxItems, int seed)
        {
            (_pool, _slots, _targets, _maxItems) = (pool, slots, targets, maxItems);
            var f = StepGrams / 100;
            _perStep =
            [
                pool.Select(x => x.Per100g.EnergyKj!.Value / Nutrients.KjPerKcal * f).ToArray(),
                pool.Select(x => x.Per100g.ProteinG!.Value * f).ToArray(),
                pool.Select(x => x.Per100g.FatG!.Value * f).ToArray(),
                pool.Select(x => x.Per100g.CarbsG!.Value * f).ToArray(),
            ];
            _portions = pool.Select(MealFoodRules.PortionOf).ToArray();
            _accompaniment = pool.Select(MealFoodRules.IsAccompaniment).ToArray();
            var random = new Random(seed);
            _cost = new double[pool.Count, slots.Count];
            _typical = new bool[pool.Count, slots.Count];
            for (var m = 0; m < slots.Count; m++)
                for (var i = 0; i < pool.Count; i++)
                {
                    _typical[i, m] = MealFoodRules.TypicalFor(pool[i], slots[m].Type);
                    _cost[i, m] = random.NextDouble() + (_typical[i, m] ? 0 : 2);
                }
            _fastCandidates = new List<int>[slots.Count];
            for (var m = 0; m < slots.Count; m++)
            {
                var typical = Enumerable.Range(0, pool.Count).Where(i => _typical[i, m]).ToList();
                var candidates = typical.Count >= Math.Max(maxItems, 3) ? typical : Enumerable.Range(0, pool.Count).ToList();
                _fastCandidates[m] = candidates.OrderBy(i => _cost[i, m]).Take(CandidatesPerMeal).ToList();
            }
        }

        private string Limits => $"within the portion limits (at most {_maxItems} foods in each of {_slots.Count} meals)";

        /// <summary>A model with the portion and item limits; the macros in <paramref name="hardMacros"/> within the band; the meal shares if asked.</summary>
        public Model Build(bool everyFood, int[] hardMacros, bool shares)
        {
            var model = new Model(this);
            for (var m = 0; m < _slots.Count; m++)
            {
                var candidates = everyFood ? Enumerable.Range(0, _pool.Count) : _fastCandidates[m];
                var items = model.Solver.MakeConstraint(1, _maxItems, $"items{m}");
                // Accompaniments (oil, sauces, jam) go with a meal: no more of them than of other foods, and few.
                var withMain = model.Solver.MakeConstraint(double.NegativeInfinity, 0, $"accompanied{m}");
                var fewAccompaniments = model.Solver.MakeConstraint(0, MealFoodRules.MaxAccompaniments, $"accompaniments{m}");
                foreach (var i in candidates)
                {
                    var (min, max) = (Math.Ceiling(_portions[i].Min / StepGrams), Math.Floor(_portions[i].Max / StepGrams));
                    var units = model.Solver.MakeIntVar(0, max, $"u{i}_{m}");
                    var used = model.Solver.MakeBoolVar($"y{i}_{m}");
                    var upper = model.Solver.MakeConstraint(double.NegativeInfinity, 0);
                    upper.SetCoefficient(units, 1); upper.SetCoefficient(used, -max);
                    var lower = model.Solver.MakeConstraint(0, double.PositiveInfinity);
                    lower.SetCoefficient(units, 1); lower.SetCoefficient(used, -min);
                    items.SetCoefficient(used, 1);
                    var accompaniment = _accompaniment[i];
                    withMain.SetCoefficient(used, accompaniment ? 1 : -1);
                    if (accompaniment) fewAccompaniments.SetCoefficient(used, 1);
                    model.Cells.Add(new Cell(i, m, units, used));
                }
            }
            if (shares)
                for (var m = 0; m < _slots.Count; m++)
                {
                    var share = _slots[m].SharePercent;
                    var c = model.Solver.MakeConstraint(Math.Max(0, share - ShareTolerance) / 100 * _targets[0], (share + ShareTolerance) / 100 * _targets[0]);
                    foreach (var cell in model.Cells.Where(x => x.Meal == m)) c.SetCoefficient(cell.Units, _perStep[0][cell.Food]);
                }
            foreach (var macro in hardMacros)
            {
                var c = model.Solver.MakeConstraint(_targets[macro] * (1 - ModelTolerance), _targets[macro] * (1 + ModelTolerance));
                foreach (var cell in model.Cells) c.SetCoefficient(cell.Units, _perStep[macro][cell.Food]);
            }
            return model;
        }

        /// <summary>The generated day from a solved model (grams in whole steps), checked against ±5 % with <see cref="NutrientMath"/>.</summary>
        public GeneratedMealPlan Plan(Model model)
        {
            var meals = new List<Meal>();
            var scaled = new List<Nutrients>();
            var used = new Dictionary<string, Food>(StringComparer.Ordinal);
            for (var m = 0; m < _slots.Count; m++)
            {
                var items = model.Cells.Where(c => c.Meal == m)
                    .Select(c => (Food: _pool[c.Food], Grams: Math.Round(c.Units.SolutionValue()) * StepGrams))
                    .Where(x => x.Grams > 0)
                    .OrderByDescending(x => x.Food.Per100g.EnergyKj!.Value * x.Grams).ToList();
                foreach (var (food, grams) in items)
                {
                    used.TryAdd(food.Id, food);
                    scaled.Add(NutrientMath.Scale(food.Per100g, grams));
                }
                var slot = _slots[m];
                meals.Add(new Meal
                {
                    Type = slot.Type, Name = slot.Name ?? MealName(slot.Type),
                    Items = items.Select(x => new MealItem { FoodId = x.Food.Id, FoodName = x.Food.Name, Grams = x.Grams }).ToList(),
                });
            }
            var totals = NutrientMath.Total(scaled);
            var actual = new[] { totals.EnergyKcal, totals.ProteinG, totals.FatG, totals.CarbsG };
            var deviations = Enumerable.Range(0, 4).Select(i => new MacroDeviation(Macros[i].Name, _targets[i], Math.Round(actual[i], 1),
                _targets[i] > 0 ? Math.Round((actual[i] - _targets[i]) / _targets[i] * 100, 1) : 0)).ToList();
            var off = Enumerable.Range(0, 4).Where(i => !NutrientMath.WithinTolerance(actual[i], _targets[i])).ToList();
            return new GeneratedMealPlan(off.Count == 0, new MealPlanDay { DayOfWeek = null, Meals = meals }, used.Values.ToList(), totals, deviations,
                off.Select(i => $"Cannot meet {Amount(i, _targets[i])}: the plan has {Quantity(i, actual[i])} after rounding to {StepGrams:0} g.").ToList());
        }

        private static string TookTooLong =>
            $"Cannot find a plan within {TotalTimeLimit.TotalSeconds:0} s: allow more foods or more foods per meal, or loosen the exclusions.";

        /// <summary>Why no plan exists: the first relaxation that explains it, as "Cannot meet X because Y" (within <see cref="TotalTimeLimit"/>).</summary>
        public IEnumerable<string> Diagnose()
        {
            // Energy alone, within portions and items.
            var (minKcal, maxKcal) = Range(0, hardMacros: [], shares: false);
            if (maxKcal is { } hi && hi < _targets[0] * (1 - ModelTolerance))
            {
                yield return $"Cannot meet {Amount(0, _targets[0])} because the allowed foods give at most {Quantity(0, hi)} a day {Limits}.";
                yield break;
            }
            if (minKcal is { } lo && lo > _targets[0] * (1 + ModelTolerance))
            {
                yield return $"Cannot meet {Amount(0, _targets[0])} because the allowed foods give at least {Quantity(0, lo)} a day {Limits}.";
                yield break;
            }
            // Each macro on its own, in a day of the target energy split into the meals.
            var found = false;
            for (var macro = 1; macro < 4; macro++)
            {
                var (min, max) = Range(macro, hardMacros: [0], shares: true);
                if (min is null && max is null) continue;
                if (max is { } mx && mx < _targets[macro] * (1 - ModelTolerance))
                {
                    found = true;
                    yield return $"Cannot meet {Amount(macro, _targets[macro])} because the allowed foods give at most {Quantity(macro, mx)} in a day of {Quantity(0, _targets[0])} {Limits}.";
                }
                else if (min is { } mn && mn > _targets[macro] * (1 + ModelTolerance))
                {
                    found = true;
                    yield return $"Cannot meet {Amount(macro, _targets[macro])} because the allowed foods give at least {Quantity(macro, mn)} in a day of {Quantity(0, _targets[0])} {Limits}.";
                }
            }
            if (found) yield break;
            if (TimeUp) { yield return TookTooLong; yield break; }
            // Each macro against the other targets: drop one, see how close it gets with the rest met.
            for (var macro = 1; macro < 4; macro++)
            {
                var others = new[] { 0, 1, 2, 3 }.Where(x => x != macro).ToArray();
                var (min, max) = Range(macro, others, shares: true);
                var with = string.Join(", ", others.Select(o => Amount(o, _targets[o])));
                if (max is { } mx && mx < _targets[macro] * (1 - ModelTolerance))
                {
                    found = true;
                    yield return $"Cannot meet {Amount(macro, _targets[macro])} together with {with}: with those met, the allowed foods give at most {Quantity(macro, mx)}.";
                }
                else if (min is { } mn && mn > _targets[macro] * (1 + ModelTolerance))
                {
                    found = true;
                    yield return $"Cannot meet {Amount(macro, _targets[macro])} together with {with}: with those met, the allowed foods give at least {Quantity(macro, mn)}.";
                }
            }
            if (found) yield break;
            if (TimeUp) { yield return TookTooLong; yield break; }
            // The meal structure.
            using (var model = Build(everyFood: true, hardMacros: [0, 1, 2, 3], shares: false))
            {
                var status = model.Solve(DiagnosisTimeLimit);
                if (status is Solver.ResultStatus.OPTIMAL or Solver.ResultStatus.FEASIBLE)
                {
                    var split = string.Join(", ", _slots.Select(s => $"{s.Name ?? MealName(s.Type)} {s.SharePercent:0} %"));
                    yield return $"Cannot split the day into its meals ({split}, each ±{ShareTolerance:0} points) because the allowed foods cannot fill them {Limits}; the whole day alone would work.";
                    yield break;
                }
                if (status is not Solver.ResultStatus.INFEASIBLE)
                {
                    yield return TookTooLong;
                    yield break;
                }
            }
            yield return $"Cannot meet {Amount(0, _targets[0])}, protein, fat and carbs all within ±5 % at once because the allowed foods' mixes of protein, fat and carbs do not combine to these targets {Limits}.";
        }

        /// <summary>The least and most of a macro (null when unknown) with these other constraints.</summary>
        private (double? Min, double? Max) Range(int macro, int[] hardMacros, bool shares)
        {
            double? Extreme(bool maximise)
            {
                using var model = Build(everyFood: true, hardMacros, shares);
                var objective = model.Solver.Objective();
                foreach (var cell in model.Cells) objective.SetCoefficient(cell.Units, _perStep[macro][cell.Food]);
                if (maximise) objective.SetMaximization(); else objective.SetMinimization();
                var status = model.Solve(DiagnosisTimeLimit);
                // The solver's proven bound (not the best plan found), so "at most"/"at least" holds even when it stopped at the time limit.
                return status is Solver.ResultStatus.OPTIMAL or Solver.ResultStatus.FEASIBLE ? objective.BestBound() : null;
            }
            return (Extreme(false), Extreme(true));
        }

        public sealed record Cell(int Food, int Meal, Variable Units, Variable Used);

        public sealed class Model(Formulation problem) : IDisposable
        {
            private const double Gap = 0.03;
            private const double AbsoluteGap = 1.0;
            private const int NodeLimit = 1500;
            /// <summary>Stop after this many nodes without a better plan.</summary>
            private const int StallNodes = 300;

            public Solver Solver { get; } = Solver.CreateSolver("SCIP") ?? Solver.CreateSolver("CBC")
                ?? throw new InvalidOperationException("The OR-Tools MIP solvers (SCIP, CBC) are not available.");
            public List<Cell> Cells { get; } = [];

            /// <summary>Minimise the summed % deviation of the four macros plus each used food's preference cost.</summary>
            public void MinimiseDeviationAndPreference()
            {
                var objective = Solver.Objective();
                for (var macro = 0; macro < 4; macro++)
                {
                    var target = problem._targets[macro];
                    var over = Solver.MakeNumVar(0, double.PositiveInfinity, $"over{macro}");
                    var under = Solver.MakeNumVar(0, double.PositiveInfinity, $"under{macro}");
                    var balance = Solver.MakeConstraint(target, target);
                    foreach (var cell in Cells) balance.SetCoefficient(cell.Units, problem._perStep[macro][cell.Food]);
                    balance.SetCoefficient(over, -1); balance.SetCoefficient(under, 1);
                    var weight = 100 / Math.Max(target, 1);
                    objective.SetCoefficient(over, weight); objective.SetCoefficient(under, weight);
                }
                foreach (var cell in Cells) objective.SetCoefficient(cell.Used, 0.5 * problem._cost[cell.Food, cell.Meal]);
                objective.SetMinimization();
            }

            public Solver.ResultStatus Solve(TimeSpan limit)
            {
                Solver.SetTimeLimit((long)problem.Within(limit).TotalMilliseconds);
                // Deterministic limits (a gap and a node budget, one thread) stop the search before the wall-clock limit
                // in practice, so the same request and seed give the same plan; the time limit only guards the worst case.
                Solver.SetNumThreads(1);
                Solver.SetSolverSpecificParametersAsString($"limits/gap = {Gap.ToString(CultureInfo.InvariantCulture)}\nlimits/absgap = {AbsoluteGap.ToString(CultureInfo.InvariantCulture)}\nlimits/totalnodes = {NodeLimit}\nlimits/stallnodes = {StallNodes}\n");
                return Solver.Solve();
            }

            public void Dispose() => Solver.Dispose();
        }
    }

    public static string MealName(string type) => type switch
    {
        MealTypes.Breakfast => "Breakfast", MealTypes.Lunch => "Lunch", MealTypes.Dinner => "Dinner", MealTypes.Snack => "Snack", _ => "Meal",
    };
}
