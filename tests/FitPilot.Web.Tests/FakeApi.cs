using System.Net;
using System.Text;

namespace FitPilot.Web.Tests;

/// <summary>An HttpMessageHandler that answers from a list of canned responses and records the requests.</summary>
public sealed class FakeApi : HttpMessageHandler
{
    private readonly List<(Func<HttpRequestMessage, bool> Match, Func<Task<HttpResponseMessage>> Respond)> _routes = [];
    public List<string> Requests { get; } = [];
    /// <summary>The requests with their JSON bodies and If-Match headers, in order.</summary>
    public List<SentRequest> Sent { get; } = [];

    /// <param name="etag">Sent back as the response's ETag (a quoted string, e.g. "\"v1\"").</param>
    public FakeApi On(string method, string pathAndQueryStart, HttpStatusCode status, string? json = null, string contentType = "application/json", string? etag = null)
    {
        _routes.Add((r => r.Method.Method == method && r.RequestUri!.PathAndQuery.StartsWith(pathAndQueryStart, StringComparison.Ordinal),
            () =>
            {
                var response = new HttpResponseMessage(status) { Content = new StringContent(json ?? "", Encoding.UTF8, contentType) };
                if (etag is not null) response.Headers.ETag = System.Net.Http.Headers.EntityTagHeaderValue.Parse(etag);
                return Task.FromResult(response);
            }));
        return this;
    }

    /// <summary>Requests to <paramref name="pathAndQueryStart"/> wait until the test answers them (a long poll, a slow network): call <c>Answer</c>.</summary>
    public HeldRoute Hold(string method, string pathAndQueryStart)
    {
        var held = new HeldRoute();
        _routes.Add((r => r.Method.Method == method && r.RequestUri!.PathAndQuery.StartsWith(pathAndQueryStart, StringComparison.Ordinal),
            () => held.Response.Task));
        return held;
    }

    public sealed class HeldRoute
    {
        internal TaskCompletionSource<HttpResponseMessage> Response { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public void Answer(HttpStatusCode status, string json) =>
            Response.SetResult(new HttpResponseMessage(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") });
    }

    public FakeApi Fail(string method, string pathStart)
    {
        _routes.Add((r => r.Method.Method == method && r.RequestUri!.PathAndQuery.StartsWith(pathStart, StringComparison.Ordinal),
            () => Task.FromException<HttpResponseMessage>(new HttpRequestException("connection refused"))));
        return this;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Requests.Add($"{request.Method} {request.RequestUri!.PathAndQuery}");
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        Sent.Add(new SentRequest(request.Method.Method, request.RequestUri.PathAndQuery, body,
            request.Headers.TryGetValues("If-Match", out var ifMatch) ? string.Join(",", ifMatch) : null));
        var route = _routes.LastOrDefault(r => r.Match(request));
        if (route.Respond is null) return new HttpResponseMessage(HttpStatusCode.NotFound);
        return await route.Respond();
    }

    public HttpClient Client() => new(this) { BaseAddress = new Uri("http://localhost/") };

    public static string Problem(int status, string title, string? detail = null, string? errorsJson = null) =>
        $$"""{"type":"about:blank","title":"{{title}}","status":{{status}}{{(detail is null ? "" : $",\"detail\":\"{detail}\"")}}{{(errorsJson is null ? "" : $",\"errors\":{errorsJson}")}}}""";

    /// <summary>A contract as the API sends it.</summary>
    public static string Json<T>(T value) => System.Text.Json.JsonSerializer.Serialize(value, FitPilot.Web.Api.ApiClient.Json);
}

public sealed record SentRequest(string Method, string PathAndQuery, string? Body, string? IfMatch)
{
    /// <summary>The JSON body's root, to check what was sent.</summary>
    public System.Text.Json.JsonElement Json => System.Text.Json.JsonDocument.Parse(Body!).RootElement;
}
