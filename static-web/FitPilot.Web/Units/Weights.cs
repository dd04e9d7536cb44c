using System.Globalization;
using FitPilot.Contracts.Common;

namespace FitPilot.Web.Units;

/// <summary>
/// Weights are stored and sent in kilograms; each user sees and types them in their unit ("kg" or "lb",
/// <c>MeResponse.WeightUnit</c>). Every weight the app shows or reads goes through here.
/// </summary>
public static class Weights
{
    /// <summary>The unit to use for a user (kg when unknown).</summary>
    public static string UnitOf(FitPilot.Contracts.Auth.MeResponse? user) => user?.WeightUnit == WeightUnits.Lb ? WeightUnits.Lb : WeightUnits.Kg;

    /// <summary>Kilograms in the user's unit, rounded for display (0.1 lb; kg kept to 0.01).</summary>
    public static double ToUnit(double kg, string unit) => unit == WeightUnits.Lb ? Math.Round(kg / WeightUnits.KgPerLb, 1) : Math.Round(kg, 2);

    /// <summary>A weight typed in the user's unit, in kilograms (kept to 0.001 kg so lb round-trip to the same 0.1 lb).</summary>
    public static double ToKg(double value, string unit) => unit == WeightUnits.Lb ? Math.Round(value * WeightUnits.KgPerLb, 3) : value;

    /// <summary>The number alone, invariant, without trailing zeros ("102.5").</summary>
    public static string Number(double kg, string unit) => ToUnit(kg, unit).ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>The number and its unit ("102.5 kg", "225 lb").</summary>
    public static string Show(double kg, string unit) => $"{Number(kg, unit)} {unit}";

    /// <summary>A large total (volume) with thousands separators ("3,450 kg").</summary>
    public static string Total(double kg, string unit) => $"{ToUnit(kg, unit).ToString("#,0", CultureInfo.InvariantCulture)} {unit}";

    /// <summary>What one tap of a stepper adds: 2.5 kg or 5 lb (a pair of the smallest common plates).</summary>
    public static double Step(string unit) => unit == WeightUnits.Lb ? 5 : 2.5;
}
