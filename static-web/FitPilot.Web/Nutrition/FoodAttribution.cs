namespace FitPilot.Web.Nutrition;

/// <summary>
/// What the app must say wherever AFCD values are shown: the FSANZ attribution (a copy of the API's
/// <c>FoodCatalog.Attribution</c>, functions/FitPilot.Functions/Foods/FoodCatalog.cs — keep the two the same) and the disclaimer.
/// </summary>
public static class FoodAttribution
{
    public const string Text =
        "Contains data from the Australian Food Composition Database – Release 2, © Food Standards Australia New Zealand (FSANZ), " +
        "used under a licence based on CC BY-SA 3.0 AU. Values are estimates.";

    public const string Disclaimer =
        "Nutrition values are estimates from food composition data and the amounts planned; they are not dietary or medical advice. " +
        "Talk to a doctor or an accredited practising dietitian about a medical condition, an allergy or a special diet.";
}
