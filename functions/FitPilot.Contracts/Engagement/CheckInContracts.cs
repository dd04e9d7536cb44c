using System.ComponentModel.DataAnnotations;
using FitPilot.Contracts.Common;

namespace FitPilot.Contracts.Engagement;

/// <summary>The kinds of question a check-in template can ask.</summary>
public static class QuestionTypes
{
    /// <summary>1–10.</summary>
    public const string Scale = "scale";
    /// <summary>A number, with the question's <see cref="CheckInQuestion.Unit"/>.</summary>
    public const string Number = "number";
    public const string ShortText = "short-text";
    public const string LongText = "long-text";
    public const string YesNo = "yes-no";
    /// <summary>One of the question's <see cref="CheckInQuestion.Choices"/>.</summary>
    public const string Choice = "choice";
    /// <summary>Links to a progress photo set (its date).</summary>
    public const string Photo = "photo";
}

/// <summary>Where a check-in is: answered in part (draft), submitted and awaiting the PT (pending), answered by the PT (reviewed).</summary>
public static class CheckInStatuses
{
    public const string Draft = "draft";
    public const string Pending = "pending";
    public const string Reviewed = "reviewed";
}

/// <summary>One question of a template, in order. <see cref="Id"/> is made by the builder (stable across edits, so answers match).</summary>
public sealed record CheckInQuestion
{
    [Required, RegularExpression("^[A-Za-z0-9-]{1,40}$", ErrorMessage = "Use letters, digits and dashes.")] public required string Id { get; init; }
    [Required, AllowedValues(QuestionTypes.Scale, QuestionTypes.Number, QuestionTypes.ShortText, QuestionTypes.LongText, QuestionTypes.YesNo, QuestionTypes.Choice, QuestionTypes.Photo,
        ErrorMessage = "Choose scale, number, short-text, long-text, yes-no, choice or photo.")]
    public required string Type { get; init; }
    [Required, StringLength(200, MinimumLength = 1)] public required string Text { get; init; }
    /// <summary>For number questions, e.g. "kg", "hours".</summary>
    [StringLength(20)] public string? Unit { get; init; }
    /// <summary>For choice questions: 2–12 options.</summary>
    [ListLimits(12, 80)] public IReadOnlyList<string>? Choices { get; init; }
    public bool Required { get; init; } = true;
}

public sealed record SaveCheckInTemplateRequest
{
    [Required, StringLength(100, MinimumLength = 1)] public required string Name { get; init; }
    /// <summary>1–30 questions.</summary>
    [Required] public required IReadOnlyList<CheckInQuestion> Questions { get; init; }
}

public sealed record CheckInTemplate(string Id, string Name, IReadOnlyList<CheckInQuestion> Questions, int AssignedClients, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

/// <summary>Give a client a weekly check-in: the template, the ISO weekday (1 = Monday … 7 = Sunday) and the local time of day in the client's time zone.</summary>
public sealed record AssignCheckInRequest
{
    [Required, StringLength(40)] public required string TemplateId { get; init; }
    [Range(1, 7)] public int DayOfWeek { get; init; }
    [Required, RegularExpression("^([01][0-9]|2[0-3]):[0-5][0-9]$", ErrorMessage = "Use a time like 08:00.")] public required string LocalTime { get; init; }
}

/// <param name="NextDueOn">The client's local date of the next check-in.</param>
public sealed record CheckInSchedule(string ClientId, string TemplateId, string TemplateName, int DayOfWeek, string LocalTime, string TimeZone, DateOnly NextDueOn);

/// <summary>The answer to one question: the member that matches its type (PhotoSetDate for a photo question).</summary>
public sealed record CheckInAnswer
{
    [Required, StringLength(40)] public required string QuestionId { get; init; }
    [Range(-1_000_000.0, 1_000_000.0)] public double? Number { get; init; }
    [StringLength(4000), MultiLine] public string? Text { get; init; }
    public bool? YesNo { get; init; }
    [StringLength(80)] public string? Choice { get; init; }
    public DateOnly? PhotoSetDate { get; init; }
}

/// <summary>The client's answers so far (a draft) or in full (submit).</summary>
public sealed record SaveCheckInAnswersRequest
{
    [Required] public required IReadOnlyList<CheckInAnswer> Answers { get; init; }
}

/// <summary>One period's check-in (a period = the week that ends on its due date).</summary>
/// <param name="Late">Submitted after the due day ended in the client's time zone.</param>
public sealed record CheckIn(string Id, string ClientId, string ClientName, string TemplateName, DateOnly DueOn, string Status, bool Late,
    IReadOnlyList<CheckInQuestion> Questions, IReadOnlyList<CheckInAnswer> Answers, DateTimeOffset? SubmittedAt,
    string? ResponseText, string? ResponseUrl, DateTimeOffset? ReviewedAt);

/// <summary>What the client's home shows: the check-in of the current period (null when none is scheduled) and whether it is due or overdue.</summary>
/// <param name="Due">Today is the due day or later and it is not submitted yet.</param>
public sealed record CurrentCheckIn(CheckIn? CheckIn, DateOnly? DueOn, bool Due, bool Overdue);

public sealed record ReviewCheckInRequest
{
    [StringLength(4000), MultiLine] public string? ResponseText { get; init; }
    /// <summary>e.g. a Loom or YouTube video of the PT's reply.</summary>
    [HttpsUrl] public string? ResponseUrl { get; init; }
}

/// <summary>What the PT reviews: the check-in, the previous one's answers, and the week's context.</summary>
/// <param name="WeightTrend">Weigh-ins of the last 4 weeks, oldest first.</param>
/// <param name="HabitCompletionPercent">Habits ticked in the period against their targets, null without habits.</param>
public sealed record CheckInReview(CheckIn CheckIn, CheckIn? Previous, Training.Adherence? WeekAdherence, IReadOnlyList<WeightPoint> WeightTrend, double? HabitCompletionPercent);

public sealed record WeightPoint(DateOnly Date, double WeightKg);
