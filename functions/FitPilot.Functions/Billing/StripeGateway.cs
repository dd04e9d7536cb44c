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

    public async Task<string> CreatePortalAsync(string customerId, string returnUrl, CancellationToken ct)
    {
        var session = await new Stripe.BillingPortal.SessionService(_client).CreateAsync(new Stripe.BillingPortal.SessionCreateOptions
        {
            Customer = customerId, ReturnUrl = returnUrl,
        }, cancellationToken: ct);
        return session.Url;
    }
}
