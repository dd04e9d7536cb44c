using FitPilot.Functions.Events;

namespace FitPilot.Functions.CheckIns;

/// <summary>A client's check-in became due (sent once per client and period, by the reminder timer): the client is notified in the app.</summary>
public sealed record CheckInDue(string TrainerId, string ClientId, string CheckInId, DateOnly DueOn) : IDomainEvent;

/// <summary>A client submitted a check-in: their PT is notified. <see cref="SubmittedAt"/> is null on events queued before it existed.</summary>
public sealed record CheckInSubmitted(string TrainerId, string ClientId, string ClientName, string CheckInId, DateOnly DueOn, bool Late, DateTimeOffset? SubmittedAt = null) : IDomainEvent;

/// <summary>The PT reviewed a check-in: the client is notified. <see cref="ReviewedAt"/> is null on events queued before it existed.</summary>
public sealed record CheckInReviewed(string TrainerId, string ClientId, string CheckInId, DateOnly DueOn, DateTimeOffset? ReviewedAt = null) : IDomainEvent;
