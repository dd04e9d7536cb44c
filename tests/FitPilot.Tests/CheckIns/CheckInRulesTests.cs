using FitPilot.Contracts.Engagement;
using FitPilot.Functions.CheckIns;

namespace FitPilot.Tests.CheckIns;

/// <summary>Periods, due moments and reminders across time zones and daylight-saving change days; template and answer rules.</summary>
public sealed class CheckInRulesTests
{
    private static DateOnly D(string iso) => DateOnly.Parse(iso);
    private static DateTimeOffset U(string iso) => DateTimeOffset.Parse(iso + "Z");

    [Fact]
    public void The_next_due_date_is_the_weekday_on_or_after_today_and_never_before_the_schedule_started()
    {
        // 2026-11-25 is a Wednesday. Friday = 5, Wednesday = 3, Monday = 1.
        Assert.Equal(D("2026-11-27"), CheckInRules.NextDue(D("2026-11-01"), 5, D("2026-11-25")));
        Assert.Equal(D("2026-11-25"), CheckInRules.NextDue(D("2026-11-01"), 3, D("2026-11-25")));
        Assert.Equal(D("2026-11-30"), CheckInRules.NextDue(D("2026-11-01"), 1, D("2026-11-25")));
        Assert.Equal(D("2026-12-04"), CheckInRules.NextDue(D("2026-11-28"), 5, D("2026-11-25")));
        Assert.Null(CheckInRules.PreviousDue(D("2026-11-25"), 5, D("2026-11-25"))); // assigned today: no earlier period
        Assert.Equal(D("2026-11-20"), CheckInRules.PreviousDue(D("2026-11-16"), 5, D("2026-11-25")));
    }

    [Fact]
    public void An_unsubmitted_previous_check_in_stays_current_until_the_next_due_day()
    {
        var start = D("2026-11-01");
        // Due Fridays; today Wednesday 25th: the 20th was not submitted, so it is current (overdue); submitted, the 27th is.
        Assert.Equal(D("2026-11-20"), CheckInRules.CurrentDue(start, 5, D("2026-11-25"), _ => false));
        Assert.Equal(D("2026-11-27"), CheckInRules.CurrentDue(start, 5, D("2026-11-25"), d => d == D("2026-11-20")));
        // On the next due day the missed one lapses: the new one is due today.
        Assert.Equal(D("2026-11-27"), CheckInRules.CurrentDue(start, 5, D("2026-11-27"), _ => false));
        Assert.True(CheckInRules.IsLate(D("2026-11-20"), D("2026-11-21")));
        Assert.False(CheckInRules.IsLate(D("2026-11-20"), D("2026-11-20")));
    }

    [Fact]
    public void A_due_time_inside_the_repeated_hour_of_Sydneys_April_change_is_its_first_occurrence()
    {
        // Sunday 5 April 2026: at 03:00 AEDT (+11) clocks go back to 02:00 AEST (+10); 02:30 happens twice.
        Assert.Equal(U("2026-04-04T15:30:00"), CheckInRules.DueMoment(D("2026-04-05"), "02:30", "Australia/Sydney"));
        var start = D("2026-03-30");
        Assert.Null(CheckInRules.ReminderDue(start, 7, "02:30", "Australia/Sydney", U("2026-04-04T15:29:00")));
        Assert.Equal(D("2026-04-05"), CheckInRules.ReminderDue(start, 7, "02:30", "Australia/Sydney", U("2026-04-04T15:30:00")));
        // The second 02:30 (AEST) is the same period: the receipt keeps it to one reminder.
        Assert.Equal(D("2026-04-05"), CheckInRules.ReminderDue(start, 7, "02:30", "Australia/Sydney", U("2026-04-04T16:30:00")));
    }

    [Fact]
    public void A_due_time_inside_the_skipped_hour_moves_forward_by_the_gap()
    {
        // Los Angeles, Sunday 8 March 2026: 02:00 PST becomes 03:00 PDT (-7); 02:30 does not exist, 03:30 PDT is 10:30 UTC.
        Assert.Equal(U("2026-03-08T10:30:00"), CheckInRules.DueMoment(D("2026-03-08"), "02:30", "America/Los_Angeles"));
        Assert.Null(CheckInRules.ReminderDue(D("2026-03-01"), 7, "02:30", "America/Los_Angeles", U("2026-03-08T10:29:00")));
        Assert.Equal(D("2026-03-08"), CheckInRules.ReminderDue(D("2026-03-01"), 7, "02:30", "America/Los_Angeles", U("2026-03-08T10:30:00")));
        // Sydney, Sunday 4 October 2026: 02:00 AEST becomes 03:00 AEDT (+11).
        Assert.Equal(U("2026-10-03T16:30:00"), CheckInRules.DueMoment(D("2026-10-04"), "02:30", "Australia/Sydney"));
        // An ordinary day: 18:00 in Sydney in summer (+11) and in LA in winter (-8).
        Assert.Equal(U("2026-11-29T07:00:00"), CheckInRules.DueMoment(D("2026-11-29"), "18:00", "Australia/Sydney"));
        Assert.Equal(U("2026-11-30T02:00:00"), CheckInRules.DueMoment(D("2026-11-29"), "18:00", "America/Los_Angeles"));
    }

    [Fact]
    public void The_same_instant_is_a_different_day_in_Sydney_and_Los_Angeles_and_each_client_is_reminded_by_their_own()
    {
        var start = D("2026-11-01");
        // Sunday 10:00 due. 2026-11-29T20:00Z is Monday 07:00 in Sydney and Sunday 12:00 in Los Angeles.
        var now = U("2026-11-29T20:00:00");
        Assert.Equal(D("2026-11-29"), CheckInRules.ReminderDue(start, 7, "10:00", "Australia/Sydney", now));
        Assert.Equal(D("2026-11-29"), CheckInRules.ReminderDue(start, 7, "10:00", "America/Los_Angeles", now));
        // At 17:00Z it is 09:00 in LA: not yet due there; Sydney's passed at 23:00Z on Saturday.
        Assert.Null(CheckInRules.ReminderDue(start, 7, "10:00", "America/Los_Angeles", U("2026-11-29T17:00:00")));
        Assert.Equal(D("2026-11-29"), CheckInRules.ReminderDue(start, 7, "10:00", "Australia/Sydney", U("2026-11-28T23:00:00")));
        // A week of missed runs: late, the reminder is for the period still open; on the next due day the old one is gone.
        Assert.Equal(D("2026-11-29"), CheckInRules.ReminderDue(start, 7, "10:00", "America/Los_Angeles", U("2026-12-05T20:00:00")));
        Assert.Null(CheckInRules.ReminderDue(start, 7, "10:00", "America/Los_Angeles", U("2026-12-06T17:00:00")));
        Assert.Equal(D("2026-12-06"), CheckInRules.ReminderDue(start, 7, "10:00", "America/Los_Angeles", U("2026-12-06T18:00:00")));
    }

    [Fact]
    public void The_digest_hour_is_8_in_the_PTs_zone()
    {
        Assert.Equal((false, D("2026-11-30")), CheckInRules.DigestDay("Australia/Sydney", U("2026-11-29T20:59:00")));
        Assert.Equal((true, D("2026-11-30")), CheckInRules.DigestDay("Australia/Sydney", U("2026-11-29T21:00:00")));
        Assert.Equal((true, D("2026-11-29")), CheckInRules.DigestDay("America/Los_Angeles", U("2026-11-30T07:59:00")));
    }

    private static CheckInQuestion Q(string id, string type, params string[] choices) =>
        new() { Id = id, Type = type, Text = "Question " + id, Choices = choices.Length == 0 ? null : choices };

    [Fact]
    public void A_template_needs_1_to_30_questions_unique_ids_and_choices_only_on_choice_questions()
    {
        Assert.Contains("questions", CheckInRules.Validate(new SaveCheckInTemplateRequest { Name = "x", Questions = [] }).Keys);
        Assert.Contains("questions", CheckInRules.Validate(new SaveCheckInTemplateRequest { Name = "x", Questions = Enumerable.Range(0, 31).Select(i => Q("q" + i, QuestionTypes.Scale)).ToList() }).Keys);
        var errors = CheckInRules.Validate(new SaveCheckInTemplateRequest
        {
            Name = "x",
            Questions = [Q("a", QuestionTypes.Scale), Q("a", QuestionTypes.YesNo), Q("c", QuestionTypes.Choice, "only"), Q("d", QuestionTypes.ShortText, "x", "y"),
                Q("e", QuestionTypes.Choice, Enumerable.Range(0, 13).Select(i => "c" + i).ToArray()), Q("f", QuestionTypes.Choice, "Yes", "yes")],
        });
        Assert.Equal(["questions[1].id", "questions[2].choices", "questions[3].choices", "questions[4].choices", "questions[5].choices"], errors.Keys.Order().ToArray());
        Assert.Empty(CheckInRules.Validate(new SaveCheckInTemplateRequest { Name = "x", Questions = [Q("a", QuestionTypes.Scale), Q("b", QuestionTypes.Choice, "Good", "Bad")] }));
    }

    [Fact]
    public void Answers_hold_their_types_value_and_a_submit_needs_every_required_question()
    {
        IReadOnlyList<CheckInQuestion> questions = [Q("mood", QuestionTypes.Scale), Q("diet", QuestionTypes.Choice, "Good", "Bad"), Q("sleep", QuestionTypes.Number) with { Required = false },
            Q("photo", QuestionTypes.Photo) with { Required = false }, Q("win", QuestionTypes.ShortText)];
        var today = D("2026-11-25");
        var bad = CheckInRules.Validate(questions, [
            new CheckInAnswer { QuestionId = "mood", Number = 11 }, new CheckInAnswer { QuestionId = "diet", Choice = "Great" },
            new CheckInAnswer { QuestionId = "sleep", Text = "seven" }, new CheckInAnswer { QuestionId = "photo", PhotoSetDate = today.AddDays(1) },
            new CheckInAnswer { QuestionId = "nope", Number = 1 }], submit: false, today);
        Assert.Equal(["answers[0].number", "answers[1].choice", "answers[2]", "answers[3].photoSetDate", "answers[4].questionId"], bad.Keys.Order().ToArray());
        Assert.Contains("answers[0].number", CheckInRules.Validate(questions, [new CheckInAnswer { QuestionId = "mood", Number = 7.5 }], false, today).Keys);

        IReadOnlyList<CheckInAnswer> partial = [new CheckInAnswer { QuestionId = "mood", Number = 7 }];
        Assert.Empty(CheckInRules.Validate(questions, partial, submit: false, today)); // a draft may be partial
        Assert.Equal(["answers.diet", "answers.win"], CheckInRules.Validate(questions, partial, submit: true, today).Keys.Order().ToArray());
        Assert.Empty(CheckInRules.Validate(questions, [.. partial, new CheckInAnswer { QuestionId = "diet", Choice = "Good" }, new CheckInAnswer { QuestionId = "win", Text = "PB!" }], true, today));
    }
}
