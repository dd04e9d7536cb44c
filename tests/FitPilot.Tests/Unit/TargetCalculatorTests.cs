using FitPilot.Contracts.Nutrition;
using FitPilot.Functions.NutritionTargets;

namespace FitPilot.Tests.Unit;

public sealed class TargetCalculatorTests
{
    private static readonly DateOnly Today = new(2026, 6, 15);

    private static TargetInputs Inputs(string sex = Sexes.Male, double weight = 80, double height = 180, double? bodyFat = null, string activity = ActivityLevels.Moderate,
        string goal = NutritionGoals.Maintain, double rate = 0, double proteinPerKg = 2.0, double fatPercent = 25) => new()
    {
        Sex = sex, DateOfBirth = new DateOnly(1996, 6, 15), HeightCm = height, WeightKg = weight, BodyFatPercent = bodyFat,
        ActivityLevel = activity, Goal = goal, RateKgPerWeek = rate, ProteinGPerKg = proteinPerKg, FatPercent = fatPercent,
    };

    [Fact]
    public void Mifflin_St_Jeor_for_a_man_without_a_body_fat()
    {
        var c = TargetCalculator.Calculate(Inputs(), Today);
        // 10·80 + 6.25·180 − 5·30 + 5 = 1,780; × 1.55 = 2,759.
        Assert.Equal((BmrFormulas.MifflinStJeor, 30, 1780.0, 1.55, 2759.0, 0.0, 2759.0), (c.Formula, c.AgeYears, c.BmrKcal, c.ActivityFactor, c.TdeeKcal, c.GoalAdjustmentKcal, c.Kcal));
        Assert.Equal(160, c.ProteinG); // 2 g × 80 kg
        Assert.Equal(77, c.FatG); // 25 % of 2,759 kcal ÷ 9 = 76.6
        Assert.Equal(Math.Round((2759 - 160 * 4 - 77 * 9) / 4.0), c.CarbsG);
        Assert.Empty(c.Warnings);
    }

    [Fact]
    public void Mifflin_St_Jeor_for_a_woman_subtracts_161()
    {
        var c = TargetCalculator.Calculate(Inputs(sex: Sexes.Female, weight: 60, height: 165, activity: ActivityLevels.Sedentary), Today);
        Assert.Equal(10 * 60 + 6.25 * 165 - 5 * 30 - 161, c.BmrKcal, 0);
        Assert.Equal(Math.Round((10 * 60 + 6.25 * 165 - 5 * 30 - 161) * 1.2), c.TdeeKcal);
    }

    [Fact]
    public void Katch_McArdle_when_the_body_fat_is_known_and_the_formula_says_so()
    {
        var c = TargetCalculator.Calculate(Inputs(bodyFat: 20), Today);
        Assert.Equal(BmrFormulas.KatchMcArdle, c.Formula);
        Assert.Equal(Math.Round(370 + 21.6 * 64), c.BmrKcal); // lean mass 80 × 0.8 = 64 kg
    }

    [Theory]
    [InlineData(ActivityLevels.Sedentary, 1.2)]
    [InlineData(ActivityLevels.Light, 1.375)]
    [InlineData(ActivityLevels.Moderate, 1.55)]
    [InlineData(ActivityLevels.Active, 1.725)]
    [InlineData(ActivityLevels.VeryActive, 1.9)]
    public void Activity_levels_are_the_named_factors(string level, double factor) =>
        Assert.Equal(factor, TargetCalculator.Calculate(Inputs(activity: level), Today).ActivityFactor);

    [Fact]
    public void A_cut_of_half_a_kilo_a_week_takes_550_kcal_a_day_and_a_gain_adds_it()
    {
        var cut = TargetCalculator.Calculate(Inputs(goal: NutritionGoals.Cut, rate: -0.5), Today);
        Assert.Equal(-550, cut.GoalAdjustmentKcal); // 0.5 × 7,700 ÷ 7
        Assert.Equal(2759 - 550, cut.Kcal);
        var gain = TargetCalculator.Calculate(Inputs(goal: NutritionGoals.Gain, rate: 0.25), Today);
        Assert.Equal(275, gain.GoalAdjustmentKcal);
    }

    [Fact]
    public void The_age_is_taken_on_the_clients_today()
    {
        var inputs = Inputs() with { DateOfBirth = new DateOnly(1996, 6, 16) };
        Assert.Equal(29, TargetCalculator.Calculate(inputs, Today).AgeYears);
        Assert.Equal(30, TargetCalculator.Calculate(inputs, Today.AddDays(1)).AgeYears);
        Assert.Equal(25, TargetCalculator.AgeOn(new DateOnly(2000, 2, 29), new DateOnly(2025, 3, 1)));
        Assert.Equal(24, TargetCalculator.AgeOn(new DateOnly(2000, 2, 29), new DateOnly(2025, 2, 28)));
    }

    [Fact]
    public void A_steep_cut_warns_below_the_BMR_below_the_floor_and_about_low_carbs()
    {
        var c = TargetCalculator.Calculate(Inputs(sex: Sexes.Female, weight: 55, height: 160, activity: ActivityLevels.Sedentary, goal: NutritionGoals.Cut, rate: -1, proteinPerKg: 2.5, fatPercent: 40), Today);
        Assert.Contains(c.Warnings, w => w.StartsWith("The target of") && w.Contains("below the BMR"));
        Assert.Contains(c.Warnings, w => w.Contains("below 1,200 kcal a day"));
        Assert.Contains(c.Warnings, w => w.Contains("carbs", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(c.Warnings, w => w.Contains("more than 1 % of body weight"));
        Assert.True(c.CarbsG >= 0);
    }

    [Fact]
    public void A_man_below_1500_kcal_is_warned()
    {
        var c = TargetCalculator.Calculate(Inputs(weight: 50, height: 150, activity: ActivityLevels.Sedentary, goal: NutritionGoals.Cut, rate: -0.5) with { DateOfBirth = new DateOnly(1950, 1, 1) }, Today);
        Assert.True(c.Kcal < 1500);
        Assert.Contains(c.Warnings, w => w.Contains("below 1,500 kcal a day, the usual floor for men"));
    }

    [Fact]
    public void Overrides_replace_numbers_and_carbs_stay_the_rest()
    {
        var inputs = Inputs();
        var c = TargetCalculator.Calculate(inputs, Today);
        Assert.Equal((c.Kcal, c.ProteinG, c.FatG, c.CarbsG), Strip(TargetCalculator.Apply(c, inputs, null, null, null, null)));
        Assert.Empty(TargetCalculator.Apply(c, inputs, null, null, null, null).Overridden);

        var lower = TargetCalculator.Apply(c, inputs, 2400, null, null, null);
        Assert.Equal((2400.0, 160.0, Math.Round(2400 * 0.25 / 9)), (lower.Kcal, lower.ProteinG, lower.FatG));
        Assert.Equal(Math.Round((2400 - 160 * 4 - lower.FatG * 9) / 4), lower.CarbsG);
        Assert.Equal(["kcal"], lower.Overridden);

        var all = TargetCalculator.Apply(c, inputs, 2500, 180, 70, 250);
        Assert.Equal((2500.0, 180.0, 70.0, 250.0), Strip(all));
        Assert.Equal(["kcal", "proteinG", "fatG", "carbsG"], all.Overridden);
    }

    private static (double, double, double, double) Strip((double Kcal, double ProteinG, double FatG, double CarbsG, IReadOnlyList<string> _) x) => (x.Kcal, x.ProteinG, x.FatG, x.CarbsG);

    [Fact]
    public void A_date_of_birth_in_the_future_or_outside_the_ages_is_a_field_error()
    {
        Assert.Empty(TargetCalculator.Validate(Inputs(), Today));
        Assert.Contains("future", TargetCalculator.Validate(Inputs() with { DateOfBirth = Today.AddDays(1) }, Today)["dateOfBirth"][0]);
        Assert.True(TargetCalculator.Validate(Inputs() with { DateOfBirth = Today.AddYears(-5) }, Today, "inputs.").ContainsKey("inputs.dateOfBirth"));
        Assert.True(TargetCalculator.Validate(Inputs() with { DateOfBirth = Today.AddYears(-120) }, Today).ContainsKey("dateOfBirth"));
    }
}
