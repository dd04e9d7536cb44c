using System.Globalization;
using FitPilot.Contracts.Progress;

namespace FitPilot.Web.Units;

/// <summary>
/// Body lengths (circumferences) are stored and sent in centimetres; each user sees and types them in their unit ("cm" or
/// "in", <c>ProgressData.LengthUnit</c>). Every length the app shows or reads goes through here, as weights go through <see cref="Weights"/>.
/// </summary>
public static class Lengths
{
    /// <summary>The unit to use (cm when unknown).</summary>
    public static string UnitOf(string? unit) => unit == LengthUnits.In ? LengthUnits.In : LengthUnits.Cm;

    /// <summary>Centimetres in the user's unit, rounded for display (0.1 in or 0.1 cm).</summary>
    public static double ToUnit(double cm, string unit) => unit == LengthUnits.In ? Math.Round(cm / LengthUnits.CmPerInch, 1) : Math.Round(cm, 1);

    /// <summary>A length typed in the user's unit, in centimetres (kept to 0.001 cm so inches round-trip to the same 0.1 in).</summary>
    public static double ToCm(double value, string unit) => unit == LengthUnits.In ? Math.Round(value * LengthUnits.CmPerInch, 3) : value;

    /// <summary>The number alone, invariant, without trailing zeros ("32.5").</summary>
    public static string Number(double cm, string unit) => ToUnit(cm, unit).ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>The number and its unit ("82.5 cm", "32.5 in").</summary>
    public static string Show(double cm, string unit) => $"{Number(cm, unit)} {unit}";
}
