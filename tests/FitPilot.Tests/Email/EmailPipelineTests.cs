using FitPilot.Functions.Email;
using FitPilot.Functions.Storage;
using FitPilot.LocalHost;
using FitPilot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace FitPilot.Tests.Email;

/// <summary>The outbox when the mail server is down: nothing is lost, retries happen, the poison queue gets the rest.</summary>
public sealed class EmailPipelineTests
{
    [Fact]
    public async Task With_the_mail_server_down_an_email_is_retried_five_times_then_parked_in_the_poison_queue()
    {
        var data = Path.Combine(Path.GetTempPath(), "fitpilot-mailfail-" + Guid.NewGuid().ToString("N")[..8]);
        var closedPort = DevServices.FreePort(); // nothing listens here: SMTP connections are refused
        await using var host = await HostFixture.StartHostAsync(data, new Dictionary<string, string?> { ["Email:Smtp:Port"] = closedPort.ToString() });
        try
        {
            var outbox = host.App.Services.GetRequiredService<EmailOutbox>();
            var storage = host.App.Services.GetRequiredService<StorageClients>();
            await outbox.EnqueueAsync(EmailTemplates.Render("PasswordReset", "down@example.com", "Down", "Reset your FitPilot password",
                new Dictionary<string, string> { ["name"] = "Down", ["link"] = "http://localhost/reset-password?token=abc", ["expires"] = "soon" }), default);

            var poison = storage.Queue(StorageNames.EmailQueue + "-poison");
            var deadline = DateTime.UtcNow.AddSeconds(60);
            Azure.Storage.Queues.Models.PeekedMessage[] parked = [];
            while (DateTime.UtcNow < deadline && parked.Length == 0)
            {
                await Task.Delay(250);
                parked = (await poison.PeekMessagesAsync(10)).Value;
            }
            var message = Assert.Single(parked);
            Assert.Contains("down@example.com", message.Body.ToString());
            var main = (await storage.Queue(StorageNames.EmailQueue).PeekMessagesAsync(10)).Value;
            Assert.Empty(main);
        }
        finally
        {
            await host.DisposeAsync();
            try { Directory.Delete(data, recursive: true); } catch (IOException) { }
        }
    }
}
