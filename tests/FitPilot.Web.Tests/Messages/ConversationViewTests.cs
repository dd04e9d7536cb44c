using System.Net;
using Bunit;
using FitPilot.Contracts.Messages;
using FitPilot.Web.Messages;
using Microsoft.AspNetCore.Components.Forms;

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

    [Fact]
    public void The_newest_message_comes_into_view_when_opened_and_sent_but_an_arriving_one_only_moves_a_reader_already_at_the_end()
    {
        Api.On("GET", $"/api/conversations/{ClientId}/messages", HttpStatusCode.OK,
            FakeApi.Json(new MessagePage(ClientId, "Sam", [M("m1", SenderRoles.Trainer, "Hi Sam", 0)], null, "p1", 0)));
        var poll = Api.Hold("GET", $"/api/conversations/{ClientId}/changes?cursor=p1");
        var cut = Render<ConversationView>(p => p.Add(c => c.ClientId, ClientId).Add(c => c.MyRole, SenderRoles.Client));
        List<object?> Follows() => JSInterop.Invocations["fitpilot.followEnd"].Select(i => i.Arguments[0]).ToList();
        cut.WaitForAssertion(() => Assert.Equal([true], Follows()));

        poll.Answer(HttpStatusCode.OK, FakeApi.Json(new ConversationChanges("p2", [M("m2", SenderRoles.Trainer, "Still on for 6?", 1)], null, null, 1)));
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=message]").Count));
        cut.WaitForAssertion(() => Assert.Equal([true, false], Follows())); // only if the reader is at the end: the script decides

        Api.On("POST", $"/api/conversations/{ClientId}/messages", HttpStatusCode.Created, FakeApi.Json(M("m3", SenderRoles.Client, "Yes!", 2)));
        cut.Find("[data-testid=compose]").Input("Yes!");
        cut.Find("form.compose").Submit();
        cut.WaitForAssertion(() => Assert.Equal([true, false, true], Follows()));
    }

    private const string ImageId = "img00001";
    private static MessageImageTicket Ticket() => new(ImageId, "https://blob.example/message-images-incoming/t/c1/img00001?sig=x", At.AddMinutes(5),
        new Dictionary<string, string> { ["x-ms-blob-type"] = "BlockBlob" }, 20 * 1024 * 1024, new(ImageId, MessageImageStatuses.Pending, null, null, null, At));

    private IRenderedComponent<ConversationView> Composer(int uploadStatus = 201)
    {
        Page([]);
        JSInterop.SetupModule("./js/progress.js").Setup<int>("upload", _ => true).SetResult(uploadStatus);
        Api.On("POST", $"/api/conversations/{ClientId}/images", HttpStatusCode.Created, FakeApi.Json(Ticket()));
        var cut = Render<ConversationView>(p => p.Add(c => c.ClientId, ClientId).Add(c => c.MyRole, SenderRoles.Client));
        cut.WaitForAssertion(() => cut.Find("[data-testid=attach]"));
        return cut;
    }

    [Fact]
    public void A_picture_is_uploaded_shown_in_the_composer_removable_and_sent_with_the_words()
    {
        var cut = Composer();
        Api.On("GET", $"/api/conversations/{ClientId}/images/{ImageId}", HttpStatusCode.OK,
            FakeApi.Json(new MessageImageUpload(ImageId, MessageImageStatuses.Ready, null, 1200, 1600, At, "https://blob.example/thumb.jpg?sig=r")));
        Assert.Contains("Attach a picture", cut.Find("[data-testid=attach]").TextContent);
        Assert.Equal("image/jpeg,image/png,image/webp", cut.Find("#compose-image").GetAttribute("accept"));
        Assert.True(cut.Find("[data-testid=send]").HasAttribute("disabled"));

        cut.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(new byte[] { 0xFF, 0xD8, 0xFF, 0 }, "squat.jpg", contentType: "image/jpeg"));
        cut.WaitForAssertion(() => Assert.Equal("https://blob.example/thumb.jpg?sig=r", cut.Find("[data-testid=attachment-thumb]").GetAttribute("src")));
        Assert.Equal(("72", "96"), (cut.Find("[data-testid=attachment-thumb]").GetAttribute("width"), cut.Find("[data-testid=attachment-thumb]").GetAttribute("height")));
        Assert.False(cut.Find("[data-testid=send]").HasAttribute("disabled")); // a picture alone may go

        cut.Find("[data-testid=remove-attachment]").Click();
        Assert.Empty(cut.FindAll("[data-testid=attachment]"));
        Assert.True(cut.Find("[data-testid=send]").HasAttribute("disabled"));

        cut.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(new byte[] { 0xFF, 0xD8, 0xFF, 0 }, "squat.jpg", contentType: "image/jpeg"));
        cut.WaitForAssertion(() => cut.Find("[data-testid=attachment-thumb]"));
        var image = new MessageImage("https://blob.example/full.jpg?sig=r", "https://blob.example/thumb.jpg?sig=r", 1200, 1600, At.AddMinutes(10));
        Api.On("POST", $"/api/conversations/{ClientId}/messages", HttpStatusCode.Created, FakeApi.Json(M("sent1", SenderRoles.Client, "Depth ok?", 1) with { Image = image }));
        cut.Find("[data-testid=compose]").Input("Depth ok?");
        cut.Find("form.compose").Submit();
        cut.WaitForAssertion(() => cut.Find("[data-testid=message-image]"));
        var sent = Api.Sent.Last(r => r.Method == "POST" && r.PathAndQuery.EndsWith("/messages")).Json;
        Assert.Equal((ImageId, "Depth ok?"), (sent.GetProperty("imageId").GetString(), sent.GetProperty("text").GetString()));
        Assert.Empty(cut.FindAll("[data-testid=attachment]"));
        var link = cut.Find("[data-testid=message-image]");
        Assert.Equal(("https://blob.example/full.jpg?sig=r", "_blank", "noopener noreferrer"), (link.GetAttribute("href"), link.GetAttribute("target"), link.GetAttribute("rel")));
        var img = link.QuerySelector("img")!;
        Assert.Equal(("180", "240", "Your photo"), (img.GetAttribute("width"), img.GetAttribute("height"), img.GetAttribute("alt")));
    }

    [Fact]
    public void A_refused_picture_says_why_and_offers_another_and_the_other_sides_picture_is_named()
    {
        Page([M("m1", SenderRoles.Trainer, "", 0) with { Image = new MessageImage("https://blob.example/f.jpg", "https://blob.example/t.jpg", 800, 600, At.AddMinutes(10)) }]);
        JSInterop.SetupModule("./js/progress.js").Setup<int>("upload", _ => true).SetResult(201);
        Api.On("POST", $"/api/conversations/{ClientId}/images", HttpStatusCode.Created, FakeApi.Json(Ticket()));
        Api.On("GET", $"/api/conversations/{ClientId}/images/{ImageId}", HttpStatusCode.OK,
            FakeApi.Json(new MessageImageUpload(ImageId, MessageImageStatuses.Rejected, "This file is not a JPEG, PNG or WebP picture.", null, null, At)));
        var cut = Render<ConversationView>(p => p.Add(c => c.ClientId, ClientId).Add(c => c.MyRole, SenderRoles.Client));
        cut.WaitForAssertion(() => Assert.Equal("Photo from your coach", cut.Find("[data-testid=message-image] img").GetAttribute("alt")));
        Assert.Empty(cut.FindAll(".message-text")); // a picture alone: no empty paragraph

        cut.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(new byte[] { 1, 2, 3 }, "notes.jpg", contentType: "image/jpeg"));
        cut.WaitForAssertion(() => Assert.Equal("This file is not a JPEG, PNG or WebP picture.", cut.Find("[data-testid=attachment-error]").TextContent));
        Assert.Equal("compose-image", cut.Find("[data-testid=choose-another]").GetAttribute("for"));
        Assert.True(cut.Find("[data-testid=send]").HasAttribute("disabled"));

        // A file that is no picture at all never leaves the device.
        var starts = Api.Sent.Count(r => r.Method == "POST" && r.PathAndQuery.EndsWith("/images"));
        cut.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText("hello", "notes.txt", contentType: "text/plain"));
        cut.WaitForAssertion(() => Assert.Equal("Choose a JPEG, PNG or WebP picture.", cut.Find("[data-testid=attachment-error]").TextContent));
        Assert.Equal(starts, Api.Sent.Count(r => r.Method == "POST" && r.PathAndQuery.EndsWith("/images")));
    }

    [Fact]
    public void Offline_the_attach_button_is_disabled_and_says_pictures_need_a_connection()
    {
        var cut = Composer();
        cut.InvokeAsync(() => cut.Instance.OnOffline());
        cut.WaitForAssertion(() => Assert.Contains("Pictures need a connection", cut.Find("[data-testid=attach-offline]").TextContent));
        Assert.True(cut.Find("#compose-image").HasAttribute("disabled"));
        Assert.Equal("true", cut.Find("[data-testid=attach]").GetAttribute("aria-disabled"));
        Assert.Contains("pictures need a connection", cut.Find("[data-testid=attach]").TextContent);
        cut.Find("[data-testid=compose]").Input("Text still goes");
        Assert.False(cut.Find("[data-testid=send]").HasAttribute("disabled"));

        cut.InvokeAsync(() => cut.Instance.OnOnline());
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=attach-offline]")));
        Assert.False(cut.Find("#compose-image").HasAttribute("disabled"));
    }
}
