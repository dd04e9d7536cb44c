using Azure;
using Azure.Data.Tables;
using FitPilot.Contracts.Programs;
using FitPilot.Contracts.Training;
using FitPilot.Functions.Storage;

namespace FitPilot.Functions.Training;

/// <summary>
/// A client's training data, all in table <c>training</c> under PartitionKey = client id, so the hot
/// paths (today's workout, logging a set) are one query plus at most one transaction:
/// <c>prog|{programId}</c> copies of their programs (<see cref="Programs.ProgramEntity"/>), <c>stat|{exerciseId}</c> bests and recent sets,
/// <c>log|{logId}</c> set logs, <c>num|{date}|{programExerciseId}|{setNumber}</c> the set numbers a day has taken
/// (sorted outside the <c>prog|</c>…<c>stat|</c> range that "today" reads), <c>ach|{id}</c> achievements,
/// <c>swap|{date}|{programExerciseId}</c> an exercise swapped for a day, <c>done|{date}|{programId}</c> a finished workout.
/// "Today" reads <c>prog|</c>…<c>stat|</c> plus the date's <c>swap|</c> and <c>done|</c> rows in one query.
/// </summary>
public static class TrainingRows
{
    public const string Program = "prog|";
    public const string Stat = "stat|";
    public const string Log = "log|";
    public const string Slot = "num|";
    public const string Achievement = "ach|";
    public const string Swap = "swap|";
    public const string Done = "done|";

    public static string SwapKey(string workoutDate, string programExerciseId) => $"{Swap}{workoutDate}|{programExerciseId}";
    public static string DoneKey(string workoutDate, string programId) => $"{Done}{workoutDate}|{programId}";

    /// <summary>The prefix of the slots of one program exercise on one day; the set number follows (two digits, so they sort).</summary>
    public static string SlotPrefix(string workoutDate, string programExerciseId) => $"{Slot}{workoutDate}|{programExerciseId}|";
    public static string SlotKey(string workoutDate, string programExerciseId, int setNumber) => $"{SlotPrefix(workoutDate, programExerciseId)}{setNumber:D2}";
}

/// <summary>
/// One exercise's personal bests and the sets of its two latest workout days (for "today" and
/// "last time"), kept as compact JSON that always fits a table property (<see cref="MaxSetsJsonChars"/>).
/// </summary>
public sealed class ExerciseStatEntity : ITableEntity
{
    /// <summary>A table property holds 32K UTF-16 characters; each day's sets stay under this (the oldest give way).</summary>
    public const int MaxSetsJsonChars = 30_000;
    /// <summary>At most this many sets of one exercise are kept per day for "today" and "last time".</summary>
    public const int MaxSetsPerDay = 40;

    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }
    public string? ExerciseName { get; set; }
    public double BestWeightKg { get; set; }
    public double BestE1rmKg { get; set; }
    /// <summary>Weight (kg, as text) → most reps done at it.</summary>
    public string RepsAtWeightJson { get; set; } = "{}";
    public string? LatestDate { get; set; }
    public string LatestSetsJson { get; set; } = "[]";
    public string? PreviousDate { get; set; }
    public string PreviousSetsJson { get; set; } = "[]";
    /// <summary>The first day of <see cref="LoggedDays"/> (yyyy-MM-dd).</summary>
    public string? LoggedFrom { get; set; }
    /// <summary>
    /// Every workout day with a set of this exercise, as a <see cref="WorkoutDays"/> bitmap from <see cref="LoggedFrom"/>;
    /// null on rows written before days were counted (they are rebuilt from the logs when first listed).
    /// </summary>
    public string? LoggedDays { get; set; }

    public string ExerciseId => RowKey[TrainingRows.Stat.Length..];

    /// <summary>False for a row written before workout days were counted: its count would be a guess.</summary>
    public bool CountsDays => LoggedDays is not null || LatestDate is null;

    public WorkoutDays Days() => WorkoutDays.Read(LoggedFrom, LoggedDays);

    public Dictionary<string, int> RepsAtWeight() => StoredJson.Deserialize<Dictionary<string, int>>(RepsAtWeightJson);
    public List<RecentSet> LatestSets() => StoredJson.Deserialize<List<RecentSet>>(LatestSetsJson);
    public List<RecentSet> PreviousSets() => StoredJson.Deserialize<List<RecentSet>>(PreviousSetsJson);

    /// <summary>The newest sets that fit: at most <see cref="MaxSetsPerDay"/>, at most <see cref="MaxSetsJsonChars"/> of JSON.</summary>
    public static string SetsJson(IEnumerable<RecentSet> sets)
    {
        var kept = sets.TakeLast(MaxSetsPerDay).ToList();
        var json = StoredJson.Serialize(kept);
        while (json.Length > MaxSetsJsonChars && kept.Count > 0)
        {
            kept.RemoveAt(0);
            json = StoredJson.Serialize(kept);
        }
        return json;
    }

    public SetLog ToSetLog(RecentSet set) => new(set.Id, set.ProgramId, set.ProgramExerciseId, ExerciseId, ExerciseName ?? ExerciseId,
        set.SetNumber, set.WeightKg, set.Reps, set.Rir, set.Notes, set.PerformedAt, set.WorkoutDate, OneRepMax.Epley(set.WeightKg, set.Reps));
}

/// <summary>
/// A set of workout days stored as a bitmap, base64 (bit i, lowest first in each byte, is the first day + i days):
/// exact for sets logged in any order, and a decade of days fits in about 600 characters, so "today", which
/// reads every stat row, stays small.
/// </summary>
public sealed class WorkoutDays
{
    private readonly SortedSet<int> _days = [];

    public int Count => _days.Count;

    public static WorkoutDays Read(string? first, string? bitmap)
    {
        var days = new WorkoutDays();
        if (first is null || string.IsNullOrEmpty(bitmap)) return days;
        var start = DateOnly.ParseExact(first, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture).DayNumber;
        var bytes = Convert.FromBase64String(bitmap);
        for (var i = 0; i < bytes.Length * 8; i++)
            if ((bytes[i / 8] & (1 << (i % 8))) != 0) days._days.Add(start + i);
        return days;
    }

    /// <summary>Adds a day; false when it was there already.</summary>
    public bool Add(DateOnly day) => _days.Add(day.DayNumber);

    public (string? First, string Bitmap) Write()
    {
        if (_days.Count == 0) return (null, "");
        var start = _days.Min;
        var bytes = new byte[(_days.Max - start) / 8 + 1];
        foreach (var day in _days) bytes[(day - start) / 8] |= (byte)(1 << ((day - start) % 8));
        return (TrainingDates.Iso(DateOnly.FromDayNumber(start)), Convert.ToBase64String(bytes));
    }
}

/// <summary>A set as a stat row keeps it: the exercise is the row's own, so it is not repeated per set.</summary>
public sealed record RecentSet(string Id, string ProgramId, string ProgramExerciseId, int SetNumber, double WeightKg, int Reps, int? Rir,
    string? Notes, DateTimeOffset PerformedAt, DateOnly WorkoutDate);

/// <summary>A set number taken on a day (<see cref="TrainingRows.SlotKey"/>): two logs can never share one.</summary>
public sealed class SetSlotEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }
    public string LogId { get; set; } = "";
}

public sealed class SetLogEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }
    public string ProgramId { get; set; } = "";
    public string ProgramExerciseId { get; set; } = "";
    public string ExerciseId { get; set; } = "";
    public string ExerciseName { get; set; } = "";
    public int SetNumber { get; set; }
    public double WeightKg { get; set; }
    public int Reps { get; set; }
    public int? Rir { get; set; }
    public string? Notes { get; set; }
    public DateTimeOffset PerformedAt { get; set; }
    public string WorkoutDate { get; set; } = "";
    /// <summary>The prescribed exercise's name when this set was done in its place (a swap).</summary>
    public string? SwappedFrom { get; set; }

    public string Id => RowKey[TrainingRows.Log.Length..];

    public RecentSet ToRecentSet() => new(Id, ProgramId, ProgramExerciseId, SetNumber, WeightKg, Reps, Rir, Notes, PerformedAt, DateOnly.Parse(WorkoutDate));

    public SetLog ToDto() => new(Id, ProgramId, ProgramExerciseId, ExerciseId, ExerciseName, SetNumber, WeightKg, Reps, Rir, Notes,
        PerformedAt, DateOnly.Parse(WorkoutDate), OneRepMax.Epley(WeightKg, Reps), SwappedFrom);
}

public sealed class AchievementEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }
    public string Type { get; set; } = "pr";
    public string Title { get; set; } = "";
    public string? Description { get; set; }
    public DateTimeOffset GrantedAt { get; set; }

    public Achievement ToDto() => new(RowKey[TrainingRows.Achievement.Length..], Type, Title, Description, GrantedAt);
}

/// <summary>Another exercise done instead of a prescribed one, for one day (<see cref="TrainingRows.SwapKey"/>).</summary>
public sealed class ExerciseSwapEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }
    public string ExerciseId { get; set; } = "";
    public string ExerciseName { get; set; } = "";
    public string OriginalExerciseName { get; set; } = "";
}

/// <summary>A finished workout (<see cref="TrainingRows.DoneKey"/>): its summary, as the client last finished it.</summary>
public sealed class WorkoutSessionEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }
    public string SummaryJson { get; set; } = "{}";

    public WorkoutSummary Summary() => StoredJson.Deserialize<WorkoutSummary>(SummaryJson);
}
