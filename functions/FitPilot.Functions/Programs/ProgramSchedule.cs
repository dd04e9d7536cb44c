using FitPilot.Contracts.Common;
using FitPilot.Contracts.Programs;
using FitPilot.Functions.Common;

namespace FitPilot.Functions.Programs;

/// <summary>Where a program stands in time: its status, dates, how far its weekly grid is shifted, when it was paused.</summary>
public sealed record ScheduleState(string Status, DateOnly? Start, DateOnly? End, int OffsetDays, DateOnly? PausedOn);

/// <summary>
/// The rules of a program's schedule, as plain functions: which grid day a date is, whether the
/// program runs on a date, and what pausing, resuming, pushing back and ending do.
/// </summary>
public static class ProgramSchedule
{
    /// <summary>Which grid day (0 = Sunday … 6) is on a date, for a grid shifted by <paramref name="offsetDays"/>.</summary>
    public static int GridDayFor(DateOnly date, int offsetDays) => (((int)date.DayOfWeek - offsetDays) % 7 + 7) % 7;

    /// <summary>Whether the program runs on a date (a paused program still covers its dates; an ended one none).</summary>
    public static bool Covers(ScheduleState s, DateOnly date) =>
        s.Status != ProgramStatuses.Ended && (s.Start is not { } start || start <= date) && (s.End is not { } end || end >= date);

    public static ScheduleState Pause(ScheduleState s, DateOnly today) =>
        s.Status == ProgramStatuses.Active
            ? s with { Status = ProgramStatuses.Paused, PausedOn = today }
            : throw DomainException.Conflict("Only an active program can be paused.");

    /// <summary>Resuming shifts the rest of the schedule by the days it was paused.</summary>
    public static ScheduleState Resume(ScheduleState s, DateOnly today)
    {
        if (s.Status != ProgramStatuses.Paused || s.PausedOn is not { } pausedOn) throw DomainException.Conflict("This program is not paused.");
        return Shift(s, Math.Max(0, today.DayNumber - pausedOn.DayNumber)) with { Status = ProgramStatuses.Active, PausedOn = null };
    }

    public static ScheduleState PushBack(ScheduleState s, int days) =>
        s.Status == ProgramStatuses.Ended ? throw DomainException.Conflict("This program has ended.") : Shift(s, days);

    public static ScheduleState End(ScheduleState s, DateOnly today) =>
        s.Status == ProgramStatuses.Ended
            ? throw DomainException.Conflict("This program has already ended.")
            : s with { Status = ProgramStatuses.Ended, End = today };

    /// <summary>Moves the dates and the weekly grid by whole days, never past the last date the app accepts.</summary>
    public static ScheduleState Shift(ScheduleState s, int days)
    {
        var last = s.End ?? s.Start;
        if (last is { } l && l.DayNumber + days > DateWindow.Latest.DayNumber)
            throw DomainException.Conflict($"Moving this program by {days} days would take it past {DateWindow.Latest:yyyy-MM-dd}.");
        return s with
        {
            OffsetDays = ((s.OffsetDays + days) % 7 + 7) % 7,
            Start = s.Start?.AddDays(days),
            End = s.End?.AddDays(days),
        };
    }

    /// <summary>The end of a copy of a program that starts on <paramref name="start"/>: as long as the original, inside the accepted dates.</summary>
    public static DateOnly? EndOfCopy(DateOnly? originalStart, DateOnly? originalEnd, DateOnly? start)
    {
        if (start is not { } first || originalStart is not { } s || originalEnd is not { } e) return null;
        var length = e.DayNumber - s.DayNumber;
        return first.DayNumber + length <= DateWindow.Latest.DayNumber
            ? first.AddDays(length)
            : throw DomainException.Invalid("startDate", $"Starting then, this {length + 1}-day program would end after {DateWindow.Latest:yyyy-MM-dd}.");
    }
}
