using FitPilot.Functions.Events;

namespace FitPilot.Functions.Accounts;

/// <summary>A PT signed up and their free trial began (the operator report counts trials and their conversion).</summary>
public sealed record TrialStarted(string TrainerId, string Tier, DateTimeOffset StartedAt) : IDomainEvent;
