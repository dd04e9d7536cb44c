using FitPilot.Contracts.Common;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;

namespace FitPilot.Web.Forms;

/// <summary>
/// Validates an EditForm whose model is a <see cref="FormModel{TContract}"/> by the contract's own rules, in
/// place of DataAnnotationsValidator: it builds the request from the form and runs
/// <see cref="ContractValidator"/> (what the API runs), and puts each error on the form field its JSON path
/// names (<see cref="FormFields.Locate"/>), nested forms included (<c>days[0].exercises[1].sets</c>).
/// Like DataAnnotationsValidator, every error is shown on submit, and when a field changes only that field's
/// errors are brought up to date (now by all of the contract's rules, its IValidatableObject ones included).
/// Messages are in plain words with the field's label (<see cref="PlainMessages"/>, <see cref="FieldLabels"/>).
/// </summary>
public sealed class ContractFormValidator : ComponentBase, IDisposable
{
    private EditContext? _context;
    private ValidationMessageStore? _messages;

    [CascadingParameter] private EditContext? CurrentEditContext { get; set; }

    protected override void OnParametersSet()
    {
        if (CurrentEditContext is null)
            throw new InvalidOperationException($"{nameof(ContractFormValidator)} goes inside an EditForm.");
        if (CurrentEditContext.Model is not IFormModel)
            throw new InvalidOperationException($"{nameof(ContractFormValidator)} validates a form model (FormModel<TContract>), not a {CurrentEditContext.Model.GetType().Name}.");
        if (ReferenceEquals(CurrentEditContext, _context)) return;
        Detach();
        _context = CurrentEditContext;
        _messages = new ValidationMessageStore(_context);
        _context.OnValidationRequested += ValidationRequested;
        _context.OnFieldChanged += FieldChanged;
    }

    /// <summary>
    /// The contract's errors for the form as it stands, by form field, in plain words; named by the labels the
    /// inputs of <paramref name="context"/> registered (<see cref="FieldLabels"/>), else by the property's name in words.
    /// </summary>
    public static Dictionary<FieldIdentifier, List<string>> Errors(IFormModel form, EditContext? context = null)
    {
        var raw = new Dictionary<FieldIdentifier, List<string>>();
        foreach (var (path, messages) in ContractValidator.Validate(form.BuildContract()))
        {
            var field = FormFields.Locate(form, path);
            if (!raw.TryGetValue(field, out var list)) raw[field] = list = [];
            list.AddRange(messages.Where(m => !list.Contains(m)));
        }
        return raw.ToDictionary(e => e.Key, e => PlainMessages.For(e.Key, e.Value, FieldLabels.Get(context, e.Key)));
    }

    private void ValidationRequested(object? sender, ValidationRequestedEventArgs e)
    {
        var errors = Errors((IFormModel)_context!.Model, _context);
        _messages!.Clear();
        foreach (var (field, messages) in errors) _messages.Add(field, messages);
        _context.NotifyValidationStateChanged();
    }

    private void FieldChanged(object? sender, FieldChangedEventArgs e)
    {
        var errors = Errors((IFormModel)_context!.Model, _context);
        _messages!.Clear(e.FieldIdentifier);
        if (errors.TryGetValue(e.FieldIdentifier, out var messages)) _messages.Add(e.FieldIdentifier, messages);
        _context.NotifyValidationStateChanged();
    }

    private void Detach()
    {
        if (_context is null) return;
        _context.OnValidationRequested -= ValidationRequested;
        _context.OnFieldChanged -= FieldChanged;
        _messages?.Clear();
        _context.NotifyValidationStateChanged();
    }

    public void Dispose() => Detach();
}
