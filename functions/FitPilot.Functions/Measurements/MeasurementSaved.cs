using FitPilot.Functions.Events;

namespace FitPilot.Functions.Measurements;

/// <summary>
/// A measurement with a weight was saved: the client's starting weight (their profile's, else their first weighed
/// measurement) and their latest weight after it, in kg. Achievements reacts to it (weight milestones); the PT dashboard
/// keeps the last weigh-ins (<see cref="MeasurementId"/>, <see cref="MeasuredOn"/> and <see cref="WeightKg"/>: the one saved).
/// </summary>
public sealed record MeasurementSaved(string TrainerId, string ClientId, double StartingWeightKg, double LatestWeightKg,
    string? MeasurementId = null, DateOnly? MeasuredOn = null, double? WeightKg = null) : IDomainEvent;
