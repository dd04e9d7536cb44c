namespace FitPilot.Functions.Http;

/// <summary>
/// A problem with the HTTP request itself (RFC 9457): a body that is not JSON or too large, a wrong
/// media type, a malformed header or query parameter. Refusals about the domain are
/// <see cref="Common.DomainException"/>s; <see cref="Api"/> turns both into problem responses.
/// </summary>
public sealed class ProblemException(int status, string title, string? detail = null,
    IReadOnlyDictionary<string, string[]>? errors = null) : Exception(detail ?? title)
{
    public int Status { get; } = status;
    public string Title { get; } = title;
    public string? Detail { get; } = detail;
    public IReadOnlyDictionary<string, string[]>? Errors { get; } = errors;

    public static ProblemException Invalid(string field, string message) =>
        new(400, "Validation failed", "One or more fields are not valid.", new Dictionary<string, string[]> { [field] = [message] });

    public static ProblemException BadQuery(string parameter, string message) =>
        new(400, "Invalid query parameter", message, new Dictionary<string, string[]> { [parameter] = [message] });
}
