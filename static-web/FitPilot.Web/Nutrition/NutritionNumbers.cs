using System.Globalization;
using FitPilot.Contracts.Nutrition;

namespace FitPilot.Web.Nutrition;

/// <summary>Nutrition numbers as the screens show them: units always, "—" for a value the source does not report (never 0).</summary>
public static class NutritionNumbers
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    /// <summary>"1,234 kcal", or "—" when not reported.</summary>
    public static string Kcal(double? kcal) => kcal is { } k ? $"{k.ToString("N0", C)} kcal" : "—";

    /// <summary>"12 g" ("8.5 g" under 10), or "—".</summary>
    public static string G(double? grams) => grams is { } g ? $"{Short(g)} g" : "—";

    /// <summary>"450 mg", or "—".</summary>
    public static string Mg(double? mg) => mg is { } m ? $"{m.ToString("N0", C)} mg" : "—";

    /// <summary>An amount to buy or weigh: "850 g", or "1.25 kg" from 1,000 g.</summary>
    public static string Amount(double grams) =>
        grams >= 1000 ? $"{(Math.Round(grams / 10, MidpointRounding.AwayFromZero) / 100).ToString("#,0.##", C)} kg" : $"{Short(grams)} g";

    /// <summary>One number: whole from 10, one decimal below ("8.5", "12", "1,250").</summary>
    public static string Short(double value) => Math.Abs(value) < 10 ? Math.Round(value, 1, MidpointRounding.AwayFromZero).ToString("0.#", C) : Math.Round(value, MidpointRounding.AwayFromZero).ToString("N0", C);

    /// <summary>How much of a food an item is: "1.5 × cup (360 g)" by serving, else "150 g".</summary>
    public static string ItemAmount(double grams, string? servingName, double? servingCount) =>
        servingName is not null && servingCount is { } n ? $"{Short(n)} × {servingName} ({Short(grams)} g)" : $"{Short(grams)} g";

    /// <summary>"kcal 520 · P 30 g · F 12 g · C 60 g" of one item's nutrients.</summary>
    public static string Macros(Nutrients n) => $"{Kcal(n.EnergyKcal)} · P {G(n.ProteinG)} · F {G(n.FatG)} · C {G(n.CarbsG)}";

    public static string Macros(NutrientTotals t) => $"{Kcal(t.EnergyKcal)} · P {G(t.ProteinG)} · F {G(t.FatG)} · C {G(t.CarbsG)}";

    /// <summary>"sodium: 3 items unreported; fibre: 1 item unreported" (empty when every item reports every total).</summary>
    public static string Unreported(IReadOnlyDictionary<string, int> unreported, string noun = "item") =>
        string.Join("; ", NutrientMath.TotalledNames.Where(unreported.ContainsKey)
            .Select(name => $"{name}: {unreported[name]} {noun}{(unreported[name] == 1 ? "" : "s")} unreported"));
}
