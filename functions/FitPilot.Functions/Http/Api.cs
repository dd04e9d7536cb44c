using Azure;
using FitPilot.Functions.Auth;
using FitPilot.Functions.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;

namespace FitPilot.Functions.Http;

/// <summary>
/// What every HTTP function does around its own logic, identically in both hosts: authenticate
/// and authorise the caller, count storage round trips, and turn every failure into an RFC 9457
/// problem response (never a stack trace, never a 500 for something the caller sent).
/// </summary>
public sealed class Api(SessionAuth auth, ILogger<Api> log)
{
    public const string RoundTripsHeader = "X-Storage-Round-Trips";

    /// <summary>Seconds a caller should wait before retrying while storage is unavailable.</summary>
    public const int StorageRetryAfterSeconds = 5;

    /// <summary>No sign-in needed (register, log in, accept invitation, reset password…).</summary>
    public Task<IResult> Anonymous(HttpRequest request, Func<CancellationToken, Task<IResult>> handler) =>
        Run(request, (_, ct) => handler(ct), requireSession: false, role: null);

    /// <summary>Any signed-in user, PT or client.</summary>
    public Task<IResult> SignedIn(HttpRequest request, Func<UserSession, CancellationToken, Task<IResult>> handler) =>
        Run(request, (s, ct) => handler(s!, ct), requireSession: true, role: null);

    /// <summary>PTs only: a client gets 403.</summary>
    public Task<IResult> Trainer(HttpRequest request, Func<UserSession, CancellationToken, Task<IResult>> handler) =>
        Run(request, (s, ct) => handler(s!, ct), requireSession: true, role: Contracts.Auth.Roles.Trainer);

    /// <summary>Clients only: a PT gets 403.</summary>
    public Task<IResult> Client(HttpRequest request, Func<UserSession, CancellationToken, Task<IResult>> handler) =>
        Run(request, (s, ct) => handler(s!, ct), requireSession: true, role: Contracts.Auth.Roles.Client);

    private async Task<IResult> Run(HttpRequest request, Func<UserSession?, CancellationToken, Task<IResult>> handler, bool requireSession, string? role)
    {
        var roundTrips = StorageRoundTrips.Begin();
        var ct = request.HttpContext.RequestAborted;
        IResult result;
        try
        {
            UserSession? session = null;
            if (requireSession)
            {
                session = await auth.AuthenticateAsync(request, ct) ?? throw ProblemException.Unauthorized();
                if (role is not null && session.Role != role)
                    throw ProblemException.Forbidden($"Only a {role} can do this.");
            }
            result = await handler(session, ct);
        }
        catch (ProblemException e)
        {
            if (e.RetryAfterSeconds is { } seconds) request.HttpContext.Response.Headers.RetryAfter = seconds.ToString();
            result = Problem(request, e.Status, e.Title, e.Detail, e.Errors);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            result = Problem(request, 499, "Client closed request", null, null);
        }
        catch (Exception e) when (StorageFailure.IsUnavailable(e))
        {
            // Storage did not answer in time (its SDK timeouts bound this to seconds): say so, and when to come back.
            log.LogWarning(e, "Storage unavailable in {Method} {Path}", request.Method, request.Path);
            request.HttpContext.Response.Headers.RetryAfter = StorageRetryAfterSeconds.ToString();
            result = Problem(request, 503, "Service unavailable", "FitPilot cannot reach its storage right now. Nothing was changed by this request if it failed; try again in a few seconds.", null);
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            result = Problem(request, 409, "Conflict", "Someone else changed this in the meantime. Reload and try again.", null);
        }
        catch (RequestFailedException e) when (e.Status is 400 or 413)
        {
            // Storage refused what we sent: a value our validation let through. The caller's input, so a 400 — and a bug for us to fix.
            log.LogError(e, "Storage refused a request in {Method} {Path}: {Code}", request.Method, request.Path, e.ErrorCode);
            result = Problem(request, 400, "Could not be saved", "Some of what you sent cannot be stored. Shorten or simplify the text and try again.", null);
        }
        catch (Exception e)
        {
            log.LogError(e, "Unhandled error in {Method} {Path}", request.Method, request.Path);
            result = Problem(request, 500, "Something went wrong", "The error was logged. Please try again.", null);
        }
        request.HttpContext.Response.Headers[RoundTripsHeader] = roundTrips.Count.ToString();
        log.LogInformation("{Method} {Path}: {RoundTrips} storage round trips", request.Method, request.Path, roundTrips.Count);
        return result;
    }

    public static IResult Problem(HttpRequest request, int status, string title, string? detail, IDictionary<string, string[]>? errors)
    {
        var problem = new ProblemDetails
        {
            Type = $"https://httpstatuses.io/{status}",
            Title = title, Status = status, Detail = detail, Instance = request.Path,
        };
        if (errors is not null) problem.Extensions["errors"] = errors;
        return Results.Problem(problem);
    }

    /// <summary>200 with a JSON body in the API's one JSON shape.</summary>
    public static IResult Ok<T>(T value) => Results.Json(value, FitPilotJson.Options);

    /// <summary>200 with a JSON body and the version it shows (send it back as If-Match to change it).</summary>
    public static IResult Ok<T>(T value, ETag etag, HttpResponse response)
    {
        response.Headers.ETag = etag.ToString("H");
        return Results.Json(value, FitPilotJson.Options);
    }

    public static IResult Created<T>(string location, T value, HttpResponse response, ETag? etag = null)
    {
        response.Headers.Location = location;
        if (etag is { } tag) response.Headers.ETag = tag.ToString("H");
        return Results.Json(value, FitPilotJson.Options, statusCode: 201);
    }

    /// <summary>
    /// The If-Match the caller sent, if any: one entity tag as this API sent it in ETag (<c>W/"…"</c> or
    /// <c>"…"</c>, RFC 9110 §8.8.3), or <c>*</c> / nothing for "whatever the current version is".
    /// Anything else (no quotes, a list of tags) is a 400: updates apply to one version the caller read.
    /// </summary>
    public static ETag? IfMatch(HttpRequest request)
    {
        var values = request.Headers.IfMatch;
        if (values.Count == 0) return null;
        var value = values.Count == 1 ? values[0]?.Trim() ?? "" : "";
        if (value is "*") return null;
        var opaque = value.StartsWith("W/", StringComparison.Ordinal) ? value[2..] : value;
        if (opaque.Length < 2 || opaque.Length > 512 || opaque[0] != '"' || opaque[^1] != '"' || opaque[1..^1].Any(c => c is '"' or < '!' or > '~'))
            throw new ProblemException(400, "Invalid If-Match", "Send If-Match with the one ETag you read (e.g. W/\"…\"), or leave it out.",
                new Dictionary<string, string[]> { ["If-Match"] = ["Send the one ETag you read."] });
        return new ETag(value);
    }

    /// <summary>
    /// Holds an update to the version the caller read: a different If-Match is a 409 before anything is
    /// sent to storage; the update then carries the version read here, so a change in between is a 409 too.
    /// </summary>
    public static void RequireVersion(ETag? ifMatch, ETag current)
    {
        if (ifMatch is { } expected && !SameTag(expected, current))
            throw ProblemException.Conflict("Someone else changed this in the meantime. Reload it and apply your change again.");
    }

    private static bool SameTag(ETag a, ETag b) => Opaque(a.ToString()) == Opaque(b.ToString());
    private static string Opaque(string tag) => tag.StartsWith("W/", StringComparison.Ordinal) ? tag[2..] : tag;
}
