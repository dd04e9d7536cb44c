using System.Text;
using FitPilot.Contracts.Billing;
using FitPilot.Contracts.Trainers;
using FitPilot.Functions.Common;
using FitPilot.Functions.Email;
using FitPilot.Functions.Events;
using FitPilot.Functions.Http;
using FitPilot.Functions.Storage;
using FitPilot.Functions.Trainers;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Stripe;
using SubscriptionStatuses = FitPilot.Contracts.Trainers.SubscriptionStatuses;

namespace FitPilot.Functions.Billing;

/// <summary>
/// POST /api/stripe/webhook: verifies Stripe's signature (endpoint secret, configurable tolerance), then
/// applies the event to the PT's billing partition exactly once and mirrors the result onto their row.
/// <list type="bullet">
/// <item>Exactly once: the event id is added in the same entity group transaction as the state change and
/// the payment (<see cref="BillingStore.TryApplyAsync"/>); a replay finds it and changes nothing.</item>
/// <item>Out of order: the state keeps the <c>created</c> time of the event that set it
/// (<see cref="SubscriptionEntity.StateAsOf"/>); an event created earlier is recorded but does not change it.
/// Chosen over re-fetching the subscription from Stripe: no Stripe call inside the webhook (fast answers,
/// no rate limit, works while Stripe's API is slow), and the event carries the full object anyway.
/// Events created within the same second apply in arrival order.</item>
/// </list>
/// Round trips: an event naming its PT reads the partition once (subscription, event id, payment in one
/// query), writes one transaction, and mirrors (read + write of the PT's row); a payment failure adds the email.
/// </summary>
public sealed class StripeWebhook(
    BillingStore store, TrainerStore trainers, EmailOutbox outbox, EventBus events,
    IOptions<BillingOptions> billingOptions, IOptions<AppOptions> appOptions, TimeProvider clock, ILogger<StripeWebhook> log)
{
    public const int MaxBodyBytes = 1024 * 1024;
    public const string SignatureHeader = "Stripe-Signature";

    private BillingOptions Billing => billingOptions.Value;

    public async Task<WebhookReceipt> HandleAsync(HttpRequest request, CancellationToken ct)
    {
        var body = await RequestBody.ReadLimitedAsync(request, MaxBodyBytes, ct);
        var signature = request.Headers[SignatureHeader].ToString();
        if (string.IsNullOrWhiteSpace(signature))
            throw new ProblemException(400, "Missing signature", $"A Stripe webhook carries a {SignatureHeader} header.");
        Event stripeEvent;
        try
        {
            stripeEvent = EventUtility.ConstructEvent(Encoding.UTF8.GetString(body), signature, Billing.WebhookSecret,
                Billing.WebhookToleranceSeconds, clock.GetUtcNow().ToUnixTimeSeconds(), throwOnApiVersionMismatch: false);
        }
        catch (StripeException e) when (e.Message.Contains("tolerance", StringComparison.OrdinalIgnoreCase))
        {
            throw new ProblemException(400, "Stale webhook", $"The signed timestamp is more than {Billing.WebhookToleranceSeconds} seconds from now; nothing was changed.");
        }
        catch (Exception e) when (e is StripeException or System.Text.Json.JsonException or Newtonsoft.Json.JsonException or ArgumentException or FormatException)
        {
            log.LogWarning("Refused a webhook: {Message}", e.Message);
            throw new ProblemException(400, "Invalid signature", "The Stripe-Signature does not match this body and the endpoint secret; nothing was changed.");
        }
        var receipt = await ApplyAsync(stripeEvent, ct);
        log.LogInformation("Stripe event {Id} {Type}: {Outcome}", receipt.EventId, receipt.Type, receipt.Outcome);
        return receipt;
    }

    /// <summary>What one event means for a PT: who, and how it changes their state and payments.</summary>
    private sealed record Change(string? TrainerId, string? CustomerId, Action<SubscriptionEntity, DateTimeOffset>? State, Invoice? Invoice, bool PaymentFailed);

    private Change? Interpret(Event e) => e.Data.Object switch
    {
        Stripe.Checkout.Session s when e.Type == EventTypes.CheckoutSessionCompleted => new Change(
            s.ClientReferenceId ?? Meta(s.Metadata), s.CustomerId, (state, _) =>
            {
                state.StripeCustomerId = s.CustomerId ?? state.StripeCustomerId;
                state.StripeSubscriptionId = s.SubscriptionId ?? state.StripeSubscriptionId;
                if (Meta(s.Metadata, "tier") is { } tier && BillingOptions.TierNames.Contains(tier)) state.Tier = tier;
                if (Meta(s.Metadata, "interval") is BillingIntervals.Month or BillingIntervals.Year) state.Interval = Meta(s.Metadata, "interval");
                if (s.PaymentStatus is "paid" or "no_payment_required") SetStatus(state, SubscriptionStatuses.Active, e.Created);
            }, null, false),
        Subscription sub when e.Type is EventTypes.CustomerSubscriptionCreated or EventTypes.CustomerSubscriptionUpdated
            or EventTypes.CustomerSubscriptionDeleted or EventTypes.CustomerSubscriptionPaused or EventTypes.CustomerSubscriptionResumed => new Change(
            Meta(sub.Metadata), sub.CustomerId, (state, created) =>
            {
                state.StripeCustomerId = sub.CustomerId ?? state.StripeCustomerId;
                state.StripeSubscriptionId = sub.Id;
                var item = sub.Items?.Data?.FirstOrDefault();
                if (item?.Price?.Id is { } price)
                {
                    state.PriceId = price;
                    if (Billing.PriceOf(price) is { } plan) (state.Tier, state.Interval) = plan;
                    else log.LogWarning("Subscription {Id} has price {Price}, which no tier in Billing:Tiers has", sub.Id, price);
                }
                if (item is not null && item.CurrentPeriodEnd != default) state.PeriodEnd = new DateTimeOffset(DateTime.SpecifyKind(item.CurrentPeriodEnd, DateTimeKind.Utc));
                state.CancelAtPeriodEnd = sub.CancelAtPeriodEnd;
                var status = e.Type == EventTypes.CustomerSubscriptionDeleted ? "canceled" : sub.Status;
                switch (status)
                {
                    case "active" or "trialing": SetStatus(state, SubscriptionStatuses.Active, created); break;
                    case "past_due" or "unpaid": SetStatus(state, SubscriptionStatuses.PastDue, created); break;
                    case "canceled" or "incomplete_expired": SetStatus(state, SubscriptionStatuses.Canceled, created); state.CancelAtPeriodEnd = false; break;
                    case "paused": SetStatus(state, SubscriptionStatuses.Paused, created); break;
                    // "incomplete": the first payment is still being attempted; the state stays as it is.
                }
            }, null, false),
        Subscription sub when e.Type == EventTypes.CustomerSubscriptionTrialWillEnd =>
            // FitPilot's trial is its own (the trial timer emails the PT); Stripe's trial notice is only recorded.
            new Change(Meta(sub.Metadata), sub.CustomerId, null, null, false),
        Invoice invoice when e.Type == EventTypes.InvoicePaid => new Change(
            Meta(invoice.Parent?.SubscriptionDetails?.Metadata), invoice.CustomerId, (state, created) =>
            {
                if (state.Status is null or SubscriptionStatuses.PastDue or SubscriptionStatuses.Trial or SubscriptionStatuses.Expired)
                    SetStatus(state, SubscriptionStatuses.Active, created);
            }, invoice, false),
        Invoice invoice when e.Type == EventTypes.InvoicePaymentFailed => new Change(
            Meta(invoice.Parent?.SubscriptionDetails?.Metadata), invoice.CustomerId, (state, created) =>
            {
                if (state.Status is not (SubscriptionStatuses.Canceled or SubscriptionStatuses.Paused))
                    SetStatus(state, SubscriptionStatuses.PastDue, created);
            }, invoice, true),
        _ => null,
    };

    private static string? Meta(IDictionary<string, string>? metadata, string key = "trainerId") =>
        metadata is not null && metadata.TryGetValue(key, out var value) ? value : null;

    private static void SetStatus(SubscriptionEntity state, string status, DateTimeOffset created)
    {
        if (status == SubscriptionStatuses.PastDue) state.PastDueSince ??= created;
        else state.PastDueSince = null;
        state.Status = status;
    }

    private async Task<WebhookReceipt> ApplyAsync(Event e, CancellationToken ct)
    {
        WebhookReceipt Receipt(string outcome) => new(e.Id, e.Type, outcome);
        var change = Interpret(e);
        if (change is null) return Receipt(WebhookOutcomes.Ignored);

        var trainerId = change.TrainerId;
        if (!TenantTable.IsValidKey(trainerId) && change.CustomerId is { } customer)
            trainerId = await store.TrainerOfCustomerAsync(customer, ct);
        if (!TenantTable.IsValidKey(trainerId) || !TenantTable.IsValidKey(e.Id))
        {
            log.LogWarning("Stripe event {Id} {Type} names no PT (customer {Customer})", e.Id, e.Type, change.CustomerId);
            return Receipt(WebhookOutcomes.Unattributed);
        }

        var created = new DateTimeOffset(DateTime.SpecifyKind(e.Created, DateTimeKind.Utc));
        var paymentRow = change.Invoice is { } inv ? PaymentEntity.RowKeyOf(Utc(inv.Created), inv.Id) : null;
        for (var attempt = 1; ; attempt++)
        {
            var snapshot = await store.ReadForEventAsync(trainerId!, e.Id, paymentRow, ct);
            if (snapshot.EventSeen)
            {
                // Already applied; make sure the PT's row shows it (a mirror interrupted last time is finished now).
                if (snapshot.Subscription is { } applied) await MirrorAsync(applied, ct);
                return Receipt(WebhookOutcomes.Duplicate);
            }

            var isNew = snapshot.Subscription is null;
            var state = snapshot.Subscription ?? new SubscriptionEntity { PartitionKey = trainerId! };
            var stale = state.StateAsOf is { } asOf && created < asOf;
            var changes = change.State is not null && !stale;
            if (changes)
            {
                change.State!(state, created);
                state.StateAsOf = created;
                state.Version++;
            }
            var payment = Payment(change.Invoice, snapshot.Payment, trainerId!, paymentRow, change.PaymentFailed, created);
            var processed = new ProcessedEventEntity
            {
                PartitionKey = trainerId!, RowKey = ProcessedEventEntity.Prefix + e.Id, Type = e.Type, Created = created, ProcessedAt = clock.GetUtcNow(),
            };
            if (!await store.TryApplyAsync(state, isNew, processed, payment, ct))
            {
                if (attempt < 5) continue; // another webhook for this PT committed first: read again
                throw DomainException.Conflict("Another update of this subscription is in progress; Stripe will retry.");
            }

            var trainer = changes ? await MirrorAsync(state, ct) : null;
            if (changes) await events.PublishAsync(new SubscriptionChanged(trainerId!, state.Status, state.Tier, state.Interval, created, state.Version), ct);
            if (stale) return Receipt(WebhookOutcomes.Stale);
            if (change.PaymentFailed && change.Invoice is { } failed)
                await EmailPaymentFailedAsync(trainer ?? await trainers.FindAsync(trainerId!, ct), failed, ct);
            return Receipt(WebhookOutcomes.Applied);
        }
    }

    /// <summary>The invoice's row as this event leaves it; an older event never turns "paid" back to "failed".</summary>
    private static PaymentEntity? Payment(Invoice? invoice, PaymentEntity? stored, string trainerId, string? rowKey, bool failed, DateTimeOffset created)
    {
        if (invoice is null || rowKey is null) return null;
        if (stored is not null && created < stored.StatusAsOf) return null;
        return new PaymentEntity
        {
            PartitionKey = trainerId, RowKey = rowKey, InvoiceId = invoice.Id,
            AmountCents = failed ? invoice.AmountDue : invoice.AmountPaid, Currency = invoice.Currency ?? "",
            Status = failed ? PaymentStatuses.Failed : PaymentStatuses.Paid, Date = Utc(invoice.Created),
            HostedInvoiceUrl = invoice.HostedInvoiceUrl, StatusAsOf = created,
        };
    }

    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));

    private Task<TrainerEntity?> MirrorAsync(SubscriptionEntity s, CancellationToken ct) =>
        trainers.MirrorSubscriptionAsync(s.PartitionKey, s.Version, t =>
        {
            if (s.Status is not null) t.SubscriptionStatus = s.Status;
            if (s.Tier is not null) t.SubscriptionTier = s.Tier;
            t.BillingInterval = s.Interval ?? t.BillingInterval;
            t.SubscriptionExpiresAt = s.PeriodEnd ?? t.SubscriptionExpiresAt;
            t.CancelAtPeriodEnd = s.CancelAtPeriodEnd;
            t.PastDueSince = s.PastDueSince;
            t.StripeCustomerId = s.StripeCustomerId ?? t.StripeCustomerId;
            t.StripeSubscriptionId = s.StripeSubscriptionId ?? t.StripeSubscriptionId;
        }, ct);

    private async Task EmailPaymentFailedAsync(TrainerEntity? trainer, Invoice invoice, CancellationToken ct)
    {
        if (trainer is null) return;
        var graceEnds = (trainer.PastDueSince ?? clock.GetUtcNow()).AddDays(Billing.PastDueGraceDays);
        await outbox.EnqueueAsync(EmailTemplates.Render("PaymentFailed", trainer.Email, trainer.Name, "Your FitPilot payment failed",
            new Dictionary<string, string>
            {
                ["name"] = trainer.Name,
                ["amount"] = Money(invoice.AmountDue, invoice.Currency),
                ["tier"] = trainer.SubscriptionTier,
                ["graceEnds"] = graceEnds.ToString("d MMM yyyy"),
                ["link"] = appOptions.Value.Link(BillingService.BillingPath),
            }), ct);
    }

    public static string Money(long cents, string? currency) =>
        $"{(cents / 100m).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)} {(currency ?? "").ToUpperInvariant()}";
}
