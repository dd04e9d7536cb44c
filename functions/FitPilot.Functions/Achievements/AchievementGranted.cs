using FitPilot.Functions.Events;

namespace FitPilot.Functions.Achievements;

/// <summary>A client earned an achievement (published once, when it is first stored): the client is notified.</summary>
public sealed record AchievementGranted(string TrainerId, string ClientId, string AchievementId, string Title, string? Description) : IDomainEvent;
