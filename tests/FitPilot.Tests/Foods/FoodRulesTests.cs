using FitPilot.Contracts.Nutrition;
using FitPilot.Functions.Foods;

namespace FitPilot.Tests.Foods;

/// <summary>The pure rules of foods: analysis and synonyms, per serving → per 100 g, what is physically possible, recipe maths, the shipped measures.</summary>
public sealed class FoodRulesTests
{
    [Theory]
    [InlineData("Lollies", "lolly")]
    [InlineData("Snags", "snag")]
    [InlineData("Crème fraîche", "creme fraiche")]
    [InlineData("Weet-Bix", "weet bix")]
    public void Names_are_lower_cased_folded_and_stemmed(string text, string words) =>
        Assert.Equal(words, string.Join(' ', FoodSearch.Analysis.Words(text)));

    [Theory]
    [InlineData("weetbix", "F001844")]
    [InlineData("chook", "F002594")]
    [InlineData("spud", "F007325")]
    [InlineData("ground beef", "F000678")]
    [InlineData("yogurt", "F009694")]
    [InlineData("timtam", "F001234")]
    public void Synonyms_and_joined_words_reach_the_AFCD_name(string query, string expected) =>
        Assert.Contains(FoodSearchTests.Ranked(query).Take(5), f => f.Id == expected);

    [Fact]
    public void Everyday_foods_rank_before_namesakes_and_every_word_must_match()
    {
        Assert.Equal("F003729", FoodSearchTests.Ranked("egg raw")[0].Id);
        Assert.StartsWith("Milk, cow, fluid", FoodSearchTests.Ranked("milk")[0].Name);
        Assert.DoesNotContain(FoodSearchTests.Ranked("egg").Take(3), f => f.Name.StartsWith("Noodle", StringComparison.Ordinal));
        Assert.Empty(FoodSearchTests.Ranked("banana xylophone"));
        Assert.Empty(FoodSearchTests.Ranked("!!!"));
    }

    [Fact]
    public void Per_serving_values_become_per_100_g()
    {
        var request = new SaveCustomFoodRequest
        {
            Name = "Protein bar", Basis = NutrientBases.PerServing, ServingGrams = 60,
            Nutrients = new Nutrients { EnergyKj = 840, ProteinG = 20, FatG = 6, CarbsG = 24, SodiumMg = 120 },
        };
        var per100 = FoodRules.Per100g(request);
        Assert.Equal(1400, per100.EnergyKj!.Value, 6);
        Assert.Equal(33.333, per100.ProteinG!.Value, 3);
        Assert.Equal(10, per100.FatG!.Value, 6);
        Assert.Equal(40, per100.CarbsG!.Value, 6);
        Assert.Equal(200, per100.SodiumMg!.Value, 6);
        Assert.Null(per100.FibreG); // not reported stays not reported
        Assert.Empty(FoodRules.Check(per100, request.Basis));
        Assert.Same(request.Nutrients, FoodRules.Per100g(request with { Basis = NutrientBases.Per100g }));
    }

    [Fact]
    public void Impossible_values_per_100_g_are_field_errors()
    {
        Assert.Contains("nutrients.proteinG", FoodRules.Check(new Nutrients { EnergyKj = 1700, ProteinG = 101 }, NutrientBases.Per100g).Keys);
        Assert.Contains("nutrients.energyKj", FoodRules.Check(new Nutrients { EnergyKj = 3900, FatG = 100 }, NutrientBases.Per100g).Keys);
        Assert.Contains("nutrients.proteinG", FoodRules.Check(new Nutrients { EnergyKj = 2000, ProteinG = 40, FatG = 30, CarbsG = 40 }, NutrientBases.Per100g).Keys);
        Assert.Contains("nutrients.sugarsG", FoodRules.Check(new Nutrients { EnergyKj = 1000, CarbsG = 20, SugarsG = 30 }, NutrientBases.Per100g).Keys);
        // kcal typed as kJ: 25 g protein + 10 g fat provide ~795 kJ, far more than "190".
        Assert.Contains("nutrients.energyKj", FoodRules.Check(new Nutrients { EnergyKj = 190, ProteinG = 25, FatG = 10 }, NutrientBases.Per100g).Keys);
        // 40 g of protein in a 30 g serving is 133 g per 100 g, and the message says so.
        var perServing = FoodRules.Check(FoodRules.Per100g(new SaveCustomFoodRequest
        {
            Name = "Scoop", Basis = NutrientBases.PerServing, ServingGrams = 30, Nutrients = new Nutrients { EnergyKj = 700, ProteinG = 40 },
        }), NutrientBases.PerServing);
        Assert.Contains("133", Assert.Single(perServing["nutrients.proteinG"]));
        // Real foods pass: olive oil, table salt, whey powder, a spirit (alcohol energy has no macro here).
        Assert.Empty(FoodRules.Check(new Nutrients { EnergyKj = 3700, FatG = 100 }, NutrientBases.Per100g));
        Assert.Empty(FoodRules.Check(new Nutrients { EnergyKj = 0, SodiumMg = 38758 }, NutrientBases.Per100g));
        Assert.Empty(FoodRules.Check(new Nutrients { EnergyKj = 1600, ProteinG = 78, FatG = 6, CarbsG = 6 }, NutrientBases.Per100g));
        Assert.Empty(FoodRules.Check(new Nutrients { EnergyKj = 900 }, NutrientBases.Per100g));
        // Every catalogue food passes the same check.
        Assert.All(FoodSearchTests.Catalog.All, f => Assert.True(FoodRules.Check(f.Per100g, NutrientBases.Per100g).Count == 0, f.Name));
    }

    [Fact]
    public void A_recipes_nutrients_are_the_sum_of_its_ingredients_per_serving_and_per_100_g()
    {
        var oats = new Nutrients { EnergyKj = 1600, ProteinG = 12, FatG = 8, CarbsG = 60, FibreG = 10, SodiumMg = 4 };
        var milk = new Nutrients { EnergyKj = 270, ProteinG = 3.4, FatG = 3.5, CarbsG = 4.8, FibreG = 0, SodiumMg = null };
        var result = FoodRules.Recipe([new("oats", "Oats", 80, oats), new("milk", "Milk", 320, milk)], 2);
        Assert.Equal(400, result.TotalGrams);
        Assert.Equal(200, result.GramsPerServing);
        // Energy: 80 g oats = 1280 kJ, 320 g milk = 864 kJ → 2144 kJ; ÷ 2 servings; ÷ 400 g × 100.
        Assert.Equal(1072, result.PerServing.EnergyKj!.Value, 6);
        Assert.Equal(536, result.Per100g.EnergyKj!.Value, 6);
        Assert.Equal((9.6 + 10.88) / 2, result.PerServing.ProteinG!.Value, 6);
        // Milk does not report sodium: the recipe's sodium is unreported, not a partial sum.
        Assert.Null(result.PerServing.SodiumMg);
        Assert.Contains("sodium", result.Unreported);
        Assert.DoesNotContain("energy", result.Unreported);
        // As a food in a plan, 200 g (one serving) of the recipe is one serving's nutrients.
        Assert.Equal(result.PerServing.EnergyKj!.Value, NutrientMath.Scale(result.Per100g, result.GramsPerServing).EnergyKj!.Value, 6);
    }

    [Fact]
    public void The_shipped_household_measures_name_catalogue_foods()
    {
        Assert.True(HouseholdMeasures.ByFoodId.Count >= 30);
        foreach (var (id, servings) in HouseholdMeasures.ByFoodId)
        {
            Assert.True(FoodSearchTests.Catalog.Find(id) is not null, id);
            Assert.All(servings, s => Assert.InRange(s.Grams, 1, 500));
        }
        Assert.Equal(50, HouseholdMeasures.ByFoodId["F003729"].Single().Grams); // an egg
        Assert.Equal(258, HouseholdMeasures.ByFoodId["F005634"][0].Grams);     // a cup of milk
    }
}
