using FitPilot.Contracts.Nutrition;

namespace FitPilot.Functions.MealPlans;

/// <summary>
/// How a meal plan's content is stored (JSON split over the <c>Doc0</c>…<c>Doc13</c> columns of
/// <see cref="MealPlanEntity"/>), version <see cref="Version"/>: its days, and a snapshot of every food it
/// uses (items and alternatives) as resolved when the PT saved it. The snapshot lets the client's day,
/// ticks and swaps work from the plan row alone (no food look-up per request) and keeps the numbers the
/// client sees the ones the PT saw. Its own types, not the API contracts: a contract change cannot silently
/// change stored data, and a version 2 would read version 1 here.
/// </summary>
public sealed record StoredMealPlan(IReadOnlyList<StoredMealDay> Days, IReadOnlyList<StoredFood> Foods)
{
    public const int Version = 1;

    public static readonly StoredMealPlan Empty = new([], []);

    public IReadOnlyDictionary<string, StoredFood> FoodsById() => Foods.GroupBy(f => f.Id).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

    /// <summary>The same plan with fresh meal and item ids (a copy for another client never shares ids with the original).</summary>
    public StoredMealPlan WithFreshIds(Func<string> newId) => this with
    {
        Days = Days.Select(d => d with { Meals = d.Meals.Select(m => m with { Id = newId(), Items = m.Items.Select(i => i with { Id = newId() }).ToList() }).ToList() }).ToList(),
    };
}

public sealed record StoredMealDay(int? DayOfWeek, IReadOnlyList<StoredMeal> Meals)
{
    public MealPlanDay ToContract() => new() { DayOfWeek = DayOfWeek, Meals = Meals.Select(m => m.ToContract()).ToList() };
}

public sealed record StoredMeal(string Id, string Type, string Name, IReadOnlyList<StoredMealItem> Items)
{
    public Meal ToContract() => new() { Id = Id, Type = Type, Name = Name, Items = Items.Select(i => i.ToContract()).ToList() };
}

/// <summary>One item: <see cref="Grams"/> is always set (from the serving when the PT entered one).</summary>
public sealed record StoredMealItem(
    string Id, string FoodId, string FoodName, double Grams, string? ServingName, double? ServingCount,
    IReadOnlyList<StoredAlternative> Alternatives, string? Note)
{
    public MealItem ToContract() => new()
    {
        Id = Id, FoodId = FoodId, FoodName = FoodName, Grams = Grams, ServingName = ServingName, ServingCount = ServingCount,
        Alternatives = Alternatives.Select(a => a.ToContract()).ToList(), Note = Note,
    };
}

public sealed record StoredAlternative(string FoodId, string FoodName, double? Grams)
{
    public MealAlternative ToContract() => new() { FoodId = FoodId, FoodName = FoodName, Grams = Grams };
}

/// <summary>A food as it was when the plan was saved (per 100 g; null = not reported).</summary>
public sealed record StoredFood(string Id, string Source, string Name, string? GroupCode, string? GroupName, StoredNutrients Per100g, IReadOnlyList<StoredServing> Servings)
{
    public static StoredFood From(Food food) => new(food.Id, food.Source, food.Name, food.GroupCode, food.GroupName, StoredNutrients.From(food.Per100g),
        food.Servings.Select(s => new StoredServing(s.Name, s.Grams)).ToList());

    public Food ToContract() => new(Id, Source, Name, GroupCode, GroupName, Per100g.ToContract(), Servings.Select(s => new ServingSize { Name = s.Name, Grams = s.Grams }).ToList());
}

public sealed record StoredServing(string Name, double Grams);

public sealed record StoredNutrients(
    double? EnergyKj, double? ProteinG, double? FatG, double? CarbsG, double? FibreG, double? SugarsG, double? SodiumMg, double? PotassiumMg,
    double? CalciumMg, double? IronMg, double? VitaminCMg, double? ThiaminMg, double? RiboflavinMg, double? NiacinMg)
{
    public static StoredNutrients From(Nutrients n) => new(n.EnergyKj, n.ProteinG, n.FatG, n.CarbsG, n.FibreG, n.SugarsG, n.SodiumMg, n.PotassiumMg,
        n.CalciumMg, n.IronMg, n.VitaminCMg, n.ThiaminMg, n.RiboflavinMg, n.NiacinMg);

    public Nutrients ToContract() => new()
    {
        EnergyKj = EnergyKj, ProteinG = ProteinG, FatG = FatG, CarbsG = CarbsG, FibreG = FibreG, SugarsG = SugarsG, SodiumMg = SodiumMg,
        PotassiumMg = PotassiumMg, CalciumMg = CalciumMg, IronMg = IronMg, VitaminCMg = VitaminCMg, ThiaminMg = ThiaminMg,
        RiboflavinMg = RiboflavinMg, NiacinMg = NiacinMg,
    };
}
