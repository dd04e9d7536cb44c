using System.Globalization;
using FitPilot.Contracts.Engagement;
using FitPilot.Functions.Common;
using NodaTime;

namespace FitPilot.Functions.CheckIns;

/// <summary>
/// The rules of weekly check-ins, as plain functions of dates and values.
/// <para>Periods: a schedule names an ISO weekday and a local time in the client's time zone. Every such weekday
/// on or after the day it was assigned is a due date; a period is the week that ends on its due date. The
/// client's <em>current</em> check-in is the next due date (today or later), except that a previous one that
/// is not submitted yet stays current (overdue, submitted late) until the next due day comes.</para>
/// <para>The due moment is the due date at the local time, in the client's zone: on a daylight-saving change
/// day a time inside the skipped hour moves forward by the gap, and a time inside the repeated hour is its
/// first occurrence (so a reminder is never sent twice because an hour came twice).</para>
/// </summary>
public static class CheckInRules
{
    public const int MaxQuestions = 30;
    public const int MinChoices = 2;
    public const int MaxChoices = 12;
    public const int MaxScale = 10;
    public const int MinScale = 1;
    /// <summary>All answers' text together (a check-in is stored as one row).</summary>
    public const int MaxAnswerText = 20_000;
    /// <summary>The local hour from which a PT's daily digest may go out.</summary>
    public const int DigestHour = 8;

    /// <summary>ISO weekday: 1 = Monday … 7 = Sunday.</summary>
    public static int IsoDay(DateOnly date) => date.DayOfWeek == DayOfWeek.Sunday ? 7 : (int)date.DayOfWeek;

    /// <summary>The first date on or after <paramref name="from"/> that falls on <paramref name="isoDay"/>.</summary>
    public static DateOnly OnOrAfter(DateOnly from, int isoDay) => from.AddDays(((isoDay - IsoDay(from)) % 7 + 7) % 7);

    /// <summary>The next due date on or after <paramref name="today"/> (never before the schedule's first due date).</summary>
    public static DateOnly NextDue(DateOnly startsOn, int isoDay, DateOnly today) =>
        OnOrAfter(today < startsOn ? startsOn : today, isoDay);

    /// <summary>The due date before <paramref name="today"/>'s next one, null when the schedule did not exist then.</summary>
    public static DateOnly? PreviousDue(DateOnly startsOn, int isoDay, DateOnly today)
    {
        var previous = NextDue(startsOn, isoDay, today).AddDays(-7);
        return previous >= OnOrAfter(startsOn, isoDay) ? previous : null;
    }

    /// <summary>The current period's due date: the previous one while it is not submitted and the next due day has not come, else the next.</summary>
    public static DateOnly CurrentDue(DateOnly startsOn, int isoDay, DateOnly today, Func<DateOnly, bool> submitted)
    {
        var next = NextDue(startsOn, isoDay, today);
        return next != today && PreviousDue(startsOn, isoDay, today) is { } previous && !submitted(previous) ? previous : next;
    }

    /// <summary>The instant of a due date at a local time in a zone (leniently: a skipped time moves forward by the gap, a repeated one is its first occurrence).</summary>
    public static DateTimeOffset DueMoment(DateOnly dueOn, string localTime, string? zone)
    {
        var time = ParseTime(localTime);
        var local = new LocalDateTime(dueOn.Year, dueOn.Month, dueOn.Day, time.Hour, time.Minute);
        return UserTime.Zone(zone).AtLeniently(local).ToDateTimeOffset();
    }

    /// <summary>
    /// Which period's reminder is in play at <paramref name="now"/>: the latest due date whose due moment has passed,
    /// while the client's local date is still inside that period (before the next due day), else none.
    /// </summary>
    public static DateOnly? ReminderDue(DateOnly startsOn, int isoDay, string localTime, string? zone, DateTimeOffset now)
    {
        var today = UserTime.Today(zone, now);
        var next = NextDue(startsOn, isoDay, today);
        if (next == today && DueMoment(next, localTime, zone) <= now) return next;
        var previous = PreviousDue(startsOn, isoDay, today);
        return previous is { } p && DueMoment(p, localTime, zone) <= now && today < p.AddDays(7) ? p : null;
    }

    /// <summary>Submitted after the due day ended in the client's zone.</summary>
    public static bool IsLate(DateOnly dueOn, DateOnly today) => today > dueOn;

    /// <summary>Whether the local time at <paramref name="now"/> in the zone has reached the digest hour, and that local date.</summary>
    public static (bool Reached, DateOnly Date) DigestDay(string? zone, DateTimeOffset now)
    {
        var local = Instant.FromDateTimeOffset(now).InZone(UserTime.Zone(zone));
        return (local.Hour >= DigestHour, new DateOnly(local.Year, local.Month, local.Day));
    }

    public static TimeOnly ParseTime(string localTime) => TimeOnly.ParseExact(localTime, "HH:mm", CultureInfo.InvariantCulture);

    /// <summary>A template's questions: 1–30, unique ids, choice questions with 2–12 distinct choices, other types none, a unit only on numbers.</summary>
    public static Dictionary<string, string[]> Validate(SaveCheckInTemplateRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        var questions = request.Questions ?? [];
        if (questions.Count is 0 or > MaxQuestions) errors["questions"] = [$"Ask 1–{MaxQuestions} questions."];
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < questions.Count && i < MaxQuestions + 1; i++)
        {
            var q = questions[i];
            if (q is null) { errors[$"questions[{i}]"] = ["A question is required."]; continue; }
            if (!seen.Add(q.Id ?? "")) errors[$"questions[{i}].id"] = ["Each question needs its own id."];
            var choices = q.Choices ?? [];
            if (q.Type == QuestionTypes.Choice)
            {
                if (choices.Count is < MinChoices or > MaxChoices) errors[$"questions[{i}].choices"] = [$"A choice question needs {MinChoices}–{MaxChoices} choices."];
                else if (choices.Select(c => c.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).Count() != choices.Count) errors[$"questions[{i}].choices"] = ["Each choice must differ from the others."];
            }
            else if (choices.Count > 0) errors[$"questions[{i}].choices"] = ["Only choice questions have choices."];
            if (q.Unit is { Length: > 0 } && q.Type != QuestionTypes.Number) errors[$"questions[{i}].unit"] = ["Only number questions have a unit."];
        }
        return errors;
    }

    /// <summary>
    /// Answers against the questions: each names a question of the check-in (once), holds the member of its type with a
    /// valid value (scale 1–10 whole, choice one of the choices, photo date not in the future); on submit every
    /// required question is answered. Empty answers (no member set) are allowed in a draft.
    /// </summary>
    public static Dictionary<string, string[]> Validate(IReadOnlyList<CheckInQuestion> questions, IReadOnlyList<CheckInAnswer> answers, bool submit, DateOnly today)
    {
        var errors = new Dictionary<string, string[]>();
        var byId = questions.ToDictionary(q => q.Id, StringComparer.Ordinal);
        var answered = new HashSet<string>(StringComparer.Ordinal);
        var text = 0;
        for (var i = 0; i < answers.Count; i++)
        {
            var a = answers[i];
            var field = $"answers[{i}]";
            if (a is null) { errors[field] = ["An answer is required."]; continue; }
            if (!byId.TryGetValue(a.QuestionId ?? "", out var q)) { errors[field + ".questionId"] = ["This check-in has no such question."]; continue; }
            if (!answered.Add(q.Id)) { errors[field + ".questionId"] = ["Answer each question once."]; continue; }
            text += a.Text?.Length ?? 0;
            var problem = Problem(q, a, today);
            if (problem is not null) errors[problem.Value.Member is { } m ? $"{field}.{m}" : field] = [problem.Value.Message];
        }
        if (text > MaxAnswerText) errors["answers"] = [$"Keep the answers under {MaxAnswerText:N0} characters in all."];
        if (submit)
            foreach (var q in questions.Where(q => q.Required))
                if (!answers.Any(a => a is not null && a.QuestionId == q.Id && HasValue(q, a)))
                    errors.TryAdd($"answers.{q.Id}", ["Answer this question."]);
        return errors;
    }

    /// <summary>Whether the answer holds a value for its question's type (blank text is no answer).</summary>
    public static bool HasValue(CheckInQuestion q, CheckInAnswer a) => q.Type switch
    {
        QuestionTypes.Scale or QuestionTypes.Number => a.Number is not null,
        QuestionTypes.ShortText or QuestionTypes.LongText => !string.IsNullOrWhiteSpace(a.Text),
        QuestionTypes.YesNo => a.YesNo is not null,
        QuestionTypes.Choice => !string.IsNullOrWhiteSpace(a.Choice),
        QuestionTypes.Photo => a.PhotoSetDate is not null,
        _ => false,
    };

    private static (string? Member, string Message)? Problem(CheckInQuestion q, CheckInAnswer a, DateOnly today)
    {
        var others = q.Type switch
        {
            QuestionTypes.Scale or QuestionTypes.Number => a.Text is not null || a.YesNo is not null || a.Choice is not null || a.PhotoSetDate is not null,
            QuestionTypes.ShortText or QuestionTypes.LongText => a.Number is not null || a.YesNo is not null || a.Choice is not null || a.PhotoSetDate is not null,
            QuestionTypes.YesNo => a.Number is not null || a.Text is not null || a.Choice is not null || a.PhotoSetDate is not null,
            QuestionTypes.Choice => a.Number is not null || a.Text is not null || a.YesNo is not null || a.PhotoSetDate is not null,
            _ => a.Number is not null || a.Text is not null || a.YesNo is not null || a.Choice is not null,
        };
        if (others) return (null, $"Answer a {q.Type} question with its own kind of value only.");
        switch (q.Type)
        {
            case QuestionTypes.Scale when a.Number is { } n && (n < MinScale || n > MaxScale || n != Math.Floor(n)):
                return ("number", $"Choose a whole number from {MinScale} to {MaxScale}.");
            case QuestionTypes.ShortText when a.Text is { Length: > 200 }:
                return ("text", "Keep a short answer under 200 characters.");
            case QuestionTypes.Choice when a.Choice is { } c && !(q.Choices ?? []).Contains(c, StringComparer.Ordinal):
                return ("choice", "Choose one of the question's choices.");
            case QuestionTypes.Photo when a.PhotoSetDate is { } d && d > today:
                return ("photoSetDate", "A photo set cannot be from the future.");
            default:
                return null;
        }
    }
}
