using FitPilot.Functions.Events;

namespace FitPilot.Functions.Clients;

/// <summary>
/// A PT removed a client (or withdrew their invitation): every feature deletes what it keeps about
/// them (the data model's ON DELETE CASCADE). Their sign-in and sessions are already gone when this is
/// published; the data follows within seconds.
/// </summary>
public sealed record ClientRemoved(string TrainerId, string ClientId) : IDomainEvent;
