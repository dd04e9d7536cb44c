using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using FitPilot.LocalHost;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;

namespace FitPilot.Tests.Email;

/// <summary>
/// Azure Communication Services Email at the HTTP level, on 127.0.0.1: it checks every request as
/// the service documents it (x-ms-date within 15 minutes, x-ms-content-sha256 of the raw body, the
/// HMAC-SHA256 signature of "VERB\npath?query\ndate;host;hash" recomputed from the raw request with
/// its own key — or a Bearer token it was told to accept) and answers 401 when they do not hold.
/// A send answers 202 with Operation-Location; the poll answers Running (with Retry-After), then
/// Succeeded. Per recipient it can be told to answer 429 with Retry-After, 500, or a Failed operation.
/// </summary>
public sealed class FakeAcs : IAsyncLifetime
{
    public enum Reply { Accept, TooManyRequests, ServerError, FailOperation }

    public sealed record Received(DateTimeOffset At, string Method, string Target, Dictionary<string, string> Headers, string Body, int Status, string? Rejection)
    {
        public JsonElement Json => JsonDocument.Parse(Body).RootElement;
        public string? Recipient => Method == "POST" && Status != 401 && Body.Length > 0
            ? Json.GetProperty("recipients").GetProperty("to")[0].GetProperty("address").GetString() : null;
    }

    private WebApplication _app = null!;
    private readonly ConcurrentDictionary<string, ConcurrentQueue<Reply>> _script = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, Operation> _operations = new();
    private readonly ConcurrentQueue<Received> _received = new();

    private sealed class Operation(string recipient, bool fail)
    {
        public string Recipient { get; } = recipient;
        public bool Fail { get; } = fail;
        public int Polls;
        public string Status = "Running";
    }

    /// <summary>The resource's access key, as Azure shows it (base64).</summary>
    public string AccessKey { get; set; } = Convert.ToBase64String(RandomNumberGenerator.GetBytes(64));
    /// <summary>An Entra token the fake accepts as <c>Authorization: Bearer …</c>; null accepts none.</summary>
    public string? AcceptedBearerToken { get; set; }
    public int ThrottleSeconds { get; set; } = 3;
    public int PollRetryAfterSeconds { get; set; } = 1;
    public string Endpoint { get; private set; } = "";

    public IReadOnlyList<Received> Requests => [.. _received];
    public IReadOnlyList<Received> SendsTo(string recipient) =>
        [.. _received.Where(r => string.Equals(r.Recipient, recipient, StringComparison.OrdinalIgnoreCase))];

    /// <summary>The answers to the next sends to <paramref name="recipient"/>, in order; after them every send is accepted.</summary>
    public void Script(string recipient, params Reply[] replies) => _script[recipient] = new ConcurrentQueue<Reply>(replies);

    /// <summary>The final status of each operation for the recipient (Succeeded, Failed, or Running while polled).</summary>
    public IReadOnlyList<string> OperationsFor(string recipient) =>
        [.. _operations.Values.Where(o => string.Equals(o.Recipient, recipient, StringComparison.OrdinalIgnoreCase)).Select(o => o.Status)];

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        var port = DevServices.FreePort();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        _app = builder.Build();
        _app.Run(HandleAsync);
        await _app.StartAsync();
        Endpoint = $"http://127.0.0.1:{port}";
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer);
        var body = buffer.ToArray();
        var target = context.Features.Get<IHttpRequestFeature>()!.RawTarget;
        var headers = request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var received = DateTimeOffset.UtcNow;

        async Task Answer(int status, object? json = null, string? rejection = null, params (string Name, string Value)[] extra)
        {
            _received.Enqueue(new Received(received, request.Method, target, headers, Encoding.UTF8.GetString(body), status, rejection));
            context.Response.StatusCode = status;
            foreach (var (name, value) in extra) context.Response.Headers[name] = value;
            if (json is not null) await context.Response.WriteAsJsonAsync(json);
        }

        if (Rejection(request.Method, target, headers, body) is { } why)
        {
            await Answer(401, new { error = new { code = "Denied", message = why } }, why);
            return;
        }
        if (request.Query["api-version"] != "2023-03-31")
        {
            await Answer(400, new { error = new { code = "InvalidApiVersion", message = "api-version must be 2023-03-31" } });
            return;
        }

        if (request.Method == "POST" && request.Path == "/emails:send")
        {
            if (!Guid.TryParse(headers.GetValueOrDefault("Operation-Id"), out var operationId))
            {
                await Answer(400, new { error = new { code = "InvalidOperationId", message = "Operation-Id must be a GUID" } });
                return;
            }
            var recipient = JsonDocument.Parse(body).RootElement.GetProperty("recipients").GetProperty("to")[0].GetProperty("address").GetString()!;
            var reply = _script.TryGetValue(recipient, out var queue) && queue.TryDequeue(out var next) ? next : Reply.Accept;
            switch (reply)
            {
                case Reply.TooManyRequests:
                    await Answer(429, new { error = new { code = "TooManyRequests", message = "Quota exceeded" } }, null, ("Retry-After", ThrottleSeconds.ToString(CultureInfo.InvariantCulture)));
                    return;
                case Reply.ServerError:
                    await Answer(500, new { error = new { code = "InternalServerError", message = "Something broke" } });
                    return;
            }
            var id = operationId.ToString();
            var operation = _operations.GetOrAdd(id, _ => new Operation(recipient, reply == Reply.FailOperation));
            await Answer(202, new { id, status = operation.Status }, null,
                ("Operation-Location", $"{Endpoint}/emails/operations/{id}?api-version=2023-03-31"), ("Retry-After", "0"));
            return;
        }

        if (request.Method == "GET" && request.Path.StartsWithSegments("/emails/operations", out var rest)
            && _operations.TryGetValue(rest.Value!.Trim('/'), out var op))
        {
            // The first poll finds it still running; the next one finds it done.
            if (Interlocked.Increment(ref op.Polls) >= 2) op.Status = op.Fail ? "Failed" : "Succeeded";
            object result = op.Status == "Failed"
                ? new { id = rest.Value.Trim('/'), status = op.Status, error = new { code = "EmailDroppedAllRecipientsSuppressed", message = "Message not delivered: every recipient is on the suppression list." } }
                : new { id = rest.Value.Trim('/'), status = op.Status };
            await Answer(200, result, null, ("Retry-After", PollRetryAfterSeconds.ToString(CultureInfo.InvariantCulture)));
            return;
        }
        await Answer(404, new { error = new { code = "NotFound", message = $"{request.Method} {target}" } });
    }

    /// <summary>Why the service would refuse this request's authentication, or null when it holds.</summary>
    private string? Rejection(string method, string target, Dictionary<string, string> headers, byte[] body)
    {
        var authorization = headers.GetValueOrDefault("Authorization") ?? "";
        if (authorization.StartsWith("Bearer ", StringComparison.Ordinal))
            return AcceptedBearerToken is not null && authorization == "Bearer " + AcceptedBearerToken ? null : "unknown bearer token";

        if (!headers.TryGetValue("x-ms-date", out var date)
            || !DateTimeOffset.TryParseExact(date, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var sent))
            return "x-ms-date is missing or not an RFC 1123 date";
        if ((DateTimeOffset.UtcNow - sent).Duration() > TimeSpan.FromMinutes(15))
            return "x-ms-date is more than 15 minutes from now";

        var contentHash = Convert.ToBase64String(SHA256.HashData(body));
        if (headers.GetValueOrDefault("x-ms-content-sha256") != contentHash)
            return "x-ms-content-sha256 is not the SHA-256 of the body";

        const string prefix = "HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature=";
        if (!authorization.StartsWith(prefix, StringComparison.Ordinal))
            return "Authorization is not HMAC-SHA256 over x-ms-date;host;x-ms-content-sha256";
        var stringToSign = $"{method}\n{target}\n{date};{headers["Host"]};{contentHash}";
        var expected = HMACSHA256.HashData(Convert.FromBase64String(AccessKey), Encoding.UTF8.GetBytes(stringToSign));
        byte[] given;
        try { given = Convert.FromBase64String(authorization[prefix.Length..]); }
        catch (FormatException) { return "the signature is not base64"; }
        return CryptographicOperations.FixedTimeEquals(expected, given) ? null : "the signature does not match";
    }
}
