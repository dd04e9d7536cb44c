using System.Net;
using System.Text;
using System.Web;
using FitPilot.Contracts.Engagement;
using FitPilot.Contracts.Messages;
using FitPilot.Functions.Images;
using FitPilot.Functions.Messages;
using FitPilot.Functions.Storage;
using FitPilot.Tests.Infrastructure;
using FitPilot.Tests.Photos;
using Microsoft.Extensions.DependencyInjection;
using SkiaSharp;

namespace FitPilot.Tests.Messages;

/// <summary>
/// Pictures in messages through the real path: the API hands out a write-only SAS URL, the test PUTs the file to Azurite as a
/// browser would, the local host's blob watcher runs <c>ProcessMessageImage</c> (the progress photos' pipeline), a send claims
/// the ready picture and both sides read it through short-lived URLs. Refusals, foreign ids, forged paths and removal.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class MessageImageTests(HostFixture host)
{
    private readonly ApiClient _api = host.NewClient();
    private static readonly HttpClient Browser = new() { Timeout = TimeSpan.FromSeconds(60) };
    private StorageClients Storage => host.Services.GetRequiredService<StorageClients>();
    private string Origin => new Uri(host.BrowserUrl).GetLeftPart(UriPartial.Authority);

    private sealed record Pair(ApiClient.Trainer Pt, ApiClient.ClientAccount Client)
    {
        public string Base => $"/api/conversations/{Client.Id}";
    }

    private async Task<Pair> ArrangeAsync(ApiClient.Trainer? pt = null)
    {
        pt ??= await _api.RegisterTrainerAsync("Picture Coach");
        return new Pair(pt, await _api.OnboardClientAsync(pt, host.Mailbox));
    }

    [Fact]
    public async Task A_picture_goes_both_ways_without_its_EXIF_and_each_side_reads_it_through_its_own_URL()
    {
        var p = await ArrangeAsync();

        // The client's phone shot: sideways + EXIF orientation 6, with GPS.
        var shot = TestImages.WithExif(TestImages.Jpeg(1600, 1200, noise: true), orientation: 6, gps: true);
        var ticket = await StartAsync(p, p.Client.Token);
        Assert.Equal(MessageImageStatuses.Pending, ticket.Status.Status);
        Assert.Equal(PhotoPipeline.MaxBytes, ticket.MaxBytes);
        var upload = new Uri(ticket.Url);
        Assert.Equal($"/devstoreaccount1/message-images-incoming/{p.Pt.Id}/{p.Client.Id}/{ticket.ImageId}", upload.AbsolutePath);
        Assert.Equal("cw", HttpUtility.ParseQueryString(upload.Query)["sp"]);
        Assert.InRange(ticket.ExpiresAt - DateTimeOffset.UtcNow, TimeSpan.FromMinutes(4), TimeSpan.FromMinutes(5));
        var ready = await UploadedAsync(p, p.Client.Token, ticket, shot);
        Assert.Equal((MessageImageStatuses.Ready, 1200, 1600), (ready.Status, ready.Width, ready.Height));
        Assert.Empty(await NamesAsync(StorageNames.MessageImagesIncoming, p));
        Assert.Equal(HttpStatusCode.OK, (await Browser.GetAsync(ready.ThumbnailUrl)).StatusCode); // the composer's preview

        // Sent with no words; the same id again answers the stored message.
        var id = Guid.NewGuid().ToString();
        var sent = await ApiClient.ReadAsync<Message>(await _api.PostAsync(p.Base + "/messages", new { id, imageId = ticket.ImageId }, p.Client.Token), HttpStatusCode.Created);
        Assert.Equal("", sent.Text);
        Assert.NotNull(sent.Image);
        Assert.Equal((1200, 1600), (sent.Image.Width, sent.Image.Height));
        var again = await ApiClient.ReadAsync<Message>(await _api.PostAsync(p.Base + "/messages", new { id, imageId = ticket.ImageId }, p.Client.Token), HttpStatusCode.OK);
        Assert.Equal((sent.Id, sent.SentAt), (again.Id, again.SentAt));

        // The PT's inbox says Photo; their page carries URLs to this conversation's picture only, readable, with no EXIF.
        var inbox = await ApiClient.ReadAsync<List<ConversationSummary>>(await _api.GetAsync("/api/conversations", p.Pt.Token));
        Assert.Equal(MessageService.ImagePreview, inbox.Single(c => c.ClientId == p.Client.Id).LastMessagePreview);
        var page = await ApiClient.ReadAsync<MessagePage>(await _api.GetAsync(p.Base + "/messages", p.Pt.Token));
        var image = Assert.Single(page.Items).Image;
        Assert.NotNull(image);
        foreach (var url in new[] { image.Url, image.ThumbnailUrl })
        {
            var uri = new Uri(url);
            Assert.StartsWith($"/devstoreaccount1/message-images/{p.Pt.Id}/{p.Client.Id}/{ticket.ImageId}", uri.AbsolutePath);
            Assert.Equal("r", HttpUtility.ParseQueryString(uri.Query)["sp"]);
            var expiry = DateTimeOffset.Parse(HttpUtility.ParseQueryString(uri.Query)["se"]!);
            Assert.InRange(expiry - DateTimeOffset.UtcNow, TimeSpan.FromMinutes(9), TimeSpan.FromMinutes(10));
        }
        var downloaded = await Browser.GetAsync(image.Url);
        Assert.Equal(HttpStatusCode.OK, downloaded.StatusCode);
        Assert.Equal("image/jpeg", downloaded.Content.Headers.ContentType?.MediaType);
        var jpeg = await downloaded.Content.ReadAsByteArrayAsync();
        using (var bitmap = SKBitmap.Decode(jpeg)) Assert.Equal((1200, 1600), (bitmap.Width, bitmap.Height));
        Assert.DoesNotContain(TestImages.Segments(jpeg), s => s.Marker is >= 0xE1 and <= 0xEF or 0xFE);
        Assert.DoesNotContain("Exif", Encoding.ASCII.GetString(jpeg));
        using (var thumbnail = SKBitmap.Decode(await Browser.GetByteArrayAsync(image.ThumbnailUrl))) Assert.Equal(320, thumbnail.Height);

        // The PT answers with words and a PNG; the client's waiting page gets it with its URLs.
        var changesCursor = (await ApiClient.ReadAsync<MessagePage>(await _api.GetAsync(p.Base + "/messages", p.Client.Token))).ChangesCursor;
        var reply = await UploadedAsync(p, p.Pt.Token, await StartAsync(p, p.Pt.Token), TestImages.Png(600, 400));
        Assert.Equal(MessageImageStatuses.Ready, reply.Status);
        var answer = await ApiClient.ReadAsync<Message>(await _api.PostAsync(p.Base + "/messages",
            new { id = Guid.NewGuid().ToString(), text = "Great form!", imageId = reply.ImageId }, p.Pt.Token), HttpStatusCode.Created);
        Assert.Equal(SenderRoles.Trainer, answer.SenderRole);
        var changes = await ApiClient.ReadAsync<ConversationChanges>(await _api.GetAsync($"{p.Base}/changes?cursor={Uri.EscapeDataString(changesCursor)}&wait=0", p.Client.Token));
        var received = Assert.Single(changes.Messages);
        Assert.Equal(("Great form!", 600, 400), (received.Text, received.Image!.Width, received.Image.Height));
        Assert.Equal(HttpStatusCode.OK, (await Browser.GetAsync(received.Image.ThumbnailUrl)).StatusCode);
        inbox = await ApiClient.ReadAsync<List<ConversationSummary>>(await _api.GetAsync("/api/conversations", p.Pt.Token));
        Assert.Equal("Great form!", inbox.Single(c => c.ClientId == p.Client.Id).LastMessagePreview);

        // A picture goes with one message only: another message claiming it is a 409 naming imageId, and nothing is sent.
        var reused = await ApiClient.ProblemAsync(await _api.PostAsync(p.Base + "/messages", new { id = Guid.NewGuid().ToString(), imageId = ticket.ImageId }, p.Client.Token), HttpStatusCode.Conflict);
        Assert.True(reused.GetProperty("errors").TryGetProperty("imageId", out _));
        Assert.Equal(2, (await ApiClient.ReadAsync<MessagePage>(await _api.GetAsync(p.Base + "/messages", p.Client.Token))).Items.Count);
    }

    [Fact]
    public async Task Refused_unfinished_and_foreign_pictures_cannot_be_sent_and_change_nothing()
    {
        var p = await ArrangeAsync();
        var sibling = await ArrangeAsync(p.Pt);
        var stranger = await ArrangeAsync();

        var text = await UploadedAsync(p, p.Client.Token, await StartAsync(p, p.Client.Token), "Dear diary, this is not a picture.\n"u8.ToArray());
        Assert.Equal((MessageImageStatuses.Rejected, PhotoPipeline.NotAPicture, null), (text.Status, text.Reason, text.ThumbnailUrl));
        var unfinished = await StartAsync(p, p.Client.Token);
        var siblings = await UploadedAsync(sibling, sibling.Client.Token, await StartAsync(sibling, sibling.Client.Token), TestImages.Jpeg(300, 200));
        var strangers = await UploadedAsync(stranger, stranger.Client.Token, await StartAsync(stranger, stranger.Client.Token), TestImages.Jpeg(300, 200));
        var ptsOwn = await UploadedAsync(p, p.Pt.Token, await StartAsync(p, p.Pt.Token), TestImages.Jpeg(300, 200));
        Assert.All(new[] { siblings, strangers, ptsOwn }, u => Assert.Equal(MessageImageStatuses.Ready, u.Status));

        foreach (var (what, imageId) in new[]
                 {
                     ("a refused picture", text.ImageId), ("an unfinished upload", unfinished.ImageId),
                     ("another client's picture of the same PT", siblings.ImageId), ("another PT's client's picture", strangers.ImageId),
                     ("the PT's picture sent by the client", ptsOwn.ImageId), ("no such picture", Guid.NewGuid().ToString("N")),
                 })
        {
            var problem = await ApiClient.ProblemAsync(await _api.PostAsync(p.Base + "/messages", new { id = Guid.NewGuid().ToString(), text = "look", imageId }, p.Client.Token), HttpStatusCode.BadRequest);
            Assert.True(problem.GetProperty("errors").TryGetProperty("imageId", out _), what);
        }
        var empty = await ApiClient.ProblemAsync(await _api.PostAsync(p.Base + "/messages", new { id = Guid.NewGuid().ToString(), text = "  " }, p.Client.Token), HttpStatusCode.BadRequest);
        Assert.Equal("Write a message or attach a picture.", empty.GetProperty("errors").GetProperty("text")[0].GetString());
        Assert.Empty((await ApiClient.ReadAsync<MessagePage>(await _api.GetAsync(p.Base + "/messages", p.Pt.Token))).Items);
        Assert.Empty((await ApiClient.ReadAsync<MessagePage>(await _api.GetAsync(sibling.Base + "/messages", p.Pt.Token))).Items);

        // Upload statuses are the pair's only.
        Assert.Equal(MessageImageStatuses.Pending, (await ApiClient.ReadAsync<MessageImageUpload>(await _api.GetAsync($"{p.Base}/images/{unfinished.ImageId}", p.Pt.Token))).Status);
        await ApiClient.ProblemAsync(await _api.GetAsync($"{p.Base}/images/{unfinished.ImageId}", sibling.Client.Token), HttpStatusCode.NotFound);
        await ApiClient.ProblemAsync(await _api.GetAsync($"{p.Base}/images/{unfinished.ImageId}", stranger.Pt.Token), HttpStatusCode.NotFound);
        await ApiClient.ProblemAsync(await _api.GetAsync($"{sibling.Base}/images/{unfinished.ImageId}", p.Pt.Token), HttpStatusCode.NotFound);
        await ApiClient.ProblemAsync(await _api.PostAsync($"{p.Base}/images", null, stranger.Pt.Token), HttpStatusCode.NotFound);
        await ApiClient.ProblemAsync(await _api.PostAsync($"{p.Base}/images", null, sibling.Client.Token), HttpStatusCode.NotFound);

        // A blob under a path no upload was asked for is deleted and recorded nowhere.
        var forgedId = Guid.NewGuid().ToString("N");
        var forged = Storage.Container(StorageNames.MessageImagesIncoming).GetBlobClient($"{p.Pt.Id}/{p.Client.Id}/{forgedId}");
        await forged.UploadAsync(new BinaryData(TestImages.Jpeg(300, 200)));
        await Eventually.HoldsAsync(async () => Assert.False((await forged.ExistsAsync()).Value));
        await ApiClient.ProblemAsync(await _api.GetAsync($"{p.Base}/images/{forgedId}", p.Client.Token), HttpStatusCode.NotFound);
        Assert.DoesNotContain(await NamesAsync(StorageNames.MessageImages, p), n => n.Contains(forgedId, StringComparison.Ordinal));

        // A replayed trigger for a finished upload changes nothing.
        await host.Services.GetRequiredService<MessageImageService>().ProcessAsync(
            MessageImageService.IncomingName(p.Pt.Id, p.Client.Id, text.ImageId), new MemoryStream(TestImages.Jpeg(300, 200)), default);
        Assert.Equal(MessageImageStatuses.Rejected, (await ApiClient.ReadAsync<MessageImageUpload>(await _api.GetAsync($"{p.Base}/images/{text.ImageId}", p.Client.Token))).Status);

        // Too many pictures uploading at once.
        for (var i = 1; i < MessageImageService.MaxPendingUploads; i++) await StartAsync(p, p.Client.Token);
        await ApiClient.ProblemAsync(await _api.PostAsync($"{p.Base}/images", null, p.Client.Token), HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task A_removed_clients_pictures_go_with_the_conversation()
    {
        var p = await ArrangeAsync();
        var ready = await UploadedAsync(p, p.Client.Token, await StartAsync(p, p.Client.Token), TestImages.Jpeg(400, 300));
        await ApiClient.ReadAsync<Message>(await _api.PostAsync(p.Base + "/messages", new { id = Guid.NewGuid().ToString(), imageId = ready.ImageId }, p.Client.Token), HttpStatusCode.Created);
        await StartAsync(p, p.Pt.Token);
        Assert.Equal(2, (await NamesAsync(StorageNames.MessageImages, p)).Count);

        Assert.Equal(HttpStatusCode.NoContent, (await _api.DeleteAsync($"/api/clients/{p.Client.Id}", p.Pt.Token)).StatusCode);
        await Eventually.HoldsAsync(async () => Assert.Empty(await NamesAsync(StorageNames.MessageImages, p)));
        await Eventually.HoldsAsync(async () => Assert.Empty(await NamesAsync(StorageNames.MessageImagesIncoming, p)));
        var rows = Storage.Tables.GetTableClient(StorageNames.MessagesTable).QueryAsync<Azure.Data.Tables.TableEntity>(
            Azure.Data.Tables.TableClient.CreateQueryFilter($"PartitionKey eq {p.Pt.Id} and RowKey ge {MessageRows.ImagePrefix(p.Client.Id)} and RowKey lt {MessageRows.ImagePrefix(p.Client.Id) + "~"}"));
        await Eventually.HoldsAsync(async () => Assert.Empty(await rows.ToListAsync()));
    }

    [Fact]
    public async Task The_nightly_tidy_deletes_pictures_never_sent_a_day_on_and_keeps_sent_and_recent_ones()
    {
        var p = await ArrangeAsync();
        var unsent = await UploadedAsync(p, p.Client.Token, await StartAsync(p, p.Client.Token), TestImages.Jpeg(400, 300));
        var sent = await UploadedAsync(p, p.Client.Token, await StartAsync(p, p.Client.Token), TestImages.Jpeg(300, 400));
        await ApiClient.ReadAsync<Message>(await _api.PostAsync(p.Base + "/messages", new { id = Guid.NewGuid().ToString(), imageId = sent.ImageId }, p.Client.Token), HttpStatusCode.Created);
        var recent = await UploadedAsync(p, p.Pt.Token, await StartAsync(p, p.Pt.Token), TestImages.Jpeg(200, 200));
        // Two of them uploaded two days ago (the rows' upload time moved back; nothing else is touched).
        var table = Storage.Tables.GetTableClient(StorageNames.MessagesTable);
        foreach (var id in new[] { unsent.ImageId, sent.ImageId })
        {
            var row = (await table.GetEntityAsync<Azure.Data.Tables.TableEntity>(p.Pt.Id, MessageRows.ImageKey(p.Client.Id, id))).Value;
            row["CreatedAt"] = DateTimeOffset.UtcNow.AddDays(-2);
            await table.UpdateEntityAsync(row, row.ETag);
        }
        Assert.Equal(6, (await NamesAsync(StorageNames.MessageImages, p)).Count);

        Assert.Equal(HttpStatusCode.NoContent, (await _api.PostAsync("/_dev/timers/CleanUpExpiredTokens", null)).StatusCode);

        await ApiClient.ProblemAsync(await _api.GetAsync($"{p.Base}/images/{unsent.ImageId}", p.Client.Token), HttpStatusCode.NotFound);
        Assert.Equal(MessageImageStatuses.Ready, (await ApiClient.ReadAsync<MessageImageUpload>(await _api.GetAsync($"{p.Base}/images/{sent.ImageId}", p.Client.Token))).Status);
        Assert.Equal(MessageImageStatuses.Ready, (await ApiClient.ReadAsync<MessageImageUpload>(await _api.GetAsync($"{p.Base}/images/{recent.ImageId}", p.Pt.Token))).Status);
        var left = await NamesAsync(StorageNames.MessageImages, p);
        Assert.DoesNotContain(left, n => n.Contains(unsent.ImageId, StringComparison.Ordinal));
        Assert.Equal(4, left.Count);
        var page = await ApiClient.ReadAsync<MessagePage>(await _api.GetAsync(p.Base + "/messages", p.Pt.Token));
        Assert.Equal(HttpStatusCode.OK, (await Browser.GetAsync(Assert.Single(page.Items).Image!.Url)).StatusCode);
    }

    private async Task<MessageImageTicket> StartAsync(Pair p, string token) =>
        await ApiClient.ReadAsync<MessageImageTicket>(await _api.PostAsync($"{p.Base}/images", null, token), HttpStatusCode.Created);

    /// <summary>The browser's PUT to the ticket's URL, then the status once the trigger has settled it.</summary>
    private async Task<MessageImageUpload> UploadedAsync(Pair p, string token, MessageImageTicket ticket, byte[] bytes)
    {
        var put = new HttpRequestMessage(HttpMethod.Put, ticket.Url) { Content = new ByteArrayContent(bytes) };
        put.Content.Headers.ContentType = new("image/jpeg");
        foreach (var (name, value) in ticket.Headers) put.Headers.Add(name, value);
        put.Headers.Add("Origin", Origin);
        var response = await Browser.SendAsync(put);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"PUT: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        MessageImageUpload? upload = null;
        await Eventually.HoldsAsync(async () =>
        {
            upload = await ApiClient.ReadAsync<MessageImageUpload>(await _api.GetAsync($"{p.Base}/images/{ticket.ImageId}", token));
            Assert.NotEqual(MessageImageStatuses.Pending, upload.Status);
        }, TimeSpan.FromSeconds(60));
        return upload!;
    }

    private async Task<List<string>> NamesAsync(string container, Pair p) =>
        await Storage.Container(container).GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, $"{p.Pt.Id}/{p.Client.Id}/", default)
            .Select(b => b.Name).ToListAsync();
}
