using System.Security.Cryptography;
using Azure.Core;
using FitPilot.Functions.Email;
using FitPilot.Functions.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace FitPilot.Tests.Email;

/// <summary>The ACS sender against an HTTP-level fake that checks the documented signature, body and status flow.</summary>
public sealed class AcsEmailSenderTests(FakeAcs acs) : IClassFixture<FakeAcs>
{
    private static EmailMessage Email(string to) =>
        new EmailMessage(to, "Riley Client", "Morgan invited you", "<p>Hi <b>Riley</b></p>", "Hi Riley", "Invitation") { Id = Guid.NewGuid() };

    private AcsEmailSender Sender(string? accessKey = null, TokenCredential? credential = null, TimeProvider? time = null) =>
        new(new HttpClient(), Options.Create(new EmailOptions
        {
            Provider = "Acs",
            FromAddress = "noreply@fitpilot.test",
            Acs = new AcsOptions
            {
                Endpoint = acs.Endpoint,
                AccessKey = credential is null ? accessKey ?? acs.AccessKey : null,
                UseManagedIdentity = credential is not null,
                SenderAddress = "DoNotReply@mail.fitpilot.test",
            },
        }), new AcsTokenSource(credential ?? new FakeCredential("unused")), time ?? TimeProvider.System, NullLogger<AcsEmailSender>.Instance);

    [Fact]
    public async Task A_send_is_signed_as_documented_carries_the_email_and_waits_until_the_operation_succeeded()
    {
        var email = Email(ApiClientEmail("signed"));
        await Sender().SendAsync(email, default);

        var send = Assert.Single(acs.SendsTo(email.To));
        Assert.Equal(202, send.Status);
        Assert.Equal("/emails:send?api-version=2023-03-31", send.Target);
        Assert.Equal(email.Id.ToString(), send.Headers["Operation-Id"]);
        var body = send.Json;
        Assert.Equal("DoNotReply@mail.fitpilot.test", body.GetProperty("senderAddress").GetString());
        var to = Assert.Single(body.GetProperty("recipients").GetProperty("to").EnumerateArray());
        Assert.Equal(email.To, to.GetProperty("address").GetString());
        Assert.Equal("Riley Client", to.GetProperty("displayName").GetString());
        var content = body.GetProperty("content");
        Assert.Equal("Morgan invited you", content.GetProperty("subject").GetString());
        Assert.Equal("Hi Riley", content.GetProperty("plainText").GetString());
        Assert.Equal("<p>Hi <b>Riley</b></p>", content.GetProperty("html").GetString());
        Assert.True(body.GetProperty("userEngagementTrackingDisabled").GetBoolean());

        // Polled until Succeeded, signed too, waiting the Retry-After the Running answer gave.
        var polls = acs.Requests.Where(r => r.Method == "GET" && r.Target.Contains(email.Id.ToString()!)).ToList();
        Assert.Equal(2, polls.Count);
        Assert.All(polls, p => Assert.Equal(200, p.Status));
        Assert.True(polls[1].At - polls[0].At >= TimeSpan.FromSeconds(acs.PollRetryAfterSeconds) - TimeSpan.FromMilliseconds(50));
        Assert.Equal(["Succeeded"], acs.OperationsFor(email.To));
    }

    [Fact]
    public async Task A_wrong_access_key_is_refused_with_401_and_that_is_permanent()
    {
        var email = Email(ApiClientEmail("wrongkey"));
        var e = await Assert.ThrowsAsync<EmailDeliveryException>(() =>
            Sender(accessKey: Convert.ToBase64String(RandomNumberGenerator.GetBytes(64))).SendAsync(email, default));
        Assert.True(e.Permanent);
        Assert.Contains("401", e.Message);
        var refused = acs.Requests.Last(r => r.Status == 401);
        Assert.Equal("the signature does not match", refused.Rejection);
    }

    [Fact]
    public async Task A_clock_twenty_minutes_off_is_refused()
    {
        var e = await Assert.ThrowsAsync<EmailDeliveryException>(() =>
            Sender(time: new ShiftedClock(TimeSpan.FromMinutes(20))).SendAsync(Email(ApiClientEmail("skew")), default));
        Assert.True(e.Permanent);
        Assert.Equal("x-ms-date is more than 15 minutes from now", acs.Requests.Last(r => r.Status == 401).Rejection);
    }

    [Fact]
    public async Task Throttling_is_transient_and_carries_the_Retry_After()
    {
        var email = Email(ApiClientEmail("throttled"));
        acs.Script(email.To, FakeAcs.Reply.TooManyRequests);
        var e = await Assert.ThrowsAsync<EmailDeliveryException>(() => Sender().SendAsync(email, default));
        Assert.False(e.Permanent);
        Assert.Equal(TimeSpan.FromSeconds(acs.ThrottleSeconds), e.RetryAfter);
        Assert.Contains("429", e.Message);
    }

    [Fact]
    public async Task A_server_error_is_transient_and_left_to_the_outbox_retries()
    {
        var email = Email(ApiClientEmail("error"));
        acs.Script(email.To, FakeAcs.Reply.ServerError);
        var e = await Assert.ThrowsAsync<EmailDeliveryException>(() => Sender().SendAsync(email, default));
        Assert.False(e.Permanent);
        Assert.Null(e.RetryAfter);
        Assert.Contains("500", e.Message);
    }

    [Fact]
    public async Task A_failed_operation_is_permanent_and_says_why()
    {
        var email = Email(ApiClientEmail("failed"));
        acs.Script(email.To, FakeAcs.Reply.FailOperation);
        var e = await Assert.ThrowsAsync<EmailDeliveryException>(() => Sender().SendAsync(email, default));
        Assert.True(e.Permanent);
        Assert.Contains("Failed", e.Message);
        Assert.Contains("EmailDroppedAllRecipientsSuppressed", e.Message);
    }

    [Fact]
    public async Task With_managed_identity_it_sends_a_Bearer_token_for_the_communication_scope()
    {
        var credential = new FakeCredential("entra-token-" + Guid.NewGuid().ToString("N"));
        acs.AcceptedBearerToken = credential.Token;
        var email = Email(ApiClientEmail("identity"));
        await Sender(credential: credential).SendAsync(email, default);

        var send = Assert.Single(acs.SendsTo(email.To));
        Assert.Equal(202, send.Status);
        Assert.Equal("Bearer " + credential.Token, send.Headers["Authorization"]);
        Assert.False(send.Headers.ContainsKey("x-ms-content-sha256"));
        Assert.Contains("https://communication.azure.com/.default", credential.Requested);
        Assert.Equal(["Succeeded"], acs.OperationsFor(email.To));
    }

    [Theory]
    [InlineData("Acs", null, null, null, "Email:Acs:Endpoint must be")]
    [InlineData("Acs", "https://x.communication.azure.com", null, null, "Set exactly one of Email:Acs:AccessKey")]
    [InlineData("Acs", "https://x.communication.azure.com", "bm90LWEta2V5", "true", "Set exactly one of Email:Acs:AccessKey")]
    [InlineData("Acs", "https://x.communication.azure.com", "not base64!", null, "Email:Acs:AccessKey must be")]
    [InlineData("Acs", "http://x.communication.azure.com", "bm90LWEta2V5", null, "Email:Acs:Endpoint must be")]
    [InlineData("Pigeon", null, null, null, "Email:Provider must be Smtp")]
    public void Wrong_email_settings_stop_start_up_with_a_message_that_names_them(string provider, string? endpoint, string? key, string? identity, string expected)
    {
        using var services = Services(new()
        {
            ["Email:Provider"] = provider, ["Email:Acs:Endpoint"] = endpoint, ["Email:Acs:AccessKey"] = key, ["Email:Acs:UseManagedIdentity"] = identity,
        });
        var e = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<EmailOptions>>().Value);
        Assert.Contains(e.Failures, f => f.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void The_provider_setting_picks_the_sender_and_SMTP_stays_the_default()
    {
        using (var smtp = Services(new() { ["Email:Smtp:Host"] = "127.0.0.1" }))
            Assert.IsType<SmtpEmailSender>(smtp.GetRequiredService<IEmailSender>());
        // ACS needs no SMTP settings.
        using var viaAcs = Services(new() { ["Email:Provider"] = "acs", ["Email:Acs:Endpoint"] = "https://x.communication.azure.com", ["Email:Acs:UseManagedIdentity"] = "true" });
        Assert.IsType<AcsEmailSender>(viaAcs.GetRequiredService<IEmailSender>());
    }

    private static ServiceProvider Services(Dictionary<string, string?> email)
    {
        var settings = new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true",
            ["Auth:SigningKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48)),
            ["App:PublicBaseUrl"] = "http://localhost:7071",
            ["Email:FromAddress"] = "noreply@fitpilot.test",
        };
        foreach (var (k, v) in email) settings[k] = v;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddLogging().AddFitPilot(configuration).BuildServiceProvider();
    }

    private static string ApiClientEmail(string who) => Infrastructure.ApiClient.UniqueEmail(who);

    private sealed class FakeCredential(string token) : TokenCredential
    {
        public string Token { get; } = token;
        public List<string> Requested { get; } = [];

        public override AccessToken GetToken(TokenRequestContext context, CancellationToken ct)
        {
            lock (Requested) Requested.AddRange(context.Scopes);
            return new AccessToken(Token, DateTimeOffset.UtcNow.AddHours(1));
        }

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext context, CancellationToken ct) => new(GetToken(context, ct));
    }

    /// <summary>A wall clock that is off by <paramref name="shift"/>; timers still run in real time.</summary>
    private sealed class ShiftedClock(TimeSpan shift) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + shift;
    }
}
