using System.Globalization;
using System.Runtime.Serialization;
using Azure;
using Azure.Data.Tables;
using FitPilot.Contracts.Engagement;
using FitPilot.Functions.Common;
using FitPilot.Functions.Storage;

namespace FitPilot.Functions.CheckIns;

/// <summary>
/// Where check-ins live in table <c>checkins</c>:
/// <list type="bullet">
/// <item>PartitionKey = the PT: <c>tpl|{templateId}</c> their templates.</item>
/// <item>PartitionKey = the client: <c>ci|{inverted due date}</c> one check-in per period (newest first in key order), and
/// <c>rem|{yyyy-MM-dd}</c> the reminder receipt of a period (inserted only if absent, before the email is queued).</item>
/// <item>PartitionKey = <see cref="Schedules"/>: <c>{trainerId}|{clientId}</c> each client's schedule, so the hourly timer reads
/// every schedule in one partition query and a PT's schedules are one range of it.</item>
/// <item>PartitionKey = <see cref="Pending"/>: <c>{trainerId}|{yyyy-MM-dd}|{clientId}</c> a summary of each submitted check-in until
/// its review: a PT's awaiting-review list is one range (oldest first), the daily digest one query of the partition.</item>
/// <item>PartitionKey = <see cref="Digests"/>: <c>{yyyy-MM-dd}|{trainerId}</c> the receipt of a PT's digest for their local date.</item>
/// </list>
/// </summary>
public static class CheckInRows
{
    public const string Template = "tpl|";
    public const string CheckIn = "ci|";
    public const string Reminder = "rem|";
    public const string Schedules = "index-schedules";
    public const string Pending = "index-pending";
    public const string Digests = "index-digests";

    public static string TemplateKey(string id) => Template + id;
    /// <summary>99999999 − yyyyMMdd: a partition's check-ins come back newest first.</summary>
    public static string CheckInKey(DateOnly dueOn) => CheckIn + (99_999_999 - int.Parse(dueOn.ToString("yyyyMMdd", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture)).ToString("D8", CultureInfo.InvariantCulture);
    public static string ReminderKey(DateOnly dueOn) => Reminder + Iso(dueOn);
    public static string ScheduleKey(string trainerId, string clientId) => $"{trainerId}|{clientId}";
    public static string PendingKey(string trainerId, DateOnly dueOn, string clientId) => $"{trainerId}|{Iso(dueOn)}|{clientId}";
    public static string DigestKey(DateOnly localDate, string trainerId) => $"{Iso(localDate)}|{trainerId}";

    /// <summary>Every row key that starts with <paramref name="prefix"/> (ending in '|', which sorts before '}').</summary>
    public static string Range(string prefix) =>
        TableClient.CreateQueryFilter($"RowKey ge {prefix} and RowKey lt {prefix[..^1] + "}"}");

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A check-in's id is its due date; anything else is no check-in.</summary>
    public static DateOnly? ParseId(string? id) =>
        DateOnly.TryParseExact(id, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) && d.Year is > 2000 and < 9000 ? d : null;

    /// <summary>A JSON document over up to three string columns (a property holds at most 32K UTF-16 characters).</summary>
    public static (string A, string? B, string? C) Split(string json)
    {
        const int max = 30_000;
        // Surrogate pairs are never split: StoredJson writes text as itself, so cut only at a safe boundary.
        var parts = new List<string>();
        var at = 0;
        while (at < json.Length)
        {
            var length = Math.Min(max, json.Length - at);
            if (at + length < json.Length && char.IsHighSurrogate(json[at + length - 1])) length--;
            parts.Add(json.Substring(at, length));
            at += length;
        }
        if (parts.Count > 3) throw DomainException.Invalid("answers", "This check-in is too long to store: shorten the answers.");
        return (parts.ElementAtOrDefault(0) ?? "[]", parts.ElementAtOrDefault(1), parts.ElementAtOrDefault(2));
    }

    public static string Join(string a, string? b, string? c) => a + b + c;
}

/// <summary>A PT's check-in template (<see cref="CheckInRows.TemplateKey"/>): ordered questions as JSON.</summary>
public sealed class CheckInTemplateEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }
    public string Name { get; set; } = "";
    public string Questions { get; set; } = "[]";
    public string? Questions2 { get; set; }
    public string? Questions3 { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    [IgnoreDataMember] public string Id => RowKey[CheckInRows.Template.Length..];

    public List<CheckInQuestion> ReadQuestions() => StoredJson.Deserialize<List<CheckInQuestion>>(CheckInRows.Join(Questions, Questions2, Questions3));

    public void Apply(SaveCheckInTemplateRequest request, DateTimeOffset now)
    {
        Name = request.Name.Trim();
        var questions = request.Questions.Select(q => q with
        {
            Text = q.Text.Trim(), Unit = q.Type == QuestionTypes.Number && !string.IsNullOrWhiteSpace(q.Unit) ? q.Unit.Trim() : null,
            Choices = q.Type == QuestionTypes.Choice ? q.Choices!.Select(c => c.Trim()).ToList() : null,
        }).ToList();
        (Questions, Questions2, Questions3) = CheckInRows.Split(StoredJson.Serialize(questions));
        UpdatedAt = now;
    }

    public CheckInTemplate ToDto(int assigned) => new(Id, Name, ReadQuestions(), assigned, CreatedAt, UpdatedAt);
}

/// <summary>A client's weekly check-in (<see cref="CheckInRows.ScheduleKey"/> in partition <see cref="CheckInRows.Schedules"/>).</summary>
public sealed class CheckInScheduleEntity : ITableEntity
{
    public string PartitionKey { get; set; } = CheckInRows.Schedules;
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }
    public string TrainerId { get; set; } = "";
    public string ClientId { get; set; } = "";
    public string TemplateId { get; set; } = "";
    public string TemplateName { get; set; } = "";
    public int DayOfWeek { get; set; }
    /// <summary>HH:mm in <see cref="TimeZone"/>.</summary>
    public string LocalTime { get; set; } = "";
    /// <summary>The client's IANA zone (refreshed when the client opens their check-in).</summary>
    public string TimeZone { get; set; } = UserTime.DefaultZone;
    /// <summary>The PT's zone, for their daily digest (from the PT's session when they assign).</summary>
    public string TrainerTimeZone { get; set; } = UserTime.DefaultZone;
    /// <summary>yyyy-MM-dd: the client's local date when it was assigned; the first due date is on or after it.</summary>
    public string StartsOn { get; set; } = "";
    /// <summary>yyyy-MM-dd: the latest period the timer finished with (a hint that saves it a look; the receipt row decides).</summary>
    public string? RemindedDueOn { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    [IgnoreDataMember] public DateOnly Start => DateOnly.ParseExact(StartsOn, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public CheckInSchedule ToDto(DateOnly today) =>
        new(ClientId, TemplateId, TemplateName, DayOfWeek, LocalTime, TimeZone, CheckInRules.NextDue(Start, DayOfWeek, today));
}

/// <summary>One period's check-in of a client (<see cref="CheckInRows.CheckInKey"/>): the questions as they were asked, the answers, the review.</summary>
public sealed class CheckInEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }
    public string TrainerId { get; set; } = "";
    public string ClientName { get; set; } = "";
    public string TemplateId { get; set; } = "";
    public string TemplateName { get; set; } = "";
    /// <summary>yyyy-MM-dd, also the check-in's id.</summary>
    public string DueOn { get; set; } = "";
    public string Status { get; set; } = CheckInStatuses.Draft;
    public bool Late { get; set; }
    public string Questions { get; set; } = "[]";
    public string? Questions2 { get; set; }
    public string? Questions3 { get; set; }
    public string Answers { get; set; } = "[]";
    public string? Answers2 { get; set; }
    public string? Answers3 { get; set; }
    public DateTimeOffset? SubmittedAt { get; set; }
    public string? ResponseText { get; set; }
    public string? ResponseUrl { get; set; }
    public DateTimeOffset? ReviewedAt { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    [IgnoreDataMember] public string ClientId => PartitionKey;
    [IgnoreDataMember] public DateOnly Due => DateOnly.ParseExact(DueOn, "yyyy-MM-dd", CultureInfo.InvariantCulture);
    [IgnoreDataMember] public bool Submitted => Status != CheckInStatuses.Draft;

    public List<CheckInQuestion> ReadQuestions() => StoredJson.Deserialize<List<CheckInQuestion>>(CheckInRows.Join(Questions, Questions2, Questions3));
    public List<CheckInAnswer> ReadAnswers() => StoredJson.Deserialize<List<CheckInAnswer>>(CheckInRows.Join(Answers, Answers2, Answers3));

    public void SetQuestions(IReadOnlyList<CheckInQuestion> questions) => (Questions, Questions2, Questions3) = CheckInRows.Split(StoredJson.Serialize(questions));
    public void SetAnswers(IReadOnlyList<CheckInAnswer> answers) => (Answers, Answers2, Answers3) = CheckInRows.Split(StoredJson.Serialize(answers));

    public CheckIn ToDto() => new(DueOn, ClientId, ClientName, TemplateName, Due, Status, Late, ReadQuestions(), ReadAnswers(), SubmittedAt, ResponseText, ResponseUrl, ReviewedAt);
}

/// <summary>A submitted check-in awaiting its review (<see cref="CheckInRows.PendingKey"/> in partition <see cref="CheckInRows.Pending"/>): the list's summary only.</summary>
public sealed class PendingCheckInEntity : ITableEntity
{
    public string PartitionKey { get; set; } = CheckInRows.Pending;
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }
    public string TrainerId { get; set; } = "";
    public string ClientId { get; set; } = "";
    public string ClientName { get; set; } = "";
    public string TemplateName { get; set; } = "";
    public string DueOn { get; set; } = "";
    public bool Late { get; set; }
    public DateTimeOffset? SubmittedAt { get; set; }
    public string TrainerTimeZone { get; set; } = UserTime.DefaultZone;

    /// <summary>The list shows who and when; the questions and answers are in the check-in itself (its review).</summary>
    public CheckIn ToDto() => new(DueOn, ClientId, ClientName, TemplateName, DateOnly.ParseExact(DueOn, "yyyy-MM-dd", CultureInfo.InvariantCulture),
        CheckInStatuses.Pending, Late, [], [], SubmittedAt, null, null, null);
}

/// <summary>A receipt: a reminder of a client's period (<see cref="CheckInRows.ReminderKey"/>) or a PT's digest of a day (<see cref="CheckInRows.DigestKey"/>).</summary>
public sealed class ReceiptEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }
    /// <summary>The run that claimed it: two runs never write the same row, so only one insert succeeds.</summary>
    public string Run { get; set; } = "";
    public DateTimeOffset SentAt { get; set; }
}
