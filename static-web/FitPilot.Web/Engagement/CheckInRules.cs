using System.Globalization;
using System.Text.RegularExpressions;
using FitPilot.Contracts.Engagement;

namespace FitPilot.Web.Engagement;

/// <summary>One answer as the client's form holds it (the member that matches the question's type is used).</summary>
public sealed class AnswerDraft
{
    public required string QuestionId { get; init; }
    public double? Number { get; set; }
    public string? Text { get; set; }
    public bool? YesNo { get; set; }
    public string? Choice { get; set; }
    public DateOnly? PhotoSetDate { get; set; }

    public static AnswerDraft From(CheckInQuestion q, CheckInAnswer? a) => new()
    {
        QuestionId = q.Id, Number = a?.Number, Text = a?.Text, YesNo = a?.YesNo, Choice = a?.Choice, PhotoSetDate = a?.PhotoSetDate,
    };

    /// <summary>True when nothing is given for the question's type.</summary>
    public bool IsEmpty(string type) => type switch
    {
        QuestionTypes.Scale or QuestionTypes.Number => Number is null,
        QuestionTypes.ShortText or QuestionTypes.LongText => string.IsNullOrWhiteSpace(Text),
        QuestionTypes.YesNo => YesNo is null,
        QuestionTypes.Choice => string.IsNullOrEmpty(Choice),
        QuestionTypes.Photo => PhotoSetDate is null,
        _ => true,
    };

    /// <summary>The contract answer, with only the member for the question's type (null when nothing is given).</summary>
    public CheckInAnswer? ToAnswer(string type) => IsEmpty(type) ? null : type switch
    {
        QuestionTypes.Scale or QuestionTypes.Number => new CheckInAnswer { QuestionId = QuestionId, Number = Number },
        QuestionTypes.ShortText or QuestionTypes.LongText => new CheckInAnswer { QuestionId = QuestionId, Text = Text!.Trim() },
        QuestionTypes.YesNo => new CheckInAnswer { QuestionId = QuestionId, YesNo = YesNo },
        QuestionTypes.Choice => new CheckInAnswer { QuestionId = QuestionId, Choice = Choice },
        _ => new CheckInAnswer { QuestionId = QuestionId, PhotoSetDate = PhotoSetDate },
    };
}

/// <summary>The check-in answer rules the API applies, checked in the browser first, and the API's error keys mapped back to questions.</summary>
public static class CheckInAnswers
{
    /// <summary>The answers to send, in the questions' order, leaving out unanswered ones.</summary>
    public static List<CheckInAnswer> Request(IReadOnlyList<CheckInQuestion> questions, IReadOnlyDictionary<string, AnswerDraft> drafts) =>
        questions.Select(q => drafts.TryGetValue(q.Id, out var d) ? d.ToAnswer(q.Type) : null).OfType<CheckInAnswer>().ToList();

    /// <summary>
    /// What is wrong with each answer, by question id: a required question left empty (on submit only; a draft may be partial),
    /// a scale outside the whole numbers 1–10, a choice that is not one of the question's, a number out of range, text too long.
    /// </summary>
    public static Dictionary<string, string> Validate(IReadOnlyList<CheckInQuestion> questions, IReadOnlyDictionary<string, AnswerDraft> drafts, bool submit)
    {
        var errors = new Dictionary<string, string>();
        foreach (var q in questions)
        {
            var d = drafts.GetValueOrDefault(q.Id);
            if (d is null || d.IsEmpty(q.Type))
            {
                if (submit && q.Required) errors[q.Id] = q.Type is QuestionTypes.YesNo or QuestionTypes.Choice or QuestionTypes.Scale or QuestionTypes.Photo ? "Choose an answer." : "Answer this question.";
                continue;
            }
            var error = q.Type switch
            {
                QuestionTypes.Scale when d.Number is not { } n || n < 1 || n > 10 || n != Math.Floor(n) => "Choose a whole number from 1 to 10.",
                QuestionTypes.Number when Math.Abs(d.Number!.Value) > 1_000_000 => "Enter a number between -1,000,000 and 1,000,000.",
                QuestionTypes.Choice when q.Choices is null || !q.Choices.Contains(d.Choice!) => "Choose one of the options.",
                QuestionTypes.ShortText or QuestionTypes.LongText when d.Text!.Trim().Length > 4000 => "Keep it to 4,000 characters.",
                _ => null,
            };
            if (error is not null) errors[q.Id] = error;
        }
        return errors;
    }

    private static readonly Regex Indexed = new(@"^\$?\.?answers\[(\d+)\]", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    /// <summary>
    /// The question an API error key is about: "answers[2].number" names the third answer sent, a key that is a question's id
    /// names that question; null otherwise (shown above the form).
    /// </summary>
    public static string? QuestionOf(string key, IReadOnlyList<CheckInQuestion> questions, IReadOnlyList<CheckInAnswer> sent)
    {
        var m = Indexed.Match(key);
        if (m.Success && int.TryParse(m.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var i))
            return i < sent.Count ? sent[i].QuestionId : null;
        return questions.FirstOrDefault(q => string.Equals(q.Id, key, StringComparison.OrdinalIgnoreCase))?.Id;
    }

    /// <summary>An answer as words, for the history and the PT's review ("—" when unanswered).</summary>
    public static string Show(CheckInQuestion q, CheckInAnswer? a)
    {
        if (a is null) return "—";
        return q.Type switch
        {
            QuestionTypes.Scale => a.Number is { } s ? $"{s:0} / 10" : "—",
            QuestionTypes.Number => a.Number is { } n ? $"{n.ToString("#,0.##", CultureInfo.InvariantCulture)}{(string.IsNullOrWhiteSpace(q.Unit) ? "" : " " + q.Unit)}" : "—",
            QuestionTypes.YesNo => a.YesNo is { } y ? (y ? "Yes" : "No") : "—",
            QuestionTypes.Choice => a.Choice ?? "—",
            QuestionTypes.Photo => a.PhotoSetDate is { } p ? "Photos of " + p.ToString("d MMM yyyy", CultureInfo.InvariantCulture) : "—",
            _ => string.IsNullOrWhiteSpace(a.Text) ? "—" : a.Text,
        };
    }

    public static string TypeName(string type) => type switch
    {
        QuestionTypes.Scale => "Scale 1–10",
        QuestionTypes.Number => "Number",
        QuestionTypes.ShortText => "Short text",
        QuestionTypes.LongText => "Long text",
        QuestionTypes.YesNo => "Yes / no",
        QuestionTypes.Choice => "Choice",
        QuestionTypes.Photo => "Progress photos",
        _ => type,
    };

    public static readonly string[] Types =
        [QuestionTypes.Scale, QuestionTypes.Number, QuestionTypes.ShortText, QuestionTypes.LongText, QuestionTypes.YesNo, QuestionTypes.Choice, QuestionTypes.Photo];
}

/// <summary>The weekly day and time of a check-in, in words.</summary>
public static class CheckInWhen
{
    /// <summary>ISO weekday: 1 = Monday … 7 = Sunday.</summary>
    public static string Weekday(int isoDay) => isoDay is >= 1 and <= 7
        ? CultureInfo.InvariantCulture.DateTimeFormat.GetDayName((DayOfWeek)(isoDay % 7))
        : "?";

    /// <summary>"Mondays at 08:00".</summary>
    public static string Weekly(int isoDay, string localTime) => $"{Weekday(isoDay)}s at {localTime}";

    /// <summary>"Mondays at 08:00 (Australia/Sydney) · next on Mon 30 Nov".</summary>
    public static string Describe(CheckInSchedule s) =>
        $"{Weekly(s.DayOfWeek, s.LocalTime)} ({s.TimeZone}) · next on {s.NextDueOn.ToString("ddd d MMM", CultureInfo.InvariantCulture)}";

    /// <summary>A time the API accepts: "HH:mm", 00:00–23:59.</summary>
    /// <summary>A time input's value as the API's "HH:mm": browsers may add seconds ("13:00:00") or send it empty.</summary>
    public static string ToLocalTime(string? value) =>
        value is { Length: 8 } && Regex.IsMatch(value, "^[0-2][0-9]:[0-5][0-9]:[0-5][0-9]$") ? value[..5] : value?.Trim() ?? "";

    public static bool IsTime(string? text) => text is not null && Regex.IsMatch(text, "^([01][0-9]|2[0-3]):[0-5][0-9]$");
}

/// <summary>One question in the PT's template builder.</summary>
public sealed class QuestionDraft
{
    public string Id { get; set; } = NewId();
    public string Type { get; set; } = QuestionTypes.Scale;
    public string Text { get; set; } = "";
    public string? Unit { get; set; }
    /// <summary>One option a line.</summary>
    public string ChoicesText { get; set; } = "";
    public bool Required { get; set; } = true;

    public static string NewId() => "q-" + Guid.NewGuid().ToString("N")[..10];

    public static QuestionDraft From(CheckInQuestion q) => new()
    {
        Id = q.Id, Type = q.Type, Text = q.Text, Unit = q.Unit, ChoicesText = string.Join('\n', q.Choices ?? []), Required = q.Required,
    };

    public List<string> Choices() => ChoicesText.Split('\n').Select(c => c.Trim()).Where(c => c.Length > 0).Distinct().ToList();

    public CheckInQuestion ToQuestion() => new()
    {
        Id = Id, Type = Type, Text = Text.Trim(), Required = Required,
        Unit = Type == QuestionTypes.Number && !string.IsNullOrWhiteSpace(Unit) ? Unit.Trim() : null,
        Choices = Type == QuestionTypes.Choice ? Choices() : null,
    };
}

/// <summary>The template builder's list operations and its own checks before the API's.</summary>
public static class TemplateBuilder
{
    /// <summary>Moves the item at <paramref name="index"/> by <paramref name="by"/> places (−1 up, +1 down); false at either end.</summary>
    public static bool Move<T>(IList<T> items, int index, int by)
    {
        var to = index + by;
        if (index < 0 || index >= items.Count || to < 0 || to >= items.Count) return false;
        (items[index], items[to]) = (items[to], items[index]);
        return true;
    }

    public static SaveCheckInTemplateRequest Request(string name, IEnumerable<QuestionDraft> questions) =>
        new() { Name = name.Trim(), Questions = questions.Select(q => q.ToQuestion()).ToList() };

    /// <summary>What to fix first, by question index (-1 for the template itself): a name, 1–30 questions, text, 2–12 choices.</summary>
    public static Dictionary<int, string> Check(string name, IReadOnlyList<QuestionDraft> questions)
    {
        var errors = new Dictionary<int, string>();
        if (string.IsNullOrWhiteSpace(name)) errors[-1] = "Give the template a name.";
        else if (questions.Count is 0 or > 30) errors[-1] = "Ask 1 to 30 questions.";
        for (var i = 0; i < questions.Count; i++)
        {
            var q = questions[i];
            if (string.IsNullOrWhiteSpace(q.Text)) errors[i] = "Write the question.";
            else if (q.Type == QuestionTypes.Choice && q.Choices().Count is < 2 or > 12) errors[i] = "Give 2 to 12 options, one a line.";
        }
        return errors;
    }
}
