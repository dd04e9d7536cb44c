namespace FitPilot.Contracts.Nutrition;

/// <summary>
/// The sum of some items' nutrients (a meal, a day, a week). An item whose value is not reported adds
/// nothing to the sum and is counted in <see cref="Unreported"/> ("sodium" → 3 items), so a total never
/// pretends to be complete.
/// </summary>
public sealed record NutrientTotals(
    double EnergyKj, double EnergyKcal, double ProteinG, double FatG, double CarbsG, double FibreG, double SodiumMg,
    IReadOnlyDictionary<string, int> Unreported)
{
    public static readonly NutrientTotals Zero = new(0, 0, 0, 0, 0, 0, 0, new Dictionary<string, int>());
}

/// <summary>The one place amounts of food become nutrients and nutrients become totals (the API and the web app's live builder both use it).</summary>
public static class NutrientMath
{
    /// <summary>The totalled nutrients, by the names <see cref="NutrientTotals.Unreported"/> uses.</summary>
    public static readonly IReadOnlyList<string> TotalledNames = ["energy", "protein", "fat", "carbs", "fibre", "sodium"];

    /// <summary>The nutrients of <paramref name="grams"/> g of a food given per 100 g (nulls stay null).</summary>
    public static Nutrients Scale(Nutrients per100g, double grams)
    {
        var f = grams / 100.0;
        return new Nutrients
        {
            EnergyKj = per100g.EnergyKj * f, ProteinG = per100g.ProteinG * f, FatG = per100g.FatG * f,
            CarbsG = per100g.CarbsG * f, FibreG = per100g.FibreG * f, SugarsG = per100g.SugarsG * f,
            SodiumMg = per100g.SodiumMg * f, PotassiumMg = per100g.PotassiumMg * f, CalciumMg = per100g.CalciumMg * f,
            IronMg = per100g.IronMg * f, VitaminCMg = per100g.VitaminCMg * f, ThiaminMg = per100g.ThiaminMg * f,
            RiboflavinMg = per100g.RiboflavinMg * f, NiacinMg = per100g.NiacinMg * f,
        };
    }

    /// <summary>Totals of items' nutrients (each already scaled to its amount).</summary>
    public static NutrientTotals Total(IEnumerable<Nutrients> items)
    {
        double kj = 0, protein = 0, fat = 0, carbs = 0, fibre = 0, sodium = 0;
        var unreported = new Dictionary<string, int>();
        void Add(double? value, ref double sum, string name)
        {
            if (value is { } v) sum += v;
            else unreported[name] = unreported.GetValueOrDefault(name) + 1;
        }
        foreach (var n in items)
        {
            Add(n.EnergyKj, ref kj, "energy");
            Add(n.ProteinG, ref protein, "protein");
            Add(n.FatG, ref fat, "fat");
            Add(n.CarbsG, ref carbs, "carbs");
            Add(n.FibreG, ref fibre, "fibre");
            Add(n.SodiumMg, ref sodium, "sodium");
        }
        return new NutrientTotals(kj, kj / Nutrients.KjPerKcal, protein, fat, carbs, fibre, sodium, unreported);
    }

    /// <summary>Totals of totals (meals → day, days → week); unreported counts add up.</summary>
    public static NutrientTotals Sum(IEnumerable<NutrientTotals> parts)
    {
        double kj = 0, protein = 0, fat = 0, carbs = 0, fibre = 0, sodium = 0;
        var unreported = new Dictionary<string, int>();
        foreach (var t in parts)
        {
            kj += t.EnergyKj; protein += t.ProteinG; fat += t.FatG; carbs += t.CarbsG; fibre += t.FibreG; sodium += t.SodiumMg;
            foreach (var (name, count) in t.Unreported) unreported[name] = unreported.GetValueOrDefault(name) + count;
        }
        return new NutrientTotals(kj, kj / Nutrients.KjPerKcal, protein, fat, carbs, fibre, sodium, unreported);
    }

    /// <summary>Whether <paramref name="actual"/> is within ±<paramref name="tolerance"/> (0.05 = 5 %) of <paramref name="target"/>.</summary>
    public static bool WithinTolerance(double actual, double target, double tolerance = 0.05) =>
        target <= 0 ? actual <= 0 : Math.Abs(actual - target) <= tolerance * target;
}
