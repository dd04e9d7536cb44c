using FitPilot.Functions.Events;

namespace FitPilot.Functions.Billing;

/// <summary>
/// Stripe changed a PT's subscription (status, tier or interval) and Billing applied it: <see cref="Version"/> is the
/// subscription row's version, <see cref="AsOf"/> when Stripe made the change (the operator report's MRR and churn).
/// </summary>
public sealed record SubscriptionChanged(string TrainerId, string? Status, string? Tier, string? Interval, DateTimeOffset AsOf, long Version) : IDomainEvent;
