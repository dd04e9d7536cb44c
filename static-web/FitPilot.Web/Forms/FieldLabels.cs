using Microsoft.AspNetCore.Components.Forms;

namespace FitPilot.Web.Forms;

/// <summary>
/// The label each input of a form shows, kept on its <see cref="EditContext"/> so that messages can name a field as the
/// user sees it ("Primary muscles") rather than by its property (PrimaryMuscles). The shared fields (TextField,
/// NumberField, MuscleChecklist) register theirs; any other component may call <see cref="Set"/>.
/// </summary>
public static class FieldLabels
{
    private static readonly object Key = new();

    public static void Set(EditContext context, FieldIdentifier field, string label) => Of(context)[field] = label;

    /// <summary>The label registered for <paramref name="field"/>, or null.</summary>
    public static string? Get(EditContext? context, FieldIdentifier field) =>
        context is not null && context.Properties.TryGetValue(Key, out var value) && value is Dictionary<FieldIdentifier, string> labels
            && labels.TryGetValue(field, out var label) ? label : null;

    private static Dictionary<FieldIdentifier, string> Of(EditContext context)
    {
        if (context.Properties.TryGetValue(Key, out var value) && value is Dictionary<FieldIdentifier, string> labels) return labels;
        labels = [];
        context.Properties[Key] = labels;
        return labels;
    }
}
