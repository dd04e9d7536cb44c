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
        var tableOptions = Configure(new TableClientOptions(), TablePatience, StorageRoundTrips.Service.Table);
        var blobOptions = Configure(new BlobClientOptions(), BlobPatience, StorageRoundTrips.Service.Blob);
        var queueOptions = Configure(new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 }, QueuePatience, StorageRoundTrips.Service.Queue);

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

    /// <summary>How long one kind of call may wait for storage, retries included.</summary>
    public sealed record Patience(int MaxRetries, TimeSpan NetworkTimeout, TimeSpan Delay, TimeSpan MaxDelay)
    {
        /// <summary>The longest a call can take when storage does not answer: every attempt times out, with the back-off between.</summary>
        public TimeSpan WorstCase
        {
            get
            {
                var total = NetworkTimeout * (MaxRetries + 1);
                for (var i = 0; i < MaxRetries; i++) total += TimeSpan.FromTicks(Math.Min(MaxDelay.Ticks, Delay.Ticks << i));
                return total;
            }
        }
    }

    /// <summary>
    /// Table and queue calls are small (a row, a page of ≤ 1,000 rows, a message): a healthy account
    /// answers in milliseconds, so 3 s per attempt and one retry ride out a blip, and a hung or
    /// unreachable account is reported (503) within ~6.5 s instead of the SDK's default 100 s × 4.
    /// Blob calls move images up to 5 MB: a little longer per attempt. Each stays under the 10 s the
    /// API promises for "storage unavailable".
    /// </summary>
    public static readonly Patience TablePatience = new(1, TimeSpan.FromSeconds(3), TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(1));
    public static readonly Patience QueuePatience = TablePatience;
    public static readonly Patience BlobPatience = new(1, TimeSpan.FromSeconds(4), TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(1));

    private static T Configure<T>(T options, Patience patience, StorageRoundTrips.Service service) where T : ClientOptions
    {
        options.AddPolicy(new StorageRoundTrips.Policy(service), HttpPipelinePosition.PerRetry);
        options.Retry.Mode = RetryMode.Exponential;
        options.Retry.MaxRetries = patience.MaxRetries;
        options.Retry.NetworkTimeout = patience.NetworkTimeout;
        options.Retry.Delay = patience.Delay;
        options.Retry.MaxDelay = patience.MaxDelay;
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
