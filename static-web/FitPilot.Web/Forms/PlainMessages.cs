using System.Collections;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using FitPilot.Contracts.Common;
using Microsoft.AspNetCore.Components.Forms;

namespace FitPilot.Web.Forms;

/// <summary>
/// Validation messages in plain words, named by the field's label: DataAnnotations' default messages ("The field
/// PrimaryMuscles must be a string or array type with a minimum length of '1'.") become "Choose at least one primary
/// muscle." The one place for this, used for the contract validator's messages (<see cref="ContractFormValidator"/>)
/// and for the API's field errors (ServerErrors), which are the same validator's messages. A message a contract wrote
/// itself (an ErrorMessage, [Password], [Email], a rule of the object) is kept as written.
/// </summary>
public static partial class PlainMessages
{
    /// <summary>
    /// <paramref name="messages"/> for a form field, in plain words. The rules are read from the contract property the
    /// field stands for (<see cref="FormFields.ContractOf"/>); <paramref name="label"/> is what the form shows for the
    /// field (null: the property's name in words). When the field is missing, only that is said.
    /// </summary>
    public static List<string> For(FieldIdentifier field, IEnumerable<string> messages, string? label = null)
    {
        var property = ContractProperty(field);
        if (property is null) return messages.Distinct().ToList();
        var rewritten = messages.Select(m => Rewrite(property, m, label)).ToList();
        var missing = rewritten.Where(r => r.Missing).Select(r => r.Text).Distinct().ToList();
        return missing.Count > 0 ? missing : rewritten.Select(r => r.Text).Distinct().ToList();
    }

    /// <summary>One message about <paramref name="property"/> (a contract's property) in plain words.</summary>
    public static string For(PropertyInfo property, string message, string? label = null) => Rewrite(property, message, label).Text;

    /// <summary>What <paramref name="attribute"/> asks of a property of <paramref name="type"/> labelled <paramref name="label"/>, in plain words; null for a rule it does not know.</summary>
    public static string? Describe(ValidationAttribute attribute, Type type, string label)
    {
        var name = Lower(label);
        var sentence = Upper(name);
        var list = type != typeof(string) && typeof(IEnumerable).IsAssignableFrom(type);
        string Items(long n) => n == 1 ? Singular(name) : name;
        string Count(long n) => n == 1 ? "one " + Singular(name) : $"{n} {name}";
        string Characters(long n) => Components.Plural.Of(n, "character");
        return attribute switch
        {
            RequiredAttribute when list => $"Choose at least one {Singular(name)}.",
            RequiredAttribute => $"Enter {name}.",
            StringLengthAttribute { MinimumLength: > 0 } s => $"{sentence} must be {s.MinimumLength} to {Characters(s.MaximumLength)}.",
            StringLengthAttribute s => $"{sentence} can be at most {Characters(s.MaximumLength)}.",
            MinLengthAttribute m when list => $"Choose at least {Count(m.Length)}.",
            MinLengthAttribute m => $"{sentence} must be at least {Characters(m.Length)}.",
            MaxLengthAttribute m when list => $"Choose at most {Count(m.Length)}.",
            MaxLengthAttribute m => $"{sentence} can be at most {Characters(m.Length)}.",
            LengthAttribute l when list => $"Choose {l.MinimumLength} to {l.MaximumLength} {Items(l.MaximumLength)}.",
            LengthAttribute l => $"{sentence} must be {l.MinimumLength} to {Characters(l.MaximumLength)}.",
            RangeAttribute r => $"{sentence} must be from {Number(r.Minimum)} to {Number(r.Maximum)}.",
            EmailAddressAttribute => "Enter an email address like name@example.com.",
            PhoneAttribute => $"Enter {name} with digits, spaces and + ( ) - only.",
            UrlAttribute => "Enter a full link, starting with https://.",
            HttpsUrlAttribute => "Enter a full link, starting with https://.",
            AllowedValuesAttribute => $"Choose one of the options for {name}.",
            DeniedValuesAttribute => $"Choose another {Singular(name)}.",
            RegularExpressionAttribute => $"{sentence} is not in the expected form.",
            _ => null,
        };
    }

    /// <summary>A label as a noun in a sentence: "Business name (optional)" → "business name", "Height (cm)" stays, "PrimaryMuscles" → "primary muscles".</summary>
    public static string Lower(string label)
    {
        var text = label.Trim();
        if (!text.Contains(' ') && Camel().IsMatch(text)) text = Camel().Replace(text, " $1").Trim().ToLowerInvariant(); // a property name
        var parenthesis = Trailing().Match(text);                            // "(optional)", "(YouTube, Vimeo or any https link)"
        if (parenthesis.Success && (parenthesis.Groups[1].Value.Contains(' ') || parenthesis.Groups[1].Value.Equals("optional", StringComparison.OrdinalIgnoreCase)))
            text = text[..parenthesis.Index].Trim();
        text = text.Split(',')[0].Trim();                                     // "Instructions, one step per line"
        var first = text.Split(' ')[0];
        return first.Length > 1 && first.All(c => !char.IsLetter(c) || char.IsUpper(c)) ? text : text.Length == 0 ? text : char.ToLowerInvariant(text[0]) + text[1..];
    }

    private static string Upper(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    /// <summary>"primary muscles" → "primary muscle", "entries" → "entry"; anything else as is.</summary>
    private static string Singular(string noun) =>
        noun.EndsWith("ies", StringComparison.Ordinal) ? noun[..^3] + "y"
        : noun.EndsWith('s') && !noun.EndsWith("ss", StringComparison.Ordinal) ? noun[..^1]
        : noun;

    private static string Number(object? bound) => bound switch
    {
        IConvertible c => c.ToDouble(CultureInfo.InvariantCulture).ToString("0.##", CultureInfo.InvariantCulture),
        _ => bound?.ToString() ?? "",
    };

    private static (string Text, bool Missing) Rewrite(PropertyInfo property, string message, string? label)
    {
        var displayName = property.GetCustomAttribute<DisplayAttribute>()?.GetName() ?? property.Name;
        foreach (var attribute in property.GetCustomAttributes<ValidationAttribute>(inherit: true))
        {
            // The contract's own words (the framework's defaults, which some attributes hold in ErrorMessage, all have a {0}).
            if (attribute.ErrorMessage is { Length: > 0 } own && !own.Contains("{0}", StringComparison.Ordinal) || attribute.ErrorMessageResourceType is not null) continue;
            string standard;
            try { standard = attribute.FormatErrorMessage(displayName); }
            catch (InvalidOperationException) { continue; }
            if (standard != message) continue;
            var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            if (Describe(attribute, type, label ?? property.Name) is { } plain) return (plain, attribute is RequiredAttribute);
        }
        return (message, false);
    }

    /// <summary>The contract property a form field stands for (or the property itself, when the model is a contract).</summary>
    private static PropertyInfo? ContractProperty(FieldIdentifier field) =>
        field.FieldName.Length == 0 ? null
        : (FormFields.ContractOf(field.Model.GetType()) ?? field.Model.GetType()).GetProperty(field.FieldName);

    [GeneratedRegex(@"(?<=[a-z0-9])([A-Z])")]
    private static partial Regex Camel();

    [GeneratedRegex(@"\(([^()]*)\)$")]
    private static partial Regex Trailing();
}
