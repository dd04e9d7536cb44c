using System.ComponentModel.DataAnnotations;

namespace FitPilot.Contracts.Progress;

/// <summary>The four poses of a progress photo set.</summary>
public static class PhotoPoses
{
    public const string Front = "front";
    public const string SideLeft = "side-left";
    public const string Back = "back";
    public const string SideRight = "side-right";
    public static readonly IReadOnlyList<string> All = [Front, SideLeft, Back, SideRight];
}

/// <summary>Where an upload is: waiting for the file or its processing, processed, or refused (with the reason).</summary>
public static class PhotoUploadStatuses
{
    public const string Pending = "pending";
    public const string Ready = "ready";
    public const string Rejected = "rejected";
}

/// <summary>Ask for a place to upload one progress photo (the browser then PUTs the file straight to Blob Storage).</summary>
public sealed record StartPhotoUploadRequest
{
    [Required, AllowedValues(PhotoPoses.Front, PhotoPoses.SideLeft, PhotoPoses.Back, PhotoPoses.SideRight, ErrorMessage = "Choose front, side-left, back or side-right.")]
    public required string Pose { get; init; }
    /// <summary>The client's local date the photo was taken (not in the future).</summary>
    [Required] public required DateOnly CapturedOn { get; init; }
}

/// <param name="UploadUrl">A write-only SAS URL for exactly one new blob, valid until <paramref name="ExpiresAt"/> (5 minutes). PUT the file with the headers in <paramref name="Headers"/>.</param>
/// <param name="Headers">Headers the PUT must carry (x-ms-blob-type: BlockBlob).</param>
/// <param name="MaxBytes">The largest file the pipeline accepts (20 MB).</param>
public sealed record PhotoUploadTicket(string UploadId, string UploadUrl, DateTimeOffset ExpiresAt, IReadOnlyDictionary<string, string> Headers, long MaxBytes,
    PhotoUpload Upload);

/// <param name="Status">pending, ready or rejected (<see cref="PhotoUploadStatuses"/>).</param>
/// <param name="Reason">Why it was rejected, in words for the client.</param>
/// <param name="PhotoId">The stored photo once ready.</param>
public sealed record PhotoUpload(string UploadId, string Pose, DateOnly CapturedOn, string Status, string? Reason, string? PhotoId, DateTimeOffset CreatedAt);

/// <summary>One processed photo. The URLs are short-lived read SAS URLs (≤ 10 minutes): fetch the list again for fresh ones.</summary>
/// <param name="Week">The week of the client's program the photo falls in (1 = the program's first week), null without a program.</param>
public sealed record ProgressPhoto(string Id, string Pose, DateOnly CapturedOn, int? Week, int Width, int Height, long Bytes, long ThumbnailBytes,
    string Url, string ThumbnailUrl, DateTimeOffset UrlsExpireAt, DateTimeOffset CreatedAt);

/// <summary>The photos of one date (a set: up to one per pose, the latest upload of a pose wins).</summary>
public sealed record PhotoSet(DateOnly CapturedOn, int? Week, IReadOnlyList<ProgressPhoto> Photos);

/// <summary>Every photo set of a client, newest first, and uploads still pending or recently rejected.</summary>
public sealed record PhotoTimeline(IReadOnlyList<PhotoSet> Sets, IReadOnlyList<PhotoUpload> Uploads);
