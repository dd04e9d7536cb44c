using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;

namespace FitPilot.Functions.Storage;

/// <summary>
/// The storage clients, built once from the same setting the Functions triggers use
/// (<c>AzureWebJobsStorage</c>): a connection string locally (Azurite), or in Azure the
/// identity-based form <c>AzureWebJobsStorage__tableServiceUri</c> / <c>__blobServiceUri</c> /
/// <c>__queueServiceUri</c> with the app's managed identity. Every client counts its round trips.
/// </summary>
public sealed class StorageClients
{
    public TableServiceClient Tables { get; }
    public BlobServiceClient Blobs { get; }
    public QueueServiceClient Queues { get; }

    public StorageClients(IConfiguration configuration)
    {
        var connectionString = configuration[StorageNames.Connection];
        var tableOptions = WithRoundTripCounting(new TableClientOptions());
        var blobOptions = WithRoundTripCounting(new BlobClientOptions());
        var queueOptions = WithRoundTripCounting(new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });

        if (!string.IsNullOrWhiteSpace(connectionString))
        {
            Tables = new TableServiceClient(connectionString, tableOptions);
            Blobs = new BlobServiceClient(connectionString, blobOptions);
            Queues = new QueueServiceClient(connectionString, queueOptions);
            return;
        }

        var section = configuration.GetSection(StorageNames.Connection);
        Uri Require(string key) => Uri.TryCreate(section[key], UriKind.Absolute, out var uri) ? uri
            : throw new InvalidOperationException(
                $"Storage is not configured: set '{StorageNames.Connection}' to a connection string " +
                $"(locally: UseDevelopmentStorage=true) or '{StorageNames.Connection}__{key}' for managed identity.");
        var credential = new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = section["clientId"] });
        Tables = new TableServiceClient(Require("tableServiceUri"), credential, tableOptions);
        Blobs = new BlobServiceClient(Require("blobServiceUri"), credential, blobOptions);
        Queues = new QueueServiceClient(Require("queueServiceUri"), credential, queueOptions);
    }

    public TableClient Table(string name) => Tables.GetTableClient(name);
    public QueueClient Queue(string name) => Queues.GetQueueClient(name);
    public BlobContainerClient Container(string name) => Blobs.GetBlobContainerClient(name);

    private static T WithRoundTripCounting<T>(T options) where T : ClientOptions
    {
        options.AddPolicy(new StorageRoundTrips.Policy(), HttpPipelinePosition.PerRetry);
        options.Retry.MaxRetries = 3;
        options.Retry.NetworkTimeout = TimeSpan.FromSeconds(30);
        return options;
    }

    /// <summary>Creates every table, queue and container that does not exist yet (idempotent).</summary>
    public async Task EnsureCreatedAsync(CancellationToken ct)
    {
        await Task.WhenAll(
            StorageNames.Tables.Select(t => Tables.GetTableClient(t).CreateIfNotExistsAsync(ct))
                .Concat<Task>(StorageNames.Queues.Select(q => Queues.GetQueueClient(q).CreateIfNotExistsAsync(cancellationToken: ct)))
                .Concat(StorageNames.Containers.Select(c => Blobs.GetBlobContainerClient(c).CreateIfNotExistsAsync(cancellationToken: ct))));
    }
}
