using FitPilot.Contracts.Programs;
using FitPilot.Functions.Common;
using FitPilot.Functions.Programs;

namespace FitPilot.Tests.Programs;

/// <summary>The schedule rules on their own: no storage, no HTTP.</summary>
public sealed class ProgramScheduleTests
{
    private static readonly DateOnly Monday = new(2026, 11, 23);
    private static ScheduleState Active(DateOnly? start = null, DateOnly? end = null, int offset = 0) => new(ProgramStatuses.Active, start, end, offset, null);

    [Theory]
    [InlineData("2026-11-22", 0, 0)] // a Sunday is grid day 0
    [InlineData("2026-11-23", 0, 1)]
    [InlineData("2026-11-28", 0, 6)]
    [InlineData("2026-11-23", 1, 0)] // pushed back a day: Monday does Sunday's workout
    [InlineData("2026-11-22", 3, 4)]
    public void The_grid_day_of_a_date_follows_the_weekday_and_the_shift(string date, int offset, int expected) =>
        Assert.Equal(expected, ProgramSchedule.GridDayFor(DateOnly.Parse(date), offset));

    [Fact]
    public void A_program_covers_its_dates_even_paused_and_none_once_ended()
    {
        var s = Active(Monday, Monday.AddDays(27));
        Assert.False(ProgramSchedule.Covers(s, Monday.AddDays(-1)));
        Assert.True(ProgramSchedule.Covers(s, Monday));
        Assert.True(ProgramSchedule.Covers(s, Monday.AddDays(27)));
        Assert.False(ProgramSchedule.Covers(s, Monday.AddDays(28)));
        Assert.True(ProgramSchedule.Covers(s with { Status = ProgramStatuses.Paused }, Monday.AddDays(3)));
        Assert.False(ProgramSchedule.Covers(s with { Status = ProgramStatuses.Ended }, Monday.AddDays(3)));
        Assert.True(ProgramSchedule.Covers(Active(), new DateOnly(2099, 1, 1)));
    }

    [Fact]
    public void Pausing_then_resuming_shifts_dates_and_grid_by_the_days_paused()
    {
        var paused = ProgramSchedule.Pause(Active(Monday, Monday.AddDays(27)), Monday.AddDays(2));
        Assert.Equal((ProgramStatuses.Paused, (DateOnly?)Monday.AddDays(2)), (paused.Status, paused.PausedOn));
        var resumed = ProgramSchedule.Resume(paused, Monday.AddDays(5));
        Assert.Equal(ProgramStatuses.Active, resumed.Status);
        Assert.Null(resumed.PausedOn);
        Assert.Equal((Monday.AddDays(3), Monday.AddDays(30), 3), (resumed.Start!.Value, resumed.End!.Value, resumed.OffsetDays));
        // A week is a whole turn of the grid.
        Assert.Equal(0, ProgramSchedule.Resume(ProgramSchedule.Pause(Active(), Monday), Monday.AddDays(7)).OffsetDays);
    }

    [Fact]
    public void Status_changes_that_do_not_apply_are_conflicts()
    {
        Assert.Equal(DomainErrorKind.Conflict, Assert.Throws<DomainException>(() => ProgramSchedule.Resume(Active(), Monday)).Kind);
        var paused = ProgramSchedule.Pause(Active(), Monday);
        Assert.Throws<DomainException>(() => ProgramSchedule.Pause(paused, Monday));
        var ended = ProgramSchedule.End(Active(Monday), Monday.AddDays(3));
        Assert.Equal((ProgramStatuses.Ended, (DateOnly?)Monday.AddDays(3)), (ended.Status, ended.End));
        Assert.Throws<DomainException>(() => ProgramSchedule.End(ended, Monday.AddDays(4)));
        Assert.Throws<DomainException>(() => ProgramSchedule.PushBack(ended, 1));
    }

    [Fact]
    public void Pushing_back_moves_dates_and_grid_and_never_past_the_last_accepted_date()
    {
        var pushed = ProgramSchedule.PushBack(Active(Monday, Monday.AddDays(6), offset: 6), 3);
        Assert.Equal((Monday.AddDays(3), Monday.AddDays(9), 2), (pushed.Start!.Value, pushed.End!.Value, pushed.OffsetDays));
        var late = Active(new DateOnly(2099, 12, 1), new DateOnly(2099, 12, 30));
        Assert.Equal(new DateOnly(2099, 12, 31), ProgramSchedule.PushBack(late, 1).End);
        Assert.Equal(DomainErrorKind.Conflict, Assert.Throws<DomainException>(() => ProgramSchedule.PushBack(late, 2)).Kind);
    }

    [Fact]
    public void A_copy_keeps_the_length_of_the_original_inside_the_accepted_dates()
    {
        Assert.Equal(Monday.AddDays(34), ProgramSchedule.EndOfCopy(Monday, Monday.AddDays(27), Monday.AddDays(7)));
        Assert.Null(ProgramSchedule.EndOfCopy(Monday, null, Monday.AddDays(7)));
        Assert.Null(ProgramSchedule.EndOfCopy(Monday, Monday.AddDays(27), null));
        Assert.Equal(DomainErrorKind.Invalid, Assert.Throws<DomainException>(() => ProgramSchedule.EndOfCopy(Monday, Monday.AddDays(27), new DateOnly(2099, 12, 25))).Kind);
    }
}
