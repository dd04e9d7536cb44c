using FitPilot.Functions.Events;

namespace FitPilot.Functions.Settings;

/// <summary>
/// A user moved to another time zone (Settings): a client (<see cref="ClientId"/> set) or a PT (null). Features that
/// keep a zone of their own for work done without a request (the check-in reminders) follow it.
/// </summary>
public sealed record TimeZoneChanged(string TrainerId, string? ClientId, string TimeZone) : IDomainEvent;
