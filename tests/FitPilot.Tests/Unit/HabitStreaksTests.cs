using FitPilot.Functions.Common;
using FitPilot.Functions.Habits;

namespace FitPilot.Tests.Unit;

public sealed class HabitStreaksTests
{
    // A Wednesday.
    private static readonly DateOnly Today = new(2026, 3, 11);

    private static DateOnly[] Days(params int[] daysAgo) => daysAgo.Select(d => Today.AddDays(-d)).ToArray();

    [Fact]
    public void A_daily_streak_ends_today_when_today_is_ticked()
    {
        var r = HabitStreaks.Compute(null, null, null, Days(0, 1, 2, 4), Today);
        Assert.Equal((3, 3, "days", true, true), (r.CurrentStreak, r.BestStreak, r.Unit, r.DoneToday, r.DoneYesterday));
    }

    [Fact]
    public void A_daily_streak_still_counts_from_yesterday_while_today_is_not_ticked()
    {
        var r = HabitStreaks.Compute(null, null, null, Days(1, 2, 3), Today);
        Assert.Equal((3, false, true), (r.CurrentStreak, r.DoneToday, r.DoneYesterday));
    }

    [Fact]
    public void A_gap_breaks_the_daily_streak_but_the_best_one_is_kept()
    {
        var r = HabitStreaks.Compute(null, null, null, Days(2, 3, 5, 6, 7, 8, 9), Today);
        Assert.Equal((0, 5), (r.CurrentStreak, r.BestStreak));
    }

    [Fact]
    public void Ticks_before_the_start_or_after_the_end_do_not_count_and_an_ended_habit_keeps_the_streak_of_its_last_days()
    {
        var r = HabitStreaks.Compute(null, Today.AddDays(-3), null, Days(1, 2, 3, 4, 5), Today);
        Assert.Equal((3, 3), (r.CurrentStreak, r.BestStreak));
        var ended = HabitStreaks.Compute(null, null, Today.AddDays(-5), Days(0, 1, 5, 6), Today);
        Assert.Equal((2, 2), (ended.CurrentStreak, ended.BestStreak));
        Assert.DoesNotContain(Today, ended.DoneDays);
    }

    [Fact]
    public void This_weeks_completion_of_a_daily_habit_counts_its_days_in_range()
    {
        // Monday and Wednesday of this ISO week, plus last Sunday (the week before).
        var r = HabitStreaks.Compute(null, null, null, Days(0, 2, 3), Today);
        Assert.Equal((2, 7), (r.DoneThisWeek, r.TargetThisWeek));
        var starting = HabitStreaks.Compute(null, Today.AddDays(-1), null, Days(0), Today);
        Assert.Equal((1, 6), (starting.DoneThisWeek, starting.TargetThisWeek));
    }

    [Fact]
    public void A_weekly_habit_counts_weeks_with_the_target_met_and_the_current_week_does_not_break_it_while_in_progress()
    {
        var monday = HabitStreaks.WeekStart(Today);
        Assert.Equal(new DateOnly(2026, 3, 9), monday);
        // Three weeks before this one met 3×, this week has 1 so far.
        var ticks = new[] { -7, -6, -5, -14, -12, -10, -21, -20, -19 }.Select(d => monday.AddDays(d)).Append(monday).ToArray();
        var r = HabitStreaks.Compute(3, null, null, ticks, Today);
        Assert.Equal((3, 3, "weeks", 1, 3), (r.CurrentStreak, r.BestStreak, r.Unit, r.DoneThisWeek, r.TargetThisWeek));
        // Met this week too: it counts at once.
        var met = HabitStreaks.Compute(3, null, null, ticks.Append(monday.AddDays(1)).Append(monday.AddDays(2)).ToArray(), Today);
        Assert.Equal((4, 4), (met.CurrentStreak, met.BestStreak));
    }

    [Fact]
    public void A_missed_week_breaks_a_weekly_streak()
    {
        var monday = HabitStreaks.WeekStart(Today);
        var ticks = new[] { -7, -6, -21, -20, -28, -27 }.Select(d => monday.AddDays(d)).ToArray();
        var r = HabitStreaks.Compute(2, null, null, ticks, Today);
        Assert.Equal((1, 2), (r.CurrentStreak, r.BestStreak));
    }

    [Fact]
    public void A_week_cut_by_the_start_asks_for_no_more_than_its_days()
    {
        // Starts on Sunday of last week: that one day meets a 3×-a-week target.
        var monday = HabitStreaks.WeekStart(Today);
        var r = HabitStreaks.Compute(3, monday.AddDays(-1), null, [monday.AddDays(-1)], Today);
        Assert.Equal(1, r.CurrentStreak);
        // A habit that has not started yet has no streak.
        Assert.Equal(0, HabitStreaks.Compute(3, Today.AddDays(10), null, [], Today).CurrentStreak);
    }

    [Fact]
    public void Done_days_are_the_last_28_oldest_first()
    {
        var r = HabitStreaks.Compute(null, null, null, Days(0, 30, 27, 5), Today);
        Assert.Equal(Days(27, 5, 0), r.DoneDays);
    }

    [Fact]
    public void Today_is_the_clients_own_across_the_date_line()
    {
        // 20:00 UTC on 10 March is already 11 March in Sydney and still 10 March in Los Angeles.
        var now = new DateTimeOffset(2026, 3, 10, 20, 0, 0, TimeSpan.Zero);
        var ticks = new[] { new DateOnly(2026, 3, 11), new DateOnly(2026, 3, 10) };
        var sydney = HabitStreaks.Compute(null, null, null, ticks, UserTime.Today("Australia/Sydney", now));
        var losAngeles = HabitStreaks.Compute(null, null, null, ticks, UserTime.Today("America/Los_Angeles", now));
        Assert.Equal((true, 2), (sydney.DoneToday, sydney.CurrentStreak));
        // Tomorrow's tick (there) does not count yet.
        Assert.Equal((true, 1), (losAngeles.DoneToday, losAngeles.CurrentStreak));
    }

    [Fact]
    public void Completion_counts_due_days_inside_the_window_and_the_habits_dates()
    {
        // 2026-03-11 is a Wednesday. A daily habit from 2 days ago, ticked today and 5 days ago (before it started).
        Assert.Equal((3, 1), HabitStreaks.Completion(null, Today.AddDays(-2), null, Days(0, 5), Today.AddDays(-6), Today));
        // Ended yesterday: today is not due.
        Assert.Equal((5, 2), HabitStreaks.Completion(null, null, Today.AddDays(-1), Days(1, 3, 0), Today.AddDays(-5), Today));
        // Nothing due in the window.
        Assert.Equal((0, 0), HabitStreaks.Completion(null, Today.AddDays(1), null, [], Today.AddDays(-6), Today));
    }

    [Fact]
    public void Completion_of_a_weekly_target_is_per_iso_week_and_extra_ticks_do_not_carry_over()
    {
        var monday = HabitStreaks.WeekStart(Today); // 2026-03-09
        // Window: Thursday last week .. Wednesday. Last week's part (Thu–Sun, 4 days) asks for 3, this week's (Mon–Wed) for 3.
        var from = monday.AddDays(-4);
        var ticks = new[] { monday.AddDays(-4), monday.AddDays(-3), monday.AddDays(-2), monday.AddDays(-1), monday };
        // Last week: 4 ticks, 3 count; this week: 1 of 3.
        Assert.Equal((6, 4), HabitStreaks.Completion(3, null, null, ticks, from, Today));
        // A window of one day asks for one tick, not three.
        Assert.Equal((1, 1), HabitStreaks.Completion(3, null, null, [Today], Today, Today));
    }
}
