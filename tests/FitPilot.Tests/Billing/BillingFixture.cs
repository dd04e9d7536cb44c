using FitPilot.LocalHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using FitPilot.Tests.Infrastructure;

namespace FitPilot.Tests.Billing;

/// <summary>
/// A local host whose Stripe is <see cref="StripeFake"/> (Billing:ApiBase), with a known webhook secret and
/// small client limits (Solo 2, Studio 4) so the plan limit is reached in a few invitations.
/// </summary>
public sealed class BillingFixture : IAsyncLifetime
{
    public const string SecretKey = HostFixture.StripeSecretKey;
    public const string WebhookSecret = HostFixture.StripeWebhookSecret;

    private string _dataDirectory = "";
    public StripeFake Stripe { get; private set; } = null!;
    public LocalHostApp Host { get; private set; } = null!;
    public Mailbox Mailbox { get; private set; } = null!;
    public IServiceProvider Services => Host.App.Services;
    public string PublicBaseUrl => Host.App.Services.GetRequiredService<IConfiguration>()["App:PublicBaseUrl"]!;

    public async Task InitializeAsync()
    {
        Stripe = await StripeFake.StartAsync(SecretKey);
        _dataDirectory = Path.Combine(Path.GetTempPath(), "fitpilot-billing-" + Guid.NewGuid().ToString("N")[..8]);
        Host = await HostFixture.StartHostAsync(_dataDirectory, new Dictionary<string, string?>
        {
            ["Billing:SecretKey"] = SecretKey,
            ["Billing:WebhookSecret"] = WebhookSecret,
            ["Billing:ApiBase"] = Stripe.Url,
            ["Billing:Tiers:Solo:ClientLimit"] = "2",
            ["Billing:Tiers:Studio:ClientLimit"] = "4",
        });
        Mailbox = new Mailbox(Host.Services.MailboxUrl);
    }

    public ApiClient NewClient() => new(Host.Url);

    /// <summary>Writes the webhook handler's storage round trips per case (collected by <see cref="BillingTests"/>).</summary>
    private static void WriteRoundTrips()
    {
        if (BillingTests.WebhookRoundTrips.IsEmpty) return;
        var table = new System.Text.StringBuilder("# Stripe webhook: storage round trips per event\n\n| case | storage round trips |\n|---|---|\n");
        foreach (var (call, n) in BillingTests.WebhookRoundTrips.OrderBy(kv => kv.Key, StringComparer.Ordinal)) table.AppendLine($"| {call} | {n} |");
        File.WriteAllText(Path.Combine(TestPaths.Results("benchmarks"), "billing-webhook-round-trips.md"), table.ToString());
    }

    public async Task DisposeAsync()
    {
        WriteRoundTrips();
        await Host.DisposeAsync();
        await Stripe.DisposeAsync();
        try { Directory.Delete(_dataDirectory, recursive: true); } catch (IOException) { }
    }
}

[CollectionDefinition(Name)]
public sealed class BillingCollection : ICollectionFixture<BillingFixture>
{
    public const string Name = "billing host";
}
