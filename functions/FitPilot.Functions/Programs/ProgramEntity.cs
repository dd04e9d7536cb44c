using Azure;
using Azure.Data.Tables;
using FitPilot.Contracts.Programs;
using FitPilot.Functions.Storage;

namespace FitPilot.Functions.Programs;

/// <summary>
/// A program or template, read and written as one document: table <c>programs</c>, PartitionKey =
/// the PT (tenant), RowKey = program id. Each grid day is its own JSON column (a property holds at
/// most 32K characters: a day of 15 exercises with the longest notes in any script stays under, as
/// <see cref="StoredJson"/> writes text as itself). A client's program is also kept,
/// in this same shape, in the client's training partition (RowKey <c>prog|{id}</c>).
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

    /// <summary>The program's id, for the PT's row and the client's copy alike.</summary>
    public string Id => RowKey.StartsWith(Training.TrainingRows.Program, StringComparison.Ordinal) ? RowKey[Training.TrainingRows.Program.Length..] : RowKey;

    public List<ProgramDay> Days() => Enumerable.Range(0, 7).Select(Day).OfType<ProgramDay>().ToList();

    public ProgramDay? Day(int dayOfWeek) =>
        (dayOfWeek switch { 0 => Day0, 1 => Day1, 2 => Day2, 3 => Day3, 4 => Day4, 5 => Day5, 6 => Day6, _ => null }) is { } json
            ? StoredJson.Deserialize<ProgramDay>(json) with { DayOfWeek = dayOfWeek }
            : null;

    /// <summary>Whether the program runs on a date (paused programs still cover their dates).</summary>
    public bool Covers(DateOnly date) =>
        Status != ProgramStatuses.Ended && (ToDate(StartDate) is not { } s || s <= date) && (ToDate(EndDate) is not { } e || e >= date);

    /// <summary>The same program under another key: the client's copy in their training partition.</summary>
    public ProgramEntity CopyFor(string partitionKey, string rowKey) => new()
    {
        PartitionKey = partitionKey, RowKey = rowKey, Name = Name, ClientId = ClientId, IsTemplate = IsTemplate, Status = Status,
        StartDate = StartDate, EndDate = EndDate, ScheduleOffsetDays = ScheduleOffsetDays, PausedOn = PausedOn, Notes = Notes,
        ExerciseIds = ExerciseIds, Day0 = Day0, Day1 = Day1, Day2 = Day2, Day3 = Day3, Day4 = Day4, Day5 = Day5, Day6 = Day6,
        CreatedAt = CreatedAt, UpdatedAt = UpdatedAt,
    };

    public void SetDays(IEnumerable<ProgramDay> days)
    {
        Day0 = Day1 = Day2 = Day3 = Day4 = Day5 = Day6 = null;
        var ids = new HashSet<string>();
        foreach (var day in days.OrderBy(d => d.DayOfWeek))
        {
            var json = StoredJson.Serialize(day);
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
