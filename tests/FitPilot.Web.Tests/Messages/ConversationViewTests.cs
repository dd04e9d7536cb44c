using System.Net;
using FitPilot.Contracts.Messages;
using FitPilot.Web.Messages;

namespace FitPilot.Web.Tests.Messages;

/// <summary>The conversation view: safe links, "Seen", load older, and a message typed offline waiting on the device until it can go.</summary>
public sealed class ConversationViewTests : WebTest
{
    private const string ClientId = "c1";
    private static readonly DateTimeOffset At = new(2026, 11, 23, 7, 0, 0, TimeSpan.Zero);

    private static Message M(string id, string role, string text, int minute, bool read = false) =>
        new(id, role, text, At.AddMinutes(minute), read ? At.AddMinutes(minute + 1) : null);

    private void Page(IReadOnlyList<Message> newestFirst, string? next = null) =>
        Api.On("GET", $"/api/conversations/{ClientId}/messages", HttpStatusCode.OK, FakeApi.Json(new MessagePage(ClientId, "Sam", newestFirst, next, "cur", 0)));

    [Fact]
    public void Links_become_anchors_that_open_safely_and_markup_stays_text()
    {
        var segments = MessageText.Split("Watch https://youtu.be/abc. Or www.example.com/x, <b>not bold</b> javascript:alert(1)");
        Assert.Equal(["https://youtu.be/abc", "https://www.example.com/x"], segments.Where(s => s.Href is not null).Select(s => s.Href));
        Assert.Equal("Watch https://youtu.be/abc. Or www.example.com/x, <b>not bold</b> javascript:alert(1)", string.Concat(segments.Select(s => s.Text)));

        Page([M("m1", SenderRoles.Trainer, "Form video: https://example.com/squat <img src=x onerror=alert(1)>", 0)]);
        var cut = Render<ConversationView>(p => p.Add(c => c.ClientId, ClientId).Add(c => c.MyRole, SenderRoles.Client));
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=message]")));
        var link = cut.Find(".message-text a");
        Assert.Equal("https://example.com/squat", link.GetAttribute("href"));
        Assert.Equal("noopener noreferrer", link.GetAttribute("rel"));
        Assert.Equal("_blank", link.GetAttribute("target"));
        Assert.Empty(cut.FindAll(".message-text img"));
        Assert.Contains("<img src=x onerror=alert(1)>", cut.Find(".message-text").TextContent);
    }

    [Fact]
    public void Seen_marks_my_newest_read_message_and_older_pages_load_above()
    {
        Page([M("m3", SenderRoles.Trainer, "Great", 3), M("m2", SenderRoles.Client, "Done!", 2, read: true), M("m1", SenderRoles.Client, "Starting", 1, read: true)], next: "older");
        var cut = Render<ConversationView>(p => p.Add(c => c.ClientId, ClientId).Add(c => c.MyRole, SenderRoles.Client));
        cut.WaitForAssertion(() => Assert.Equal(3, cut.FindAll("[data-testid=message]").Count));
        Assert.Contains("Done!", Assert.Single(cut.FindAll("[data-testid=message]"), m => m.QuerySelector("[data-testid=seen]") is not null).TextContent);

        Api.On("GET", $"/api/conversations/{ClientId}/messages?cursor=older", HttpStatusCode.OK,
            FakeApi.Json(new MessagePage(ClientId, "Sam", [M("m0", SenderRoles.Trainer, "Welcome aboard", 0)], null, "cur", 0)));
        cut.Find("[data-testid=load-older]").Click();
        cut.WaitForAssertion(() => Assert.Equal(["Welcome aboard", "Starting", "Done!", "Great"], cut.FindAll(".message-text").Select(e => e.TextContent)));
        Assert.Empty(cut.FindAll("[data-testid=load-older]"));
    }

    [Fact]
    public void A_message_typed_offline_waits_on_the_device_and_goes_with_the_same_id_when_back_online()
    {
        Page([]);
        Api.Fail("POST", $"/api/conversations/{ClientId}/messages");
        var cut = Render<ConversationView>(p => p.Add(c => c.ClientId, ClientId).Add(c => c.MyRole, SenderRoles.Client));
        cut.WaitForAssertion(() => cut.Find("[data-testid=compose]"));
        cut.Find("[data-testid=compose]").Input("See you at 6");
        cut.Find("form.compose").Submit();
        cut.WaitForAssertion(() => Assert.Contains("See you at 6", cut.Find("[data-testid=pending-message]").TextContent));
        Assert.Contains("pending-messages", string.Join(",", Storage.Items.Keys));
        var firstId = Api.Sent.Last(r => r.Method == "POST").Json.GetProperty("id").GetString();

        Api.On("POST", $"/api/conversations/{ClientId}/messages", HttpStatusCode.Created, FakeApi.Json(M(firstId!, SenderRoles.Client, "See you at 6", 5)));
        cut.InvokeAsync(() => cut.Instance.OnOnline());
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=pending-message]")));
        Assert.Contains("See you at 6", cut.Find("[data-testid=message]").TextContent);
        Assert.All(Api.Sent.Where(r => r.Method == "POST" && r.PathAndQuery.EndsWith("/messages")), r => Assert.Equal(firstId, r.Json.GetProperty("id").GetString()));
    }
}
