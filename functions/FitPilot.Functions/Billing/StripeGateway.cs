using FitPilot.Contracts.Billing;
using Microsoft.Extensions.Options;
using Stripe;

namespace FitPilot.Functions.Billing;

/// <summary>
/// The Stripe API calls FitPilot makes (customer, Checkout Session, Customer Portal session), through one
/// <see cref="StripeClient"/> built from <see cref="BillingOptions"/> (its ApiBase points tests at a local fake).
/// Stripe.net pins the API version (2026-10-28.endive) it was built for.
/// </summary>
public sealed class StripeGateway(IOptions<BillingOptions> options)
{
    private readonly StripeClient _client = new(new StripeClientOptions
    {
        ApiKey = options.Value.SecretKey,
        ApiBase = string.IsNullOrEmpty(options.Value.ApiBase) ? StripeClient.DefaultApiBase : options.Value.ApiBase.TrimEnd('/'),
    });

    public async Task<string> CreateCustomerAsync(string trainerId, string email, string name, CancellationToken ct)
    {
        var customer = await new CustomerService(_client).CreateAsync(new CustomerCreateOptions
        {
            Email = email, Name = name, Metadata = new() { ["trainerId"] = trainerId },
        }, new RequestOptions { IdempotencyKey = "customer-" + trainerId }, ct);
        return customer.Id;
    }

    public async Task<string> CreateCheckoutAsync(string trainerId, string customerId, string tier, string interval, string priceId,
        string successUrl, string cancelUrl, CancellationToken ct)
    {
        var metadata = new Dictionary<string, string> { ["trainerId"] = trainerId, ["tier"] = tier, ["interval"] = interval };
        var session = await new Stripe.Checkout.SessionService(_client).CreateAsync(new Stripe.Checkout.SessionCreateOptions
        {
            Mode = "subscription",
            Customer = customerId,
            ClientReferenceId = trainerId,
            LineItems = [new Stripe.Checkout.SessionLineItemOptions { Price = priceId, Quantity = 1 }],
            SuccessUrl = successUrl,
            CancelUrl = cancelUrl,
            Metadata = metadata,
            SubscriptionData = new Stripe.Checkout.SessionSubscriptionDataOptions { Metadata = new(metadata) },
        }, cancellationToken: ct);
        return session.Url;
    }

    /// <summary>
    /// A Customer Portal session. With <paramref name="allowedPriceIds"/> the portal offers plan changes only to those
    /// prices (a portal configuration per set of prices, created once per instance): a PT with more clients than a
    /// smaller tier allows is never offered it there, the same rule Checkout enforces. Null: the account's default portal.
    /// </summary>
    public async Task<string> CreatePortalAsync(string customerId, string returnUrl, IReadOnlyList<string>? allowedPriceIds, CancellationToken ct)
    {
        var options = new Stripe.BillingPortal.SessionCreateOptions { Customer = customerId, ReturnUrl = returnUrl };
        if (allowedPriceIds is not null)
            options.Configuration = await PortalConfigurationAsync(allowedPriceIds, ct);
        var session = await new Stripe.BillingPortal.SessionService(_client).CreateAsync(options, cancellationToken: ct);
        return session.Url;
    }

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Task<string>> _portalConfigurations = new();

    private Task<string> PortalConfigurationAsync(IReadOnlyList<string> priceIds, CancellationToken ct)
    {
        var key = string.Join(',', priceIds.Order(StringComparer.Ordinal));
        var created = _portalConfigurations.GetOrAdd(key, _ => CreatePortalConfigurationAsync(priceIds, key, ct));
        if (created.IsFaulted || created.IsCanceled) _portalConfigurations.TryRemove(new(key, created)); // a failure is not remembered
        return created;
    }

    private async Task<string> CreatePortalConfigurationAsync(IReadOnlyList<string> priceIds, string key, CancellationToken ct)
    {
        // The portal lists plans by product, each with its prices: look up each price's product.
        var prices = new PriceService(_client);
        var products = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var priceId in priceIds)
        {
            var price = await prices.GetAsync(priceId, cancellationToken: ct);
            (products.TryGetValue(price.ProductId, out var list) ? list : products[price.ProductId] = []).Add(priceId);
        }
        var configuration = await new Stripe.BillingPortal.ConfigurationService(_client).CreateAsync(new Stripe.BillingPortal.ConfigurationCreateOptions
        {
            Features = new Stripe.BillingPortal.ConfigurationFeaturesOptions
            {
                InvoiceHistory = new() { Enabled = true },
                PaymentMethodUpdate = new() { Enabled = true },
                SubscriptionCancel = new() { Enabled = true, Mode = "at_period_end" },
                SubscriptionUpdate = priceIds.Count == 0 ? new() { Enabled = false } : new()
                {
                    Enabled = true,
                    DefaultAllowedUpdates = ["price"],
                    ProrationBehavior = "create_prorations",
                    Products = products.Select(p => new Stripe.BillingPortal.ConfigurationFeaturesSubscriptionUpdateProductOptions
                    {
                        Product = p.Key, Prices = p.Value,
                    }).ToList(),
                },
            },
            Metadata = new() { ["fitpilotAllowedPrices"] = key.Length <= 500 ? key : key[..500] },
        }, new RequestOptions { IdempotencyKey = "portal-config-" + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(key)))[..32] }, ct);
        return configuration.Id;
    }
}
