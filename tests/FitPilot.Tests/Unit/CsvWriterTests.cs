using FitPilot.Contracts.Progress;
using FitPilot.Contracts.Training;
using FitPilot.Functions.Exports;

namespace FitPilot.Tests.Unit;

public sealed class CsvWriterTests
{
    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData("=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\"")]
    [InlineData("+1 rep", "'+1 rep")]
    [InlineData("-5 kg", "'-5 kg")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tcmd", "'\tcmd")]
    [InlineData("Приседания 🏋️", "Приседания 🏋️")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Text_is_quoted_per_RFC_4180_and_never_starts_a_formula(string? value, string expected) =>
        Assert.Equal(expected, CsvWriter.Text(value));

    [Fact]
    public void Numbers_are_invariant_and_negative_numbers_stay_numbers()
    {
        Assert.Equal("-5", CsvWriter.Number(-5.0));
        Assert.Equal("80.25", CsvWriter.Number(80.25));
        Assert.Equal("1000000", CsvWriter.Number(1e6));
        Assert.Equal("", CsvWriter.Number((double?)null));
        Assert.Equal("", CsvWriter.Number(double.NaN));
        Assert.Equal("2026-01-05", CsvWriter.Date(new DateOnly(2026, 1, 5)));
        Assert.Equal("2026-01-05T06:30:00Z", CsvWriter.Instant(new DateTimeOffset(2026, 1, 5, 7, 30, 0, TimeSpan.FromHours(1))));
    }

    [Fact]
    public void Rows_end_in_CRLF_and_must_match_the_header()
    {
        var csv = new CsvWriter().Header(["A", "B"]).Row(["1", CsvWriter.Text("x,y")]);
        Assert.Equal("A,B\r\n1,\"x,y\"\r\n", csv.ToString());
        Assert.Throws<ArgumentException>(() => csv.Row(["only one"]));
    }

    [Theory]
    [InlineData("Sam Lee", "sam-lee-measurements-2026-01-05.csv")]
    [InlineData("Zoë O'Brien-Núñez", "zo-o-brien-nez-measurements-2026-01-05.csv")]
    [InlineData("李雷", "client-measurements-2026-01-05.csv")]
    [InlineData("../../etc/passwd\r\n", "etc-passwd-measurements-2026-01-05.csv")]
    public void File_names_are_safe_ASCII(string name, string expected) =>
        Assert.Equal(expected, CsvWriter.FileName(name, "measurements", new DateOnly(2026, 1, 5)));

    [Fact]
    public void The_measurements_file_has_metric_columns_and_a_row_for_a_day_with_only_metric_values()
    {
        var day1 = new DateOnly(2026, 1, 5);
        var measurement = new Measurement("m1", day1, 80.5, 18, null, null, 85, null, null, null, new Dictionary<string, double> { ["triceps"] = 12 },
            "=cmd|' /C calc'!A0, \"felt\" good", EnteredBy.Trainer, "Pat Coach", DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch);
        var metric = new Metric("hr", "Resting HR", "bpm", MetricDirections.Lower, null, null, DateTimeOffset.UnixEpoch);
        var values = new[] { new MetricValue("v1", "hr", day1, 52, EnteredBy.Client, DateTimeOffset.UnixEpoch), new MetricValue("v2", "hr", day1.AddDays(1), -3, EnteredBy.Client, DateTimeOffset.UnixEpoch) };
        var lines = ExportService.MeasurementsCsv([measurement], [new MetricSeries(metric, values)]).Split("\r\n");

        Assert.StartsWith("Date,Weight (kg),Body fat (%),Arm (cm),Chest (cm),Waist (cm),Hips (cm),Thigh (cm),Calf (cm),Skinfold chest (mm),", lines[0]);
        Assert.EndsWith(",Notes,Entered by,Entered by name,Metric: Resting HR (bpm)", lines[0]);
        Assert.Equal("2026-01-05,80.5,18,,,85,,,,,,,12,,,,,,\"'=cmd|' /C calc'!A0, \"\"felt\"\" good\",trainer,Pat Coach,52", lines[1]);
        Assert.Equal("2026-01-06,,,,,,,,,,,,,,,,,,,,,-3", lines[2]);
        Assert.Equal("", lines[3]);
    }

    [Fact]
    public void The_sets_file_lists_every_set_in_order_with_ISO_dates()
    {
        var at = new DateTimeOffset(2026, 1, 5, 7, 0, 0, TimeSpan.Zero);
        var sets = new[]
        {
            new SetLog("2", "p", "e", "Squat", "Squat, paused", 2, 100, 5, 2, null, at.AddMinutes(3), new DateOnly(2026, 1, 5), 116.67),
            new SetLog("1", "p", "e", "Squat", "Squat, paused", 1, 100, 5, null, "-felt easy", at, new DateOnly(2026, 1, 5), 116.67, "Back Squat"),
        };
        var lines = ExportService.SetsCsv(sets).Split("\r\n");
        Assert.Equal("Workout date,Performed at (UTC),Exercise,Exercise id,Set,Weight (kg),Reps,RIR,Estimated 1RM (kg),Notes,Done instead of", lines[0]);
        Assert.Equal("2026-01-05,2026-01-05T07:00:00Z,\"Squat, paused\",Squat,1,100,5,,116.67,'-felt easy,Back Squat", lines[1]);
        Assert.Equal("2026-01-05,2026-01-05T07:03:00Z,\"Squat, paused\",Squat,2,100,5,2,116.67,,", lines[2]);
    }
}
