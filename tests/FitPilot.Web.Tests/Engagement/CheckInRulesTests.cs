using FitPilot.Contracts.Engagement;
using FitPilot.Web.Engagement;

namespace FitPilot.Web.Tests.Engagement;

/// <summary>The check-in rules the browser applies before the API (mirroring it), the builder's list moves and the schedule's words.</summary>
public sealed class CheckInRulesTests
{
    private static CheckInQuestion Q(string id, string type, bool required = true, string[]? choices = null, string? unit = null) =>
        new() { Id = id, Type = type, Text = id, Required = required, Choices = choices, Unit = unit };

    private static readonly CheckInQuestion[] Questions =
    [
        Q("energy", QuestionTypes.Scale), Q("weight", QuestionTypes.Number, unit: "kg"), Q("wins", QuestionTypes.LongText, required: false),
        Q("diet", QuestionTypes.Choice, choices: ["On plan", "Mostly", "Off plan"]), Q("sleep", QuestionTypes.YesNo), Q("photos", QuestionTypes.Photo, required: false),
    ];

    private static Dictionary<string, AnswerDraft> Drafts(Action<Dictionary<string, AnswerDraft>> fill)
    {
        var d = Questions.ToDictionary(q => q.Id, q => AnswerDraft.From(q, null));
        fill(d);
        return d;
    }

    [Fact]
    public void Submitting_needs_every_required_answer_but_a_draft_may_be_partial()
    {
        var empty = Drafts(_ => { });
        Assert.Equal(["diet", "energy", "sleep", "weight"], CheckInAnswers.Validate(Questions, empty, submit: true).Keys.Order());
        Assert.Empty(CheckInAnswers.Validate(Questions, empty, submit: false));
    }

    [Theory]
    [InlineData(0.0, false)]
    [InlineData(1.0, true)]
    [InlineData(10.0, true)]
    [InlineData(11.0, false)]
    [InlineData(5.5, false)]
    public void A_scale_answer_is_a_whole_number_from_1_to_10(double value, bool ok)
    {
        var errors = CheckInAnswers.Validate(Questions, Drafts(d => d["energy"].Number = value), submit: false);
        Assert.Equal(ok, !errors.ContainsKey("energy"));
    }

    [Fact]
    public void A_choice_must_be_one_of_the_questions_options()
    {
        Assert.Equal("Choose one of the options.", CheckInAnswers.Validate(Questions, Drafts(d => d["diet"].Choice = "Sometimes"), submit: false)["diet"]);
        Assert.False(CheckInAnswers.Validate(Questions, Drafts(d => d["diet"].Choice = "Mostly"), submit: false).ContainsKey("diet"));
    }

    [Fact]
    public void The_request_sends_only_the_member_for_each_type_in_question_order_and_leaves_out_blanks()
    {
        var drafts = Drafts(d =>
        {
            d["sleep"].YesNo = false;
            d["energy"].Number = 7;
            d["wins"].Text = "   ";
            d["photos"].PhotoSetDate = new DateOnly(2026, 11, 20);
        });
        var sent = CheckInAnswers.Request(Questions, drafts);
        Assert.Equal(["energy", "sleep", "photos"], sent.Select(a => a.QuestionId));
        Assert.Equal(7, sent[0].Number);
        Assert.False(sent[1].YesNo);
        Assert.Null(sent[1].Number);
        Assert.Equal(new DateOnly(2026, 11, 20), sent[2].PhotoSetDate);
    }

    [Fact]
    public void An_api_error_key_finds_its_question_by_the_index_of_the_answer_sent_or_by_id()
    {
        CheckInAnswer[] sent = [new() { QuestionId = "energy", Number = 7 }, new() { QuestionId = "diet", Choice = "x" }];
        Assert.Equal("diet", CheckInAnswers.QuestionOf("answers[1].choice", Questions, sent));
        Assert.Equal("diet", CheckInAnswers.QuestionOf("Answers[1]", Questions, sent));
        Assert.Equal("weight", CheckInAnswers.QuestionOf("weight", Questions, sent));
        Assert.Null(CheckInAnswers.QuestionOf("answers[5].number", Questions, sent));
        Assert.Null(CheckInAnswers.QuestionOf("answers", Questions, sent));
    }

    [Fact]
    public void Answers_read_as_words()
    {
        Assert.Equal("7 / 10", CheckInAnswers.Show(Questions[0], new CheckInAnswer { QuestionId = "energy", Number = 7 }));
        Assert.Equal("81.5 kg", CheckInAnswers.Show(Questions[1], new CheckInAnswer { QuestionId = "weight", Number = 81.5 }));
        Assert.Equal("No", CheckInAnswers.Show(Questions[4], new CheckInAnswer { QuestionId = "sleep", YesNo = false }));
        Assert.Equal("—", CheckInAnswers.Show(Questions[2], null));
    }

    [Fact]
    public void Moving_a_question_swaps_it_with_its_neighbour_and_stops_at_either_end()
    {
        var list = new List<string> { "a", "b", "c" };
        Assert.True(TemplateBuilder.Move(list, 2, -1));
        Assert.Equal(["a", "c", "b"], list);
        Assert.True(TemplateBuilder.Move(list, 0, 1));
        Assert.Equal(["c", "a", "b"], list);
        Assert.False(TemplateBuilder.Move(list, 0, -1));
        Assert.False(TemplateBuilder.Move(list, 2, 1));
        Assert.Equal(["c", "a", "b"], list);
    }

    [Fact]
    public void The_builder_asks_for_a_name_question_text_and_two_to_twelve_options()
    {
        var choice = new QuestionDraft { Type = QuestionTypes.Choice, Text = "Diet?", ChoicesText = "On plan\n\n" };
        var blank = new QuestionDraft { Text = " " };
        var errors = TemplateBuilder.Check("", [choice, blank]);
        Assert.Equal("Give the template a name.", errors[-1]);
        Assert.Equal("Give 2 to 12 options, one a line.", errors[0]);
        Assert.Equal("Write the question.", errors[1]);
        Assert.Equal("Ask 1 to 30 questions.", TemplateBuilder.Check("Weekly", [])[-1]);
        choice.ChoicesText = "On plan\n Off plan \nOn plan";
        Assert.Empty(TemplateBuilder.Check("Weekly", [choice]));
        Assert.Equal(["On plan", "Off plan"], choice.ToQuestion().Choices);
    }

    [Fact]
    public void A_unit_goes_only_with_a_number_and_options_only_with_a_choice()
    {
        var q = new QuestionDraft { Type = QuestionTypes.Scale, Text = " Energy ", Unit = "kg", ChoicesText = "a\nb" }.ToQuestion();
        Assert.Equal("Energy", q.Text);
        Assert.Null(q.Unit);
        Assert.Null(q.Choices);
        Assert.Equal("kg", new QuestionDraft { Type = QuestionTypes.Number, Text = "Weight", Unit = " kg " }.ToQuestion().Unit);
    }

    [Theory]
    [InlineData(1, "08:00", "Mondays at 08:00")]
    [InlineData(7, "19:30", "Sundays at 19:30")]
    [InlineData(3, "00:05", "Wednesdays at 00:05")]
    public void The_weekly_time_reads_as_words(int day, string time, string expected) => Assert.Equal(expected, CheckInWhen.Weekly(day, time));

    [Theory]
    [InlineData("08:00", true)]
    [InlineData("23:59", true)]
    [InlineData("24:00", false)]
    [InlineData("8:00", false)]
    [InlineData("", false)]
    public void A_time_is_hh_mm(string time, bool ok) => Assert.Equal(ok, CheckInWhen.IsTime(time));

    [Theory]
    [InlineData("13:00:00", "13:00")]
    [InlineData("07:30", "07:30")]
    [InlineData(" 07:30 ", "07:30")]
    [InlineData(null, "")]
    public void A_time_inputs_value_becomes_hh_mm(string? value, string expected) => Assert.Equal(expected, CheckInWhen.ToLocalTime(value));

    [Fact]
    public void The_schedule_names_the_zone_and_the_next_due_date()
    {
        var s = new CheckInSchedule("c1", "t1", "Weekly", 1, "08:00", "Australia/Sydney", new DateOnly(2026, 11, 30));
        Assert.Equal("Mondays at 08:00 (Australia/Sydney) · next on Mon 30 Nov", CheckInWhen.Describe(s));
    }
}
