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

    /// <summary>No sign-in needed (register, log in, accept invitation, reset password…).</summary>
    public Task<IResult> Anonymous(HttpRequest request, Func<Task<IResult>> handler) =>
        Run(request, _ => handler(), requireSession: false, role: null);

    /// <summary>Any signed-in user, PT or client.</summary>
    public Task<IResult> SignedIn(HttpRequest request, Func<UserSession, Task<IResult>> handler) =>
        Run(request, s => handler(s!), requireSession: true, role: null);

    /// <summary>PTs only: a client gets 403.</summary>
    public Task<IResult> Trainer(HttpRequest request, Func<UserSession, Task<IResult>> handler) =>
        Run(request, s => handler(s!), requireSession: true, role: Contracts.Auth.Roles.Trainer);

    /// <summary>Clients only: a PT gets 403.</summary>
    public Task<IResult> Client(HttpRequest request, Func<UserSession, Task<IResult>> handler) =>
        Run(request, s => handler(s!), requireSession: true, role: Contracts.Auth.Roles.Client);

    private async Task<IResult> Run(HttpRequest request, Func<UserSession?, Task<IResult>> handler, bool requireSession, string? role)
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
            result = await handler(session);
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
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            result = Problem(request, 409, "Conflict", "Someone else changed this in the meantime. Reload and try again.", null);
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
    public static IResult Ok<T>(T value, ETag? etag = null, HttpResponse? response = null)
    {
        if (etag is { } tag && response is not null) response.Headers.ETag = tag.ToString("H");
        return Results.Json(value, FitPilotJson.Options);
    }

    public static IResult Created<T>(string location, T value, HttpResponse response, ETag? etag = null)
    {
        response.Headers.Location = location;
        if (etag is { } tag) response.Headers.ETag = tag.ToString("H");
        return Results.Json(value, FitPilotJson.Options, statusCode: 201);
    }

    /// <summary>The If-Match the caller sent, if any: updates then only apply to that version.</summary>
    public static ETag? IfMatch(HttpRequest request) =>
        request.Headers.IfMatch.Count > 0 && request.Headers.IfMatch.ToString() is { Length: > 0 } v && v != "*"
            ? new ETag(v) : null;
}
