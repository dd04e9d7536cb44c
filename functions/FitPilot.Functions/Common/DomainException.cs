namespace FitPilot.Functions.Common;

/// <summary>What kind of refusal a <see cref="DomainException"/> is; the HTTP pipeline maps each to a status.</summary>
public enum DomainErrorKind
{
    /// <summary>A field of what was sent is not valid (with the field errors).</summary>
    Invalid,
    /// <summary>Not signed in, or sign-in failed.</summary>
    Unauthorized,
    /// <summary>Signed in, but this is not theirs to do.</summary>
    Forbidden,
    /// <summary>No such thing, or not the caller's (another tenant's data looks exactly like nothing).</summary>
    NotFound,
    /// <summary>The state does not allow it (stale version, already exists, already ended…).</summary>
    Conflict,
    /// <summary>It existed, and no longer does (an expired or used link).</summary>
    Gone,
    /// <summary>Too many attempts; come back after <see cref="DomainException.RetryAfterSeconds"/>.</summary>
    TooManyRequests,
}

/// <summary>
/// A refusal a user can understand, thrown by stores and services whatever calls them (an HTTP
/// function, a timer, a queue or blob trigger): no HTTP types here. The HTTP pipeline turns it into an
/// RFC 9457 problem; a background function logs it.
/// </summary>
public sealed class DomainException(DomainErrorKind kind, string title, string detail, IReadOnlyDictionary<string, string[]>? errors = null)
    : Exception(detail)
{
    public DomainErrorKind Kind { get; } = kind;
    public string Title { get; } = title;
    public string Detail { get; } = detail;
    public IReadOnlyDictionary<string, string[]>? Errors { get; } = errors;
    public int? RetryAfterSeconds { get; init; }

    public static DomainException NotFound(string? detail = null, string title = "Not found") =>
        new(DomainErrorKind.NotFound, title, detail ?? "There is nothing here, or you do not have access to it.");

    public static DomainException Conflict(string detail, string title = "Conflict", IReadOnlyDictionary<string, string[]>? errors = null) =>
        new(DomainErrorKind.Conflict, title, detail, errors);

    /// <summary>Someone else saved a newer version since it was read.</summary>
    public static DomainException Stale() =>
        Conflict("Someone else changed this in the meantime. Reload it and apply your change again.");

    public static DomainException Forbidden(string detail) => new(DomainErrorKind.Forbidden, "Forbidden", detail);

    public static DomainException Unauthorized(string title = "Unauthorized", string detail = "Sign in to continue.") =>
        new(DomainErrorKind.Unauthorized, title, detail);

    public static DomainException Gone(string title, string detail) => new(DomainErrorKind.Gone, title, detail);

    public static DomainException TooManyRequests(string title, string detail, int retryAfterSeconds) =>
        new(DomainErrorKind.TooManyRequests, title, detail) { RetryAfterSeconds = retryAfterSeconds };

    public static DomainException Invalid(string field, string message) =>
        Invalid(new Dictionary<string, string[]> { [field] = [message] });

    public static DomainException Invalid(IReadOnlyDictionary<string, string[]> errors) =>
        new(DomainErrorKind.Invalid, "Validation failed", "One or more fields are not valid.", errors);
}
