using FitPilot.Contracts.Engagement;
using FitPilot.Contracts.Messages;
using FitPilot.Functions.Http;
using Microsoft.AspNetCore.Http;
using FitPilot.Functions.Storage;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace FitPilot.Functions.Messages;

/// <summary>
/// PT ↔ client messaging. Every conversation route names the client: a PT may open any of their clients',
/// a client only their own (anyone else: 404). Open pages long-poll <c>changes</c> for new messages and receipts.
/// </summary>
public sealed class MessageFunctions(Api api, MessageService messages, MessageImageService images, MessageDigest digest, TimeProvider clock, ILogger<MessageFunctions> log)
{
    [Function(nameof(ListConversations))]
    [ApiOperation("The PT's inbox: every client, conversations with the newest message first, with unread counts", Access.Trainer, null, typeof(List<ConversationSummary>))]
    public Task<IResult> ListConversations(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "conversations")] HttpRequest req) =>
        api.Handle<TrainerCaller>(req, async call => Reply.Ok(await messages.InboxAsync(call.Caller.TrainerId, call.Cancellation)));

    [Function(nameof(GetUnreadMessages))]
    [ApiOperation("The caller's unread messages (the navigation badge)", Access.SignedIn, null, typeof(UnreadCount))]
    public Task<IResult> GetUnreadMessages(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "messages/unread")] HttpRequest req) =>
        api.Handle<Caller>(req, async call => Reply.Ok(await messages.UnreadAsync(call.Caller, call.Cancellation)));

    [Function(nameof(ListMessages))]
    [ApiOperation("A page of the conversation with a client, newest first (cursor for older ones), or the newest messages containing q",
        Access.SignedIn, null, typeof(MessagePage), Query = ["cursor: older messages (nextCursor of the page before)", "q: search within the conversation"])]
    public Task<IResult> ListMessages(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "conversations/{clientId}/messages")] HttpRequest req, string clientId) =>
        api.Handle<Caller>(req, async call =>
            Reply.Ok(await messages.PageAsync(call.Caller, clientId, Query.Cursor(req), Query.Optional(req, "q", 100), call.Cancellation)));

    [Function(nameof(SendMessage))]
    [ApiOperation("Send a message (up to 4,000 characters, and/or a ready picture of the sender's). The same id again answers the stored message (200) and sends nothing; 429 past 30 a minute",
        Access.SignedIn, typeof(SendMessageRequest), typeof(Message), 201, Problems = [429])]
    public Task<IResult> SendMessage(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "conversations/{clientId}/messages")] HttpRequest req, string clientId) =>
        api.Handle<Caller, SendMessageRequest>(req, async call =>
        {
            var (message, created) = await messages.SendAsync(call.Caller, clientId, call.Body, call.Cancellation);
            return created ? Reply.Created($"/api/conversations/{clientId}/messages", message) : Reply.Ok(message);
        });

    [Function(nameof(StartMessageImageUpload))]
    [ApiOperation("Ask to upload one picture for a message: a write-only URL for one new blob (5 minutes); PUT the file there, follow its status, then send it with a message",
        Access.SignedIn, null, typeof(MessageImageTicket), 201, Problems = [429])]
    public Task<IResult> StartMessageImageUpload(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "conversations/{clientId}/images")] HttpRequest req, string clientId) =>
        api.Handle<Caller>(req, async call =>
        {
            var ticket = await messages.StartImageUploadAsync(call.Caller, clientId, call.Cancellation);
            return Reply.Created($"/api/conversations/{clientId}/images/{ticket.ImageId}", ticket);
        });

    [Function(nameof(GetMessageImageUpload))]
    [ApiOperation("Where one picture upload is: pending, ready (with its size) or rejected (with the reason)", Access.SignedIn, null, typeof(MessageImageUpload))]
    public Task<IResult> GetMessageImageUpload(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "conversations/{clientId}/images/{imageId}")] HttpRequest req, string clientId, string imageId) =>
        api.Handle<Caller>(req, async call => Reply.Ok(await messages.GetImageUploadAsync(call.Caller, clientId, imageId, call.Cancellation)));

    /// <summary>Azure delivers new uploads through Event Grid; the local host watches the container. The file is read as a stream, its length checked before its bytes.</summary>
    [Function(nameof(ProcessMessageImage))]
    public Task ProcessMessageImage(
        [BlobTrigger(StorageNames.MessageImagesIncoming + "/{name}", Connection = StorageNames.Connection, Source = BlobTriggerSource.EventGrid)] Stream content,
        string name, CancellationToken ct) =>
        images.ProcessAsync(name, content, ct);

    [Function(nameof(MarkMessagesRead))]
    [ApiOperation("Mark the other side's messages read up to this one (read receipts); answers the caller's unread count",
        Access.SignedIn, typeof(MarkReadRequest), typeof(UnreadCount))]
    public Task<IResult> MarkMessagesRead(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "conversations/{clientId}/read")] HttpRequest req, string clientId) =>
        api.Handle<Caller, MarkReadRequest>(req, async call =>
            Reply.Ok(await messages.MarkReadAsync(call.Caller, clientId, call.Body, call.Cancellation)));

    [Function(nameof(WaitForMessages))]
    [ApiOperation("New messages and read receipts since a changes cursor; waits up to `wait` seconds (long poll) when there are none yet",
        Access.SignedIn, null, typeof(ConversationChanges), Query = ["cursor: the changesCursor of the page, or the cursor of the previous answer (none: the current cursor at once)", "wait: seconds to wait for news"])]
    public Task<IResult> WaitForMessages(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "conversations/{clientId}/changes")] HttpRequest req, string clientId) =>
        api.Handle<Caller>(req, async call =>
            Reply.Ok(await messages.ChangesAsync(call.Caller, clientId, Query.Cursor(req), Query.Seconds(req, "wait", MessageService.MaxWaitSeconds), call.Cancellation)));

    /// <summary>
    /// Every 5 minutes (NCRONTAB, 6 fields): each PT or client with messages unread for <see cref="MessageDigest.Delay"/> gets one
    /// email naming how many and from whom, once for those messages however often this runs.
    /// </summary>
    [Function(nameof(SendMessageDigests))]
    public async Task SendMessageDigests([TimerTrigger("0 */5 * * * *")] TimerInfo timer, CancellationToken ct)
    {
        var roundTrips = StorageRoundTrips.Begin();
        var result = await digest.RunAsync(clock.GetUtcNow(), ct);
        log.LogInformation("Message digest timer: {Due} due, {Sent} sent, {OptedOut} opted out ({RoundTrips} storage round trips)",
            result.Due, result.Sent, result.OptedOut, roundTrips.Count);
    }
}
