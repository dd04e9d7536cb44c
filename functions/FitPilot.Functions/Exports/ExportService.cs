using FitPilot.Contracts.Progress;
using FitPilot.Contracts.Training;
using FitPilot.Functions.Clients;
using FitPilot.Functions.Common;
using FitPilot.Functions.Http;
using FitPilot.Functions.Measurements;
using FitPilot.Functions.Training;

namespace FitPilot.Functions.Exports;

/// <summary>A CSV file to download: its name and its text.</summary>
public sealed record CsvFile(string FileName, string Text);

/// <summary>
/// A client's data as CSV files for a spreadsheet, for the client or their PT: measurements (with the custom
/// metrics' values as extra columns) and set logs. Always metric (kg, cm, mm, %) and ISO dates, whatever the
/// viewer's display units, so a file reads the same for everyone. Set logs come from Training's service.
/// </summary>
public sealed class ExportService(MeasurementService measurements, TrainingService training, TimeProvider clock)
{
    private static readonly string[] MeasurementColumns =
    [
        "Date", "Weight (kg)", "Body fat (%)", "Arm (cm)", "Chest (cm)", "Waist (cm)", "Hips (cm)", "Thigh (cm)", "Calf (cm)",
        .. SkinfoldSites.All.Select(s => $"Skinfold {s} (mm)"), "Notes", "Entered by", "Entered by name",
    ];

    private static readonly string[] SetColumns =
        ["Workout date", "Performed at (UTC)", "Exercise", "Exercise id", "Set", "Weight (kg)", "Reps", "RIR", "Estimated 1RM (kg)", "Notes", "Done instead of"];

    /// <summary>
    /// One row per measurement, oldest first, then a column per custom metric ("Metric: name (unit)"): a metric's
    /// value sits on the first measurement row of its date, or on a row of its own when nothing else was measured that day.
    /// </summary>
    public async Task<CsvFile> MeasurementsAsync(Caller caller, string clientId, CancellationToken ct)
    {
        var client = await measurements.ClientAsync(caller, clientId, ct);
        var rows = await measurements.RowsAsync(clientId, ct);
        var series = MeasurementService.Series(rows);
        return new CsvFile(CsvWriter.FileName(client.Name, "measurements", Today(client)), MeasurementsCsv(MeasurementService.Newest(rows.Measurements), series));
    }

    /// <summary>Every logged set, in the order they were done.</summary>
    public async Task<CsvFile> SetsAsync(Caller caller, string clientId, CancellationToken ct)
    {
        var client = await measurements.ClientAsync(caller, clientId, ct);
        var sets = await training.AllLogsAsync(clientId, ct);
        return new CsvFile(CsvWriter.FileName(client.Name, "sets", Today(client)), SetsCsv(sets));
    }

    public static string MeasurementsCsv(IEnumerable<Measurement> measurements, IReadOnlyList<MetricSeries> metrics)
    {
        var csv = new CsvWriter().Header([.. MeasurementColumns, .. metrics.Select(m => $"Metric: {m.Metric.Name} ({m.Metric.Unit})")]);
        var byDate = metrics.Select(m => m.Values.ToDictionary(v => v.MeasuredOn, v => v.Value)).ToList();
        var ordered = measurements.OrderBy(m => m.MeasuredOn).ThenBy(m => m.CreatedAt).ToList();
        var dates = ordered.Select(m => m.MeasuredOn).Concat(metrics.SelectMany(m => m.Values.Select(v => v.MeasuredOn))).Distinct().Order();
        foreach (var date in dates)
        {
            var metricCells = byDate.Select(values => values.TryGetValue(date, out var v) ? CsvWriter.Number(v) : "").ToList();
            var sameDay = ordered.Where(m => m.MeasuredOn == date).ToList();
            if (sameDay.Count == 0)
            {
                csv.Row([CsvWriter.Date(date), .. Enumerable.Repeat("", MeasurementColumns.Length - 1), .. metricCells]);
                continue;
            }
            foreach (var m in sameDay)
            {
                csv.Row([
                    CsvWriter.Date(m.MeasuredOn), CsvWriter.Number(m.WeightKg), CsvWriter.Number(m.BodyFatPercent), CsvWriter.Number(m.ArmCm), CsvWriter.Number(m.ChestCm),
                    CsvWriter.Number(m.WaistCm), CsvWriter.Number(m.HipsCm), CsvWriter.Number(m.ThighCm), CsvWriter.Number(m.CalfCm),
                    .. SkinfoldSites.All.Select(s => m.SkinfoldsMm.TryGetValue(s, out var mm) ? CsvWriter.Number(mm) : ""),
                    CsvWriter.Text(m.Notes), CsvWriter.Text(m.EnteredBy), CsvWriter.Text(m.EnteredByName),
                    .. m == sameDay[0] ? metricCells : metricCells.Select(_ => ""),
                ]);
            }
        }
        return csv.ToString();
    }

    public static string SetsCsv(IEnumerable<SetLog> sets)
    {
        var csv = new CsvWriter().Header(SetColumns);
        foreach (var s in sets.OrderBy(s => s.PerformedAt))
            csv.Row([
                CsvWriter.Date(s.WorkoutDate), CsvWriter.Instant(s.PerformedAt), CsvWriter.Text(s.ExerciseName), CsvWriter.Text(s.ExerciseId), CsvWriter.Number(s.SetNumber),
                CsvWriter.Number(s.WeightKg), CsvWriter.Number(s.Reps), CsvWriter.Number(s.Rir), CsvWriter.Number(s.EstimatedOneRepMaxKg), CsvWriter.Text(s.Notes), CsvWriter.Text(s.SwappedFrom),
            ]);
        return csv.ToString();
    }

    private DateOnly Today(ClientEntity client) => UserTime.Today(client.TimeZone, clock.GetUtcNow());
}
