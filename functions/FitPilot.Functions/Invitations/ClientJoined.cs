using FitPilot.Functions.Events;

namespace FitPilot.Functions.Invitations;

/// <summary>A client accepted their PT's invitation and became active (the reporting store counts new and active clients).</summary>
public sealed record ClientJoined(string TrainerId, string ClientId, DateTimeOffset JoinedAt) : IDomainEvent;
