using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using FitPilot.Contracts.Programs;

namespace FitPilot.Functions.Programs;

/// <summary>
/// A program or template, read and written as one document: table <c>programs</c>, PartitionKey =
/// the PT (tenant), RowKey = program id. Each grid day is its own JSON column (a property holds at
/// most 32K characters; a day of 15 exercises stays well under).
/// </summary>
public sealed class ProgramEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string Name { get; set; } = "";
    public string? ClientId { get; set; }
    public bool IsTemplate { get; set; }
    public string Status { get; set; } = ProgramStatuses.Active;
    public DateTimeOffset? StartDate { get; set; }
    public DateTimeOffset? EndDate { get; set; }
    public int ScheduleOffsetDays { get; set; }
    public DateTimeOffset? PausedOn { get; set; }
    public string? Notes { get; set; }
    /// <summary>'|'-joined exercise ids in the grid, to refuse deleting an exercise a program uses.</summary>
    public string ExerciseIds { get; set; } = "";
    public string? Day0 { get; set; }
    public string? Day1 { get; set; }
    public string? Day2 { get; set; }
    public string? Day3 { get; set; }
    public string? Day4 { get; set; }
    public string? Day5 { get; set; }
    public string? Day6 { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public string Id => RowKey;

    public List<ProgramDay> Days()
    {
        var days = new List<ProgramDay>();
        foreach (var (json, index) in new[] { Day0, Day1, Day2, Day3, Day4, Day5, Day6 }.Select((d, i) => (d, i)))
            if (json is not null) days.Add(JsonSerializer.Deserialize<ProgramDay>(json, JsonSerializerOptions.Web)! with { DayOfWeek = index });
        return days;
    }

    public void SetDays(IEnumerable<ProgramDay> days)
    {
        Day0 = Day1 = Day2 = Day3 = Day4 = Day5 = Day6 = null;
        var ids = new HashSet<string>();
        foreach (var day in days.OrderBy(d => d.DayOfWeek))
        {
            var json = JsonSerializer.Serialize(day, JsonSerializerOptions.Web);
            switch (day.DayOfWeek)
            {
                case 0: Day0 = json; break;
                case 1: Day1 = json; break;
                case 2: Day2 = json; break;
                case 3: Day3 = json; break;
                case 4: Day4 = json; break;
                case 5: Day5 = json; break;
                case 6: Day6 = json; break;
            }
            foreach (var e in day.Exercises) ids.Add(e.ExerciseId);
        }
        ExerciseIds = string.Join('|', ids);
    }

    public static DateOnly? ToDate(DateTimeOffset? value) => value is { } v ? DateOnly.FromDateTime(v.UtcDateTime) : null;
    public static DateTimeOffset? FromDate(DateOnly? value) => value is { } d ? new DateTimeOffset(d.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null;

    public ProgramDto ToDto() => new(Id, Name, ClientId, IsTemplate, Status, ToDate(StartDate), ToDate(EndDate), ScheduleOffsetDays,
        ToDate(PausedOn), Notes, Days(), CreatedAt, UpdatedAt);

    public ProgramSummary ToSummary() => new(Id, Name, ClientId, IsTemplate, Status, ToDate(StartDate), ToDate(EndDate),
        new[] { Day0, Day1, Day2, Day3, Day4, Day5, Day6 }.Count(d => d is not null && !d.Contains("\"exercises\":[]")), UpdatedAt);
}
