using FitPilot.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FitPilot.Tests.Browser;

/// <summary>
/// Messaging end to end (issue 15): the PT's conversation page at a desk and the client's Messages tab on a phone are
/// both open; a message from one appears on the other without a reload (the long poll), the unread badge shows, and
/// "Seen" comes back once the other side has the page open. Asserts arrival, not time.
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
        await d.GotoAsync($"{host.BrowserUrl}/pt/messages");
        await Expect(d.GetByTestId("inbox-row")).ToContainTextAsync("Bring water");
        await desk.ShotAsync("pt-inbox");
        await d.SetViewportSizeAsync(820, 1180);
        await d.GotoAsync($"{host.BrowserUrl}/pt/messages/{client.Id}");
        await Expect(d.GetByTestId("message").Last).ToContainTextAsync("Bring water");
        await desk.ShotAsync("pt-conversation-tablet");
    }
}
