using System.Globalization;
using System.Text;

namespace FitPilot.Functions.Exports;

/// <summary>
/// Writes a CSV file (RFC 4180): one header row, CRLF line ends, a field in double quotes (quotes doubled)
/// when it holds a comma, a quote or a line break. Text typed by people is made safe for spreadsheets: a cell
/// that starts with = + - @ (or a tab or carriage return) gets a leading single quote, so Excel or Sheets show it
/// instead of running it as a formula (OWASP "CSV injection"). Numbers are written invariantly (a dot for
/// decimals, never a thousands separator) and are never prefixed, so negative values stay numbers.
/// </summary>
public sealed class CsvWriter
{
    private readonly StringBuilder _text = new();
    private int? _columns;

    /// <summary>Adds a row of cells already formatted with <see cref="Text"/>, <see cref="Number"/>, <see cref="Date"/> or <see cref="Instant"/>.</summary>
    public CsvWriter Row(IReadOnlyList<string> cells)
    {
        if (_columns is { } n && n != cells.Count) throw new ArgumentException($"A row has {cells.Count} cells; the header has {n}.", nameof(cells));
        _columns ??= cells.Count;
        _text.AppendJoin(',', cells).Append("\r\n");
        return this;
    }

    /// <summary>The header row: column names, as text.</summary>
    public CsvWriter Header(IEnumerable<string> names) => Row(names.Select(Text).ToList());

    public override string ToString() => _text.ToString();

    /// <summary>Free text, guarded against formulas and quoted as needed; null is an empty cell.</summary>
    public static string Text(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "";
        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r') value = "'" + value;
        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
    }

    public static string Number(double? value) => value is { } v && double.IsFinite(v) ? v.ToString("0.####", CultureInfo.InvariantCulture) : "";

    public static string Number(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";

    /// <summary>ISO 8601 date, yyyy-MM-dd.</summary>
    public static string Date(DateOnly? value) => value?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    /// <summary>ISO 8601 instant in UTC, to the second: 2026-01-05T07:30:00Z.</summary>
    public static string Instant(DateTimeOffset? value) => value?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) ?? "";

    /// <summary>
    /// A download's file name: the client's name made safe (its ASCII letters and digits, words joined by hyphens),
    /// what it holds, and the date: <c>sam-lee-measurements-2026-01-05.csv</c>.
    /// </summary>
    public static string FileName(string? clientName, string what, DateOnly date)
    {
        var slug = new StringBuilder();
        // Other letters are left out (the app runs with invariant globalization, so there is no folding é → e).
        foreach (var c in clientName ?? "")
        {
            if (char.IsAsciiLetterOrDigit(c)) slug.Append(char.ToLowerInvariant(c));
            else if (char.IsLetterOrDigit(c) || char.IsSurrogate(c)) continue;
            else if (slug.Length > 0 && slug[^1] != '-') slug.Append('-');
            if (slug.Length >= 40) break;
        }
        var name = slug.ToString().Trim('-');
        return $"{(name.Length == 0 ? "client" : name)}-{what}-{Date(date)}.csv";
    }
}
