using System.Globalization;
using FitPilot.Contracts.Dashboard;
using FitPilot.Web.Units;

namespace FitPilot.Web.Engagement;

/// <summary>How the PT dashboard writes its figures: percentages, "no data", a weight change with its sign and unit.</summary>
public static class ComplianceFormat
{
    public static string Percent(double? value) => value is { } v ? v.ToString("0", CultureInfo.InvariantCulture) + " %" : "–";

    /// <summary>"43 % / 87 %": this week / this month.</summary>
    public static string Pair(AdherencePair pair) => $"{Percent(pair.Week)} / {Percent(pair.Month)}";

    /// <summary>What a screen reader hears for a pair.</summary>
    public static string PairLabel(string metric, AdherencePair pair) =>
        pair is { Week: null, Month: null } ? $"{metric}: nothing due yet" : $"{metric}: {Percent(pair.Week)} this week, {Percent(pair.Month)} this month";

    public static string Change(double? kg, string unit) => kg switch
    {
        null => "–",
        0 => $"±0 {unit}",
        > 0 => $"+{Weights.Show(kg.Value, unit)}",
        _ => $"−{Weights.Show(-kg.Value, unit)}",
    };
}
