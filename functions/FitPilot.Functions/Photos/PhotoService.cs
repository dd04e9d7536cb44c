using Azure;
using Azure.Storage.Blobs.Models;
using FitPilot.Contracts.Progress;
using FitPilot.Functions.Clients;
using FitPilot.Functions.Common;
using FitPilot.Functions.Events;
using FitPilot.Functions.Images;
using FitPilot.Functions.Storage;
using FitPilot.Functions.Training;
using Microsoft.Extensions.Logging;

namespace FitPilot.Functions.Photos;

/// <summary>
/// Progress photos. The client asks for an upload (a pending row and a write-only SAS URL for one blob
/// <c>photos-incoming/{trainerId}/{clientId}/{uploadId}</c>, 5 minutes); the browser PUTs the file
/// straight to Blob Storage; the blob trigger processes it once (<see cref="PhotoPipeline"/>), writes the
/// photo and thumbnail to the private <c>photos</c> container, records the photo and marks the upload
/// ready (or rejected, with the reason) and deletes the upload. Reading hands out read-only SAS URLs of
/// 10 minutes. The client and their PT may list and delete sets; a removed client's photos go with them.
/// </summary>
public sealed class PhotoService(PhotoStore store, BlobSas sas, StorageClients storage, ClientStore clients, TrainingService training,
    TimeProvider clock, ILogger<PhotoService> log) : IEventHandler<ClientRemoved>
{
    public static readonly TimeSpan UploadWindow = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan ReadWindow = TimeSpan.FromMinutes(10);
    /// <summary>A pending upload whose file has not been processed by then never will be (its URL expired long before).</summary>
    public static readonly TimeSpan Abandoned = TimeSpan.FromMinutes(15);
    /// <summary>Uploads still waiting at once per client: a set is four poses; a dozen leaves room to retake them.</summary>
    public const int MaxPendingUploads = 12;
    /// <summary>How long a finished upload's row is kept (the client sees a refusal's reason meanwhile).</summary>
    public static readonly TimeSpan UploadRetention = TimeSpan.FromDays(1);
    public const string DidNotArrive = "The photo did not arrive in time. Try again.";

    public async Task<PhotoUploadTicket> StartUploadAsync(string trainerId, string clientId, DateOnly today, StartPhotoUploadRequest request, CancellationToken ct)
    {
        if (request.CapturedOn > today) throw DomainException.Invalid("capturedOn", "The date a photo was taken cannot be in the future.");
        var now = clock.GetUtcNow();
        var uploads = await store.UploadsAsync(clientId, ct);
        var waiting = uploads.Count(u => u.Status == PhotoUploadStatuses.Pending && u.CreatedAt > now - Abandoned);
        if (waiting >= MaxPendingUploads)
            throw DomainException.TooManyRequests("Too many uploads", $"{waiting} photos are still uploading or being processed. Wait for them, then try again.", 60);
        var old = uploads.Where(u => u.CreatedAt < now - UploadRetention).ToList();
        if (old.Count > 0) await store.DeleteAsync(clientId, old, ct);

        var upload = new PhotoUploadEntity
        {
            PartitionKey = clientId, RowKey = PhotoUploadEntity.Key(Ids.New()), TrainerId = trainerId, Pose = request.Pose,
            CapturedOn = PhotoEntity.Iso(request.CapturedOn), Status = PhotoUploadStatuses.Pending, CreatedAt = now,
        };
        await store.AddUploadAsync(upload, ct);
        var expires = now + UploadWindow;
        var url = await sas.WriteOnlyAsync(Incoming.GetBlobClient(IncomingName(trainerId, clientId, upload.UploadId)), expires, ct);
        return new PhotoUploadTicket(upload.UploadId, url.ToString(), expires, new Dictionary<string, string> { ["x-ms-blob-type"] = "BlockBlob" },
            PhotoPipeline.MaxBytes, upload.ToDto());
    }

    public async Task<PhotoUpload> GetUploadAsync(string clientId, string uploadId, CancellationToken ct)
    {
        var upload = await store.FindUploadAsync(clientId, uploadId, ct) ?? throw DomainException.NotFound("No such upload.");
        return Shown(upload, clock.GetUtcNow());
    }

    /// <summary>A PT's view of their client's photos (another PT's client is a 404).</summary>
    public async Task<PhotoTimeline> ClientTimelineAsync(string trainerId, string clientId, CancellationToken ct)
    {
        await clients.GetAsync(trainerId, clientId, ct);
        return await TimelineAsync(trainerId, clientId, ct);
    }

    /// <summary>Every set, newest first, with read URLs of 10 minutes; and uploads still waiting or refused lately.</summary>
    public async Task<PhotoTimeline> TimelineAsync(string trainerId, string clientId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var (photos, uploads) = await store.ReadAllAsync(clientId, ct);
        var expires = now + ReadWindow;
        var container = storage.Container(StorageNames.Photos);
        var shown = new List<ProgressPhoto>(photos.Count);
        foreach (var photo in photos.Where(p => p.TrainerId == trainerId))
        {
            var url = await sas.ReadOnlyAsync(container.GetBlobClient(photo.BlobName), expires, ct);
            var thumbnail = await sas.ReadOnlyAsync(container.GetBlobClient(photo.ThumbnailBlobName), expires, ct);
            shown.Add(new ProgressPhoto(photo.PhotoId, photo.Pose, photo.Date, photo.Week, photo.Width, photo.Height, photo.Bytes, photo.ThumbnailBytes,
                url.ToString(), thumbnail.ToString(), expires, photo.CreatedAt));
        }
        var sets = shown.GroupBy(p => p.CapturedOn).OrderByDescending(g => g.Key)
            .Select(g => new PhotoSet(g.Key, g.Select(p => p.Week).FirstOrDefault(w => w is not null),
                g.OrderBy(p => PoseOrder(p.Pose)).ToList()))
            .ToList();
        var recent = uploads.Where(u => u.TrainerId == trainerId && u.CreatedAt > now - UploadRetention)
            .Select(u => Shown(u, now)).Where(u => u.Status != PhotoUploadStatuses.Ready)
            .OrderByDescending(u => u.CreatedAt).ToList();
        return new PhotoTimeline(sets, recent);
    }

    /// <summary>Deletes a set: its blobs first (so no photo outlives its row), then its rows.</summary>
    public async Task DeleteSetAsync(string trainerId, string clientId, DateOnly capturedOn, CancellationToken ct)
    {
        var photos = (await store.PhotosAsync(clientId, capturedOn, ct)).Where(p => p.TrainerId == trainerId).ToList();
        if (photos.Count == 0) throw DomainException.NotFound("No photos on that date.");
        foreach (var photo in photos) await DeleteBlobsAsync(photo, ct);
        await store.DeleteAsync(clientId, photos, ct);
    }

    /// <summary>A PT deletes a set of their client's.</summary>
    public async Task DeleteClientSetAsync(string trainerId, string clientId, DateOnly capturedOn, CancellationToken ct)
    {
        await clients.GetAsync(trainerId, clientId, ct);
        await DeleteSetAsync(trainerId, clientId, capturedOn, ct);
    }

    /// <summary>
    /// The blob trigger's work for one uploaded blob, exactly once per upload: a blob that names no pending
    /// upload of that client (a forged path) is deleted and recorded nowhere; a replay (the upload is no longer
    /// pending) only deletes the blob; otherwise the photo is recorded and the upload marked ready in one
    /// transaction over the pending version read, or the upload is marked rejected with the reason.
    /// </summary>
    public async Task ProcessAsync(string name, Stream content, CancellationToken ct)
    {
        var incoming = Incoming.GetBlobClient(name);
        var parts = name.Split('/');
        var upload = parts.Length == 3 && parts.All(TenantTable.IsValidKey) ? await store.FindUploadAsync(parts[1], parts[2], ct) : null;
        if (upload is null || upload.TrainerId != parts[0])
        {
            log.LogWarning("Deleted {Blob} from {Container}: it names no upload of that client", name, StorageNames.PhotosIncoming);
            await incoming.DeleteIfExistsAsync(cancellationToken: ct);
            return;
        }
        if (upload.Status != PhotoUploadStatuses.Pending)
        {
            await incoming.DeleteIfExistsAsync(cancellationToken: ct);
            return;
        }

        var bytes = await PhotoPipeline.ReadLimitedAsync(content, ct);
        var (processed, refusal) = bytes is null ? (null, PhotoPipeline.TooLarge) : PhotoPipeline.Process(bytes.Value);
        if (processed is null)
        {
            upload.Status = PhotoUploadStatuses.Rejected;
            upload.Reason = refusal;
            try { await store.UpdateUploadAsync(upload, ct); }
            catch (DomainException) { /* processed meanwhile by a replay: its outcome stands */ }
            log.LogInformation("Rejected photo upload {Blob}: {Reason}", name, refusal);
            await incoming.DeleteIfExistsAsync(cancellationToken: ct);
            return;
        }

        var (trainerId, clientId, photoId) = (upload.TrainerId, upload.PartitionKey, upload.UploadId);
        var photos = storage.Container(StorageNames.Photos);
        await Task.WhenAll(
            BlobFiles.WriteJpegAsync(photos.GetBlobClient(PhotoEntity.BlobNameOf(trainerId, clientId, photoId)), processed.Photo, ct),
            BlobFiles.WriteJpegAsync(photos.GetBlobClient(PhotoEntity.ThumbnailBlobNameOf(trainerId, clientId, photoId)), processed.Thumbnail, ct));
        var week = await training.ProgramWeekAsync(clientId, upload.Date, ct);
        var photo = new PhotoEntity
        {
            PartitionKey = clientId, RowKey = PhotoEntity.Key(upload.Date, upload.Pose), PhotoId = photoId, TrainerId = trainerId, Pose = upload.Pose,
            CapturedOn = upload.CapturedOn, Week = week, Width = processed.Width, Height = processed.Height, Bytes = processed.Photo.Length,
            ThumbnailBytes = processed.Thumbnail.Length, UploadedAt = upload.CreatedAt, CreatedAt = clock.GetUtcNow(),
        };
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            var replaced = await store.FindPhotoAsync(clientId, upload.Date, upload.Pose, ct);
            // A later upload of the same pose and date was recorded first: it stays, this one gives way.
            var superseded = replaced is not null && replaced.UploadedAt > upload.CreatedAt;
            upload.Status = PhotoUploadStatuses.Ready;
            upload.PhotoId = superseded ? replaced!.PhotoId : photoId;
            try
            {
                if (superseded) await store.UpdateUploadAsync(upload, ct);
                else await store.RecordAsync(photo, replaced, upload, ct);
            }
            catch (Exception e) when (e is DomainException or RequestFailedException { Status: 409 or 412 })
            {
                // Either a replay of this blob recorded it (same photo id, same blobs: nothing to undo), or the
                // photo of this pose and date changed meanwhile: then read both again.
                var current = await store.FindUploadAsync(clientId, photoId, ct);
                if (current is null || current.Status != PhotoUploadStatuses.Pending) break;
                if (attempt == 3) throw; // the trigger tries again later
                upload = current;
                continue;
            }
            if (superseded) await DeleteBlobsAsync(photo, ct);
            else if (replaced is not null && replaced.PhotoId != photoId) await DeleteBlobsAsync(replaced, ct);
            break;
        }
        await incoming.DeleteIfExistsAsync(cancellationToken: ct);
    }

    /// <summary>A removed client's photos go with them: blobs (processed and still incoming), then rows.</summary>
    public async Task HandleAsync(ClientRemoved removed, CancellationToken ct)
    {
        var prefix = $"{removed.TrainerId}/{removed.ClientId}/";
        await BlobFiles.DeletePrefixAsync([storage.Container(StorageNames.Photos), Incoming], prefix, ct);
        await store.DeletePartitionAsync(removed.ClientId, ct);
    }

    public static string IncomingName(string trainerId, string clientId, string uploadId) => $"{trainerId}/{clientId}/{uploadId}";

    private Azure.Storage.Blobs.BlobContainerClient Incoming => storage.Container(StorageNames.PhotosIncoming);

    /// <summary>An upload never processed within <see cref="Abandoned"/> is shown as refused (its URL expired; the file never came).</summary>
    private static PhotoUpload Shown(PhotoUploadEntity upload, DateTimeOffset now) =>
        upload.Status == PhotoUploadStatuses.Pending && upload.CreatedAt < now - Abandoned
            ? upload.ToDto() with { Status = PhotoUploadStatuses.Rejected, Reason = DidNotArrive }
            : upload.ToDto();

    private static int PoseOrder(string pose) => PhotoPoses.All.ToList().IndexOf(pose) is var i and >= 0 ? i : int.MaxValue;

    private async Task DeleteBlobsAsync(PhotoEntity photo, CancellationToken ct)
    {
        var container = storage.Container(StorageNames.Photos);
        await Task.WhenAll(
            container.GetBlobClient(photo.BlobName).DeleteIfExistsAsync(cancellationToken: ct),
            container.GetBlobClient(photo.ThumbnailBlobName).DeleteIfExistsAsync(cancellationToken: ct));
    }

}
