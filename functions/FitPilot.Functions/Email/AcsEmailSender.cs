using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Azure.Core;
using Azure.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FitPilot.Functions.Email;

/// <summary>
/// Delivery through Azure Communication Services Email, spoken as its REST API (api-version
/// 2023-03-31; the Azure.Communication.Email package is not used): <c>POST {endpoint}/emails:send</c>,
/// then polling the returned <c>Operation-Location</c> until the operation has <c>Succeeded</c> or
/// <c>Failed</c>. Requests are signed with the resource's access key (HMAC-SHA256) or carry an Entra
/// token of the app's managed identity. The outbox's id is the <c>Operation-Id</c>, so a retry of an
/// email that ACS already accepted does not send it twice.
/// </summary>
public sealed class AcsEmailSender(HttpClient http, IOptions<EmailOptions> options, AcsTokenSource tokens, TimeProvider time, ILogger<AcsEmailSender> log)
    : IEmailSender
{
    public const string ApiVersion = "2023-03-31";
    private static readonly TimeSpan DefaultPollInterval = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MaxPollInterval = TimeSpan.FromSeconds(30);
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    public async Task SendAsync(EmailMessage message, CancellationToken ct)
    {
        var o = options.Value;
        var endpoint = o.Acs.Endpoint.TrimEnd('/');
        var operationId = message.Id ?? ContentId(message);
        var body = JsonSerializer.SerializeToUtf8Bytes(new AcsSendRequest(
            string.IsNullOrWhiteSpace(o.Acs.SenderAddress) ? o.FromAddress : o.Acs.SenderAddress,
            new AcsRecipients([new AcsAddress(message.To, string.IsNullOrWhiteSpace(message.ToName) ? null : message.ToName)]),
            new AcsContent(message.Subject, message.Text, message.Html),
            new Dictionary<string, string> { ["X-FitPilot-Template"] = message.Template },
            // Engagement tracking rewrites links; ours carry one-time tokens and must reach the reader as sent.
            UserEngagementTrackingDisabled: true,
            message.Attachments is { Count: > 0 } files ? files.Select(a => new AcsAttachment(a.Name, a.ContentType, a.ContentBase64)).ToArray() : null), Json);

        using var send = new HttpRequestMessage(HttpMethod.Post, new Uri($"{endpoint}/emails:send?api-version={ApiVersion}"))
        {
            Content = new ByteArrayContent(body) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } },
        };
        send.Headers.Add("Operation-Id", operationId.ToString());
        await AuthorizeAsync(send, body, ct);
        using var accepted = await http.SendAsync(send, ct);
        if (accepted.StatusCode != HttpStatusCode.Accepted)
            throw await RefusedAsync("Send", accepted, ct);

        var location = accepted.Headers.TryGetValues("Operation-Location", out var values) ? values.FirstOrDefault() : null;
        var operation = location is not null && Uri.TryCreate(location, UriKind.Absolute, out var l) ? l
            : new Uri($"{endpoint}/emails/operations/{operationId}?api-version={ApiVersion}");
        var result = await ReadResultAsync(accepted, ct);
        var wait = RetryAfter(accepted) ?? DefaultPollInterval;
        var deadline = time.GetUtcNow() + o.Acs.PollTimeout;
        while (true)
        {
            switch (result?.Status)
            {
                case "Succeeded":
                    log.LogInformation("ACS accepted and sent email operation {Operation}", operationId);
                    return;
                case "Failed" or "Canceled":
                    throw new EmailDeliveryException(
                        $"ACS email operation {operationId} {result.Status}: {result.Error?.Code} {result.Error?.Message}".TrimEnd(), permanent: true);
            }
            if (time.GetUtcNow() + wait > deadline)
                throw new EmailDeliveryException($"ACS email operation {operationId} was still {result?.Status ?? "unknown"} after {o.Acs.PollTimeout}; the outbox tries again with the same Operation-Id.", permanent: false);
            await Task.Delay(wait, time, ct);

            using var poll = new HttpRequestMessage(HttpMethod.Get, operation);
            await AuthorizeAsync(poll, [], ct);
            using var status = await http.SendAsync(poll, ct);
            if (status.StatusCode != HttpStatusCode.OK)
                throw await RefusedAsync("Status poll", status, ct);
            result = await ReadResultAsync(status, ct);
            wait = RetryAfter(status) ?? DefaultPollInterval;
            if (wait > MaxPollInterval) wait = MaxPollInterval;
        }
    }

    /// <summary>
    /// Access key: <c>x-ms-date</c>, <c>x-ms-content-sha256</c> and an HMAC-SHA256 signature of
    /// "VERB\npath?query\ndate;host;content-hash" (the documented string to sign). Managed identity: a Bearer token.
    /// </summary>
    private async Task AuthorizeAsync(HttpRequestMessage request, byte[] body, CancellationToken ct)
    {
        var acs = options.Value.Acs;
        if (acs.UseManagedIdentity)
        {
            var token = await tokens.GetTokenAsync(ct);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.Token);
            return;
        }
        var uri = request.RequestUri!;
        var date = time.GetUtcNow().ToString("r", CultureInfo.InvariantCulture);
        var contentHash = Convert.ToBase64String(SHA256.HashData(body));
        var stringToSign = $"{request.Method.Method}\n{uri.PathAndQuery}\n{date};{uri.Authority};{contentHash}";
        var signature = Convert.ToBase64String(HMACSHA256.HashData(Convert.FromBase64String(acs.AccessKey!.Trim()), Encoding.UTF8.GetBytes(stringToSign)));
        request.Headers.Add("x-ms-date", date);
        request.Headers.Add("x-ms-content-sha256", contentHash);
        request.Headers.TryAddWithoutValidation("Authorization", $"HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature={signature}");
    }

    /// <summary>429, 408 and 5xx are transient (with the Retry-After the service gave); every other answer is permanent.</summary>
    private static async Task<EmailDeliveryException> RefusedAsync(string step, HttpResponseMessage response, CancellationToken ct)
    {
        var code = (int)response.StatusCode;
        var detail = "";
        try
        {
            var error = (await response.Content.ReadFromJsonAsync<AcsErrorResponse>(Json, ct))?.Error;
            if (error is not null) detail = $": {error.Code} {error.Message}".TrimEnd();
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or InvalidOperationException) { }
        var transient = code is 408 or 429 || code >= 500;
        return new EmailDeliveryException($"{step} answered {code} {response.ReasonPhrase}{detail}", permanent: !transient,
            retryAfter: transient ? RetryAfter(response) : null);
    }

    private static async Task<AcsSendResult?> ReadResultAsync(HttpResponseMessage response, CancellationToken ct)
    {
        try { return await response.Content.ReadFromJsonAsync<AcsSendResult>(Json, ct); }
        catch (JsonException) { return null; }
    }

    /// <summary>Retry-After in seconds or as an HTTP date, or ACS's retry-after-ms.</summary>
    private static TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        if (response.Headers.TryGetValues("retry-after-ms", out var ms) && double.TryParse(ms.FirstOrDefault(), NumberStyles.Float, CultureInfo.InvariantCulture, out var millis))
            return TimeSpan.FromMilliseconds(Math.Max(0, millis));
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta) return delta;
        if (header?.Date is { } date)
        {
            var wait = date - (response.Headers.Date ?? DateTimeOffset.UtcNow);
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }
        return null;
    }

    /// <summary>For messages queued before the outbox gave every email an id: the same email gives the same id on every try.</summary>
    private static Guid ContentId(EmailMessage m) =>
        new(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', m.To, m.Subject, m.Template, m.Text)))[..16]);

    private sealed record AcsSendRequest(string SenderAddress, AcsRecipients Recipients, AcsContent Content, Dictionary<string, string> Headers, bool UserEngagementTrackingDisabled,
        AcsAttachment[]? Attachments);
    private sealed record AcsAttachment(string Name, string ContentType, string ContentInBase64);
    private sealed record AcsRecipients(AcsAddress[] To);
    private sealed record AcsAddress(string Address, string? DisplayName);
    private sealed record AcsContent(string Subject, string PlainText, string Html);
    private sealed record AcsSendResult(string? Id, string? Status, AcsError? Error);
    private sealed record AcsErrorResponse(AcsError? Error);
    private sealed record AcsError(string? Code, string? Message);
}

/// <summary>Entra tokens for ACS (scope <c>https://communication.azure.com/.default</c>) when <c>Email:Acs:UseManagedIdentity</c> is set.</summary>
public sealed class AcsTokenSource(TokenCredential credential)
{
    public const string Scope = "https://communication.azure.com/.default";

    /// <summary>The app's managed identity in Azure (a user-assigned one when a client id is set); the developer's login locally.</summary>
    public static AcsTokenSource ForManagedIdentity(AcsOptions acs) => new(new DefaultAzureCredential(
        new DefaultAzureCredentialOptions { ManagedIdentityClientId = string.IsNullOrWhiteSpace(acs.ManagedIdentityClientId) ? null : acs.ManagedIdentityClientId }));

    public async Task<AccessToken> GetTokenAsync(CancellationToken ct)
    {
        try
        {
            return await credential.GetTokenAsync(new TokenRequestContext([Scope]), ct);
        }
        catch (AuthenticationFailedException e)
        {
            // No token now (identity endpoint down, role not yet assigned): the outbox tries again.
            throw new EmailDeliveryException("No Entra token for ACS: " + e.Message, permanent: false, inner: e);
        }
    }
}
