using FitPilot.Contracts.Clients;
using FitPilot.Contracts.Common;
using FitPilot.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FitPilot.Functions.Clients;

/// <summary>A PT's client list: invite, re-invite, revoke, read, update, remove.</summary>
public sealed class ClientFunctions(Api api, ClientService clients)
{
    [Function(nameof(ListClients))]
    [ApiOperation("List the PT's clients, a page at a time", Access.Trainer, null, typeof(Page<ClientProfile>),
        Query = ["limit: 1–100, default 50", "cursor: nextCursor of the previous page"])]
    public Task<IResult> ListClients(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "clients")] HttpRequest req) =>
        api.Handle<TrainerCaller>(req, async call =>
            Reply.Ok(await clients.ListAsync(call.Caller.TrainerId, Query.Limit(req), Query.Cursor(req), call.Cancellation)));

    [Function(nameof(InviteClient))]
    [ApiOperation("Invite a client by email (sends the invitation email)", Access.Trainer, typeof(InviteClientRequest), typeof(ClientProfile), 201,
        Problems = [409])]
    public Task<IResult> InviteClient(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "clients")] HttpRequest req) =>
        api.Handle<TrainerCaller, InviteClientRequest>(req, async call =>
        {
            var client = await clients.InviteAsync(call.Caller.TrainerId, call.Body, call.Cancellation);
            return Reply.Created($"/api/clients/{client.Id}", new Common.Versioned<ClientProfile>(client.ToProfile(), client.ETag));
        });

    [Function(nameof(GetClient))]
    [ApiOperation("One client's profile", Access.Trainer, null, typeof(ClientProfile))]
    public Task<IResult> GetClient(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "clients/{clientId}")] HttpRequest req, string clientId) =>
        api.Handle<TrainerCaller>(req, async call => Reply.Ok(await clients.GetAsync(call.Caller.TrainerId, clientId, call.Cancellation)));

    [Function(nameof(UpdateClient))]
    [ApiOperation("Update a client's profile (send If-Match with the ETag you read to avoid overwriting another edit)", Access.Trainer, typeof(UpdateClientRequest), typeof(ClientProfile))]
    public Task<IResult> UpdateClient(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "clients/{clientId}")] HttpRequest req, string clientId) =>
        api.Handle<TrainerCaller, UpdateClientRequest>(req, async call =>
            Reply.Ok(await clients.UpdateAsync(call.Caller.TrainerId, clientId, call.Body, call.IfMatch, call.Cancellation)));

    [Function(nameof(RemoveClient))]
    [ApiOperation("Remove a client and delete all of their data (If-Match: the ETag read, if you want to be sure it is the version you saw)", Access.Trainer, null, null, 204)]
    public Task<IResult> RemoveClient(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "clients/{clientId}")] HttpRequest req, string clientId) =>
        api.Handle<TrainerCaller>(req, async call =>
        {
            await clients.RemoveAsync(call.Caller.TrainerId, clientId, call.IfMatch, call.Cancellation);
            return Reply.NoContent();
        });

    [Function(nameof(ReinviteClient))]
    [ApiOperation("Send a new invitation link (the previous link stops working)", Access.Trainer, null, typeof(ClientProfile),
        Problems = [409])]
    public Task<IResult> ReinviteClient(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "clients/{clientId}/invitation")] HttpRequest req, string clientId) =>
        api.Handle<TrainerCaller>(req, async call =>
            Reply.Ok((await clients.ReinviteAsync(call.Caller.TrainerId, clientId, call.Cancellation)).ToProfile()));

    [Function(nameof(RevokeInvitation))]
    [ApiOperation("Withdraw a pending invitation (the link stops working, the client leaves the list)", Access.Trainer, null, null, 204)]
    public Task<IResult> RevokeInvitation(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "clients/{clientId}/invitation")] HttpRequest req, string clientId) =>
        api.Handle<TrainerCaller>(req, async call =>
        {
            await clients.RevokeInvitationAsync(call.Caller.TrainerId, clientId, call.Cancellation);
            return Reply.NoContent();
        });
}
