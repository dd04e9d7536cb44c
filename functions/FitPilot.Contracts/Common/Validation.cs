using System.ComponentModel.DataAnnotations;

namespace FitPilot.Contracts.Common;

/// <summary>An absolute https:// URL (video links, pictures): plain http and other schemes are refused.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class HttpsUrlAttribute : ValidationAttribute
{
    public const int MaxLength = 2048;

    public HttpsUrlAttribute() : base("Must be an absolute https:// URL.") { }

    public override bool IsValid(object? value) =>
        value is null || value is string { Length: 0 } ||
        (value is string s && s.Length <= MaxLength && Uri.TryCreate(s, UriKind.Absolute, out var uri)
            && uri.Scheme == Uri.UriSchemeHttps && !string.IsNullOrEmpty(uri.Host));
}

/// <summary>A list with at most <c>max</c> entries, each non-blank and at most <c>maxLength</c> characters.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class ListLimitsAttribute(int max, int maxLength) : ValidationAttribute
{
    public int Max => max;
    public int MaxLength => maxLength;

    public override bool IsValid(object? value) =>
        value is null || (value is IReadOnlyCollection<string> list && list.Count <= max
            && list.All(x => !string.IsNullOrWhiteSpace(x) && x.Length <= maxLength));

    public override string FormatErrorMessage(string name) => $"At most {max} entries, each 1–{maxLength} characters.";
}

/// <summary>Password rules from OWASP ASVS: length only (no composition rules), long passphrases allowed.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class PasswordAttribute : ValidationAttribute
{
    public const int MinLength = 10;
    public const int MaxLength = 128;

    public override bool IsValid(object? value) =>
        value is string s && s.Length is >= MinLength and <= MaxLength && !string.IsNullOrWhiteSpace(s);

    public override string FormatErrorMessage(string name) => $"Use {MinLength} to {MaxLength} characters.";
}
