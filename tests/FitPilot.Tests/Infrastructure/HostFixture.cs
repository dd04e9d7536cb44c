using System.Security.Cryptography;
using FitPilot.LocalHost;

namespace FitPilot.Tests.Infrastructure;

/// <summary>
/// One real local host for the integration tests: its own Azurite and smtp4dev on free loopback
/// ports with data in a temp folder, started once and stopped (with everything it started) at the end.
/// </summary>
public sealed class HostFixture : IAsyncLifetime
{
    private string _dataDirectory = "";
    public LocalHostApp Host { get; private set; } = null!;
    public string BaseUrl => Host.Url;
    public Mailbox Mailbox { get; private set; } = null!;
    /// <summary>Stripe for this host (Billing:ApiBase): checkout and portal calls land here, never at api.stripe.com.</summary>
    public StripeFake Stripe { get; private set; } = null!;
    public const string StripeSecretKey = "sk_test_fitpilot_fake";
    public const string StripeWebhookSecret = "whsec_fitpilot_tests";
    public IServiceProvider Services => Host.App.Services;
    /// <summary>The app's URL as a browser should use it: localhost is a secure context, so the Secure session cookie works over http.</summary>
    public string BrowserUrl => BaseUrl.Replace("127.0.0.1", "localhost");

    public async Task InitializeAsync()
    {
        _dataDirectory = Path.Combine(Path.GetTempPath(), "fitpilot-tests-" + Guid.NewGuid().ToString("N")[..8]);
        Stripe = await StripeFake.StartAsync(StripeSecretKey);
        Host = await StartHostAsync(_dataDirectory, new Dictionary<string, string?>
        {
            ["Billing:SecretKey"] = StripeSecretKey, ["Billing:WebhookSecret"] = StripeWebhookSecret, ["Billing:ApiBase"] = Stripe.Url,
        });
        Mailbox = new Mailbox(Host.Services.MailboxUrl);
    }

    /// <summary>Starts a host with its own dev services; used for the shared host and for failure tests.</summary>
    public static Task<LocalHostApp> StartHostAsync(string dataDirectory, IDictionary<string, string?> settings, DevServices.Ports? ports = null, string? webRoot = null)
    {
        var all = new Dictionary<string, string?>
        {
            ["Auth:SigningKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48)),
            // Every test signs in from 127.0.0.1; the per-IP limit has its own test (LoginThrottleTests).
            ["Auth:MaxFailedLoginsPerIp"] = "100000",
        };
        foreach (var (k, v) in settings) all[k] = v;
        return LocalHostApp.StartAsync(new LocalHostOptions
        {
            RepoRoot = RepoRoot.Find(),
            Port = 0,
            ServicePorts = ports ?? new DevServices.Ports(DevServices.FreePort(), DevServices.FreePort(), DevServices.FreePort(), DevServices.FreePort(), DevServices.FreePort()),
            DataDirectory = dataDirectory,
            UseLocalSettingsFile = false,
            Settings = all,
            QueueSettings = new HostJson.QueueSettings(BatchSize: 8, VisibilityTimeout: TimeSpan.FromSeconds(1),
                MaxPollingInterval: TimeSpan.FromMilliseconds(200), MaxDequeueCount: 5),
            Environment = "Development",
            WebRoot = webRoot,
        });
    }

    public ApiClient NewClient() => new(BaseUrl);

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await Stripe.DisposeAsync();
        try { Directory.Delete(_dataDirectory, recursive: true); } catch (IOException) { }
    }
}

[CollectionDefinition(Name)]
public sealed class HostCollection : ICollectionFixture<HostFixture>
{
    public const string Name = "local host";
}
