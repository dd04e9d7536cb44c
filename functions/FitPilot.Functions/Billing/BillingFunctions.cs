using FitPilot.Contracts.Billing;
using FitPilot.Functions.Http;
using FitPilot.Functions.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace FitPilot.Functions.Billing;

/// <summary>Plans and prices, the PT's subscription and invoices, Stripe Checkout and Portal, Stripe's webhook, the daily trial timer.</summary>
public sealed class BillingFunctions(Api api, BillingService billing, StripeWebhook webhook, TrialTimer trials, ILogger<BillingFunctions> log)
{
    [Function(nameof(GetBillingPlans))]
    [ApiOperation("The tiers with their client limits and monthly/yearly prices in cents (from configuration), and the trial length: for the pricing section",
        Access.Anonymous, null, typeof(BillingPlans))]
    public Task<IResult> GetBillingPlans(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "billing/plans")] HttpRequest req) =>
        api.Handle<Nobody>(req, _ => Task.FromResult(Reply.Ok(billing.Plans())));

    [Function(nameof(GetBilling))]
    [ApiOperation("The PT's subscription: tier, status, trial days left, period end, cancel at period end, client limit and count, " +
        "why writes are refused (writeRefusal: trial-expired, canceled, past-due-beyond-grace, paused; null when they are not), newest invoices",
        Access.Trainer, null, typeof(BillingState))]
    public Task<IResult> GetBilling(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "billing")] HttpRequest req) =>
        api.Handle<TrainerCaller>(req, async call => Reply.Ok(await billing.StateAsync(call.Caller.TrainerId, call.Cancellation)));

    [Function(nameof(StartCheckout))]
    [ApiOperation("Start a Stripe Checkout for a tier and interval; answers the Checkout page's URL to open " +
        "(409 when already subscribed, or when the PT has more clients than the tier allows; 502 when Stripe fails)",
        Access.Trainer, typeof(CheckoutRequest), typeof(RedirectResponse), Problems = [409, 502], OpenWhenLapsed = true)]
    public Task<IResult> StartCheckout(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "billing/checkout")] HttpRequest req) =>
        api.Handle<TrainerCaller, CheckoutRequest>(req, async call =>
            Reply.Ok(await billing.CheckoutAsync(call.Caller.TrainerId, call.Body, call.Cancellation)));

    [Function(nameof(OpenBillingPortal))]
    [ApiOperation("Open Stripe's Customer Portal (payment method, plan change, cancel, invoices); answers its URL (409 before the first checkout)",
        Access.Trainer, null, typeof(RedirectResponse), Problems = [409, 502], OpenWhenLapsed = true)]
    public Task<IResult> OpenBillingPortal(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "billing/portal")] HttpRequest req) =>
        api.Handle<TrainerCaller>(req, async call => Reply.Ok(await billing.PortalAsync(call.Caller.TrainerId, call.Cancellation)));

    [Function(nameof(StripeWebhookReceived))]
    [ApiOperation("Stripe's webhook (signed with the endpoint secret; 400 when the signature is missing, wrong or stale, 413 over 1 MB): " +
        "applies checkout.session.completed, customer.subscription.*, invoice.paid and invoice.payment_failed once each; other types answer 200 with outcome ignored",
        Access.Anonymous, null, typeof(WebhookReceipt), Problems = [413])]
    public Task<IResult> StripeWebhookReceived(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "stripe/webhook")] HttpRequest req) =>
        api.Handle<Nobody>(req, async call => Reply.Ok(await webhook.HandleAsync(req, call.Cancellation)));

    /// <summary>
    /// Daily at 02:00 UTC (NCRONTAB, 6 fields): expires trials past their end and sends the trial-ending
    /// emails 3 days and 1 day before it, each once however often this runs.
    /// </summary>
    [Function(nameof(ExpireTrials))]
    public async Task ExpireTrials([TimerTrigger("0 0 2 * * *")] TimerInfo timer, CancellationToken ct)
    {
        var roundTrips = StorageRoundTrips.Begin();
        var result = await trials.RunAsync(ct);
        log.LogInformation("Trial timer: {Expired} expired, {Three} 3-day and {One} 1-day notices ({RoundTrips} storage round trips)",
            result.Expired, result.ThreeDayNotices, result.OneDayNotices, roundTrips.Count);
    }
}
