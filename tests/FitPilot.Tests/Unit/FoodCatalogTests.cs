using FitPilot.Contracts.Nutrition;
using FitPilot.Functions.Foods;

namespace FitPilot.Tests.Unit;

public sealed class FoodCatalogTests
{
    private static readonly FoodCatalog Catalog = new();

    [Fact]
    public void The_shipped_AFCD_catalogue_has_all_1616_foods_with_their_values_per_100_g()
    {
        Assert.Equal(1616, Catalog.All.Count);
        var egg = Catalog.Find("F003729")!;
        Assert.Equal("Egg, chicken, whole, raw", egg.Name);
        Assert.Equal(FoodSources.Afcd, egg.Source);
        Assert.Equal(("17", "Eggs"), (egg.GroupCode, egg.GroupName));
        Assert.Equal(533, egg.Per100g.EnergyKj);
        Assert.Equal(533 / 4.184, egg.Per100g.EnergyKcal!.Value, 6);
        Assert.Equal((12.6, 8.5, 0.3, 0.0, 150.0, 140.0, 47.0, 1.9, 0.0),
            (egg.Per100g.ProteinG, egg.Per100g.FatG, egg.Per100g.CarbsG, egg.Per100g.FibreG, egg.Per100g.SodiumMg,
             egg.Per100g.PotassiumMg, egg.Per100g.CalciumMg, egg.Per100g.IronMg, egg.Per100g.VitaminCMg));
    }

    [Fact]
    public void Every_catalogue_food_reports_the_nutrients_the_app_shows()
    {
        // In Release 2 these 14 columns are filled for all foods; blanks ("not reported") come from PTs' own foods.
        Assert.All(Catalog.All, f => Assert.All(
            new[] { f.Per100g.EnergyKj, f.Per100g.ProteinG, f.Per100g.FatG, f.Per100g.CarbsG, f.Per100g.FibreG, f.Per100g.SugarsG, f.Per100g.SodiumMg,
                    f.Per100g.PotassiumMg, f.Per100g.CalciumMg, f.Per100g.IronMg, f.Per100g.VitaminCMg, f.Per100g.ThiaminMg, f.Per100g.RiboflavinMg, f.Per100g.NiacinMg },
            v => Assert.NotNull(v)));
    }

    [Fact]
    public void Irregular_classification_codes_get_no_group_and_every_group_has_a_name()
    {
        Assert.Null(FoodCatalog.GroupOf(""));
        Assert.Null(FoodCatalog.GroupOf("132"));
        Assert.Equal("12", FoodCatalog.GroupOf("12101"));
        Assert.Contains(Catalog.Groups, g => g is { Code: "16", Name: "Fruit" });
        Assert.All(Catalog.All.Where(f => f.GroupCode is not null), f => Assert.False(string.IsNullOrEmpty(f.GroupName)));
    }

    [Fact]
    public void Totals_add_reported_values_and_count_the_unreported_ones()
    {
        var withSodium = new Nutrients { EnergyKj = 418.4, ProteinG = 10, FatG = 1, CarbsG = 2, FibreG = 3, SodiumMg = 100 };
        var withoutSodium = withSodium with { SodiumMg = null };
        var totals = NutrientMath.Total([NutrientMath.Scale(withSodium, 50), withoutSodium, withoutSodium]);
        Assert.Equal(50 + 100 + 100, totals.EnergyKcal, 6); // 50 g of the first, 100 g each of the others
        Assert.Equal(50, totals.SodiumMg, 6);
        Assert.Equal(2, totals.Unreported["sodium"]);
        Assert.False(totals.Unreported.ContainsKey("protein"));
        var week = NutrientMath.Sum([totals, totals]);
        Assert.Equal(4, week.Unreported["sodium"]);
        Assert.True(NutrientMath.WithinTolerance(104.9, 100));
        Assert.False(NutrientMath.WithinTolerance(105.1, 100));
    }
}
