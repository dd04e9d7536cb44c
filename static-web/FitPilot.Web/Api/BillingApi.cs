using FitPilot.Contracts.Billing;

namespace FitPilot.Web.Api;

/// <summary>Plans and prices, the PT's subscription and invoices, and the way to Stripe (Checkout, Customer Portal).</summary>
public sealed class BillingApi(ApiClient api)
{
    /// <summary>The tiers with their client limits and prices (in cents, from configuration) and the trial length; anonymous.</summary>
    public Task<ApiResult<BillingPlans>> PlansAsync() => api.GetAsync<BillingPlans>("api/billing/plans");

    /// <summary>The signed-in PT's subscription, client count and newest invoices.</summary>
    public Task<ApiResult<BillingState>> StateAsync() => api.GetAsync<BillingState>("api/billing");

    /// <summary>A Stripe Checkout page for the tier and interval ("month" or "year"): open its URL.</summary>
    public Task<ApiResult<RedirectResponse>> CheckoutAsync(string tier, string interval) =>
        api.PostAsync<RedirectResponse>("api/billing/checkout", new CheckoutRequest { Tier = tier, Interval = interval });

    /// <summary>Stripe's Customer Portal (card, plan, cancel): open its URL.</summary>
    public Task<ApiResult<RedirectResponse>> PortalAsync() => api.PostAsync<RedirectResponse>("api/billing/portal", null);
}
