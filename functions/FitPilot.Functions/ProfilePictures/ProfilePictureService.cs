using Azure.Storage.Blobs.Models;
using FitPilot.Functions.Common;
using FitPilot.Functions.Http;
using FitPilot.Functions.Images;
using FitPilot.Functions.Storage;
using FitPilot.Functions.Trainers;
using Microsoft.Extensions.Logging;
using SkiaSharp;

namespace FitPilot.Functions.ProfilePictures;

/// <summary>
/// A PT's profile picture: the upload lands in <c>profile-pictures-incoming/{trainerId}/{uploadId}</c>,
/// the blob trigger turns it into a 256×256 JPEG (re-encoding drops EXIF, GPS included) in
/// <c>profile-pictures/{trainerId}.jpg</c>, points the profile at it and deletes the upload.
/// </summary>
public sealed class ProfilePictureService(StorageClients storage, TrainerStore trainers, TimeProvider clock, ILogger<ProfilePictureService> log)
{
    public const int MaxUploadBytes = 5 * 1024 * 1024;
    public const int Size = 256;
    private const long MaxPixels = 40_000_000;
    private static readonly string[] AcceptedTypes = ["image/jpeg", "image/png", "image/webp"];


    public async Task<string> UploadAsync(string trainerId, string? contentType, byte[] content, CancellationToken ct)
    {
        var mediaType = contentType?.Split(';')[0].Trim().ToLowerInvariant();
        if (mediaType is null || !AcceptedTypes.Contains(mediaType))
            throw new ProblemException(415, "Unsupported media type", "Upload a JPEG, PNG or WebP image.");
        if (content.Length == 0) throw DomainException.Invalid("$", "The image is empty.");
        var uploadId = Guid.NewGuid().ToString("N");
        await storage.Container(StorageNames.ProfilePicturesIncoming)
            .GetBlobClient($"{trainerId}/{uploadId}")
            .UploadAsync(new BinaryData(content), new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = mediaType } }, ct);
        return uploadId;
    }

    /// <summary>Processes one upload. A file that is not a usable image is dropped (retrying cannot fix it).</summary>
    public async Task ProcessUploadAsync(string blobName, byte[] content, CancellationToken ct)
    {
        var incoming = storage.Container(StorageNames.ProfilePicturesIncoming).GetBlobClient(blobName);
        var trainerId = blobName.Split('/')[0];
        var jpeg = Normalise(content);
        var trainer = await trainers.FindAsync(trainerId, ct);
        if (jpeg is null || trainer is null)
        {
            log.LogWarning("Dropped profile picture upload {Blob}: {Reason}", blobName, jpeg is null ? "not a usable image" : "no such trainer");
            await incoming.DeleteIfExistsAsync(cancellationToken: ct);
            return;
        }
        await storage.Container(StorageNames.ProfilePictures).GetBlobClient(trainerId + ".jpg")
            .UploadAsync(new BinaryData(jpeg), new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "image/jpeg", CacheControl = "private, max-age=3600" } }, ct);
        // Only the picture link changes: written over the version read, again if the PT saved their profile meanwhile.
        await trainers.ChangeWithRetryAsync(trainerId, t =>
        {
            var now = clock.GetUtcNow();
            t.ProfilePictureUrl = $"/api/trainers/{trainerId}/profile-picture?v={now.ToUnixTimeSeconds()}";
            t.UpdatedAt = now;
        }, ct);
        await incoming.DeleteIfExistsAsync(cancellationToken: ct);
    }

    public async Task<BinaryData> DownloadAsync(string trainerId, CancellationToken ct)
    {
        var blob = storage.Container(StorageNames.ProfilePictures).GetBlobClient(trainerId + ".jpg");
        try { return (await blob.DownloadContentAsync(ct)).Value.Content; }
        catch (Azure.RequestFailedException e) when (e.Status == 404) { throw DomainException.NotFound("No profile picture."); }
    }

    /// <summary>Centre-cropped square JPEG of <see cref="Size"/> px, or null when the bytes are not a sane image.</summary>
    public static byte[]? Normalise(byte[] content)
    {
        using var data = SKData.CreateCopy(content);
        using var codec = SKCodec.Create(data);
        if (codec is null || (long)codec.Info.Width * codec.Info.Height > MaxPixels) return null;
        // Decoded no larger than needed for the square's side to reach Size.
        var (width, height) = (codec.Info.Width, codec.Info.Height);
        using var decoded = ImageProcessing.Decode(codec, (int)Math.Min(int.MaxValue, (long)Size * Math.Max(width, height) / Math.Max(1, Math.Min(width, height))));
        if (decoded is null) return null;
        using var oriented = ImageProcessing.Orient(decoded, codec.EncodedOrigin);
        var side = Math.Min(oriented.Width, oriented.Height);
        var crop = SKRectI.Create((oriented.Width - side) / 2, (oriented.Height - side) / 2, side, side);
        using var square = new SKBitmap(side, side);
        if (!oriented.ExtractSubset(square, crop)) return null;
        using var resized = ImageProcessing.Resize(square, new SKSizeI(Size, Size));
        return ImageProcessing.EncodeJpeg(resized, 85);
    }
}
