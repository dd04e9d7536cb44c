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

/// <summary>
/// Email addresses as FitPilot accepts and keys them: one bare RFC 5322 address (System.Net.Mail's
/// parser; no display name, comment or stray space), a dotted internet domain, at most 254 characters.
/// Normalised to lower case with the domain in its ASCII (punycode) form, so <c>Sam@Bücher.de</c>
/// and <c>sam@xn--bcher-kva.de</c> are one account. Characters like / # ? are legal in the local part.
/// </summary>
public static class EmailAddresses
{
    public const int MaxLength = 254;
    private static readonly System.Globalization.IdnMapping Idn = new();

    public static bool TryNormalise(string? value, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? normalised)
    {
        normalised = null;
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text) || text.Length > MaxLength || text.Any(char.IsControl)) return false;
        System.Net.Mail.MailAddress parsed;
        try { parsed = new System.Net.Mail.MailAddress(text); }
        catch (FormatException) { return false; }
        if (parsed.Address != text || parsed.DisplayName.Length > 0) return false;
        string domain;
        try { domain = Idn.GetAscii(parsed.Host.ToLowerInvariant()); }
        catch (ArgumentException) { return false; }
        var labels = domain.Split('.');
        if (labels.Length < 2 || domain.Length > 253 || labels.Any(l => l.Length is 0 or > 63 || l[0] == '-' || l[^1] == '-' || !l.All(c => c is >= 'a' and <= 'z' or >= '0' and <= '9' or '-')))
            return false;
        var result = parsed.User.ToLowerInvariant() + "@" + domain;
        if (result.Length > MaxLength) return false;
        normalised = result;
        return true;
    }

    /// <summary>The normalised form of an address that may be invalid (a log-in attempt): trimmed and lower-cased at least.</summary>
    public static string Normalise(string value) => TryNormalise(value, out var normalised) ? normalised : value.Trim().ToLowerInvariant();
}

/// <summary>An email address FitPilot can sign up, invite and write to (see <see cref="EmailAddresses"/>).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class EmailAttribute : ValidationAttribute
{
    public EmailAttribute() : base("Enter an email address like name@example.com.") { }

    public override bool IsValid(object? value) => value is null || (value is string s && EmailAddresses.TryNormalise(s, out _));
}

/// <summary>
/// An IANA time zone id as browsers report it (<c>Intl.DateTimeFormat().resolvedOptions().timeZone</c>):
/// "UTC", "Australia/Sydney", "America/Argentina/Buenos_Aires", "Etc/GMT+10". The API also checks the id
/// exists in its time-zone database; this is the shape check both sides share.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed partial class TimeZoneAttribute : ValidationAttribute
{
    public const int MaxLength = 64;

    public TimeZoneAttribute() : base("Use a time zone like Australia/Sydney.") { }

    public override bool IsValid(object? value) => value is null || (value is string s && s.Length <= MaxLength && Shape().IsMatch(s));

    [System.Text.RegularExpressions.GeneratedRegex(@"^[A-Za-z][A-Za-z0-9_+\-]*(/[A-Za-z0-9_+\-]+){0,2}$")]
    private static partial System.Text.RegularExpressions.Regex Shape();
}

/// <summary>Weights are stored in kilograms; a user may see and type them in pounds.</summary>
public static class WeightUnits
{
    public const string Kg = "kg";
    public const string Lb = "lb";
    public const double KgPerLb = 0.45359237;
}
