using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using FitPilot.Functions.Storage;

namespace FitPilot.LocalHost;

/// <summary>
/// The browser PUTs progress photos straight to Blob Storage through a SAS URL, from the app's origin:
/// a cross-origin request with <c>x-ms-blob-type</c>, so the blob service must allow the app's origin
/// (CORS). In Azure the storage account's CORS rule does this; locally this sets Azurite's at start-up,
/// keeping any other origins' rules (an Azurite shared by several hosts).
/// </summary>
public sealed class BlobCors(StorageClients storage, IReadOnlyCollection<string> origins) : IHostedService
{
    public static readonly string[] Headers = ["content-type", "content-length", "x-ms-blob-type", "x-ms-blob-content-type", "x-ms-version", "x-ms-date", "x-ms-client-request-id"];

    public Task StartAsync(CancellationToken ct) => AllowAsync(storage.Blobs, origins, ct);

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;

    public static async Task AllowAsync(BlobServiceClient blobs, IReadOnlyCollection<string> origins, CancellationToken ct)
    {
        var allowed = string.Join(',', origins.Order(StringComparer.Ordinal));
        var properties = (await blobs.GetPropertiesAsync(ct)).Value;
        var rules = properties.Cors?.ToList() ?? [];
        if (rules.Any(r => r.AllowedOrigins == allowed)) return;
        rules.Add(new BlobCorsRule
        {
            AllowedOrigins = allowed, AllowedMethods = "GET,HEAD,PUT,OPTIONS", AllowedHeaders = string.Join(',', Headers),
            ExposedHeaders = "etag,x-ms-request-id", MaxAgeInSeconds = 3600,
        });
        // The properties read, with the rule added (Azurite refuses a body without the logging settings' version).
        properties.Cors = rules;
        await blobs.SetPropertiesAsync(properties, ct);
    }

    /// <summary>The origins a browser may load the app from: App:PublicBaseUrl's, and the host's own address under both loopback names.</summary>
    public static IReadOnlyCollection<string> Origins(string? publicBaseUrl, int port) =>
        new[] { publicBaseUrl, $"http://localhost:{port}", $"http://127.0.0.1:{port}" }
            .Where(u => Uri.TryCreate(u, UriKind.Absolute, out _))
            .Select(u => new Uri(u!).GetLeftPart(UriPartial.Authority)).Distinct(StringComparer.Ordinal).ToList();
}
