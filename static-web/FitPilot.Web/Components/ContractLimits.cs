using System.Collections.Concurrent;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Linq.Expressions;
using System.Reflection;
using FitPilot.Contracts.Common;

namespace FitPilot.Web.Components;

/// <summary>
/// The limits a contract property declares ([Range], [StringLength], [MaxLength], [Password], [HttpsUrl]), for forms to
/// put on their inputs (min, max, maxlength) and checks, so changing a contract changes the form.
/// </summary>
public sealed record FieldLimits(double? Min, double? Max, int? MaxLength)
{
    public static readonly FieldLimits None = new(null, null, null);

    /// <summary>The min attribute's value (invariant culture), or null for no attribute.</summary>
    public string? MinText => Min?.ToString(CultureInfo.InvariantCulture);
    public string? MaxText => Max?.ToString(CultureInfo.InvariantCulture);

    /// <summary>Within [Min, Max]; null is not a number in range.</summary>
    public bool Allows(double? value) => value is { } v && (Min is not { } min || v >= min) && (Max is not { } max || v <= max);
}

public static class ContractLimits
{
    private static readonly ConcurrentDictionary<MemberInfo, FieldLimits> Cache = new();

    /// <summary>
    /// The limits of the property a form field is bound to, e.g. <c>For(() => _model.Age)</c>: for a form model's property
    /// (<see cref="Forms.FormModel{TContract}"/>), those of the contract's property of the same name.
    /// </summary>
    public static FieldLimits For<T>(Expression<Func<T>> property) => Of(property.Body);

    /// <summary>The limits of a contract's property without an instance, e.g. <c>For((ProgramExercise e) => e.Sets)</c>.</summary>
    public static FieldLimits For<TContract, T>(Expression<Func<TContract, T>> property) => Of(property.Body);

    private static FieldLimits Of(Expression body)
    {
        while (body is UnaryExpression { NodeType: ExpressionType.Convert or ExpressionType.ConvertChecked } convert) body = convert.Operand;
        return body is MemberExpression { Member: PropertyInfo or FieldInfo } member ? Cache.GetOrAdd(member.Member, m => Read(ContractMember(m))) : FieldLimits.None;
    }

    /// <summary>A form model's property stands for the contract's property of the same name, which holds the rules.</summary>
    private static MemberInfo ContractMember(MemberInfo member) =>
        Forms.FormFields.ContractOf(member.ReflectedType) is { } contract && contract.GetProperty(member.Name) is { } property ? property : member;

    private static FieldLimits Read(MemberInfo member)
    {
        double? min = null, max = null;
        int? maxLength = null;
        void Length(int value) => maxLength = maxLength is { } m ? Math.Min(m, value) : value;
        foreach (var attribute in member.GetCustomAttributes<ValidationAttribute>(inherit: true))
        {
            switch (attribute)
            {
                case RangeAttribute range:
                    min = Number(range.Minimum);
                    max = Number(range.Maximum);
                    break;
                case StringLengthAttribute s: Length(s.MaximumLength); break;
                case MaxLengthAttribute m when m.Length > 0: Length(m.Length); break;
                case PasswordAttribute: Length(PasswordAttribute.MaxLength); break;
                case HttpsUrlAttribute: Length(HttpsUrlAttribute.MaxLength); break;
            }
        }
        return new FieldLimits(min, max, maxLength);
    }

    private static double? Number(object? bound) => bound switch
    {
        null => null,
        string s => double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : null,
        IConvertible c => c.ToDouble(CultureInfo.InvariantCulture),
        _ => null,
    };
}
