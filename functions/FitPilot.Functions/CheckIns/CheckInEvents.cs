using FitPilot.Functions.Events;

namespace FitPilot.Functions.CheckIns;

/// <summary>A client's check-in became due (sent once per client and period, by the reminder timer): the client is notified in the app.</summary>
public sealed record CheckInDue(string TrainerId, string ClientId, string CheckInId, DateOnly DueOn) : IDomainEvent;

/// <summary>A client submitted a check-in: their PT is notified.</summary>
public sealed record CheckInSubmitted(string TrainerId, string ClientId, string ClientName, string CheckInId, DateOnly DueOn, bool Late) : IDomainEvent;

/// <summary>The PT reviewed a check-in: the client is notified.</summary>
public sealed record CheckInReviewed(string TrainerId, string ClientId, string CheckInId, DateOnly DueOn) : IDomainEvent;
