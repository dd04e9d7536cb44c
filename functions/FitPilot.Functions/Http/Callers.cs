using FitPilot.Functions.Common;
using Microsoft.AspNetCore.Http;

namespace FitPilot.Functions.Http;

/// <summary>
/// Who calls a function, as the pipeline authenticated them for the access it declares
/// (<see cref="ApiOperationAttribute.Access"/>): a function declared for PTs receives a
/// <see cref="TrainerCaller"/>, one for clients a <see cref="ClientCaller"/>, one for anyone signed in
/// a <see cref="Caller"/>, an anonymous one <see cref="Nobody"/>. <see cref="TrainerId"/> is the tenant key
/// for both roles; <see cref="TimeZone"/> is the user's IANA zone (their "today").
/// </summary>
public abstract record Caller(string UserId, string Email, string TrainerId, string SessionId, string TimeZone)
{
    public DateOnly Today(DateTimeOffset now) => UserTime.Today(TimeZone, now);
}

public sealed record TrainerCaller(string UserId, string Email, string SessionId, string TimeZone)
    : Caller(UserId, Email, UserId, SessionId, TimeZone);

public sealed record ClientCaller(string ClientId, string Email, string TrainerId, string SessionId, string TimeZone)
    : Caller(ClientId, Email, TrainerId, SessionId, TimeZone);

/// <summary>An anonymous caller (register, log in, accept an invitation…).</summary>
public sealed record Nobody
{
    public static readonly Nobody Instance = new();
}

/// <summary>Turns a request's session token into its caller, or null. Implemented by Auth; the pipeline only knows this port.</summary>
public interface ICallerAuthenticator
{
    Task<Caller?> AuthenticateAsync(HttpRequest request, CancellationToken ct);
}
