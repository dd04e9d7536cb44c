using System.Text.RegularExpressions;
using FitPilot.Contracts.Nutrition;

namespace FitPilot.Functions.MealGenerator;

/// <summary>
/// What the generator knows about a food beyond its nutrients, from its AFCD group and its name: which diets
/// and exclusions leave it out, a sensible portion (grams, min–max when used) and which meals it belongs in.
/// Names are matched word-ish and case-insensitive: "nut" leaves out "Nut, almond" and "nuts", not "coconut"… nor "peanut".
/// </summary>
public static partial class MealFoodRules
{
    /// <summary>No single item of a generated day is larger than this.</summary>
    public const double MaxGrams = 400;

    /// <summary>Portion bounds of a food when it is used at all (grams).</summary>
    public readonly record struct Portion(double Min, double Max);

    /// <summary>Whether an exclusion keyword ("peanut", "prawn") names this food: a word (or word start) of its name.</summary>
    public static bool Mentions(string foodName, string keyword) =>
        Regex.IsMatch(foodName, $@"\b{Regex.Escape(keyword.Trim())}", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    /// <summary>Whether the food fits every diet named (<see cref="Diets"/>).</summary>
    public static bool FitsDiets(Food food, IReadOnlyCollection<string> diets)
    {
        var name = food.Name;
        var group = food.GroupCode;
        foreach (var diet in diets)
        {
            var fits = diet switch
            {
                Diets.Vegetarian => group is not ("15" or "18") && !NotVegetarian().IsMatch(name),
                Diets.Vegan => group is not ("15" or "18" or "17" or "19") && !NotVegetarian().IsMatch(name) && !NotVegan().IsMatch(name)
                    && !HasDairy(name),
                Diets.DairyFree => group != "19" && !HasDairy(name),
                Diets.GlutenFree => !HasGluten(food),
                _ => true,
            };
            if (!fits) return false;
        }
        return true;
    }

    private static bool HasDairy(string name) => Dairy().IsMatch(name) && !DairyLookalike().IsMatch(name);

    private static bool HasGluten(Food food)
    {
        if (GlutenFreeLabel().IsMatch(food.Name)) return false;
        if (Gluten().IsMatch(food.Name)) return true;
        // Cereals and cereal dishes are gluten-free only when made of a gluten-free grain.
        // (Corn flakes and most breakfast cereals carry barley malt their AFCD names do not mention.)
        return food.GroupCode is "12" or "13" && (!GlutenFreeGrain().IsMatch(food.Name) || Regex.IsMatch(food.Name, @"breakfast cereal(?!.*\brice\b)", RegexOptions.IgnoreCase));
    }

    /// <summary>A sensible portion of the food when it is used: by group, refined by name.</summary>
    public static Portion PortionOf(Food food)
    {
        var n = food.Name;
        bool Is(string pattern) => Regex.IsMatch(n, pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        var portion = food.GroupCode switch
        {
            "14" => new Portion(5, 20),
            "15" or "18" => Is(@"^ham\b|\bham,") ? new Portion(30, 120) : new Portion(80, 250),
            "17" => new Portion(50, 200),
            "19" when Is(@"cottage|ricotta") => new Portion(30, 150),
            "19" when Is(@"cheese") => new Portion(15, 60),
            "19" when Is(@"milk") => new Portion(100, 400),
            "19" => new Portion(100, 300),
            "20" when Is(@"tofu|tempeh") => new Portion(80, 250),
            "20" => new Portion(100, 400),
            "16" when Is(@"sultana|raisin|date, dried|dried") => new Portion(15, 50),
            "16" => new Portion(80, 300),
            "24" when Is(@"avocado") => new Portion(30, 150),
            "24" or "25" => new Portion(50, 300),
            "22" when Is(@"butter|tahini|paste") => new Portion(10, 40),
            "22" => new Portion(10, 50),
            "23" when Is(@"hummus|dip") => new Portion(20, 100),
            "23" when Is(@"mayonnaise|soy") => new Portion(5, 30),
            "23" => new Portion(10, 60),
            "27" => new Portion(5, 25),
            "12" when Is(@"^bread|\bwrap|\broll\b") => new Portion(30, 120),
            "12" when Is(@"porridge") => new Portion(150, 400),
            "12" when Is(@"breakfast cereal|muesli|granola|oats, rolled|uncooked|dry") => new Portion(30, 100),
            "12" => new Portion(80, 350),
            _ => new Portion(20, 200),
        };
        return portion with { Max = Math.Min(portion.Max, MaxGrams) };
    }

    /// <summary>
    /// Whether a food goes with a meal rather than being one: oils and spreads, sauces and condiments (not dips such as
    /// hummus), sugar products (jam, honey). A generated meal has at most <see cref="MaxAccompaniments"/> of them and no
    /// more than it has other foods, so no meal is a spoon of mayonnaise or of oil on its own.
    /// </summary>
    public static bool IsAccompaniment(Food food) =>
        food.GroupCode is "14" or "27"
        || (food.GroupCode == "23" && !Regex.IsMatch(food.Name, @"hummus|dip\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant));

    /// <summary>Accompaniments (<see cref="IsAccompaniment"/>) in one generated meal at most.</summary>
    public const int MaxAccompaniments = 2;

    /// <summary>Whether a food is typical of a meal type (breakfast cereals, dairy, fruit and eggs at breakfast; meat, fish, grains and vegetables at lunch and dinner…).</summary>
    public static bool TypicalFor(Food food, string mealType)
    {
        var n = food.Name;
        bool Is(string pattern) => Regex.IsMatch(n, pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        var breakfastGrain = food.GroupCode == "12" && Is(@"breakfast cereal|muesli|granola|porridge|oats|^bread|\broll\b");
        var mainGrain = food.GroupCode == "12" && !Is(@"breakfast cereal|muesli|granola|porridge|oats");
        // Group 20 holds both meat substitutes (a main) and plant milks and yoghurts (breakfast and snacks, not a dinner).
        var substituteMain = food.GroupCode == "20" && !Is(@"beverage|milk|yoghurt|yogurt|drink|dessert");
        return mealType switch
        {
            MealTypes.Breakfast => breakfastGrain || food.GroupCode is "16" or "17" or "19" or "20" or "22" or "27"
                || (food.GroupCode == "14" && Is(@"butter|margarine|spread"))
                || (food.GroupCode == "24" && Is(@"avocado|tomato|mushroom|spinach")) || (food.GroupCode == "18" && Is(@"^ham")),
            MealTypes.Lunch => mainGrain || substituteMain || food.GroupCode is "15" or "17" or "18" or "23" or "24" or "25" or "14" or "16"
                || (food.GroupCode == "19" && Is(@"cheese|yoghurt")),
            MealTypes.Dinner => mainGrain && !Is(@"^bread|\bwrap|\broll\b") || substituteMain || food.GroupCode is "15" or "18" or "23" or "24" or "25" or "14"
                || (food.GroupCode == "19" && Is(@"cheese")),
            MealTypes.Snack => food.GroupCode is "16" or "22" or "19" or "20" || (food.GroupCode == "17" && Is(@"boiled"))
                || (food.GroupCode == "12" && Is(@"^bread|muesli|granola|cracker|crispbread|rice cake")) || Is(@"hummus"),
            _ => true,
        };
    }

    [GeneratedRegex(@"\b(gelatine?|lard|anchov|fish|tuna|salmon|prawn|(?<!egg, )chicken|beef|pork|lamb|bacon|ham\b|meat\b(?! substitute|-free)|dripping|tallow)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NotVegetarian();

    [GeneratedRegex(@"\b(honey|eggs?\b|mayonnaise|whey|casein|ghee)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NotVegan();

    [GeneratedRegex(@"\b(milk|cheese|butter|cream|whey|yoghurt|yogurt|ghee|custard)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Dairy();

    /// <summary>Plant "milks", nut butters, soy yoghurt and coconut cream are not dairy.</summary>
    [GeneratedRegex(@"\b(peanut|nut|almond|cashew) butter|\bsoy\b|\balmond\b|\boat beverage|\bcoconut|\brice (milk|beverage)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DairyLookalike();

    [GeneratedRegex(@"\b(wheat|barley|rye|oats?|spelt|semolina|couscous|malt|bulgur|triticale)\b|\bsauce, soy|\bsoy sauce", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Gluten();

    [GeneratedRegex(@"\bgluten[ -]free\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex GlutenFreeLabel();

    [GeneratedRegex(@"\b(rice|quinoa|buckwheat|legume|corn|maize|millet|amaranth|sorghum|polenta)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex GlutenFreeGrain();
}
