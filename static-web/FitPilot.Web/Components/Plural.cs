namespace FitPilot.Web.Components;

/// <summary>Counts in words that agree with them: "1 exercise", "3 exercises", "0 sets".</summary>
public static class Plural
{
    /// <summary>"1 exercise", "2 exercises"; <paramref name="plural"/> when adding "s" is wrong ("1 entry", "2 entries").</summary>
    public static string Of(long count, string singular, string? plural = null) => $"{count} {Noun(count, singular, plural)}";

    /// <summary>The noun alone, agreeing with <paramref name="count"/>.</summary>
    public static string Noun(long count, string singular, string? plural = null) => count == 1 ? singular : plural ?? singular + "s";
}
