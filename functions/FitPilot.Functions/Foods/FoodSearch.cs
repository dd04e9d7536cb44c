using FitPilot.Contracts.Nutrition;
using FitPilot.Functions.Search;

namespace FitPilot.Functions.Foods;

/// <summary>
/// What food search knows about how Australians name food: brand and common names for the AFCD's
/// descriptive ones ("weetbix" → "Breakfast cereal, whole wheat, biscuit"), slang ("chook", "snags",
/// "spud"), US and UK spellings ("yogurt", "bell pepper", "eggplant"). Typos, prefixes, plurals and
/// joined words need no entry: <see cref="SearchAnalysis"/> handles them for every domain.
/// <para>
/// Order: Lucene's relevance (<see cref="SearchAnalysis"/>) inside three tiers, so that everyday foods come
/// before exotic namesakes: first foods whose head (the AFCD name before its first comma: "Egg" in "Egg,
/// chicken, whole, raw") holds a query word (or its synonym, or its typo); within those, the everyday foods
/// (the ones <see cref="HouseholdMeasures"/> ships measures for); then the rest. "egg" → Egg, chicken, whole,
/// raw before "Noodle, egg"; "milk" → cow's milk before "Chocolate, milk".
/// </para>
/// </summary>
public sealed class FoodSearch
{
    /// <summary>Each group means the same; phrases are analysed like names (so "lollies" covers "lolly").</summary>
    public static readonly IReadOnlyList<IReadOnlyList<string>> Synonyms =
    [
        // Brands and what the AFCD calls them.
        ["weetbix", "weet bix", "breakfast cereal whole wheat biscuit"],
        ["vita weat", "vitaweat", "crispbread"],
        ["nutella", "spread hazelnut chocolate"],
        ["milo", "beverage base chocolate flavour"],
        ["cornflakes", "corn flakes", "flakes of corn"],
        ["sao", "salada"],
        ["jatz", "flaky cracker"],
        ["coke", "cola"],
        ["philly", "cream cheese"],
        // Australian slang and everyday names.
        ["chook", "chicken"],
        ["snag", "sausage"],
        ["spud", "potato"],
        ["avo", "avocado"],
        ["brekkie", "brekky", "breakfast"],
        ["bikkie", "bickie", "biscuit", "cookie"],
        ["lolly", "lollies", "candy", "sweets", "confectionery"],
        ["sanga", "sanger", "sandwich"],
        ["cuppa", "tea"],
        ["porridge", "oatmeal"],
        ["beef mince", "ground beef", "minced beef"],
        ["mince", "minced"],
        ["hot chips", "fries", "potato chips"],
        ["crisps", "potato crisps"],
        ["soft drink", "soda", "fizzy drink"],
        ["tomato sauce", "ketchup"],
        ["prawn", "shrimp"],
        ["capsicum", "bell pepper", "sweet pepper"],
        ["rockmelon", "cantaloupe"],
        ["zucchini", "courgette"],
        ["eggplant", "aubergine"],
        ["coriander", "cilantro"],
        ["rocket", "arugula"],
        ["snow pea", "mangetout"],
        ["shallot", "spring onion", "scallion"],
        ["silverbeet", "chard", "swiss chard"],
        ["beetroot", "beet"],
        ["pawpaw", "papaya"],
        ["sweet potato", "kumara"],
        ["yoghurt", "yogurt"],
        ["lamington", "cake lamington"],
        ["rice cake", "rice cracker"],
        ["protein powder", "whey"],
        ["flat white", "latte", "cappuccino"],
    ];

    public static SearchAnalysis Analysis { get; } = new(Synonyms);

    /// <summary>Single analysed words and the single words they mean (for the head match).</summary>
    private static readonly Dictionary<string, HashSet<string>> WordSynonyms = BuildWordSynonyms();

    /// <summary>The foods search puts first among equals: those with shipped household measures.</summary>
    public static bool IsEveryday(string foodId) => HouseholdMeasures.ByFoodId.ContainsKey(foodId);

    private readonly SearchIndex _catalogueIndex;
    private readonly Dictionary<string, IReadOnlyList<string>> _catalogueHeads;
    private readonly FoodCatalog _catalog;

    /// <summary>Indexes the catalogue (once per instance; about a second for 1,616 foods, see the benchmark).</summary>
    public FoodSearch(FoodCatalog catalog)
    {
        _catalog = catalog;
        _catalogueIndex = new SearchIndex(Analysis, catalog.All.Select(ToDocument));
        _catalogueHeads = catalog.All.ToDictionary(f => f.Id, f => Head(f.Name), StringComparer.Ordinal);
    }

    public static SearchDocument ToDocument(Food food) => new(food.Id, food.Name, food.GroupName);

    /// <summary>Catalogue hits for a parsed query, with their scores (to be merged with own foods and ranked).</summary>
    public IEnumerable<(Food Food, float Score)> SearchCatalogue(SearchQuery query) =>
        _catalogueIndex.Search(query).Select(h => (_catalog.Find(h.Id)!, h.Score));

    /// <summary>A PT's own foods and recipes, matched with the same analysis in a small index made for this request.</summary>
    public static IEnumerable<(Food Food, float Score)> SearchOwn(IReadOnlyCollection<Food> own, SearchQuery query)
    {
        if (own.Count == 0) return [];
        var byId = own.ToDictionary(f => f.Id, StringComparer.Ordinal);
        using var index = new SearchIndex(Analysis, own.Select(ToDocument));
        return index.Search(query).Select(h => (byId[h.Id], h.Score)).ToList();
    }

    /// <summary>Best first (see the class summary); equal ones by name, then id, so the order is fixed.</summary>
    public IReadOnlyList<Food> Rank(IEnumerable<(Food Food, float Score)> hits, SearchQuery query) =>
        hits.Select(h => (h.Food, h.Score, Head: HeadMatches(h.Food, query.Words), Everyday: IsEveryday(h.Food.Id)))
            .OrderByDescending(h => h.Head).ThenByDescending(h => h.Everyday).ThenByDescending(h => h.Score)
            .ThenBy(h => h.Food.Name, StringComparer.OrdinalIgnoreCase).ThenBy(h => h.Food.Id, StringComparer.Ordinal)
            .Select(h => h.Food).ToList();

    private bool HeadMatches(Food food, IReadOnlyList<string> queryWords)
    {
        var head = _catalogueHeads.TryGetValue(food.Id, out var known) ? known : Head(food.Name);
        foreach (var q in queryWords)
            foreach (var w in head)
                if (w == q || (q.Length >= 3 && w.StartsWith(q, StringComparison.Ordinal))
                    || (q.Length >= 5 && Distance(q, w) <= (q.Length >= 8 ? 2 : 1))
                    || (WordSynonyms.TryGetValue(q, out var same) && same.Contains(w)))
                    return true;
        return false;
    }

    /// <summary>The analysed words of a name before its first comma ("Peanut butter, smooth" → peanut, butter).</summary>
    private static IReadOnlyList<string> Head(string name) => Analysis.Words(name.Split(',', 2)[0]);

    private static Dictionary<string, HashSet<string>> BuildWordSynonyms()
    {
        var map = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var group in Synonyms)
        {
            var singles = group.Select(p => Analysis.Words(p)).Where(w => w.Count == 1).Select(w => w[0]).ToList();
            foreach (var word in singles)
                (map.TryGetValue(word, out var set) ? set : map[word] = new HashSet<string>(StringComparer.Ordinal)).UnionWith(singles);
        }
        return map;
    }

    /// <summary>Levenshtein distance (short words only: query words are at most a few dozen letters).</summary>
    internal static int Distance(string a, string b)
    {
        if (Math.Abs(a.Length - b.Length) > 2) return 3;
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }
}
