namespace FitPilot.Functions.Common;

/// <summary>New ids for rows the app creates: 32 hex characters, valid in any table key.</summary>
public static class Ids
{
    public static string New() => Guid.NewGuid().ToString("N");

    /// <summary>A short id for an entry inside a document (a program's exercises): unique within it.</summary>
    public static string NewShort() => New()[..12];
}
