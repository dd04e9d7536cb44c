using System.Collections;
using System.ComponentModel.DataAnnotations;
using System.Reflection;

namespace FitPilot.Contracts.Common;

/// <summary>
/// Validates a request contract as a whole, the one way the API (and any form that wants it) checks
/// what a caller sent: each property's DataAnnotations, then every nested contract and list element
/// (a <c>null</c> inside a list is an error, never a crash), every date inside <see cref="DateWindow"/>,
/// no control characters in text, and last the object's own rules (<see cref="IValidatableObject"/>),
/// which therefore only ever see an object whose parts are valid. Errors are keyed by the JSON path
/// of the field, camelCase: <c>days[0].exercises[1].sets</c>.
/// </summary>
public static class ContractValidator
{
    private const int MaxDepth = 10;

    public static IReadOnlyDictionary<string, string[]> Validate(object value)
    {
        var errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        Walk(value, "", errors, 0);
        return errors.ToDictionary(e => e.Key, e => e.Value.Distinct().ToArray(), StringComparer.Ordinal);
    }

    private static void Walk(object value, string path, Dictionary<string, List<string>> errors, int depth)
    {
        if (depth > MaxDepth) return;
        var before = errors.Count;
        foreach (var property in Readable(value.GetType()))
        {
            var field = Join(path, CamelCase(property.Name));
            var propertyValue = property.GetValue(value);
            var results = new List<ValidationResult>();
            if (!Validator.TryValidateProperty(propertyValue, new ValidationContext(value) { MemberName = property.Name }, results))
                foreach (var r in results) Add(errors, field, r.ErrorMessage);
            Check(propertyValue, field, errors, depth, property.IsDefined(typeof(MultiLineAttribute)), property.IsDefined(typeof(BirthDateAttribute)));
        }
        if (errors.Count != before || value is not IValidatableObject rules) return;
        foreach (var r in rules.Validate(new ValidationContext(value)))
            foreach (var member in r.MemberNames.DefaultIfEmpty(""))
                Add(errors, member.Length == 0 ? (path.Length == 0 ? "$" : path) : Join(path, CamelCase(member)), r.ErrorMessage);
    }

    /// <summary>What holds for a value wherever it appears: dates in the window, text without control characters, nested contracts valid.</summary>
    private static void Check(object? value, string field, Dictionary<string, List<string>> errors, int depth, bool multiLine, bool birthDate = false)
    {
        switch (value)
        {
            case null:
                return;
            case string text:
                if (!TextRules.IsClean(text, multiLine)) Add(errors, field, multiLine ? TextRules.Message : TextRules.SingleLineMessage);
                return;
            case DateOnly date:
                if (birthDate ? !BirthDateAttribute.Plausible(date) : !DateWindow.Contains(date)) Add(errors, field, birthDate ? BirthDateAttribute.Message : DateWindow.Message);
                return;
            case DateTimeOffset instant:
                if (!DateWindow.Contains(instant)) Add(errors, field, DateWindow.Message);
                return;
            case DateTime dateTime:
                if (!DateWindow.Contains(new DateTimeOffset(DateTime.SpecifyKind(dateTime, DateTimeKind.Utc)))) Add(errors, field, DateWindow.Message);
                return;
            case IDictionary:
                return;
            case IEnumerable list:
                var i = 0;
                foreach (var item in list)
                {
                    var itemField = $"{field}[{i++}]";
                    if (item is null) Add(errors, itemField, "A list may not hold null: remove the entry or give it a value.");
                    else Check(item, itemField, errors, depth + 1, multiLine);
                }
                return;
            default:
                if (IsContract(value.GetType())) Walk(value, field, errors, depth + 1);
                return;
        }
    }

    private static bool IsContract(Type type) => type.IsClass && type.Assembly == typeof(ContractValidator).Assembly;

    private static IEnumerable<PropertyInfo> Readable(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanRead && p.GetIndexParameters().Length == 0);

    private static void Add(Dictionary<string, List<string>> errors, string field, string? message)
    {
        if (!errors.TryGetValue(field, out var list)) errors[field] = list = [];
        list.Add(message ?? "Not valid.");
    }

    private static string Join(string path, string name) => path.Length == 0 ? name : path + "." + name;

    /// <summary>"Days[0].Exercises[1].Sets" → "days[0].exercises[1].sets", as the JSON names them.</summary>
    public static string CamelCase(string name) =>
        string.Join('.', name.Split('.').Select(part => part.Length == 0 || char.IsLower(part[0]) ? part : char.ToLowerInvariant(part[0]) + part[1..]));
}

/// <summary>
/// The dates FitPilot accepts anywhere (programs, logs, queries): far enough back for a client's
/// history and far enough ahead for any plan, and far from the ends of the calendar, so date
/// arithmetic (push back, copy a program, "the 7 days before") can never overflow.
/// </summary>
public static class DateWindow
{
    public static readonly DateOnly Earliest = new(2000, 1, 1);
    public static readonly DateOnly Latest = new(2099, 12, 31);
    public static string Message => $"Use a date from {Earliest:yyyy-MM-dd} to {Latest:yyyy-MM-dd}.";

    public static bool Contains(DateOnly date) => date >= Earliest && date <= Latest;

    public static bool Contains(DateTimeOffset instant) =>
        instant.UtcDateTime >= Earliest.ToDateTime(TimeOnly.MinValue) && instant.UtcDateTime <= Latest.ToDateTime(TimeOnly.MaxValue);
}

/// <summary>
/// Text a person typed: any script and emoji, but no control characters; line breaks and tabs only
/// in text marked <see cref="MultiLineAttribute"/> (notes, descriptions), never in a name or an address.
/// </summary>
public static class TextRules
{
    public const string Message = "Remove control characters from this text.";
    public const string SingleLineMessage = "Use one line, without control characters.";

    public static bool IsClean(string text, bool multiLine)
    {
        foreach (var c in text)
            if (char.IsControl(c) && !(multiLine && c is '\n' or '\r' or '\t')) return false;
        return true;
    }
}

/// <summary>A date of birth: before the app's date window (2000–2099), so it has its own (1900–2099); the feature checks the age.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class BirthDateAttribute : Attribute
{
    public const string Message = "Use a date of birth from 1900-01-01 on.";
    public static bool Plausible(DateOnly date) => date >= new DateOnly(1900, 1, 1) && date <= new DateOnly(2099, 12, 31);
}

/// <summary>Free text that may span lines (notes, descriptions, instructions).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class MultiLineAttribute : Attribute;
