using System.Collections;

namespace FitPilot.Web.Forms;

/// <summary>
/// What a form edits, for a request contract that is immutable: plain settable properties named as the
/// contract's, without any annotations. The rules stay on the contract: <see cref="ContractFormValidator"/>
/// builds the contract from the form (<see cref="FormModel{TContract}.ToContract"/>) and runs the API's
/// validator on it, and <c>ContractLimits</c> reads a form property's limits from the contract property
/// of the same name.
/// </summary>
public interface IFormModel
{
    /// <summary>The request as the form stands now.</summary>
    object BuildContract();

    /// <summary>
    /// The form objects that became the elements of the contract's list <paramref name="property"/>, in the
    /// contract's order (so "days[1]" finds the right day), or null when that property is not a list of forms.
    /// </summary>
    IReadOnlyList<object>? Items(string property);
}

/// <summary>A form for <typeparamref name="TContract"/>: settable properties named as the contract's, and how to build it.</summary>
public abstract class FormModel<TContract> : IFormModel where TContract : class
{
    /// <summary>The immutable request, exactly as the form holds it (pages trim or blank out values when sending, as before).</summary>
    public abstract TContract ToContract();

    object IFormModel.BuildContract() => ToContract();

    /// <summary>By default the form's own list property of the same name, when it holds forms, element for element.</summary>
    public virtual IReadOnlyList<object>? Items(string property) =>
        GetType().GetProperty(property)?.GetValue(this) is IEnumerable items and not string
            ? items.Cast<object>().ToList() is var list && list.All(i => i is IFormModel) ? list : null
            : null;
}
