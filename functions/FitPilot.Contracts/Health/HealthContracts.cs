namespace FitPilot.Contracts.Health;

/// <summary>GET /api/health: whether this instance can serve (storage answers) and which version it runs.</summary>
public sealed record HealthReport(string Status, string Storage, string Version);
