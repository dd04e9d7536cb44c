using FitPilot.Contracts.Auth;
using FitPilot.Contracts.Clients;
using FitPilot.Contracts.Trainers;
using FitPilot.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FitPilot.Functions.Accounts;

/// <summary>Sign-up and the signed-in user.</summary>
public sealed class AccountFunctions(Api api, AccountService accounts, SessionCookie cookie)
{
    [Function(nameof(RegisterTrainer))]
    [ApiOperation("Sign up as a PT (starts a 7-day Solo trial) and sign in", Access.Anonymous, typeof(RegisterTrainerRequest), typeof(SessionResponse), 201,
        Problems = [409])]
    public Task<IResult> RegisterTrainer(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "auth/register")] HttpRequest req) =>
        api.Handle<Nobody, RegisterTrainerRequest>(req, async call =>
        {
            var session = await accounts.RegisterTrainerAsync(call.Body, call.Cancellation);
            cookie.Set(call.Response, session.Token, session.ExpiresAt);
            return Reply.Created("/api/me", session);
        });

    [Function(nameof(GetMe))]
    [ApiOperation("The signed-in PT or client", Access.SignedIn, null, typeof(MeResponse))]
    public Task<IResult> GetMe(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "me")] HttpRequest req) =>
        api.Handle<Caller>(req, async call =>
            Reply.Ok(await accounts.GetAsync(call.Caller is TrainerCaller ? Roles.Trainer : Roles.Client, call.Caller.TrainerId, call.Caller.UserId, call.Cancellation)));

    [Function(nameof(UpdateMe))]
    [ApiOperation("Update the signed-in user's profile (a PT sends UpdateTrainerProfileRequest, a client UpdateClientRequest)", Access.SignedIn,
        typeof(UpdateTrainerProfileRequest), typeof(MeResponse), AlternativeRequest = typeof(UpdateClientRequest))]
    public Task<IResult> UpdateMe(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "me")] HttpRequest req) =>
        api.Handle<Caller>(req, async call => Reply.Ok(call.Caller switch
        {
            TrainerCaller pt => await accounts.UpdateTrainerAsync(pt.TrainerId, await RequestBody.ReadAsync<UpdateTrainerProfileRequest>(req, call.Cancellation), call.Cancellation),
            ClientCaller client => await accounts.UpdateClientAsync(client.TrainerId, client.ClientId, await RequestBody.ReadAsync<UpdateClientRequest>(req, call.Cancellation), call.Cancellation),
            _ => throw new InvalidOperationException("A signed-in caller is a PT or a client."),
        }));
}
