namespace FitPilot.Functions.Http;

/// <summary>
/// An outcome the caller caused or may see (RFC 9457 problem details): thrown anywhere in a
/// request and turned into an <c>application/problem+json</c> response by <see cref="Api"/>.
/// </summary>
public sealed class ProblemException(int status, string title, string? detail = null,
    IDictionary<string, string[]>? errors = null) : Exception(detail ?? title)
{
    public int Status { get; } = status;
    public string Title { get; } = title;
    public string? Detail { get; } = detail;
    public IDictionary<string, string[]>? Errors { get; } = errors;
    /// <summary>Seconds until the caller may retry (429), sent as Retry-After.</summary>
    public int? RetryAfterSeconds { get; init; }

    public static ProblemException NotFound(string? detail = null) =>
        new(404, "Not found", detail ?? "There is nothing here, or you do not have access to it.");

    public static ProblemException Conflict(string detail) => new(409, "Conflict", detail);

    public static ProblemException Forbidden(string detail) => new(403, "Forbidden", detail);

    public static ProblemException Unauthorized(string? detail = null) =>
        new(401, "Unauthorized", detail ?? "Sign in to continue.");

    public static ProblemException Validation(string field, string message) =>
        new(400, "Validation failed", "One or more fields are not valid.", new Dictionary<string, string[]> { [field] = [message] });

    public static ProblemException Validation(IDictionary<string, string[]> errors) =>
        new(400, "Validation failed", "One or more fields are not valid.", errors);

    public static ProblemException BadQuery(string parameter, string message) =>
        new(400, "Invalid query parameter", message, new Dictionary<string, string[]> { [parameter] = [message] });
}
