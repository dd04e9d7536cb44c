using System.Net;
using System.Security.Cryptography;
using FitPilot.Contracts.Auth;
using FitPilot.Functions.Email;
using FitPilot.Functions.Storage;
using FitPilot.LocalHost;
using FitPilot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace FitPilot.Tests.Email;

/// <summary>A local host with <c>Email:Provider=Acs</c> pointed at the fake ACS: the outbox's retries, deferrals and poison queue.</summary>
public sealed class AcsOutboxTests(AcsOutboxTests.Fixture fixture) : IClassFixture<AcsOutboxTests.Fixture>
{
    public sealed class Fixture : IAsyncLifetime
    {
        private readonly string _data = Path.Combine(Path.GetTempPath(), "fitpilot-acs-" + Guid.NewGuid().ToString("N")[..8]);
        public FakeAcs Acs { get; } = new();
        public LocalHostApp Host { get; private set; } = null!;
        public StorageClients Storage => Host.App.Services.GetRequiredService<StorageClients>();
        public EmailOutbox Outbox => Host.App.Services.GetRequiredService<EmailOutbox>();

        public async Task InitializeAsync()
        {
            await Acs.InitializeAsync();
            Host = await HostFixture.StartHostAsync(_data, new Dictionary<string, string?>
            {
                ["Email:Provider"] = "Acs",
                ["Email:Acs:Endpoint"] = Acs.Endpoint,
                ["Email:Acs:AccessKey"] = Acs.AccessKey,
                ["Email:Acs:SenderAddress"] = "DoNotReply@mail.fitpilot.test",
            });
        }

        public async Task DisposeAsync()
        {
            await Host.DisposeAsync();
            await Acs.DisposeAsync();
            try { Directory.Delete(_data, recursive: true); } catch (IOException) { }
        }
    }

    private readonly FakeAcs _acs = fixture.Acs;

    [Fact]
    public async Task An_invitation_goes_out_through_ACS_signed_and_its_link_lets_the_client_in()
    {
        var api = new ApiClient(fixture.Host.Url);
        var pt = await api.RegisterTrainerAsync("Morgan Coach");
        var email = ApiClient.UniqueEmail("acs-invitee");
        await api.InviteAsync(pt, email, "Riley Client");

        await Eventually.HoldsAsync(() => Task.Run(() => Assert.Equal(["Succeeded"], _acs.OperationsFor(email))));
        var send = Assert.Single(_acs.SendsTo(email));
        Assert.Equal(202, send.Status);
        Assert.StartsWith("HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature=", send.Headers["Authorization"]);
        var content = send.Json.GetProperty("content");
        Assert.Equal("Morgan Coach invited you to FitPilot", content.GetProperty("subject").GetString());
        Assert.Contains("Riley Client", content.GetProperty("html").GetString());

        var message = new Mailbox.Message("acs", content.GetProperty("subject").GetString()!, content.GetProperty("html").GetString()!, content.GetProperty("plainText").GetString()!);
        var token = Mailbox.TokenFrom(message, "/accept-invitation");
        var session = await ApiClient.ReadAsync<SessionResponse>(await api.PostAsync("/api/invitations/accept", new { token, password = "client-password-1" }));
        Assert.Equal("client", session.User.Role);
    }

    [Fact]
    public async Task Refused_for_a_wrong_key_the_email_is_parked_in_the_poison_queue_with_the_reason_after_one_try()
    {
        var to = ApiClient.UniqueEmail("acs-wrongkey");
        var rightKey = _acs.AccessKey;
        _acs.AccessKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(64)); // the key was rotated in Azure
        try
        {
            await fixture.Outbox.EnqueueAsync(Render(to), default);
            var parked = await ParkedAsync(to);
            Assert.Contains("401", parked.Failure);
            Assert.Contains("Denied", parked.Failure);
        }
        finally
        {
            _acs.AccessKey = rightKey;
        }
        // One try: retrying cannot fix a wrong key, so the outbox did not hammer the service.
        Assert.Single(_acs.Requests, r => r.Status == 401 && r.Body.Contains(to, StringComparison.Ordinal));
        Assert.Empty(_acs.OperationsFor(to));
    }

    [Fact]
    public async Task Throttled_the_email_waits_the_Retry_After_and_goes_out_with_the_same_Operation_Id()
    {
        var to = ApiClient.UniqueEmail("acs-throttled");
        _acs.Script(to, FakeAcs.Reply.TooManyRequests);
        await fixture.Outbox.EnqueueAsync(Render(to), default);

        await Eventually.HoldsAsync(() => Task.Run(() => Assert.Equal(["Succeeded"], _acs.OperationsFor(to))), TimeSpan.FromSeconds(30));
        var sends = _acs.SendsTo(to);
        Assert.Equal([429, 202], sends.Select(s => s.Status));
        Assert.Equal(sends[0].Headers["Operation-Id"], sends[1].Headers["Operation-Id"]);
        // The host retries a failed message after 1 s; this one waited the 3 s ACS asked for.
        Assert.True(sends[1].At - sends[0].At >= TimeSpan.FromSeconds(_acs.ThrottleSeconds),
            $"retried after {(sends[1].At - sends[0].At).TotalSeconds:0.0} s");
        Assert.Null(await PoisonedAsync(to));
    }

    [Fact]
    public async Task A_server_error_is_retried_by_the_outbox_and_the_email_goes_out()
    {
        var to = ApiClient.UniqueEmail("acs-500");
        _acs.Script(to, FakeAcs.Reply.ServerError, FakeAcs.Reply.ServerError);
        await fixture.Outbox.EnqueueAsync(Render(to), default);

        await Eventually.HoldsAsync(() => Task.Run(() => Assert.Equal(["Succeeded"], _acs.OperationsFor(to))), TimeSpan.FromSeconds(30));
        Assert.Equal([500, 500, 202], _acs.SendsTo(to).Select(s => s.Status));
        Assert.Null(await PoisonedAsync(to));
    }

    [Fact]
    public async Task A_failed_send_operation_is_parked_in_the_poison_queue_with_the_service_reason()
    {
        var to = ApiClient.UniqueEmail("acs-failed");
        _acs.Script(to, FakeAcs.Reply.FailOperation);
        await fixture.Outbox.EnqueueAsync(Render(to), default);

        var parked = await ParkedAsync(to);
        Assert.Contains("EmailDroppedAllRecipientsSuppressed", parked.Failure);
        Assert.Single(_acs.SendsTo(to));
        Assert.Equal(["Failed"], _acs.OperationsFor(to));
    }

    private static EmailMessage Render(string to) =>
        EmailTemplates.Render("PasswordReset", to, "Sam", "Reset your FitPilot password",
            new Dictionary<string, string> { ["name"] = "Sam", ["link"] = "http://localhost/reset-password?token=abc", ["expires"] = "soon" });

    private async Task<EmailMessage> ParkedAsync(string to)
    {
        EmailMessage? parked = null;
        await Eventually.HoldsAsync(async () => Assert.NotNull(parked = await PoisonedAsync(to)), TimeSpan.FromSeconds(30));
        return parked!;
    }

    private async Task<EmailMessage?> PoisonedAsync(string to) =>
        (await fixture.Storage.Queue(StorageNames.EmailQueue + "-poison").PeekMessagesAsync(32)).Value
            .Select(m => StoredJson.Deserialize<EmailMessage>(m.Body.ToString()))
            .FirstOrDefault(m => m.To == to);
}
