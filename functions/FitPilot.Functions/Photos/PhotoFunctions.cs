using System.Globalization;
using FitPilot.Contracts.Progress;
using FitPilot.Functions.Common;
using FitPilot.Functions.Http;
using FitPilot.Functions.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FitPilot.Functions.Photos;

/// <summary>Progress photos: the client uploads straight to Blob Storage and sees their sets; their PT sees and deletes them too.</summary>
public sealed class PhotoFunctions(Api api, PhotoService photos, TimeProvider clock)
{
    [Function(nameof(StartPhotoUpload))]
    [ApiOperation("Ask to upload one progress photo: a write-only URL for one new blob (5 minutes); PUT the file there, then follow the upload's status",
        Access.Client, typeof(StartPhotoUploadRequest), typeof(PhotoUploadTicket), 201, Problems = [429])]
    public Task<IResult> StartPhotoUpload(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "progress/photos/uploads")] HttpRequest req) =>
        api.Handle<ClientCaller, StartPhotoUploadRequest>(req, async call =>
        {
            var ticket = await photos.StartUploadAsync(call.Caller.TrainerId, call.Caller.ClientId, call.Caller.Today(clock.GetUtcNow()), call.Body, call.Cancellation);
            return Reply.Created($"/api/progress/photos/uploads/{ticket.UploadId}", ticket);
        });

    [Function(nameof(GetPhotoUpload))]
    [ApiOperation("Where one upload is: pending, ready (with the photo's id) or rejected (with the reason)", Access.Client, null, typeof(PhotoUpload))]
    public Task<IResult> GetPhotoUpload(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "progress/photos/uploads/{uploadId}")] HttpRequest req, string uploadId) =>
        api.Handle<ClientCaller>(req, async call => Reply.Ok(await photos.GetUploadAsync(call.Caller.ClientId, uploadId, call.Cancellation)));

    [Function(nameof(GetPhotoTimeline))]
    [ApiOperation("The client's photo sets, newest first, with read URLs valid 10 minutes; uploads still waiting or refused lately", Access.Client, null, typeof(PhotoTimeline))]
    public Task<IResult> GetPhotoTimeline(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "progress/photos")] HttpRequest req) =>
        api.Handle<ClientCaller>(req, async call => Reply.Ok(await photos.TimelineAsync(call.Caller.TrainerId, call.Caller.ClientId, call.Cancellation)));

    [Function(nameof(DeletePhotoSet))]
    [ApiOperation("Delete the client's photos of one date (the files too)", Access.Client, null, null, 204)]
    public Task<IResult> DeletePhotoSet(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "progress/photos/{capturedOn}")] HttpRequest req, string capturedOn) =>
        api.Handle<ClientCaller>(req, async call =>
        {
            await photos.DeleteSetAsync(call.Caller.TrainerId, call.Caller.ClientId, Date(capturedOn), call.Cancellation);
            return Reply.NoContent();
        });

    [Function(nameof(GetClientPhotoTimeline))]
    [ApiOperation("A client's photo sets, newest first, with read URLs valid 10 minutes", Access.Trainer, null, typeof(PhotoTimeline))]
    public Task<IResult> GetClientPhotoTimeline(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "clients/{clientId}/progress/photos")] HttpRequest req, string clientId) =>
        api.Handle<TrainerCaller>(req, async call => Reply.Ok(await photos.ClientTimelineAsync(call.Caller.TrainerId, clientId, call.Cancellation)));

    [Function(nameof(DeleteClientPhotoSet))]
    [ApiOperation("Delete a client's photos of one date (the files too)", Access.Trainer, null, null, 204)]
    public Task<IResult> DeleteClientPhotoSet(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "clients/{clientId}/progress/photos/{capturedOn}")] HttpRequest req, string clientId, string capturedOn) =>
        api.Handle<TrainerCaller>(req, async call =>
        {
            await photos.DeleteClientSetAsync(call.Caller.TrainerId, clientId, Date(capturedOn), call.Cancellation);
            return Reply.NoContent();
        });

    /// <summary>Azure delivers new uploads through Event Grid; the local host watches the container. The file is read as a stream, its length checked before its bytes.</summary>
    [Function(nameof(ProcessProgressPhoto))]
    public Task ProcessProgressPhoto(
        [BlobTrigger(StorageNames.PhotosIncoming + "/{name}", Connection = StorageNames.Connection, Source = BlobTriggerSource.EventGrid)] Stream content,
        string name, CancellationToken ct) =>
        photos.ProcessAsync(name, content, ct);

    private static DateOnly Date(string capturedOn) =>
        DateOnly.TryParseExact(capturedOn, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw DomainException.Invalid("capturedOn", "Name the date as yyyy-MM-dd.");
}
