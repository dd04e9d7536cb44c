namespace FitPilot.Functions.Http;

/// <summary>Who may call an HTTP function. The authorization tests hold every function to what it declares.</summary>
public enum Access
{
    Anonymous,
    SignedIn,
    Trainer,
    Client,
}

/// <summary>Describes an HTTP function for /api/openapi.json: summary, access, request and response bodies.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ApiOperationAttribute(string summary, Access access, Type? request, Type? response, int status = 200) : Attribute
{
    public string Summary { get; } = summary;
    public Access Access { get; } = access;
    public Type? Request { get; } = request;
    public Type? Response { get; } = response;
    public int Status { get; } = status;
    /// <summary>A second accepted request body (e.g. PUT /me takes a PT's or a client's profile).</summary>
    public Type? AlternativeRequest { get; init; }
    /// <summary>Query parameters, "name: description"; each name's type is in <see cref="Http.Query.Parameters"/>.</summary>
    public string[] Query { get; init; } = [];
    /// <summary>A non-JSON request body's media type (e.g. image/jpeg uploads).</summary>
    public string? RequestMediaType { get; init; }
    /// <summary>A non-JSON response body's media type (e.g. an image).</summary>
    public string? ResponseMediaType { get; init; }
    /// <summary>
    /// Problem statuses this operation answers beyond those its shape implies (400 for input,
    /// 401/403 for access, 404 for ids in the route, 409 for PUT/DELETE, 413/415 for a body, 503):
    /// e.g. 409 for a create that can conflict, 410 for an expired link, 429 for throttling.
    /// </summary>
    public int[] Problems { get; init; } = [];
    /// <summary>
    /// A write a PT may still make when their subscription has lapsed (<see cref="IWriteGate"/>): paying
    /// (checkout, customer portal), account security (password, sign out everywhere) and their own
    /// display settings. Every other PT write answers 402 then.
    /// </summary>
    public bool OpenWhenLapsed { get; init; }
}
