using Azure;
using Azure.Data.Tables;
using FitPilot.Functions.Storage;

namespace FitPilot.Functions.Billing;

/// <summary>
/// The one owner of table <c>billing</c>: per PT (PartitionKey = trainer id) the subscription row, the
/// ids of applied Stripe events and the invoices; and the customer → PT index (PartitionKey <c>customer-{id}</c>).
/// </summary>
public sealed class BillingStore(StorageClients storage)
{
    private readonly TenantTable _table = new(storage.Table(StorageNames.BillingTable));

    /// <summary>What a webhook needs before it applies an event, in one query of the PT's partition.</summary>
    public sealed record Snapshot(SubscriptionEntity? Subscription, bool EventSeen, PaymentEntity? Payment);

    public async Task<Snapshot> ReadForEventAsync(string trainerId, string eventId, string? paymentRowKey, CancellationToken ct)
    {
        var eventRow = ProcessedEventEntity.Prefix + eventId;
        var filter = paymentRowKey is null
            ? TableClient.CreateQueryFilter($"RowKey eq {SubscriptionEntity.Row} or RowKey eq {eventRow}")
            : TableClient.CreateQueryFilter($"RowKey eq {SubscriptionEntity.Row} or RowKey eq {eventRow} or RowKey eq {paymentRowKey}");
        SubscriptionEntity? subscription = null;
        PaymentEntity? payment = null;
        var seen = false;
        await foreach (var row in _table.QueryPartitionAsync<TableEntity>(trainerId, ct, filter))
        {
            if (row.RowKey == SubscriptionEntity.Row) subscription = RowMapper.To<SubscriptionEntity>(row);
            else if (row.RowKey == eventRow) seen = true;
            else payment = RowMapper.To<PaymentEntity>(row);
        }
        return new Snapshot(subscription, seen, payment);
    }

    public Task<SubscriptionEntity?> FindSubscriptionAsync(string trainerId, CancellationToken ct) =>
        _table.FindAsync<SubscriptionEntity>(trainerId, SubscriptionEntity.Row, ct);

    /// <summary>
    /// Records an event with its state change and payment in one entity group transaction: the
    /// subscription row over the version read (or added when new), the event id added (a replay that
    /// raced past the check fails here), the payment upserted. False when another webhook got there first.
    /// </summary>
    public async Task<bool> TryApplyAsync(SubscriptionEntity subscription, bool isNew, ProcessedEventEntity processed, PaymentEntity? payment, CancellationToken ct)
    {
        var actions = new List<TableTransactionAction>
        {
            isNew
                ? new TableTransactionAction(TableTransactionActionType.Add, subscription)
                : new TableTransactionAction(TableTransactionActionType.UpdateReplace, subscription, subscription.ETag),
            new(TableTransactionActionType.Add, processed),
        };
        if (payment is not null) actions.Add(new TableTransactionAction(TableTransactionActionType.UpsertReplace, payment));
        try
        {
            await _table.SubmitAsync(actions, ct);
            return true;
        }
        catch (TableTransactionFailedException e) when (e.Status is 409 or 412)
        {
            return false;
        }
    }

    /// <summary>The PT's newest invoices first.</summary>
    public async Task<IReadOnlyList<PaymentEntity>> PaymentsAsync(string trainerId, int limit, CancellationToken ct)
    {
        var filter = TableClient.CreateQueryFilter($"RowKey ge {PaymentEntity.Prefix} and RowKey lt {"payment."}");
        var (items, _) = await _table.PageAsync<PaymentEntity>(trainerId, limit, null, ct, filter);
        return items;
    }

    /// <summary>Remembers which PT a Stripe customer is (idempotent).</summary>
    public Task IndexCustomerAsync(string customerId, string trainerId, CancellationToken ct) =>
        _table.UpsertAsync(new CustomerIndexEntity { PartitionKey = CustomerIndexEntity.Prefix + customerId, TrainerId = trainerId }, ct);

    public async Task<string?> TrainerOfCustomerAsync(string customerId, CancellationToken ct) =>
        TenantTable.IsValidKey(customerId)
            ? (await _table.FindAsync<CustomerIndexEntity>(CustomerIndexEntity.Prefix + customerId, CustomerIndexEntity.Row, ct))?.TrainerId
            : null;
}
