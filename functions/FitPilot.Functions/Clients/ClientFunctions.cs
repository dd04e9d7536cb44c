using FitPilot.Contracts.Clients;
using FitPilot.Contracts.Common;
using FitPilot.Functions.Http;
using FitPilot.Functions.OpenApi;
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
        api.Trainer(req, async (pt, ct) =>
            Api.Ok(await clients.ListAsync(pt.TrainerId, Query.Limit(req), Query.Cursor(req), ct)));

    [Function(nameof(InviteClient))]
    [ApiOperation("Invite a client by email (sends the invitation email)", Access.Trainer, typeof(InviteClientRequest), typeof(ClientProfile), 201,
        Problems = [409])]
    public Task<IResult> InviteClient(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "clients")] HttpRequest req) =>
        api.Trainer(req, async (pt, ct) =>
        {
            var client = await clients.InviteAsync(pt.TrainerId, await RequestBody.ReadAsync<InviteClientRequest>(req, ct), ct);
            return Api.Created($"/api/clients/{client.Id}", client.ToProfile(), req.HttpContext.Response, client.ETag);
        });

    [Function(nameof(GetClient))]
    [ApiOperation("One client's profile", Access.Trainer, null, typeof(ClientProfile))]
    public Task<IResult> GetClient(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "clients/{clientId}")] HttpRequest req, string clientId) =>
        api.Trainer(req, async (pt, ct) =>
        {
            var client = await clients.GetAsync(pt.TrainerId, clientId, ct);
            return Api.Ok(client.ToProfile(), client.ETag, req.HttpContext.Response);
        });

    [Function(nameof(UpdateClient))]
    [ApiOperation("Update a client's profile (send If-Match with the ETag you read to avoid overwriting another edit)", Access.Trainer, typeof(UpdateClientRequest), typeof(ClientProfile))]
    public Task<IResult> UpdateClient(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "clients/{clientId}")] HttpRequest req, string clientId) =>
        api.Trainer(req, async (pt, ct) =>
        {
            var body = await RequestBody.ReadAsync<UpdateClientRequest>(req, ct);
            var client = await clients.UpdateAsync(pt.TrainerId, clientId, body, Api.IfMatch(req), ct);
            return Api.Ok(client.ToProfile(), client.ETag, req.HttpContext.Response);
        });

    [Function(nameof(RemoveClient))]
    [ApiOperation("Remove a client and delete all of their data (If-Match: the ETag read, if you want to be sure it is the version you saw)", Access.Trainer, null, null, 204)]
    public Task<IResult> RemoveClient(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "clients/{clientId}")] HttpRequest req, string clientId) =>
        api.Trainer(req, async (pt, ct) =>
        {
            await clients.RemoveAsync(pt.TrainerId, clientId, Api.IfMatch(req), ct);
            return Results.NoContent();
        });

    [Function(nameof(ReinviteClient))]
    [ApiOperation("Send a new invitation link (the previous link stops working)", Access.Trainer, null, typeof(ClientProfile),
        Problems = [409])]
    public Task<IResult> ReinviteClient(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "clients/{clientId}/invitation")] HttpRequest req, string clientId) =>
        api.Trainer(req, async (pt, ct) =>
            Api.Ok((await clients.ReinviteAsync(pt.TrainerId, clientId, ct)).ToProfile()));

    [Function(nameof(RevokeInvitation))]
    [ApiOperation("Withdraw a pending invitation (the link stops working, the client leaves the list)", Access.Trainer, null, null, 204)]
    public Task<IResult> RevokeInvitation(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "clients/{clientId}/invitation")] HttpRequest req, string clientId) =>
        api.Trainer(req, async (pt, ct) =>
        {
            await clients.RevokeInvitationAsync(pt.TrainerId, clientId, ct);
            return Results.NoContent();
        });
}
