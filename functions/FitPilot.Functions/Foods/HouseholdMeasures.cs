using FitPilot.Contracts.Nutrition;

namespace FitPilot.Functions.Foods;

/// <summary>
/// FitPilot's own estimates of common household measures for everyday catalogue foods (an egg, a slice of
/// bread, a cup of milk): not AFCD data. Typical Australian sizes, rounded; a PT can add their own measures
/// to any catalogue food (<c>PUT /api/foods/{id}/servings</c>), which come first. The foods listed here are
/// also the ones search treats as "everyday" (<see cref="FoodSearch"/>): they rank before exotic namesakes.
/// </summary>
public static class HouseholdMeasures
{
    public static readonly IReadOnlyDictionary<string, IReadOnlyList<ServingSize>> ByFoodId = new Dictionary<string, IReadOnlyList<ServingSize>>(StringComparer.Ordinal)
    {
        ["F003729"] = [S("1 egg (large)", 50)],                       // Egg, chicken, whole, raw
        ["F003721"] = [S("1 egg (large)", 50)],                       // Egg, chicken, whole, hard-boiled
        ["F003725"] = [S("1 egg (large)", 50)],                       // Egg, chicken, whole, poached
        ["F001463"] = [S("1 slice", 35)],                             // Bread, from white flour
        ["F001553"] = [S("1 slice", 35)],                             // Bread, from wholemeal flour
        ["F001621"] = [S("1 slice", 35)],                             // Bread, mixed grain
        ["F001573"] = [S("1 slice", 40)],                             // Bread, from wholemeal flour, extra grainy & seeds
        ["F001669"] = [S("1 wrap", 60)],                              // Bread, tortilla, white, commercial
        ["F005896"] = [S("1 muffin", 65)],                            // Muffin, English style, from white flour
        ["F005634"] = [S("1 cup", 258), S("1 glass (200 ml)", 206)],  // Milk, cow, fluid, regular fat (3.5% fat)
        ["F000262"] = [S("1 medium banana", 120)],                    // Banana, cavendish, peeled, raw
        ["F000111"] = [S("1 medium apple", 150)],                     // Apple, royal gala, unpeeled, raw
        ["F000098"] = [S("1 medium apple", 150)],                     // Apple, green skin, unpeeled, raw
        ["F006277"] = [S("1 medium orange", 160)],                    // Orange, peeled, raw
        ["F005293"] = [S("1 mandarin", 75)],                          // Mandarin, peeled, raw
        ["F004816"] = [S("1 kiwifruit", 75)],                         // Kiwifruit, green (hayward), peeled, raw
        ["F008952"] = [S("1 cup", 145)],                              // Strawberry, raw
        ["F001290"] = [S("1 cup", 150)],                              // Blueberry, raw
        ["F000162"] = [S("1/2 avocado", 75)],                         // Avocado, raw
        ["F009193"] = [S("1 medium tomato", 120)],                    // Tomato, common, raw
        ["F002247"] = [S("1 medium capsicum", 160)],                  // Capsicum, red, fresh, raw
        ["F001905"] = [S("1 cup florets", 90)],                       // Broccoli, fresh, raw
        ["F002276"] = [S("1 medium carrot", 120)],                    // Carrot, mature, peeled, fresh, raw
        ["F007325"] = [S("1 medium potato", 170)],                    // Potato, pale skin, peeled, raw
        ["F009035"] = [S("1 medium sweet potato", 200)],              // Sweet potato, orange flesh, peeled, fresh, raw
        ["F008749"] = [S("1 cup", 30)],                               // Spinach, baby, fresh, raw
        ["F007661"] = [S("1 cup cooked", 190)],                       // Rice, white, boiled
        ["F007641"] = [S("1 cup cooked", 190)],                       // Rice, brown, boiled
        ["F006456"] = [S("1 cup cooked", 150)],                       // Pasta, white wheat flour, boiled from dry
        ["F006143"] = [S("1/2 cup", 45)],                             // Oats, rolled, uncooked
        ["F007164"] = [S("1 cup", 260)],                              // Porridge, rolled oats, prepared with water
        ["F001844"] = [S("1 biscuit", 16)],                           // Breakfast cereal, whole wheat, biscuit (Weet-Bix style)
        ["F005857"] = [S("1/2 cup", 60)],                             // Muesli, untoasted or natural style
        ["F002594"] = [S("1 breast fillet", 200)],                    // Chicken, breast, lean flesh, raw
        ["F002593"] = [S("1 breast fillet", 170)],                    // Chicken, breast, lean flesh, grilled
        ["F000678"] = [S("1 cup raw", 220)],                          // Beef, mince, regular fat, raw
        ["F008107"] = [S("1 thick sausage", 75)],                     // Sausage, beef, grilled
        ["F007827"] = [S("1 fillet", 180)],                           // Salmon, Atlantic, fillet, raw
        ["F009285"] = [S("1 small can (drained)", 70)],               // Tuna, canned in brine, drained
        ["F009694"] = [S("1 tub (170 g)", 170), S("1 tablespoon", 20)], // Yoghurt, natural, regular fat
        ["F002414"] = [S("1 slice", 21)],                             // Cheese, cheddar, natural, regular fat
        ["F001973"] = [S("1 teaspoon", 5)],                           // Butter, plain, salted
        ["F006177"] = [S("1 tablespoon", 18), S("1 teaspoon", 4.5)],  // Oil, olive
        ["F006577"] = [S("1 tablespoon", 20)],                        // Peanut butter, smooth & crunchy, added sugar & salt
        ["F008785"] = [S("1 teaspoon", 5)],                           // Spread, yeast, vegemite
        ["F004380"] = [S("1 tablespoon", 21)],                        // Honey
        ["F008976"] = [S("1 teaspoon", 4)],                           // Sugar, white
        ["F007493"] = [S("1 scoop", 30)],                             // Protein powder, whey based
        ["F001234"] = [S("1 biscuit", 18)],                           // Biscuit, tim tam style
        ["F005236"] = [S("1 lolly", 6)],                              // Lolly, jelly varieties
        ["F009176"] = [S("1/2 block", 150)],                          // Tofu, firm
        ["F002880"] = [S("1/2 cup", 85)],                             // Chickpea, canned, drained
        ["F005519"] = [S("1 cup diced", 160)],                        // Melon, rockmelon, peeled, raw
        ["F009775"] = [S("1 medium zucchini", 200)],                  // Zucchini, green skin, fresh, unpeeled, raw
        ["F007433"] = [S("1 large prawn", 20)],                       // Prawn, flesh, raw (green)
    };

    private static ServingSize S(string name, double grams) => new() { Name = name, Grams = grams };
}
