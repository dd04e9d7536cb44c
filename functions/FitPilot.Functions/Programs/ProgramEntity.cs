using System.Runtime.Serialization;
using Azure;
using Azure.Data.Tables;
using FitPilot.Contracts.Programs;
using FitPilot.Functions.Storage;

namespace FitPilot.Functions.Programs;

/// <summary>
/// A program or template, read and written as one document: table <c>programs</c>, PartitionKey =
/// the PT (tenant), RowKey = program id. Each grid day is its own JSON column (<see cref="StoredProgramDay"/>,
/// version <see cref="DaysVersion"/>; a property holds at most 32K characters: a day of 15 exercises with
/// the longest notes in any script stays under, as <see cref="StoredJson"/> writes text as itself).
/// A client's program is also kept, in this same shape, in the client's training partition
/// (<see cref="IProgramCopies"/>, owned by the Training feature).
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
    /// <summary>The version of the day columns' JSON (absent on rows written before versions: 1).</summary>
    public int DaysVersion { get; set; } = StoredProgramDay.Version;
    public string? Day0 { get; set; }
    public string? Day1 { get; set; }
    public string? Day2 { get; set; }
    public string? Day3 { get; set; }
    public string? Day4 { get; set; }
    public string? Day5 { get; set; }
    public string? Day6 { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>
    /// The program's id: the RowKey of the PT's row. Not stored: the copy in a client's partition has its
    /// own RowKey, and the Training feature, which owns that partition, sets this when it reads one.
    /// </summary>
    [IgnoreDataMember]
    public string Id { get => _id ?? RowKey; set => _id = value; }
    private string? _id;

    public IReadOnlyList<StoredProgramDay> Days() => Enumerable.Range(0, 7).Select(Day).OfType<StoredProgramDay>().ToList();

    public StoredProgramDay? Day(int dayOfWeek) =>
        (dayOfWeek switch { 0 => Day0, 1 => Day1, 2 => Day2, 3 => Day3, 4 => Day4, 5 => Day5, 6 => Day6, _ => null }) is { } json
            ? ReadDay(json) with { DayOfWeek = dayOfWeek }
            : null;

    /// <summary>Version 1 is the only one so far; a version 2 would read the older JSON here.</summary>
    private StoredProgramDay ReadDay(string json) => DaysVersion switch
    {
        <= StoredProgramDay.Version => StoredJson.Deserialize<StoredProgramDay>(json),
        _ => throw new InvalidOperationException($"Program {Id} has days of version {DaysVersion}, newer than this app knows."),
    };

    [IgnoreDataMember]
    public ScheduleState Schedule
    {
        get => new(Status, ToDate(StartDate), ToDate(EndDate), ScheduleOffsetDays, ToDate(PausedOn));
        set => (Status, StartDate, EndDate, ScheduleOffsetDays, PausedOn) = (value.Status, FromDate(value.Start), FromDate(value.End), value.OffsetDays, FromDate(value.PausedOn));
    }

    /// <summary>Whether the program runs on a date (paused programs still cover their dates).</summary>
    public bool Covers(DateOnly date) => ProgramSchedule.Covers(Schedule, date);

    public void SetDays(IEnumerable<StoredProgramDay> days)
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
        DaysVersion = StoredProgramDay.Version;
        ExerciseIds = string.Join('|', ids);
    }

    public static DateOnly? ToDate(DateTimeOffset? value) => value is { } v ? DateOnly.FromDateTime(v.UtcDateTime) : null;
    public static DateTimeOffset? FromDate(DateOnly? value) => value is { } d ? new DateTimeOffset(d.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null;

    public ProgramDto ToDto() => new(Id, Name, ClientId, IsTemplate, Status, ToDate(StartDate), ToDate(EndDate), ScheduleOffsetDays,
        ToDate(PausedOn), Notes, Days().Select(d => d.ToContract()).ToList(), CreatedAt, UpdatedAt);

    public ProgramSummary ToSummary() => new(Id, Name, ClientId, IsTemplate, Status, ToDate(StartDate), ToDate(EndDate),
        Days().Count(d => d.Exercises.Count > 0), UpdatedAt);
}
