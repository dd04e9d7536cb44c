using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.CompilerServices;
using Azure;
using FitPilot.Functions.Common;
using FitPilot.Functions.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;

namespace FitPilot.Functions.Http;

/// <summary>
/// The one endpoint pipeline, identical in both hosts: it reads the function's declared access
/// (<see cref="ApiOperationAttribute"/>, the attribute the OpenAPI document reads), authenticates and
/// authorises the caller, parses If-Match and the JSON body, calls the function with a typed
/// <see cref="Call{TCaller}"/>, writes its typed <see cref="Reply"/>, counts storage round trips, and
/// turns every failure into an RFC 9457 problem (domain refusals, HTTP-level problems, storage outages),
/// never a stack trace and never a 500 for something the caller sent.
/// </summary>
public sealed class Api(ICallerAuthenticator authenticator, IWriteGate writeGate, ILogger<Api> log)
{
    public const string RoundTripsHeader = "X-Storage-Round-Trips";

    /// <summary>Seconds a caller should wait before retrying while storage is unavailable.</summary>
    public const int StorageRetryAfterSeconds = 5;

    /// <summary>A function without a JSON body. <typeparamref name="TCaller"/> must match its declared access.</summary>
    public Task<IResult> Handle<TCaller>(HttpRequest request, Func<Call<TCaller>, Task<Reply>> handler, [CallerMemberName] string function = "")
        where TCaller : class =>
        RunAsync<TCaller>(request, function, null, (caller, ifMatch, ct) => handler(new Call<TCaller>(caller, ifMatch, request, ct)));

    /// <summary>A function with a JSON body of type <typeparamref name="TBody"/> (its declared request).</summary>
    public Task<IResult> Handle<TCaller, TBody>(HttpRequest request, Func<Call<TCaller, TBody>, Task<Reply>> handler, [CallerMemberName] string function = "")
        where TCaller : class where TBody : class =>
        RunAsync<TCaller>(request, function, typeof(TBody), async (caller, ifMatch, ct) =>
            await handler(new Call<TCaller, TBody>(caller, await RequestBody.ReadAsync<TBody>(request, ct), ifMatch, request, ct)));

    private async Task<IResult> RunAsync<TCaller>(HttpRequest request, string function, Type? body, Func<TCaller, ETag?, CancellationToken, Task<Reply>> handler)
        where TCaller : class
    {
        var roundTrips = StorageRoundTrips.Begin();
        var ct = request.HttpContext.RequestAborted;
        IResult result;
        try
        {
            var operation = Declared(function, typeof(TCaller), body);
            var caller = await CallerAsync<TCaller>(request, operation.Access, ct);
            var refusal = await WriteRefusalAsync(request, operation, caller, ct);
            result = refusal is not null
                ? PaymentRequired(request, refusal)
                : (await handler(caller, IfMatch(request), ct)).ToResult(request.HttpContext.Response);
        }
        catch (DomainException e)
        {
            if (e.RetryAfterSeconds is { } seconds) request.HttpContext.Response.Headers.RetryAfter = seconds.ToString();
            result = Problem(request, StatusOf(e.Kind), e.Title, e.Detail, e.Errors);
        }
        catch (ProblemException e)
        {
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

    /// <summary>The caller the declared access asks for: anyone, anyone signed in, a PT (a client gets 403) or a client (a PT gets 403).</summary>
    private async Task<TCaller> CallerAsync<TCaller>(HttpRequest request, Access access, CancellationToken ct) where TCaller : class
    {
        if (access == Access.Anonymous) return (Nobody.Instance as TCaller)!;
        var caller = await authenticator.AuthenticateAsync(request, ct) ?? throw DomainException.Unauthorized();
        return access switch
        {
            Access.Trainer when caller is not TrainerCaller => throw DomainException.Forbidden("Only a trainer can do this."),
            Access.Client when caller is not ClientCaller => throw DomainException.Forbidden("Only a client can do this."),
            _ => (caller as TCaller)!,
        };
    }

    /// <summary>
    /// The one billing rule (see <see cref="IWriteGate"/>): a PT's write — any method but GET/HEAD, of a
    /// function not declared <see cref="ApiOperationAttribute.OpenWhenLapsed"/> — is refused while their
    /// subscription has lapsed. Reads and exports are GETs and always pass; clients are never refused.
    /// </summary>
    private async Task<WriteRefusal?> WriteRefusalAsync(HttpRequest request, ApiOperationAttribute operation, object caller, CancellationToken ct) =>
        caller is TrainerCaller trainer && !HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method) && !operation.OpenWhenLapsed
            ? await writeGate.RefusalAsync(trainer.TrainerId, ct)
            : null;

    /// <summary>402 with a problem whose <c>type</c> names the reason, a link to billing in the body and in <c>Link</c>.</summary>
    private static IResult PaymentRequired(HttpRequest request, WriteRefusal refusal)
    {
        request.HttpContext.Response.Headers.Link = $"<{refusal.BillingUrl}>; rel=\"payment\"";
        var problem = new ProblemDetails
        {
            Type = Contracts.Billing.BillingRefusals.TypePrefix + refusal.Reason,
            Title = refusal.Title, Status = 402, Detail = refusal.Detail, Instance = request.Path,
        };
        problem.Extensions["reason"] = refusal.Reason;
        problem.Extensions["billingUrl"] = refusal.BillingUrl;
        return Results.Problem(problem);
    }

    private static readonly ConcurrentDictionary<string, ApiOperationAttribute> Operations = new();

    /// <summary>
    /// The function's declaration, checked against its handler once: the caller type must be the one
    /// its access gives, the body its declared request. A mismatch is a programming error, found by the
    /// authorization tests that call every route.
    /// </summary>
    private static ApiOperationAttribute Declared(string function, Type caller, Type? body) => Operations.GetOrAdd(function, name =>
    {
        var operation = FunctionCatalog.HttpFunctions.SingleOrDefault(f => f.Name == name)?.Method.GetCustomAttribute<ApiOperationAttribute>()
            ?? throw new InvalidOperationException($"{name} is not an HTTP function with [ApiOperation].");
        var expected = operation.Access switch
        {
            Access.Anonymous => typeof(Nobody), Access.SignedIn => typeof(Caller), Access.Trainer => typeof(TrainerCaller), _ => typeof(ClientCaller),
        };
        if (caller != expected)
            throw new InvalidOperationException($"{name} declares {operation.Access} access, so its handler takes {expected.Name}, not {caller.Name}.");
        if (body is not null && body != operation.Request && body != operation.AlternativeRequest)
            throw new InvalidOperationException($"{name} declares {operation.Request?.Name ?? "no"} request body, but its handler reads {body.Name}.");
        return operation;
    });

    private static int StatusOf(DomainErrorKind kind) => kind switch
    {
        DomainErrorKind.Invalid => 400,
        DomainErrorKind.Unauthorized => 401,
        DomainErrorKind.Forbidden => 403,
        DomainErrorKind.NotFound => 404,
        DomainErrorKind.Conflict => 409,
        DomainErrorKind.Gone => 410,
        DomainErrorKind.TooManyRequests => 429,
        _ => 400,
    };

    public static IResult Problem(HttpRequest request, int status, string title, string? detail, IReadOnlyDictionary<string, string[]>? errors)
    {
        var problem = new ProblemDetails
        {
            Type = $"https://httpstatuses.io/{status}",
            Title = title, Status = status, Detail = detail, Instance = request.Path,
        };
        if (errors is not null) problem.Extensions["errors"] = errors.ToDictionary();
        return Results.Problem(problem);
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
}
