using FitPilot.Functions.Http;
using FitPilot.Functions.Common;
using FitPilot.Functions.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FitPilot.Functions.ProfilePictures;

public sealed class ProfilePictureFunctions(Api api, ProfilePictureService pictures)
{
    [Function(nameof(UploadProfilePicture))]
    [ApiOperation("Upload the PT's profile picture (JPEG, PNG or WebP, ≤ 5 MB); it is resized in the background", Access.Trainer, null, null, 202,
        RequestMediaType = "image/jpeg")]
    public Task<IResult> UploadProfilePicture(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "me/profile-picture")] HttpRequest req) =>
        api.Handle<TrainerCaller>(req, async call =>
        {
            var bytes = await RequestBody.ReadLimitedAsync(req, ProfilePictureService.MaxUploadBytes, call.Cancellation);
            await pictures.UploadAsync(call.Caller.TrainerId, req.ContentType, bytes, call.Cancellation);
            return Reply.Accepted();
        });

    [Function(nameof(GetTrainerProfilePicture))]
    [ApiOperation("A PT's profile picture (the PT and their clients)", Access.SignedIn, null, null, ResponseMediaType = "image/jpeg")]
    public Task<IResult> GetTrainerProfilePicture(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "trainers/{trainerId}/profile-picture")] HttpRequest req, string trainerId) =>
        api.Handle<Caller>(req, async call =>
        {
            if (call.Caller.TrainerId != trainerId) throw DomainException.NotFound();
            var image = await pictures.DownloadAsync(trainerId, call.Cancellation);
            return Reply.Bytes(image.ToMemory(), "image/jpeg", "private, max-age=3600");
        });

    /// <summary>Azure delivers new uploads through Event Grid (required on Flex Consumption); the local host watches the container.</summary>
    [Function(nameof(ResizeProfilePicture))]
    public Task ResizeProfilePicture(
        [BlobTrigger(StorageNames.ProfilePicturesIncoming + "/{name}", Connection = StorageNames.Connection, Source = BlobTriggerSource.EventGrid)] byte[] content,
        string name, CancellationToken ct) =>
        pictures.ProcessUploadAsync(name, content, ct);
}
