using Azure;
using Azure.Data.Tables;
using FitPilot.Contracts.Billing;

namespace FitPilot.Functions.Billing;

/// <summary>
/// A PT's subscription as Stripe last told it: table <c>billing</c>, PartitionKey = trainer id,
/// RowKey <c>subscription</c>. It shares its partition with the ids of the Stripe events applied
/// (<see cref="ProcessedEventEntity"/>) and the PT's invoices (<see cref="PaymentEntity"/>), so one entity
/// group transaction records an event, its state change and its payment together, or none of them.
/// </summary>
public sealed class SubscriptionEntity : ITableEntity
{
    public const string Row = "subscription";

    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = Row;
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    /// <summary>Null until Stripe has said something about the subscription (the app's own trial is on the PT's row).</summary>
    public string? Status { get; set; }
    public string? Tier { get; set; }
    public string? Interval { get; set; }
    public string? StripeCustomerId { get; set; }
    public string? StripeSubscriptionId { get; set; }
    public string? PriceId { get; set; }
    public DateTimeOffset? PeriodEnd { get; set; }
    public bool CancelAtPeriodEnd { get; set; }
    public DateTimeOffset? PastDueSince { get; set; }
    /// <summary>
    /// When the newest event that set this state was created at Stripe: an event created earlier
    /// arrives late and does not change it (out-of-order delivery).
    /// </summary>
    public DateTimeOffset? StateAsOf { get; set; }
    /// <summary>Bumped by every change; the PT's row keeps the version it mirrors.</summary>
    public long Version { get; set; }
}

/// <summary>A Stripe event already applied (RowKey <c>event-{id}</c>): a replay finds it and changes nothing.</summary>
public sealed class ProcessedEventEntity : ITableEntity
{
    public const string Prefix = "event-";

    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string Type { get; set; } = "";
    public DateTimeOffset Created { get; set; }
    public DateTimeOffset ProcessedAt { get; set; }
}

/// <summary>
/// One invoice of the PT (RowKey <c>payment-{inverted created ticks}-{invoice id}</c>, so a partition range
/// query lists the newest first); amounts in cents.
/// </summary>
public sealed class PaymentEntity : ITableEntity
{
    public const string Prefix = "payment-";

    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string InvoiceId { get; set; } = "";
    public long AmountCents { get; set; }
    public string Currency { get; set; } = "";
    public string Status { get; set; } = "";
    public DateTimeOffset Date { get; set; }
    public string? HostedInvoiceUrl { get; set; }
    /// <summary>When the event that set <see cref="Status"/> was created: a late "failed" never overwrites "paid".</summary>
    public DateTimeOffset StatusAsOf { get; set; }

    public static string RowKeyOf(DateTimeOffset invoiceCreated, string invoiceId) =>
        $"{Prefix}{DateTimeOffset.MaxValue.UtcTicks - invoiceCreated.UtcTicks:D19}-{invoiceId}";

    public Payment ToContract() => new(InvoiceId, AmountCents, Currency, Status, Date, HostedInvoiceUrl);
}

/// <summary>
/// Which PT a Stripe customer is (PartitionKey <c>customer-{id}</c>): for events that carry neither
/// client_reference_id nor our metadata (a subscription made in the Stripe dashboard).
/// </summary>
public sealed class CustomerIndexEntity : ITableEntity
{
    public const string Prefix = "customer-";
    public const string Row = "trainer";

    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = Row;
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string TrainerId { get; set; } = "";
}
