using System.Globalization;
using Azure;
using Azure.Data.Tables;
using FitPilot.Contracts.Engagement;

namespace FitPilot.Functions.Habits;

/// <summary>
/// Table <c>habits</c>, PartitionKey = the client: their habits (<c>habit|{id}</c>) and one row per habit and
/// ticked day (<c>tick|{habitId}|{yyyy-MM-dd}</c>), so a tick is idempotent and a client's page is one query.
/// </summary>
public static class HabitRows
{
    public const string Habit = "habit|";
    public const string Tick = "tick|";

    public static string HabitKey(string habitId) => Habit + habitId;
    public static string TickPrefix(string habitId) => $"{Tick}{habitId}|";
    public static string TickKey(string habitId, DateOnly date) => TickPrefix(habitId) + Iso(date);

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    public static DateOnly? Date(string? iso) => iso is null ? null : DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}

public sealed class HabitEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }
    public string TrainerId { get; set; } = "";
    public string Title { get; set; } = "";
    public int? TimesPerWeek { get; set; }
    public string? StartsOn { get; set; }
    public string? EndsOn { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    [System.Runtime.Serialization.IgnoreDataMember] public string Id => RowKey[HabitRows.Habit.Length..];

    public Habit ToDto() => new(Id, Title, TimesPerWeek, HabitRows.Date(StartsOn), HabitRows.Date(EndsOn), CreatedAt);

    public void Apply(SaveHabitRequest request)
    {
        Title = request.Title.Trim();
        TimesPerWeek = request.TimesPerWeek;
        StartsOn = request.StartsOn is { } s ? HabitRows.Iso(s) : null;
        EndsOn = request.EndsOn is { } e ? HabitRows.Iso(e) : null;
    }
}

public sealed class HabitTickEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }
    public string HabitId { get; set; } = "";
    public string Date { get; set; } = "";
    public DateTimeOffset TickedAt { get; set; }
}
