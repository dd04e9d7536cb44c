using System.Text.Json.Nodes;
using Stripe;

namespace FitPilot.Tests.Billing;

/// <summary>Stripe webhook payloads as Stripe sends them (API version 2026-10-28.endive), signed with <see cref="EventUtility.GenerateSignatureHeader"/>.</summary>
public static class StripeEvents
{
    public const string ApiVersion = "2026-10-28.endive";

    public static long Unix(DateTimeOffset t) => t.ToUnixTimeSeconds();

    public static string Event(string type, JsonObject data, DateTimeOffset created, string? id = null) => new JsonObject
    {
        ["id"] = id ?? "evt_" + Guid.NewGuid().ToString("N"),
        ["object"] = "event",
        ["api_version"] = ApiVersion,
        ["created"] = Unix(created),
        ["livemode"] = false,
        ["pending_webhooks"] = 1,
        ["request"] = new JsonObject { ["id"] = null, ["idempotency_key"] = null },
        ["type"] = type,
        ["data"] = new JsonObject { ["object"] = data },
    }.ToJsonString();

    public static JsonObject CheckoutSession(string trainerId, string customer, string subscription, string tier = "Studio", string interval = "month") => new()
    {
        ["id"] = "cs_test_" + Guid.NewGuid().ToString("N")[..12], ["object"] = "checkout.session", ["mode"] = "subscription",
        ["client_reference_id"] = trainerId, ["customer"] = customer, ["subscription"] = subscription,
        ["payment_status"] = "paid", ["status"] = "complete",
        ["metadata"] = new JsonObject { ["trainerId"] = trainerId, ["tier"] = tier, ["interval"] = interval },
    };

    public static JsonObject Subscription(string trainerId, string customer, string id, string status, string price, DateTimeOffset periodEnd, bool cancelAtPeriodEnd = false) => new()
    {
        ["id"] = id, ["object"] = "subscription", ["customer"] = customer, ["status"] = status,
        ["cancel_at_period_end"] = cancelAtPeriodEnd,
        ["metadata"] = new JsonObject { ["trainerId"] = trainerId },
        ["items"] = new JsonObject
        {
            ["object"] = "list",
            ["data"] = new JsonArray(new JsonObject
            {
                ["id"] = "si_" + id, ["object"] = "subscription_item", ["quantity"] = 1,
                ["current_period_start"] = Unix(periodEnd.AddMonths(-1)), ["current_period_end"] = Unix(periodEnd),
                ["price"] = new JsonObject { ["id"] = price, ["object"] = "price" },
            }),
        },
    };

    /// <summary>An invoice of a subscription (no trainerId in its metadata when <paramref name="trainerId"/> is null: found by customer).</summary>
    public static JsonObject Invoice(string? trainerId, string customer, string subscription, string id, long amountCents, bool paid, DateTimeOffset created) => new()
    {
        ["id"] = id, ["object"] = "invoice", ["customer"] = customer, ["currency"] = "aud",
        ["amount_due"] = amountCents, ["amount_paid"] = paid ? amountCents : 0,
        ["status"] = paid ? "paid" : "open", ["created"] = Unix(created),
        ["hosted_invoice_url"] = $"https://invoice.stripe.test/i/{id}",
        ["parent"] = new JsonObject
        {
            ["type"] = "subscription_details",
            ["subscription_details"] = new JsonObject
            {
                ["subscription"] = subscription,
                ["metadata"] = trainerId is null ? new JsonObject() : new JsonObject { ["trainerId"] = trainerId },
            },
        },
    };

    public static string Sign(string payload, string secret, DateTimeOffset? at = null) =>
        EventUtility.GenerateSignatureHeader(payload, secret, at is { } t ? Unix(t) : null);
}
