using System.Runtime.Serialization;
using Azure;
using Azure.Data.Tables;
using FitPilot.Contracts.Progress;
using FitPilot.Functions.Storage;

namespace FitPilot.Functions.Photos;

/// <summary>
/// One upload of a progress photo: table <c>photos</c>, PartitionKey = the client, RowKey = <c>upload|{uploadId}</c>.
/// Written when the client asks for an upload URL (pending), changed once by the blob trigger (ready or rejected).
/// </summary>
public sealed class PhotoUploadEntity : ITableEntity
{
    public const string Prefix = "upload|";
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }
    public string TrainerId { get; set; } = "";
    public string Pose { get; set; } = "";
    /// <summary>yyyy-MM-dd, the client's local date.</summary>
    public string CapturedOn { get; set; } = "";
    public string Status { get; set; } = PhotoUploadStatuses.Pending;
    public string? Reason { get; set; }
    public string? PhotoId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    [IgnoreDataMember] public string UploadId => RowKey[Prefix.Length..];
    [IgnoreDataMember] public DateOnly Date => DateOnly.ParseExact(CapturedOn, "yyyy-MM-dd");
    public static string Key(string uploadId) => Prefix + uploadId;

    public PhotoUpload ToDto() => new(UploadId, Pose, Date, Status, Reason, PhotoId, CreatedAt);
}

/// <summary>
/// One processed photo: table <c>photos</c>, PartitionKey = the client, RowKey = <c>photo|{yyyy-MM-dd}|{pose}</c>,
/// so a set is one range of rows and a newer photo of the same pose and date takes the older one's place.
/// Its blobs are <c>photos/{trainerId}/{clientId}/{photoId}.jpg</c> and <c>.thumb.jpg</c>.
/// </summary>
public sealed class PhotoEntity : ITableEntity
{
    public const string Prefix = "photo|";
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }
    public string PhotoId { get; set; } = "";
    public string TrainerId { get; set; } = "";
    public string Pose { get; set; } = "";
    public string CapturedOn { get; set; } = "";
    public int? Week { get; set; }
    public int Width { get; set; }
    public int Height { get; set; }
    public long Bytes { get; set; }
    public long ThumbnailBytes { get; set; }
    /// <summary>When the upload that made this photo was asked for: the later upload of a pose and date wins.</summary>
    public DateTimeOffset UploadedAt { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    [IgnoreDataMember] public DateOnly Date => DateOnly.ParseExact(CapturedOn, "yyyy-MM-dd");
    [IgnoreDataMember] public string ClientId => PartitionKey;
    public static string Key(DateOnly capturedOn, string pose) => $"{Prefix}{Iso(capturedOn)}|{pose}";
    public static string DatePrefix(DateOnly capturedOn) => $"{Prefix}{Iso(capturedOn)}|";
    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    [IgnoreDataMember] public string BlobName => BlobNameOf(TrainerId, ClientId, PhotoId);
    [IgnoreDataMember] public string ThumbnailBlobName => ThumbnailBlobNameOf(TrainerId, ClientId, PhotoId);
    public static string BlobNameOf(string trainerId, string clientId, string photoId) => $"{trainerId}/{clientId}/{photoId}.jpg";
    public static string ThumbnailBlobNameOf(string trainerId, string clientId, string photoId) => $"{trainerId}/{clientId}/{photoId}.thumb.jpg";
}

/// <summary>The one owner of table <c>photos</c>: each client's uploads and photos in the client's partition.</summary>
public sealed class PhotoStore(StorageClients storage)
{
    private readonly TenantTable _table = new(storage.Table(StorageNames.PhotosTable));

    public Task<PhotoUploadEntity?> FindUploadAsync(string clientId, string uploadId, CancellationToken ct) =>
        _table.FindAsync<PhotoUploadEntity>(clientId, PhotoUploadEntity.Key(uploadId), ct);

    public Task AddUploadAsync(PhotoUploadEntity upload, CancellationToken ct) => _table.AddAsync(upload, ct);

    /// <summary>Saves an upload's new status over the version read; a stale version is a DomainException (someone processed it meanwhile).</summary>
    public Task UpdateUploadAsync(PhotoUploadEntity upload, CancellationToken ct) => _table.UpdateAsync(upload, ct);

    public Task<List<PhotoUploadEntity>> UploadsAsync(string clientId, CancellationToken ct) =>
        _table.QueryPartitionAsync<PhotoUploadEntity>(clientId, ct, Range(PhotoUploadEntity.Prefix)).ToListAsync(ct).AsTask();

    public Task<PhotoEntity?> FindPhotoAsync(string clientId, DateOnly capturedOn, string pose, CancellationToken ct) =>
        _table.FindAsync<PhotoEntity>(clientId, PhotoEntity.Key(capturedOn, pose), ct);

    /// <summary>Every photo and upload of a client, in one query (the timeline).</summary>
    public async Task<(List<PhotoEntity> Photos, List<PhotoUploadEntity> Uploads)> ReadAllAsync(string clientId, CancellationToken ct)
    {
        var (photos, uploads) = (new List<PhotoEntity>(), new List<PhotoUploadEntity>());
        await foreach (var row in _table.QueryPartitionAsync<TableEntity>(clientId, ct))
        {
            if (row.RowKey.StartsWith(PhotoEntity.Prefix, StringComparison.Ordinal)) photos.Add(RowMapper.To<PhotoEntity>(row));
            else if (row.RowKey.StartsWith(PhotoUploadEntity.Prefix, StringComparison.Ordinal)) uploads.Add(RowMapper.To<PhotoUploadEntity>(row));
        }
        return (photos, uploads);
    }

    /// <summary>The photos of one date (a set), or of every date.</summary>
    public Task<List<PhotoEntity>> PhotosAsync(string clientId, DateOnly? capturedOn, CancellationToken ct) =>
        _table.QueryPartitionAsync<PhotoEntity>(clientId, ct, Range(capturedOn is { } date ? PhotoEntity.DatePrefix(date) : PhotoEntity.Prefix)).ToListAsync(ct).AsTask();

    /// <summary>
    /// Records a processed photo and marks its upload ready in one entity group transaction: both or neither,
    /// each over the version read (the photo it replaces, the pending upload), so a replayed trigger that
    /// lost the race writes nothing.
    /// </summary>
    public Task RecordAsync(PhotoEntity photo, PhotoEntity? replaced, PhotoUploadEntity upload, CancellationToken ct) =>
        _table.SubmitAsync(
        [
            replaced is null
                ? new TableTransactionAction(TableTransactionActionType.Add, photo)
                : new TableTransactionAction(TableTransactionActionType.UpdateReplace, photo, replaced.ETag),
            new TableTransactionAction(TableTransactionActionType.UpdateReplace, upload, upload.ETag),
        ], ct);

    /// <summary>Deletes rows of one client (a set, old uploads) in one transaction per 100.</summary>
    public async Task DeleteAsync(string clientId, IEnumerable<ITableEntity> rows, CancellationToken ct)
    {
        foreach (var chunk in rows.Chunk(100))
            await _table.SubmitAsync(chunk.Select(r => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(clientId, r.RowKey), r.ETag)), ct);
    }

    public Task DeletePartitionAsync(string clientId, CancellationToken ct) => _table.DeletePartitionAsync(clientId, ct);

    private static string Range(string prefix) =>
        TableClient.CreateQueryFilter($"RowKey ge {prefix} and RowKey lt {prefix[..^1] + (char)(prefix[^1] + 1)}");
}
