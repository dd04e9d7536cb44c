using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace FitPilot.Functions.Storage;

/// <summary>The pictures the upload pipelines write (progress photos, message pictures) and how a removed client's files go.</summary>
public static class BlobFiles
{
    /// <summary>A processed JPEG, private; a browser keeps it as long as its read URL lives (10 minutes).</summary>
    public static Task WriteJpegAsync(BlobClient blob, byte[] jpeg, CancellationToken ct) =>
        blob.UploadAsync(new BinaryData(jpeg), new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "image/jpeg", CacheControl = "private, max-age=600" } }, ct);

    /// <summary>Every blob under <paramref name="prefix"/> in each container (a removed client's <c>{trainerId}/{clientId}/</c>).</summary>
    public static async Task DeletePrefixAsync(IEnumerable<BlobContainerClient> containers, string prefix, CancellationToken ct)
    {
        foreach (var container in containers)
            await foreach (var blob in container.GetBlobsAsync(BlobTraits.None, BlobStates.None, prefix, ct))
                await container.GetBlobClient(blob.Name).DeleteIfExistsAsync(cancellationToken: ct);
    }
}
