using FitPilot.Contracts.Nutrition;
using FitPilot.Functions.ReferenceData;

namespace FitPilot.Functions.Foods;

/// <summary>
/// The AFCD Release 2 catalogue (1,616 foods per 100 g, FSANZ, CC BY-SA 3.0 AU; the app ships its own copy
/// as an embedded CSV, see Foods/Data/LICENSE.md). Read once per instance and held in memory: it changes
/// only with a new release of the app. Blank source cells stay null ("not reported"), never 0.
/// </summary>
public sealed class FoodCatalog
{
    public const string Attribution =
        "Contains data from the Australian Food Composition Database – Release 2, © Food Standards Australia New Zealand (FSANZ), " +
        "used under a licence based on CC BY-SA 3.0 AU. Values are estimates.";

    /// <summary>AFCD major groups: the classification's first two digits.</summary>
    public static readonly IReadOnlyDictionary<string, string> GroupNames = new Dictionary<string, string>
    {
        ["11"] = "Non-alcoholic beverages", ["12"] = "Cereals and cereal products", ["13"] = "Cereal-based products and dishes",
        ["14"] = "Fats and oils", ["15"] = "Fish and seafood", ["16"] = "Fruit", ["17"] = "Eggs",
        ["18"] = "Meat, poultry and game", ["19"] = "Milk products", ["20"] = "Dairy and meat substitutes", ["21"] = "Soups",
        ["22"] = "Seeds and nuts", ["23"] = "Savoury sauces and condiments", ["24"] = "Vegetables", ["25"] = "Legumes and pulses",
        ["26"] = "Snack foods", ["27"] = "Sugar products", ["28"] = "Confectionery and bars", ["29"] = "Alcoholic beverages",
        ["30"] = "Special dietary foods", ["31"] = "Miscellaneous", ["32"] = "Infant formulae and human milk",
        ["34"] = "Reptiles, amphibians and insects",
    };

    private readonly IReadOnlyDictionary<string, Food> _byId;

    public FoodCatalog() : this(ReadShippedCsv()) { }

    private FoodCatalog(IReadOnlyList<Food> foods)
    {
        All = foods;
        _byId = foods.ToDictionary(f => f.Id, StringComparer.Ordinal);
        Groups = foods.Where(f => f.GroupCode is not null).Select(f => f.GroupCode!).Distinct().Order(StringComparer.Ordinal)
            .Select(code => new FoodGroup(code, GroupNames[code])).ToList();
    }

    /// <summary>Every catalogue food, in Public Food Key order.</summary>
    public IReadOnlyList<Food> All { get; }

    /// <summary>The groups that have foods, in code order.</summary>
    public IReadOnlyList<FoodGroup> Groups { get; }

    public Food? Find(string id) => _byId.GetValueOrDefault(id);

    /// <summary>The group of a classification code; null for the source's blank or irregular codes.</summary>
    public static string? GroupOf(string classification) =>
        classification.Length == 5 && GroupNames.ContainsKey(classification[..2]) ? classification[..2] : null;

    private static List<Food> ReadShippedCsv()
    {
        using var stream = typeof(FoodCatalog).Assembly.GetManifestResourceStream("FitPilot.Foods.afcd_release2_nutrients_per100g.csv")
            ?? throw new InvalidOperationException("The AFCD food CSV is not embedded.");
        using var reader = new StreamReader(stream);
        var foods = new List<Food>(1700);
        foreach (var d in Csv.Read(reader))
        {
            double? Value(string column) => d[column] is { Length: > 0 } s ? double.Parse(s, System.Globalization.CultureInfo.InvariantCulture) : null;
            var group = GroupOf(d["Classification"]);
            foods.Add(new Food(d["Public Food Key"], FoodSources.Afcd, d["Food Name"], group, group is null ? null : GroupNames[group],
                new Nutrients
                {
                    EnergyKj = Value("Energy with dietary fibre, equated (kJ)"), ProteinG = Value("Protein (g)"), FatG = Value("Fat, total (g)"),
                    CarbsG = Value("Available carbohydrate, without sugar alcohols (g)"), FibreG = Value("Total dietary fibre (g)"),
                    SugarsG = Value("Total sugars (g)"), SodiumMg = Value("Sodium (Na) (mg)"), PotassiumMg = Value("Potassium (K) (mg)"),
                    CalciumMg = Value("Calcium (Ca) (mg)"), IronMg = Value("Iron (Fe) (mg)"), VitaminCMg = Value("Vitamin C (mg)"),
                    ThiaminMg = Value("Thiamin (B1) (mg)"), RiboflavinMg = Value("Riboflavin (B2) (mg)"), NiacinMg = Value("Niacin (B3) (mg)"),
                },
                []));
        }
        return foods;
    }
}
