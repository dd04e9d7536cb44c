using FitPilot.Contracts.Auth;

namespace FitPilot.Functions.Auth;

/// <summary>
/// The signed-in caller, from a verified token. <see cref="TrainerId"/> is the tenant key for
/// both roles; <see cref="ClientId"/> is set for clients. <see cref="SessionId"/> names the
/// server-side session (<see cref="Sessions"/>) the token belongs to.
/// </summary>
public sealed record UserSession(string UserId, string Role, string Email, string TrainerId, string? ClientId, string SessionId)
{
    public bool IsTrainer => Role == Roles.Trainer;
    public bool IsClient => Role == Roles.Client;
}
