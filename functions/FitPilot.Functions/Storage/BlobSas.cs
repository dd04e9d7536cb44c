using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Sas;

namespace FitPilot.Functions.Storage;

/// <summary>
/// Short-lived SAS URLs for exactly one blob each. With the account key (locally: Azurite's connection
/// string) they are signed with it; with a token credential (the app's managed identity in Azure) they are
/// user-delegation SAS, signed with a delegation key asked for once and reused until near its end. Either
/// way the URL's host is the blob endpoint the storage client uses, which the browser reaches directly.
/// </summary>
public sealed class BlobSas(StorageClients storage, TimeProvider clock)
{
    /// <summary>How long one delegation key serves (the service allows up to 7 days).</summary>
    private static readonly TimeSpan KeyLifetime = TimeSpan.FromHours(6);
    private readonly SemaphoreSlim _keyLock = new(1, 1);
    private UserDelegationKey? _key;

    /// <summary>A URL that may only create or overwrite this one blob (no read, list or delete), until <paramref name="expiresOn"/>.</summary>
    public Task<Uri> WriteOnlyAsync(BlobClient blob, DateTimeOffset expiresOn, CancellationToken ct) =>
        SignAsync(blob, BlobSasPermissions.Create | BlobSasPermissions.Write, expiresOn, ct);

    /// <summary>A URL that may only read this one blob, until <paramref name="expiresOn"/>.</summary>
    public Task<Uri> ReadOnlyAsync(BlobClient blob, DateTimeOffset expiresOn, CancellationToken ct) =>
        SignAsync(blob, BlobSasPermissions.Read, expiresOn, ct);

    private async Task<Uri> SignAsync(BlobClient blob, BlobSasPermissions permissions, DateTimeOffset expiresOn, CancellationToken ct)
    {
        var builder = new BlobSasBuilder(permissions, expiresOn) { BlobContainerName = blob.BlobContainerName, BlobName = blob.Name, Resource = "b" };
        if (blob.CanGenerateSasUri) return blob.GenerateSasUri(builder);
        var key = await DelegationKeyAsync(expiresOn, ct);
        return new BlobUriBuilder(blob.Uri) { Sas = builder.ToSasQueryParameters(key, storage.Blobs.AccountName) }.ToUri();
    }

    /// <summary>A delegation key that outlives <paramref name="until"/> (a SAS cannot outlive its key).</summary>
    private async Task<UserDelegationKey> DelegationKeyAsync(DateTimeOffset until, CancellationToken ct)
    {
        if (_key is { } current && current.SignedExpiresOn > until) return current;
        await _keyLock.WaitAsync(ct);
        try
        {
            if (_key is { } again && again.SignedExpiresOn > until) return again;
            var now = clock.GetUtcNow();
            _key = (await storage.Blobs.GetUserDelegationKeyAsync(new BlobGetUserDelegationKeyOptions(now + KeyLifetime) { StartsOn = now.AddMinutes(-5) }, ct)).Value;
            return _key;
        }
        finally { _keyLock.Release(); }
    }
}
