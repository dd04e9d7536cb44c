using FitPilot.Contracts.Common;
using Microsoft.AspNetCore.Http;

namespace FitPilot.Functions.Http;

/// <summary>Query-string parameters shared by list endpoints, validated into 400 problems.</summary>
public static partial class Query
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 100;

    public static int Limit(HttpRequest request)
    {
        var raw = request.Query["limit"].ToString();
        if (raw.Length == 0) return DefaultLimit;
        return int.TryParse(raw, out var limit) && limit is >= 1 and <= MaxLimit
            ? limit
            : throw ProblemException.BadQuery("limit", $"limit must be a whole number from 1 to {MaxLimit}.");
    }

    /// <summary>Seconds a long poll may wait for news, 0 (answer at once) to <paramref name="max"/> (the default).</summary>
    public static int Seconds(HttpRequest request, string name, int max)
    {
        var raw = Optional(request, name, 4);
        if (raw is null) return max;
        return int.TryParse(raw, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var seconds) && seconds <= max
            ? seconds
            : throw ProblemException.BadQuery(name, $"{name} must be a whole number of seconds from 0 to {max}.");
    }

    public static string? Cursor(HttpRequest request) => Optional(request, "cursor", 2048);

    /// <summary>A trimmed, length-checked optional parameter; empty means absent.</summary>
    public static string? Optional(HttpRequest request, string name, int maxLength)
    {
        var values = request.Query[name];
        if (values.Count > 1) throw ProblemException.BadQuery(name, $"Give {name} once.");
        var value = values.ToString().Trim();
        if (value.Length == 0) return null;
        return value.Length <= maxLength ? value : throw ProblemException.BadQuery(name, $"{name} may be at most {maxLength} characters.");
    }

    /// <summary>An optional parameter that must be one of a fixed vocabulary.</summary>
    public static string? OneOf(HttpRequest request, string name, IReadOnlyCollection<string> allowed)
    {
        var value = Optional(request, name, 100);
        return value is null || allowed.Contains(value)
            ? value
            : throw ProblemException.BadQuery(name, $"{name} must be one of: {string.Join(", ", allowed)}.");
    }

    /// <summary>An optional ISO date (yyyy-MM-dd) inside the dates the API accepts (<see cref="DateWindow"/>).</summary>
    public static DateOnly? Date(HttpRequest request, string name)
    {
        var value = Optional(request, name, 10);
        if (value is null) return null;
        if (!DateOnly.TryParseExact(value, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var date))
            throw ProblemException.BadQuery(name, $"{name} must be a date like 2026-11-26.");
        return DateWindow.Contains(date) ? date : throw ProblemException.BadQuery(name, $"{name}: {DateWindow.Message}");
    }

    /// <summary>An optional true/false.</summary>
    public static bool? Flag(HttpRequest request, string name) => Optional(request, name, 5) switch
    {
        null => null,
        "true" => true,
        "false" => false,
        _ => throw ProblemException.BadQuery(name, $"{name} must be true or false."),
    };
}
