using System.Text;

namespace FitPilot.Functions.ReferenceData;

/// <summary>
/// Reads the shipped reference data (RFC 4180: comma-separated, '"'-quoted fields with '""' for a
/// quote, header row first) into one dictionary per row, keyed by header.
/// </summary>
public static class Csv
{
    public static List<Dictionary<string, string>> Read(TextReader reader)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        int c;
        while ((c = reader.Read()) != -1)
        {
            var ch = (char)c;
            if (quoted)
            {
                if (ch != '"') field.Append(ch);
                else if (reader.Peek() == '"') { field.Append('"'); reader.Read(); }
                else quoted = false;
            }
            else if (ch == '"') quoted = true;
            else if (ch == ',') { row.Add(field.ToString()); field.Clear(); }
            else if (ch == '\n') { row.Add(field.ToString()); field.Clear(); rows.Add(row); row = []; }
            else if (ch != '\r') field.Append(ch);
        }
        if (field.Length > 0 || row.Count > 0) { row.Add(field.ToString()); rows.Add(row); }
        if (quoted) throw new FormatException("The CSV ends inside a quoted field.");
        if (rows.Count == 0) return [];

        var header = rows[0];
        return rows.Skip(1)
            .Select((r, i) => r.Count == header.Count ? r : throw new FormatException($"CSV row {i + 2} has {r.Count} fields, the header {header.Count}."))
            .Select(r => header.Zip(r).ToDictionary(p => p.First, p => p.Second))
            .ToList();
    }
}
