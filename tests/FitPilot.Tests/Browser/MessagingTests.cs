using FitPilot.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FitPilot.Tests.Browser;

/// <summary>
/// Messaging end to end (issue 15): the PT's conversation page at a desk and the client's Messages tab on a phone are
/// both open; a message from one appears on the other without a reload (the long poll), the unread badge shows, and
/// "Seen" comes back once the other side has the page open; a picture attached on the phone shows on the PT's page.
/// Asserts arrival, not time.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class MessagingTests(HostFixture host, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_message_from_one_side_appears_on_the_other_sides_open_page()
    {
        var api = host.NewClient();
        var pt = await api.RegisterTrainerAsync("Chat Coach");
        var client = await api.OnboardClientAsync(pt, host.Mailbox);
        await api.PostAsync($"/api/conversations/{client.Id}/messages", new { id = Guid.NewGuid().ToString(), text = "Welcome! Form tips: https://example.com/squat" }, pt.Token);

        await using var phone = await BrowserSession.OpenAsync(browser.Browser, "messaging-client-phone", phone: true);
        var c = phone.Page;
        await phone.LogInAsync(host.BrowserUrl, client.Email, client.Password);
        await Expect(c.GetByTestId("messages-badge")).ToBeVisibleAsync();
        await c.GetByRole(AriaRole.Link, new() { Name = "Messages" }).ClickAsync();
        await Expect(c.GetByTestId("message").First).ToContainTextAsync("Welcome!");
        await Expect(c.Locator(".message-text a")).ToHaveAttributeAsync("rel", "noopener noreferrer");
        await phone.AssertInputsLabelledAsync();

        await using var desk = await BrowserSession.OpenAsync(browser.Browser, "messaging-pt-desk");
        var d = desk.Page;
        await desk.LogInAsync(host.BrowserUrl, pt.Email, pt.Password);
        await d.GetByRole(AriaRole.Navigation, new() { Name = "Trainer" }).GetByRole(AriaRole.Link, new() { Name = "Messages" }).ClickAsync();
        await desk.ShotAsync("pt-inbox-first");
        await Expect(d.GetByTestId("inbox-row")).ToContainTextAsync("Welcome!", new() { Timeout = 30_000 });
        await d.GetByTestId("inbox-row").ClickAsync();
        await Expect(d.GetByTestId("seen")).ToBeVisibleAsync(); // the client's page read it

        // The client types; the PT's open page shows it without a reload.
        await c.GetByTestId("compose").FillAsync("Thanks coach! See you Tuesday.");
        await c.GetByTestId("send").ClickAsync();
        await Expect(d.GetByTestId("message").Last).ToContainTextAsync("See you Tuesday");
        // …and the PT's answer reaches the phone, which then shows the PT's page has seen its message.
        await d.GetByTestId("compose").FillAsync("Great. Bring water.");
        await d.GetByTestId("send").ClickAsync();
        await Expect(c.GetByTestId("message").Last).ToContainTextAsync("Bring water");
        await Expect(c.GetByTestId("seen")).ToBeVisibleAsync();
        await Expect(d.GetByTestId("seen")).ToBeVisibleAsync();
        await phone.ShotAsync("client-conversation");
        await desk.ShotAsync("pt-conversation");

        // The client attaches a picture on the phone (a photo with GPS in its EXIF); the PT's open page shows it without a reload.
        var picture = Photos.TestImages.WithExif(Photos.TestImages.Jpeg(1200, 1600), orientation: 1, gps: true);
        await c.GetByLabel("Attach a picture").SetInputFilesAsync(new FilePayload { Name = "squat.jpg", MimeType = "image/jpeg", Buffer = picture });
        await Expect(c.GetByTestId("attachment-thumb")).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await phone.ShotAsync("client-attachment");
        await phone.AssertInputsLabelledAsync();
        await phone.AssertAccessibleAsync();
        await c.GetByTestId("compose").FillAsync("Is my depth OK?");
        await c.GetByTestId("send").ClickAsync();
        await Expect(c.GetByTestId("attachment")).ToHaveCountAsync(0);
        var arrived = d.GetByTestId("message").Last;
        await Expect(arrived).ToContainTextAsync("Is my depth OK?");
        var shown = arrived.GetByTestId("message-image");
        await Expect(shown).ToHaveAttributeAsync("target", "_blank");
        var thumbnail = shown.Locator("img");
        await Expect(thumbnail).ToHaveAttributeAsync("alt", new System.Text.RegularExpressions.Regex("^Photo from "));
        await thumbnail.ScrollIntoViewIfNeededAsync();
        await Expect(thumbnail).ToHaveJSPropertyAsync("complete", true);
        Assert.True(await thumbnail.EvaluateAsync<bool>("img => img.naturalWidth > 0"), "the picture did not load on the PT's page (CSP img-src?)");
        await Expect(c.GetByTestId("message").Last.GetByTestId("message-image").Locator("img")).ToHaveAttributeAsync("alt", "Your photo");
        await phone.ShotAsync("client-conversation-picture");
        await desk.ShotAsync("pt-conversation-picture");
        await desk.AssertAccessibleAsync();

        // Offline, the phone's attach button is disabled and says why; it comes back with the connection.
        await c.Context.SetOfflineAsync(true);
        await Expect(c.GetByTestId("attach-offline")).ToContainTextAsync("Pictures need a connection");
        await Expect(c.GetByLabel("Attach a picture (pictures need a connection)")).ToBeDisabledAsync();
        await phone.ShotAsync("client-offline");
        await c.Context.SetOfflineAsync(false);
        await Expect(c.GetByTestId("attach-offline")).ToHaveCountAsync(0);
        await d.GotoAsync($"{host.BrowserUrl}/pt/messages");
        await Expect(d.GetByTestId("inbox-row")).ToContainTextAsync("Is my depth OK?");
        await desk.ShotAsync("pt-inbox");
        await d.SetViewportSizeAsync(820, 1180);
        await d.GotoAsync($"{host.BrowserUrl}/pt/messages/{client.Id}");
        await Expect(d.GetByTestId("message").Last).ToContainTextAsync("Is my depth OK?");
        await desk.ShotAsync("pt-conversation-tablet");
    }
}
