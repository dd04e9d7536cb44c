using FitPilot.Contracts.Auth;
using FitPilot.Contracts.Invitations;
using FitPilot.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FitPilot.Functions.Invitations;

/// <summary>The invitation link's page: preview it, accept it.</summary>
public sealed class InvitationFunctions(Api api, InvitationService invitations, SessionCookie cookie)
{
    [Function(nameof(GetInvitation))]
    [ApiOperation("Who invited whom, for the accept page (404 used/unknown, 410 expired)", Access.Anonymous, null, typeof(InvitationPreview),
        Query = ["token: the token from the emailed link"], Problems = [404, 410])]
    public Task<IResult> GetInvitation(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "invitations")] HttpRequest req) =>
        api.Handle<Nobody>(req, async call =>
        {
            var token = Query.Optional(req, "token", 200) ?? throw ProblemException.BadQuery("token", "token is required.");
            return Reply.Ok(await invitations.PreviewAsync(token, call.Cancellation));
        });

    [Function(nameof(AcceptInvitation))]
    [ApiOperation("Accept an invitation: set a password, become an active client, sign in", Access.Anonymous, typeof(AcceptInvitationRequest), typeof(SessionResponse),
        Problems = [404, 410])]
    public Task<IResult> AcceptInvitation(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "invitations/accept")] HttpRequest req) =>
        api.Handle<Nobody, AcceptInvitationRequest>(req, async call =>
        {
            var session = await invitations.AcceptAsync(call.Body, call.Cancellation);
            cookie.Set(call.Response, session.Token, session.ExpiresAt);
            return Reply.Ok(session);
        });
}
