using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FitPilot.Tests.Browser;

/// <summary>The open conversation page (the PT's /pt/messages/{clientId}, the client's Messages tab): its selectors in one place for the journeys that chat.</summary>
public static class ConversationPage
{
    /// <summary>Types a message and sends it.</summary>
    public static async Task SendAsync(IPage page, string text)
    {
        await page.GetByTestId("compose").FillAsync(text);
        await page.GetByTestId("send").ClickAsync();
    }

    /// <summary>The newest message on the page shows the text (arrived without a reload when the page was already open).</summary>
    public static Task ExpectNewestAsync(IPage page, string text) => Expect(page.GetByTestId("message").Last).ToContainTextAsync(text);
}
