namespace FitPilot.Functions.MealGenerator;

/// <summary>
/// The generator's built-in everyday selection when the PT names no foods: 164 AFCD foods chosen by key —
/// raw or plainly cooked staples (breads and cereals, rice and pasta cooked, lean meats, fish, eggs, dairy and
/// its substitutes, fruit, vegetables, legumes, nuts and seeds, oils and a few condiments). No baby foods, no
/// alcohol, no dry mixes or powders, nothing deep fried. Keys missing from a future catalogue are skipped.
/// </summary>
public static class EverydayFoods
{
    public static readonly IReadOnlyList<string> Keys =
    [
        "F001621", // Bread, mixed grain
        "F001603", // Bread, gluten free
        "F001404", // Bread, flat (pita or Lebanese), wholemeal, commercial
        "F001415", // Bread, wrap, white, commercial
        "F001365", // Bread roll, mixed grain
        "F001844", // Breakfast cereal, whole wheat, biscuit, added vitamins B1, B2, B3 & folate, Fe & Zn
        "F001701", // Breakfast cereal, flakes of corn, added vitamins B1, B2, B3, C & folate, Fe & Zn
        "F001811", // Breakfast cereal, puffed or popped rice, no added sugar or salt, unfortified
        "F005857", // Muesli, untoasted or natural style, added dried fruit, unfortified
        "F009807", // Muesli, granola, toasted, added nuts & seeds, unfortified
        "F007164", // Porridge, rolled oats, prepared with water
        "F007156", // Porridge, rolled oats, prepared with regular fat cows milk
        "F006143", // Oats, rolled, uncooked
        "F007661", // Rice, white, boiled or rice cooker, no added salt
        "F007641", // Rice, brown, boiled, no added salt
        "F007596", // Quinoa, cooked in water, no added salt
        "F003235", // Couscous, boiled, no added fat or salt
        "F006444", // Pasta, white wheat flour & egg, boiled from dry, no added salt
        "F006464", // Pasta, wholemeal wheat flour, boiled from dry, no added salt
        "F009835", // Pasta, legume based, boiled, no added salt
        "F006038", // Noodle, rice stick, boiled, drained
        "F006042", // Noodle, soba, boiled, drained
        "F006044", // Noodle, wheat with egg, plain, boiled, no added fat
        "F001918", // Buckwheat groats, cooked in water, no added salt
        "F006177", // Oil, olive
        "F006159", // Oil, canola
        "F001973", // Butter, plain, salted
        "F005370", // Margarine spread, polyunsaturated (70% fat)
        "F000162", // Avocado, raw
        "F007827", // Salmon, Atlantic, fillet, raw
        "F007826", // Salmon, Atlantic, fillet, grilled, no added fat
        "F009285", // Tuna, canned in brine, drained
        "F009302", // Tuna, yellowfin, flesh, baked, no added fat
        "F000385", // Barramundi, aquacultured, fillet, grilled, no added fat
        "F007421", // Prawn, banana, aquacultured, purchased cooked
        "F007853", // Salmon, pink, canned in brine, drained
        "F004141", // Fruit salad, canned in fruit juice
        "F000110", // Apple, red skin, unpeeled, raw
        "F000262", // Banana, cavendish, peeled, raw
        "F006276", // Orange, navel, peeled, raw
        "F006601", // Pear, green skin, unpeeled, raw
        "F008952", // Strawberry, raw
        "F001290", // Blueberry, raw
        "F004260", // Grape, green, raw
        "F005299", // Mango, peeled, raw
        "F004815", // Kiwifruit, gold, peeled, raw
        "F004816", // Kiwifruit, green (hayward), peeled, raw
        "F005293", // Mandarin, peeled, raw
        "F006702", // Pineapple, peeled, raw
        "F006573", // Peach, yellow, unpeeled, raw
        "F007619", // Raspberry, raw
        "F008983", // Sultana
        "F003496", // Date, dried
        "F003721", // Egg, chicken, whole, hard-boiled
        "F003729", // Egg, chicken, whole, raw
        "F003725", // Egg, chicken, whole, poached
        "F003732", // Egg, chicken, whole, scrambled, with regular fat cows milk, no fat added
        "F003705", // Egg, chicken, white (albumen), hard-boiled
        "F000678", // Beef, mince, regular fat, raw
        "F000738", // Beef, rump steak, lean, grilled, no added fat
        "F000739", // Beef, rump steak, lean, raw
        "F000961", // Beef, topside roast, lean, raw
        "F002593", // Chicken, breast, lean flesh, grilled, no added fat
        "F002590", // Chicken, breast, lean flesh, baked, no added fat
        "F002594", // Chicken, breast, lean flesh, raw
        "F002804", // Chicken, thigh, lean flesh, baked, no added fat
        "F002806", // Chicken, thigh, lean flesh, raw
        "F002739", // Chicken, mince, raw
        "F005014", // Lamb, leg roast, lean, roasted, no added fat
        "F005026", // Lamb, loin chop, lean, grilled, no added fat
        "F005049", // Lamb, mince, raw
        "F006874", // Pork, butterfly steak, lean, grilled, no added fat
        "F006899", // Pork, fillet, lean, raw
        "F007055", // Pork, mince, as purchased, fried, no added fat
        "F009306", // Turkey, breast, lean flesh, baked, no added fat
        "F004786", // Kangaroo, loin fillet, grilled, no added fat
        "F004790", // Kangaroo, rump, raw
        "F004299", // Ham, leg, lean
        "F009361", // Veal, boneless dice or strips, lean, raw
        "F005634", // Milk, cow, fluid, regular fat (3.5% fat)
        "F005614", // Milk, cow, fluid, reduced fat (1% fat)
        "F005637", // Milk, cow, fluid, skim (0.15% fat)
        "F009694", // Yoghurt, natural, regular fat (3% fat)
        "F009749", // Yoghurt, vanilla flavoured, (2% fat)
        "F002414", // Cheese, cheddar, natural, regular fat
        "F002412", // Cheese, cheddar, natural, reduced fat (approximately 15%)
        "F002435", // Cheese, cottage
        "F002488", // Cheese, ricotta
        "F002472", // Cheese, mozzarella
        "F002452", // Cheese, fetta (feta)
        "F002478", // Cheese, parmesan, dried, finely grated
        "F002444", // Cheese, cream, plain
        "F008719", // Soy beverage, regular fat (3% fat), added Ca
        "F008704", // Soy beverage, reduced fat (1% fat), added Ca & vitamins A, B1, B2 & B12
        "F009824", // Almond beverage, no added sugar, unfortified
        "F006131", // Oat beverage, fluid, added calcium
        "F009176", // Tofu (soy bean curd), firm, as purchased
        "F009738", // Yoghurt, soy based, berry flavoured, regular fat (3% fat)
        "F006579", // Peanut butter, smooth & crunchy, no added sugar or salt
        "F006577", // Peanut butter, smooth & crunchy, added sugar & salt
        "F008209", // Seed, chia, dried
        "F008215", // Seed, sunflower
        "F008212", // Seed, pumpkin, hulled & dried
        "F008210", // Seed, linseed or flaxseed
        "F009076", // Tahini, sesame seed pulp
        "F001900", // Broccoli, fresh, boiled, drained
        "F001905", // Broccoli, fresh, raw
        "F002276", // Carrot, mature, peeled, fresh, raw
        "F002275", // Carrot, mature, peeled, fresh, boiled, drained
        "F007245", // Potato, coliban, peeled, boiled, drained
        "F009033", // Sweet potato, orange flesh, peeled, fresh, baked, no added fat
        "F009034", // Sweet potato, orange flesh, peeled, fresh, boiled, drained
        "F007533", // Pumpkin, butternut, peeled, fresh, baked, no added fat
        "F008761", // Spinach, Mature English, fresh, raw
        "F008760", // Spinach, Mature English, fresh, boiled, drained
        "F005192", // Lettuce, iceberg, raw
        "F005191", // Lettuce, cos, raw
        "F009193", // Tomato, common, raw
        "F003320", // Cucumber, common, unpeeled, raw
        "F002247", // Capsicum, red, fresh, raw
        "F002239", // Capsicum, green, fresh, raw
        "F009775", // Zucchini, green skin, fresh, unpeeled, raw
        "F009773", // Zucchini, green skin, fresh, unpeeled, boiled, drained
        "F005946", // Mushroom, common, fresh, raw
        "F005945", // Mushroom, common, fresh, fried, no added fat
        "F006225", // Onion, mature, brown skinned, peeled, raw
        "F009190", // Tomato, cherry, raw
        "F000430", // Bean, green, fresh, boiled, drained
        "F006538", // Pea, green, frozen, boiled, drained
        "F002377", // Cauliflower, fresh, boiled, drained
        "F001990", // Cabbage, Chinese flowering, raw
        "F000151", // Asparagus, green, boiled, drained
        "F004780", // Kale, cooked, no added fat
        "F001010", // Beetroot, canned in brine, drained
        "F003759", // Eggplant, unpeeled, fresh, baked, no added fat
        "F007712", // Rocket, fresh, raw
        "F002390", // Celery, fresh, raw
        "F001300", // Bok choy, fried, no added fat
        "F005813", // Mixed vegetables, purchased frozen, carrot, corn & pea/bean, boiled, drained
        "F002880", // Chickpea, canned, drained
        "F002882", // Chickpea, dried, boiled, drained
        "F000448", // Bean, red kidney, canned, drained
        "F005177", // Lentil, dried, boiled, drained
        "F000421", // Bean, butter, fresh, boiled, drained
        "F003539", // Dip, hummus, commercial
        "F004380", // Honey
        "F004600", // Jam, berry
        "F009052", // Syrup, maple, pure
        "F008056", // Sauce, salsa, tomato-based, commercial
        "F008083", // Sauce, tomato, commercial
        "F008050", // Sauce, pasta, tomato-based, commercial, heated
        "F008065", // Sauce, soy, commercial
        "F005437", // Mayonnaise, low fat, commercial
        "F006081", // Nut, almond, with skin, raw, unsalted
        "F006082", // Nut, almond, with skin, roasted, unsalted
        "F006087", // Nut, brazil, raw or blanched, unsalted
        "F006088", // Nut, cashew, raw, unsalted
        "F006092", // Nut, cashew, roasted, unsalted
        "F006098", // Nut, hazelnut, raw, unsalted
        "F006099", // Nut, macadamia, raw, unsalted
        "F006107", // Nut, peanut, with skin, raw, unsalted
        "F006113", // Nut, pistachio, raw, unsalted
        "F006116", // Nut, walnut, raw, unsalted
        "F007244", // Potato, coliban, peeled, baked, no added fat
    ];
}
