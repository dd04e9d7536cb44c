using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Components.Forms;

namespace FitPilot.Web.Forms;

/// <summary>Where a contract's field is in a form: from the validator's (and the API's) JSON paths to the form's fields.</summary>
public static partial class FormFields
{
    /// <summary>The contract type behind a form type (a <see cref="FormModel{TContract}"/>), or null for any other type.</summary>
    public static Type? ContractOf(Type? formType)
    {
        for (var type = formType; type is not null; type = type.BaseType)
            if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(FormModel<>)) return type.GetGenericArguments()[0];
        return null;
    }

    /// <summary>
    /// The field of <paramref name="form"/> a contract path names, as the form's inputs identify it: "email" →
    /// (form, Email); "days[0].exercises[1].sets" → (the form of that entry, Sets), following <see cref="IFormModel.Items"/>;
    /// a path into something that is not a form ("primaryMuscles[0]") → the nearest form property (PrimaryMuscles);
    /// a rule about a whole object ("$", "days[0]") → that object's form with no field name.
    /// </summary>
    public static FieldIdentifier Locate(IFormModel form, string path)
    {
        var text = path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
        if (text.Length == 0) return new FieldIdentifier(form, "");
        var current = form;
        var segments = text.Split('.');
        for (var i = 0; i < segments.Length; i++)
        {
            var segment = Segment().Match(segments[i]);
            if (!segment.Success) return new FieldIdentifier(current, PropertyName(segments[i].Split('[')[0]));
            var property = PropertyName(segment.Groups["name"].Value);
            if (segment.Groups["index"].Success
                && int.TryParse(segment.Groups["index"].Value, out var index)
                && current.Items(property) is { } items && index < items.Count && items[index] is IFormModel item)
            {
                if (i == segments.Length - 1) return new FieldIdentifier(item, "");
                current = item;
                continue;
            }
            return new FieldIdentifier(current, property);
        }
        return new FieldIdentifier(current, "");
    }

    /// <summary>"primaryMuscles" → "PrimaryMuscles": the JSON names are the properties' names in camelCase.</summary>
    public static string PropertyName(string jsonName) => jsonName.Length == 0 ? jsonName : char.ToUpperInvariant(jsonName[0]) + jsonName[1..];

    [GeneratedRegex(@"^(?<name>[^\[\]]+)(?:\[(?<index>\d+)\])?$")]
    private static partial Regex Segment();
}
