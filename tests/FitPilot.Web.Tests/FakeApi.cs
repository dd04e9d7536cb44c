using System.Net;
using System.Text;

namespace FitPilot.Web.Tests;

/// <summary>An HttpMessageHandler that answers from a list of canned responses and records the requests.</summary>
public sealed class FakeApi : HttpMessageHandler
{
    private readonly List<(Func<HttpRequestMessage, bool> Match, Func<HttpResponseMessage> Respond)> _routes = [];
    public List<string> Requests { get; } = [];

    public FakeApi On(string method, string pathAndQueryStart, HttpStatusCode status, string? json = null, string contentType = "application/json")
    {
        _routes.Add((r => r.Method.Method == method && r.RequestUri!.PathAndQuery.StartsWith(pathAndQueryStart, StringComparison.Ordinal),
            () => new HttpResponseMessage(status) { Content = new StringContent(json ?? "", Encoding.UTF8, contentType) }));
        return this;
    }

    public FakeApi Fail(string method, string pathStart)
    {
        _routes.Add((r => r.Method.Method == method && r.RequestUri!.PathAndQuery.StartsWith(pathStart, StringComparison.Ordinal),
            () => throw new HttpRequestException("connection refused")));
        return this;
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Requests.Add($"{request.Method} {request.RequestUri!.PathAndQuery}");
        var route = _routes.LastOrDefault(r => r.Match(request));
        if (route.Respond is null) return Task.FromResult(new HttpResponseMessage(HttpStatusCode.NotFound));
        return Task.FromResult(route.Respond());
    }

    public HttpClient Client() => new(this) { BaseAddress = new Uri("http://localhost/") };

    public static string Problem(int status, string title, string? detail = null, string? errorsJson = null) =>
        $$"""{"type":"about:blank","title":"{{title}}","status":{{status}}{{(detail is null ? "" : $",\"detail\":\"{detail}\"")}}{{(errorsJson is null ? "" : $",\"errors\":{errorsJson}")}}}""";
}
