using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using FitPilot.LocalHost;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace FitPilot.Tests.Infrastructure;

/// <summary>
/// Stripe's API as far as FitPilot calls it, on 127.0.0.1 (StripeClient's ApiBase points here): it
/// records every request (method, path, form fields, API key) so tests check what was sent, and answers
/// with the objects Stripe.net expects — a customer, a Checkout Session, a price, a Customer Portal configuration and session.
/// A request without the configured secret key is a 401, as at Stripe.
/// </summary>
public sealed class StripeFake : IAsyncDisposable
{
    public sealed record Request(string Method, string Path, IReadOnlyDictionary<string, string> Form, string? ApiKey, string? IdempotencyKey);

    private readonly WebApplication _app;
    private int _next;
    public ConcurrentQueue<Request> Requests { get; } = new();
    public string Url { get; }
    public string SecretKey { get; }

    private StripeFake(WebApplication app, string url, string secretKey)
    {
        _app = app;
        Url = url;
        SecretKey = secretKey;
    }

    public static async Task<StripeFake> StartAsync(string secretKey)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        var url = $"http://127.0.0.1:{DevServices.FreePort()}";
        builder.WebHost.UseUrls(url);
        var app = builder.Build();
        var fake = new StripeFake(app, url, secretKey);
        app.Run(fake.HandleAsync);
        await app.StartAsync();
        return fake;
    }

    public IReadOnlyList<Request> To(string path) => Requests.Where(r => r.Path == path).ToList();

    private async Task HandleAsync(HttpContext context)
    {
        var form = context.Request.HasFormContentType
            ? (await context.Request.ReadFormAsync()).ToDictionary(f => f.Key, f => f.Value.ToString())
            : new Dictionary<string, string>();
        var auth = context.Request.Headers.Authorization.ToString();
        var key = auth.StartsWith("Bearer ", StringComparison.Ordinal) ? auth[7..] : null;
        Requests.Enqueue(new Request(context.Request.Method, context.Request.Path, form, key, context.Request.Headers["Idempotency-Key"].ToString()));
        if (key != SecretKey)
        {
            await Json(context, 401, new JsonObject { ["error"] = new JsonObject { ["type"] = "invalid_request_error", ["message"] = "Invalid API Key provided" } });
            return;
        }
        var n = Interlocked.Increment(ref _next);
        switch (context.Request.Method, context.Request.Path.Value)
        {
            case ("POST", "/v1/customers"):
                await Json(context, 200, new JsonObject { ["id"] = $"cus_fake{n}", ["object"] = "customer", ["email"] = form.GetValueOrDefault("email") });
                break;
            case ("POST", "/v1/checkout/sessions"):
                await Json(context, 200, new JsonObject
                {
                    ["id"] = $"cs_test_fake{n}", ["object"] = "checkout.session", ["mode"] = "subscription",
                    ["customer"] = form.GetValueOrDefault("customer"), ["client_reference_id"] = form.GetValueOrDefault("client_reference_id"),
                    ["url"] = $"https://checkout.stripe.test/c/pay/cs_test_fake{n}",
                });
                break;
            case ("POST", "/v1/billing_portal/sessions"):
                await Json(context, 200, new JsonObject
                {
                    ["id"] = $"bps_fake{n}", ["object"] = "billing_portal.session", ["customer"] = form.GetValueOrDefault("customer"),
                    ["url"] = $"https://billing.stripe.test/p/session/bps_fake{n}",
                });
                break;
            case ("GET", var path) when path!.StartsWith("/v1/prices/", StringComparison.Ordinal):
                // price_test_studio_monthly → prod_studio: one product per tier, as a real account is set up.
                var priceId = path["/v1/prices/".Length..];
                var parts = priceId.Split('_');
                await Json(context, 200, new JsonObject
                {
                    ["id"] = priceId, ["object"] = "price", ["product"] = "prod_" + (parts.Length > 2 ? parts[2] : priceId),
                });
                break;
            case ("POST", "/v1/billing_portal/configurations"):
                await Json(context, 200, new JsonObject { ["id"] = $"bpc_fake{n}", ["object"] = "billing_portal.configuration", ["active"] = true });
                break;
            default:
                await Json(context, 404, new JsonObject { ["error"] = new JsonObject { ["type"] = "invalid_request_error", ["message"] = "Unrecognized request URL" } });
                break;
        }
    }

    private static async Task Json(HttpContext context, int status, JsonObject body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(body.ToJsonString());
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
