using FitPilot.Functions.Events;

namespace FitPilot.Functions.Measurements;

/// <summary>
/// A measurement with a weight was saved: the client's starting weight (their profile's, else their first weighed
/// measurement) and their latest weight after it, in kg. Achievements reacts to it (weight milestones).
/// </summary>
public sealed record MeasurementSaved(string TrainerId, string ClientId, double StartingWeightKg, double LatestWeightKg) : IDomainEvent;
