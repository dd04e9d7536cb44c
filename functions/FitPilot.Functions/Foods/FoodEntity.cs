using Azure;
using Azure.Data.Tables;
using FitPilot.Contracts.Nutrition;
using FitPilot.Functions.Storage;

namespace FitPilot.Functions.Foods;

/// <summary>
/// One row of table <c>foods</c>, PartitionKey = the PT (tenant). Three kinds share the partition so one
/// query reads all a PT's food data: a PT's own food (RowKey = its id; nutrients per 100 g), a recipe
/// (RowKey = its id; ingredients and yield only — its nutrients are computed on every read from the
/// ingredients as they are now, so a changed own food changes the recipes that use it), and the PT's
/// household measures on a catalogue food (RowKey = <c>servings|{AFCD id}</c>). Own food and recipe ids
/// share one key space (an id is one or the other); the JSON columns are this file's stored types, version
/// <see cref="DataVersion"/>, never the contract records.
/// </summary>
public sealed class FoodEntity : ITableEntity
{
    public const string CustomKind = "custom", RecipeKind = "recipe", ServingsKind = "servings";
    public const int CurrentVersion = 1;

    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string Kind { get; set; } = CustomKind;
    public int DataVersion { get; set; } = CurrentVersion;
    public string Name { get; set; } = "";
    public string? GroupCode { get; set; }
    /// <summary>Own food: how the PT typed it (per 100 g or per serving) and the serving's grams.</summary>
    public string? Basis { get; set; }
    public double? ServingGrams { get; set; }
    /// <summary>Own food: <see cref="StoredNutrients"/> per 100 g.</summary>
    public string? Nutrients { get; set; }
    /// <summary>Own food, or a catalogue food's PT measures: <see cref="StoredServing"/>[].</summary>
    public string? Servings { get; set; }
    /// <summary>Recipe: <see cref="StoredIngredient"/>[].</summary>
    public string? Ingredients { get; set; }
    public int RecipeServings { get; set; }
    public string? Method { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public static string ServingsKey(string catalogueId) => "servings|" + catalogueId;

    public Nutrients Per100g() => Nutrients is null ? new Nutrients() : Read<StoredNutrients>(Nutrients).ToContract();

    public IReadOnlyList<ServingSize> ServingSizes() =>
        Servings is null ? [] : Read<List<StoredServing>>(Servings).Select(s => new ServingSize { Name = s.Name, Grams = s.Grams }).ToList();

    public IReadOnlyList<StoredIngredient> IngredientList() => Ingredients is null ? [] : Read<List<StoredIngredient>>(Ingredients);

    public void SetServings(IEnumerable<ServingSize> servings) =>
        Servings = StoredJson.Serialize(servings.Select(s => new StoredServing(s.Name.Trim(), s.Grams)).ToList());

    /// <summary>Version 1 is the only one so far; a version 2 would read the older JSON here.</summary>
    private T Read<T>(string json) => DataVersion switch
    {
        <= CurrentVersion => StoredJson.Deserialize<T>(json),
        _ => throw new InvalidOperationException($"Food row {RowKey} is of version {DataVersion}, newer than this app knows."),
    };
}

/// <summary>Nutrients per 100 g as stored (version 1); null = not reported.</summary>
public sealed record StoredNutrients(
    double? EnergyKj, double? ProteinG, double? FatG, double? CarbsG, double? FibreG, double? SugarsG, double? SodiumMg,
    double? PotassiumMg, double? CalciumMg, double? IronMg, double? VitaminCMg, double? ThiaminMg, double? RiboflavinMg, double? NiacinMg)
{
    public static StoredNutrients From(Nutrients n) => new(n.EnergyKj, n.ProteinG, n.FatG, n.CarbsG, n.FibreG, n.SugarsG, n.SodiumMg,
        n.PotassiumMg, n.CalciumMg, n.IronMg, n.VitaminCMg, n.ThiaminMg, n.RiboflavinMg, n.NiacinMg);

    public Nutrients ToContract() => new()
    {
        EnergyKj = EnergyKj, ProteinG = ProteinG, FatG = FatG, CarbsG = CarbsG, FibreG = FibreG, SugarsG = SugarsG, SodiumMg = SodiumMg,
        PotassiumMg = PotassiumMg, CalciumMg = CalciumMg, IronMg = IronMg, VitaminCMg = VitaminCMg, ThiaminMg = ThiaminMg,
        RiboflavinMg = RiboflavinMg, NiacinMg = NiacinMg,
    };
}

public sealed record StoredServing(string Name, double Grams);

public sealed record StoredIngredient(string FoodId, double Grams);
