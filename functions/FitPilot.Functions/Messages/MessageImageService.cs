using Azure.Storage.Blobs.Models;
using FitPilot.Contracts.Messages;
using FitPilot.Functions.Common;
using FitPilot.Functions.Images;
using FitPilot.Functions.Storage;
using Microsoft.Extensions.Logging;

namespace FitPilot.Functions.Messages;

/// <summary>
/// Pictures in messages, through the progress photos' pipeline. Either side of a conversation asks for an upload (a pending
/// row <c>i|{clientId}|{imageId}</c> in the PT's partition and a write-only SAS URL for one blob
/// <c>message-images-incoming/{trainerId}/{clientId}/{imageId}</c>, 5 minutes); the browser PUTs the file; the blob trigger
/// processes it once (<see cref="PhotoPipeline"/>: sniffed, limited, resized, re-encoded without EXIF), writes the picture and
/// thumbnail to the private <c>message-images</c> container and marks the upload ready (or rejected, with the reason), then
/// deletes the upload. A send claims a ready picture; reading hands out read-only SAS URLs of 10 minutes.
/// </summary>
public sealed class MessageImageService(MessageStore store, BlobSas sas, StorageClients storage, TimeProvider clock, ILogger<MessageImageService> log)
{
    public static readonly TimeSpan UploadWindow = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan ReadWindow = TimeSpan.FromMinutes(10);
    /// <summary>A pending upload not processed by then never will be (its URL expired long before).</summary>
    public static readonly TimeSpan Abandoned = TimeSpan.FromMinutes(15);
    /// <summary>Pictures one sender may have uploading at once.</summary>
    public const int MaxPendingUploads = 6;
    /// <summary>How long a picture never sent (or refused) is kept before the nightly tidy deletes it.</summary>
    public static readonly TimeSpan UnsentRetention = TimeSpan.FromDays(1);
    public const string DidNotArrive = "The picture did not arrive in time. Try again.";

    /// <summary>A write-only URL for one new picture of <paramref name="role"/>'s side in the conversation (the caller is one of the pair).</summary>
    public async Task<MessageImageTicket> StartUploadAsync(string trainerId, string clientId, string uploaderId, string role, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var mine = await store.ImagesOfAsync(trainerId, uploaderId, ct);
        var waiting = mine.Count(i => i.Status == MessageImageStatuses.Pending && i.CreatedAt > now - Abandoned);
        if (waiting >= MaxPendingUploads)
            throw DomainException.TooManyRequests("Too many uploads", $"{waiting} pictures are still uploading. Wait for them, then try again.", 60);

        var image = new MessageImageEntity
        {
            PartitionKey = trainerId, ImageId = Ids.New(), ClientId = clientId, UploaderId = uploaderId, UploaderRole = role,
            Status = MessageImageStatuses.Pending, CreatedAt = now,
        };
        image.RowKey = MessageRows.ImageKey(clientId, image.ImageId);
        await store.AddImageAsync(image, ct);
        var expires = now + UploadWindow;
        var url = await sas.WriteOnlyAsync(Incoming.GetBlobClient(IncomingName(trainerId, clientId, image.ImageId)), expires, ct);
        return new MessageImageTicket(image.ImageId, url.ToString(), expires, new Dictionary<string, string> { ["x-ms-blob-type"] = "BlockBlob" },
            PhotoPipeline.MaxBytes, Shown(image, now));
    }

    /// <summary>Where one of the conversation's uploads is (pending, ready, rejected); another conversation's id is a 404.</summary>
    public async Task<MessageImageUpload> GetUploadAsync(string trainerId, string clientId, string imageId, CancellationToken ct)
    {
        var image = (TenantTable.IsValidKey(imageId) ? await store.FindImageAsync(trainerId, clientId, imageId, ct) : null)
            ?? throw DomainException.NotFound("No such picture.");
        var shown = Shown(image, clock.GetUtcNow());
        if (shown.Status != MessageImageStatuses.Ready) return shown;
        var thumbnail = await sas.ReadOnlyAsync(storage.Container(StorageNames.MessageImages)
            .GetBlobClient(MessageImageEntity.ThumbnailBlobNameOf(trainerId, clientId, imageId)), clock.GetUtcNow() + ReadWindow, ct);
        return shown with { ThumbnailUrl = thumbnail.ToString() };
    }

    /// <summary>The picture a send may carry: ready, uploaded by this sender to this conversation, and carried by no other message (else nothing changes).</summary>
    public static void CheckSendable(MessageImageEntity? image, string senderId, string messageId)
    {
        if (image is null || image.UploaderId != senderId)
            throw DomainException.Invalid("imageId", "Attach a picture you uploaded to this conversation.");
        if (image.Status == MessageImageStatuses.Rejected) throw DomainException.Invalid("imageId", image.Reason ?? "This picture was refused.");
        if (image.Status != MessageImageStatuses.Ready) throw DomainException.Invalid("imageId", "The picture is still uploading. Send it once it is ready.");
        if (image.MessageId is not null && image.MessageId != messageId)
            throw DomainException.Conflict("This picture was already sent with another message.", "Picture already sent",
                new Dictionary<string, string[]> { ["imageId"] = ["This picture was already sent with another message. Attach it again."] });
    }

    /// <summary>Read-only URLs (10 minutes) for a message's picture; null for a message without one.</summary>
    public async Task<MessageImage?> UrlsAsync(string trainerId, string clientId, MessageEntity message, CancellationToken ct)
    {
        if (message.ImageId is null) return null;
        var expires = clock.GetUtcNow() + ReadWindow;
        var container = storage.Container(StorageNames.MessageImages);
        var url = await sas.ReadOnlyAsync(container.GetBlobClient(MessageImageEntity.BlobNameOf(trainerId, clientId, message.ImageId)), expires, ct);
        var thumbnail = await sas.ReadOnlyAsync(container.GetBlobClient(MessageImageEntity.ThumbnailBlobNameOf(trainerId, clientId, message.ImageId)), expires, ct);
        return new MessageImage(url.ToString(), thumbnail.ToString(), message.ImageWidth ?? 0, message.ImageHeight ?? 0, expires);
    }

    /// <summary>
    /// The blob trigger's work for one uploaded blob, once per upload: a blob naming no pending upload of that conversation (a
    /// forged path) is deleted and recorded nowhere; a replay (no longer pending) only deletes the blob; otherwise the picture
    /// and thumbnail are written and the upload marked ready over the pending version read, or marked rejected with the reason.
    /// </summary>
    public async Task ProcessAsync(string name, Stream content, CancellationToken ct)
    {
        var incoming = Incoming.GetBlobClient(name);
        var parts = name.Split('/');
        var image = parts.Length == 3 && parts.All(TenantTable.IsValidKey) ? await store.FindImageAsync(parts[0], parts[1], parts[2], ct) : null;
        if (image is null)
        {
            log.LogWarning("Deleted {Blob} from {Container}: it names no upload of that conversation", name, StorageNames.MessageImagesIncoming);
            await incoming.DeleteIfExistsAsync(cancellationToken: ct);
            return;
        }
        if (image.Status != MessageImageStatuses.Pending)
        {
            await incoming.DeleteIfExistsAsync(cancellationToken: ct);
            return;
        }

        var bytes = await PhotoPipeline.ReadLimitedAsync(content, ct);
        var (processed, refusal) = bytes is null ? (null, PhotoPipeline.TooLarge) : PhotoPipeline.Process(bytes.Value);
        if (processed is null)
        {
            image.Status = MessageImageStatuses.Rejected;
            image.Reason = refusal;
            log.LogInformation("Rejected message picture {Blob}: {Reason}", name, refusal);
        }
        else
        {
            var container = storage.Container(StorageNames.MessageImages);
            await Task.WhenAll(
                BlobFiles.WriteJpegAsync(container.GetBlobClient(MessageImageEntity.BlobNameOf(parts[0], image.ClientId, image.ImageId)), processed.Photo, ct),
                BlobFiles.WriteJpegAsync(container.GetBlobClient(MessageImageEntity.ThumbnailBlobNameOf(parts[0], image.ClientId, image.ImageId)), processed.Thumbnail, ct));
            image.Status = MessageImageStatuses.Ready;
            image.Width = processed.Width;
            image.Height = processed.Height;
        }
        try { await store.UpdateImageAsync(image, ct); }
        catch (DomainException) { /* processed meanwhile by a replay of the same blob: same id, same blobs, its outcome stands */ }
        await incoming.DeleteIfExistsAsync(cancellationToken: ct);
    }

    /// <summary>
    /// The nightly tidy: pictures uploaded (or refused) a day ago or more that no message carries — the sender removed them from
    /// the composer or never sent — lose their blobs, then their rows, each row only as read (a send claiming it meanwhile wins).
    /// </summary>
    public async Task<int> DeleteUnsentAsync(CancellationToken ct)
    {
        var deleted = 0;
        await foreach (var image in store.UnsentImagesAsync(clock.GetUtcNow() - UnsentRetention, ct))
        {
            if (image.MessageId is not null) continue;
            if (!await store.TryDeleteImageAsync(image, ct)) continue;
            await DeleteBlobsAsync(image.PartitionKey, image.ClientId, image.ImageId, ct);
            deleted++;
        }
        return deleted;
    }

    /// <summary>A removed client's pictures: every blob under <c>{trainerId}/{clientId}/</c> in both containers (the rows go with the conversation).</summary>
    public async Task DeleteConversationBlobsAsync(string trainerId, string clientId, CancellationToken ct)
    {
        var prefix = $"{trainerId}/{clientId}/";
        await BlobFiles.DeletePrefixAsync([storage.Container(StorageNames.MessageImages), Incoming], prefix, ct);
    }

    public static string IncomingName(string trainerId, string clientId, string imageId) => $"{trainerId}/{clientId}/{imageId}";

    private static MessageImageUpload Shown(MessageImageEntity image, DateTimeOffset now) =>
        image.Status == MessageImageStatuses.Pending && image.CreatedAt < now - Abandoned
            ? new MessageImageUpload(image.ImageId, MessageImageStatuses.Rejected, DidNotArrive, null, null, image.CreatedAt)
            : new MessageImageUpload(image.ImageId, image.Status, image.Reason, image.Width, image.Height, image.CreatedAt);

    private Task DeleteBlobsAsync(string trainerId, string clientId, string imageId, CancellationToken ct)
    {
        var container = storage.Container(StorageNames.MessageImages);
        return Task.WhenAll(
            container.GetBlobClient(MessageImageEntity.BlobNameOf(trainerId, clientId, imageId)).DeleteIfExistsAsync(cancellationToken: ct),
            container.GetBlobClient(MessageImageEntity.ThumbnailBlobNameOf(trainerId, clientId, imageId)).DeleteIfExistsAsync(cancellationToken: ct),
            Incoming.GetBlobClient(IncomingName(trainerId, clientId, imageId)).DeleteIfExistsAsync(cancellationToken: ct));
    }


    private Azure.Storage.Blobs.BlobContainerClient Incoming => storage.Container(StorageNames.MessageImagesIncoming);
}
