using System.Net;
using System.Text;
using System.Web;
using FitPilot.Contracts.Progress;
using FitPilot.Functions.Images;
using FitPilot.Functions.Photos;
using FitPilot.Functions.Storage;
using FitPilot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using SkiaSharp;
using Xunit.Abstractions;

namespace FitPilot.Tests.Photos;

/// <summary>
/// Progress photos through the real path: the API hands out a write-only SAS URL, the test PUTs the file to
/// Azurite as a browser would (cross-origin), the local host's blob watcher runs the trigger, the timeline
/// hands out read URLs. Malicious files, forged paths, replays, tenants and deletion.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class PhotoTests(HostFixture host, ITestOutputHelper output)
{
    private readonly ApiClient _api = host.NewClient();
    private static readonly HttpClient Browser = new() { Timeout = TimeSpan.FromSeconds(60) };
    private static readonly DateOnly Yesterday = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1);
    private StorageClients Storage => host.Services.GetRequiredService<StorageClients>();
    private string Origin => new Uri(host.BrowserUrl).GetLeftPart(UriPartial.Authority);

    [Fact]
    public async Task A_photo_uploaded_through_the_SAS_URL_is_processed_once_shown_with_expiring_URLs_replaced_and_deleted()
    {
        var trips = new RoundTripRecorder(output);
        var pt = await _api.RegisterTrainerAsync();
        var client = await _api.OnboardClientAsync(pt, host.Mailbox);
        var start = Yesterday.AddDays(-10);
        await TrainingSetup.CreateAsync(_api, pt, client.Id, start: start);

        // A phone's portrait shot: sensor landscape + EXIF orientation 6, with GPS.
        var phonePhoto = TestImages.WithExif(TestImages.Jpeg(3000, 2000, noise: true), orientation: 6, gps: true);
        var (ticket, started) = await StartAsync(client, PhotoPoses.Front, Yesterday);
        trips.Add("POST /api/progress/photos/uploads", started);
        Assert.Equal(PhotoUploadStatuses.Pending, ticket.Upload.Status);
        Assert.Equal(20 * 1024 * 1024, ticket.MaxBytes);
        Assert.InRange(ticket.ExpiresAt - DateTimeOffset.UtcNow, TimeSpan.FromMinutes(4), TimeSpan.FromMinutes(5));
        var url = new Uri(ticket.UploadUrl);
        Assert.Equal($"/devstoreaccount1/photos-incoming/{pt.Id}/{client.Id}/{ticket.UploadId}", url.AbsolutePath);
        var query = HttpUtility.ParseQueryString(url.Query);
        Assert.Equal("cw", query["sp"]);
        Assert.Equal("b", query["sr"]);

        // The browser's preflight from the app's origin, then the PUT itself.
        var preflight = new HttpRequestMessage(HttpMethod.Options, url);
        preflight.Headers.Add("Origin", Origin);
        preflight.Headers.Add("Access-Control-Request-Method", "PUT");
        preflight.Headers.Add("Access-Control-Request-Headers", "content-type,x-ms-blob-type");
        var allowed = await Browser.SendAsync(preflight);
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        Assert.Equal(Origin, allowed.Headers.GetValues("Access-Control-Allow-Origin").Single());
        var put = await PutAsync(ticket, phonePhoto);
        Assert.Equal(HttpStatusCode.Created, put.StatusCode);
        Assert.Equal(Origin, put.Headers.GetValues("Access-Control-Allow-Origin").Single());

        var ready = await SettledAsync(client, ticket.UploadId);
        Assert.Equal(PhotoUploadStatuses.Ready, ready.Status);
        Assert.NotNull(ready.PhotoId);
        trips.Add("GET /api/progress/photos/uploads/{id}", await _api.GetAsync($"/api/progress/photos/uploads/{ticket.UploadId}", client.Token));
        Assert.Empty(await IncomingAsync(pt.Id, client.Id));

        var timelineResponse = await _api.GetAsync("/api/progress/photos", client.Token);
        trips.Add("GET /api/progress/photos", timelineResponse);
        var timeline = await ApiClient.ReadAsync<PhotoTimeline>(timelineResponse);
        var set = Assert.Single(timeline.Sets);
        Assert.Equal(Yesterday, set.CapturedOn);
        Assert.Equal((Yesterday.DayNumber - start.DayNumber) / 7 + 1, set.Week);
        var photo = Assert.Single(set.Photos);
        Assert.Equal((ready.PhotoId, PhotoPoses.Front, 1365, 2048), (photo.Id, photo.Pose, photo.Width, photo.Height));
        Assert.True(photo.UrlsExpireAt <= DateTimeOffset.UtcNow.AddMinutes(10));
        foreach (var readUrl in new[] { photo.Url, photo.ThumbnailUrl })
        {
            var expiry = DateTimeOffset.Parse(HttpUtility.ParseQueryString(new Uri(readUrl).Query)["se"]!);
            Assert.InRange(expiry - DateTimeOffset.UtcNow, TimeSpan.FromMinutes(9), TimeSpan.FromMinutes(10));
            Assert.Equal("r", HttpUtility.ParseQueryString(new Uri(readUrl).Query)["sp"]);
        }
        var downloaded = await Browser.GetAsync(photo.Url);
        Assert.Equal(HttpStatusCode.OK, downloaded.StatusCode);
        Assert.Equal("image/jpeg", downloaded.Content.Headers.ContentType?.MediaType);
        var jpeg = await downloaded.Content.ReadAsByteArrayAsync();
        Assert.Equal(photo.Bytes, jpeg.Length);
        using (var bitmap = SKBitmap.Decode(jpeg)) Assert.Equal((1365, 2048), (bitmap.Width, bitmap.Height));
        // No EXIF (so no GPS) in what is stored and served: only the JFIF header precedes the pixels.
        Assert.DoesNotContain(TestImages.Segments(jpeg), s => s.Marker is >= 0xE1 and <= 0xEF or 0xFE);
        Assert.DoesNotContain("Exif", Encoding.ASCII.GetString(jpeg));
        var thumbnail = await Browser.GetByteArrayAsync(photo.ThumbnailUrl);
        using (var small = SKBitmap.Decode(thumbnail)) Assert.Equal(320, small.Height);

        // Their PT sees the same set; another PT's request is a 404.
        var ptView = await _api.GetAsync($"/api/clients/{client.Id}/progress/photos", pt.Token);
        trips.Add("GET /api/clients/{id}/progress/photos", ptView);
        Assert.Equal(photo.Id, (await ApiClient.ReadAsync<PhotoTimeline>(ptView)).Sets.Single().Photos.Single().Id);
        var intruder = await _api.RegisterTrainerAsync();
        await ApiClient.ProblemAsync(await _api.GetAsync($"/api/clients/{client.Id}/progress/photos", intruder.Token), HttpStatusCode.NotFound);
        await ApiClient.ProblemAsync(await _api.DeleteAsync($"/api/clients/{client.Id}/progress/photos/{Yesterday:yyyy-MM-dd}", intruder.Token), HttpStatusCode.NotFound);

        // A replayed trigger for the same blob (the SAS still allows writing it again, and the trigger is called again) records nothing more.
        Assert.Equal(HttpStatusCode.Created, (await PutAsync(ticket, phonePhoto)).StatusCode);
        await Eventually.HoldsAsync(async () => Assert.Empty(await IncomingAsync(pt.Id, client.Id)));
        await host.Services.GetRequiredService<PhotoService>().ProcessAsync(PhotoService.IncomingName(pt.Id, client.Id, ticket.UploadId), new MemoryStream(phonePhoto), default);
        var again = await ApiClient.ReadAsync<PhotoTimeline>(await _api.GetAsync("/api/progress/photos", client.Token));
        Assert.Equal(photo.Id, again.Sets.Single().Photos.Single().Id);
        Assert.Equal(2, (await PhotoBlobsAsync(pt.Id, client.Id)).Count);

        // A newer front photo of the same date takes the older one's place; a side photo joins the set.
        var newer = await UploadAsync(client, PhotoPoses.Front, Yesterday, TestImages.Jpeg(1200, 1600));
        var side = await UploadAsync(client, PhotoPoses.SideLeft, Yesterday, TestImages.Png(600, 800));
        Assert.Equal(PhotoUploadStatuses.Ready, newer.Status);
        Assert.Equal(PhotoUploadStatuses.Ready, side.Status);
        var replaced = (await ApiClient.ReadAsync<PhotoTimeline>(await _api.GetAsync("/api/progress/photos", client.Token))).Sets.Single();
        Assert.Equal([PhotoPoses.Front, PhotoPoses.SideLeft], replaced.Photos.Select(p => p.Pose));
        Assert.Equal(newer.PhotoId, replaced.Photos[0].Id);
        Assert.Equal(HttpStatusCode.NotFound, (await Browser.GetAsync(photo.Url)).StatusCode);
        Assert.Equal(4, (await PhotoBlobsAsync(pt.Id, client.Id)).Count);

        // Deleting the set deletes its files.
        var deleted = await _api.DeleteAsync($"/api/progress/photos/{Yesterday:yyyy-MM-dd}", client.Token);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        trips.Add("DELETE /api/progress/photos/{date}", deleted);
        Assert.Empty((await ApiClient.ReadAsync<PhotoTimeline>(await _api.GetAsync("/api/progress/photos", client.Token))).Sets);
        Assert.Empty(await PhotoBlobsAsync(pt.Id, client.Id));
        Assert.Equal(HttpStatusCode.NotFound, (await Browser.GetAsync(replaced.Photos[1].Url)).StatusCode);
        await ApiClient.ProblemAsync(await _api.DeleteAsync($"/api/progress/photos/{Yesterday:yyyy-MM-dd}", client.Token), HttpStatusCode.NotFound);

        await trips.WriteAsync("photos-round-trips.md", "Progress photo endpoints");
    }

    [Fact]
    public async Task The_PT_deletes_a_set_and_a_removed_clients_photos_go_with_them()
    {
        var pt = await _api.RegisterTrainerAsync();
        var client = await _api.OnboardClientAsync(pt, host.Mailbox);
        Assert.Equal(PhotoUploadStatuses.Ready, (await UploadAsync(client, PhotoPoses.Back, Yesterday, TestImages.Jpeg(800, 600))).Status);
        Assert.Equal(PhotoUploadStatuses.Ready, (await UploadAsync(client, PhotoPoses.Back, Yesterday.AddDays(-7), TestImages.WebP(800, 600))).Status);
        var timeline = await ApiClient.ReadAsync<PhotoTimeline>(await _api.GetAsync($"/api/clients/{client.Id}/progress/photos", pt.Token));
        Assert.Equal([Yesterday, Yesterday.AddDays(-7)], timeline.Sets.Select(s => s.CapturedOn));
        Assert.All(timeline.Sets, s => Assert.Null(s.Week)); // no program

        Assert.Equal(HttpStatusCode.NoContent, (await _api.DeleteAsync($"/api/clients/{client.Id}/progress/photos/{Yesterday:yyyy-MM-dd}", pt.Token)).StatusCode);
        Assert.Equal(2, (await PhotoBlobsAsync(pt.Id, client.Id)).Count);
        await ApiClient.ProblemAsync(await _api.DeleteAsync($"/api/clients/{client.Id}/progress/photos/not-a-date", pt.Token), HttpStatusCode.BadRequest);

        Assert.Equal(HttpStatusCode.NoContent, (await _api.DeleteAsync($"/api/clients/{client.Id}", pt.Token)).StatusCode);
        await Eventually.HoldsAsync(async () => Assert.Empty(await PhotoBlobsAsync(pt.Id, client.Id)));
        var rows = host.Services.GetRequiredService<StorageClients>().Tables.GetTableClient(StorageNames.PhotosTable)
            .QueryAsync<Azure.Data.Tables.TableEntity>(Azure.Data.Tables.TableClient.CreateQueryFilter($"PartitionKey eq {client.Id}"));
        await Eventually.HoldsAsync(async () => Assert.Empty(await rows.ToListAsync()));
    }

    [Fact]
    public async Task The_upload_URL_cannot_read_list_delete_or_write_any_other_blob()
    {
        var pt = await _api.RegisterTrainerAsync();
        var client = await _api.OnboardClientAsync(pt, host.Mailbox);
        var other = await _api.OnboardClientAsync(pt, host.Mailbox);
        var (ticket, _) = await StartAsync(client, PhotoPoses.Front, Yesterday);
        var url = new Uri(ticket.UploadUrl);
        var sas = url.Query.TrimStart('?');
        var account = url.GetLeftPart(UriPartial.Authority) + "/devstoreaccount1";
        var jpeg = TestImages.Jpeg(100, 100);

        // Written once, so reads and deletes below are refused for want of permission, not for want of a blob.
        Assert.Equal(HttpStatusCode.Created, (await PutAsync(ticket, jpeg)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Browser.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Browser.GetAsync($"{account}/photos-incoming?restype=container&comp=list&{sas}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Browser.GetAsync($"{account}/photos?restype=container&comp=list&{sas}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Browser.SendAsync(new HttpRequestMessage(HttpMethod.Delete, url))).StatusCode);
        foreach (var target in new[]
                 {
                     $"{account}/photos-incoming/{pt.Id}/{client.Id}/{Guid.NewGuid():N}",
                     $"{account}/photos-incoming/{pt.Id}/{other.Id}/{ticket.UploadId}",
                     $"{account}/photos/{pt.Id}/{client.Id}/{ticket.UploadId}.jpg",
                 })
        {
            var forged = ticket with { UploadUrl = target + "?" + sas };
            Assert.Equal(HttpStatusCode.Forbidden, (await PutAsync(forged, jpeg)).StatusCode);
        }
        // Nor can anyone read the containers without a SAS.
        Assert.NotEqual(HttpStatusCode.OK, (await Browser.GetAsync($"{account}/photos?restype=container&comp=list")).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await Browser.GetAsync($"{account}/photos-incoming?restype=container&comp=list")).StatusCode);
    }

    [Fact]
    public async Task Malicious_uploads_are_rejected_with_a_reason_deleted_and_recorded_nowhere()
    {
        var pt = await _api.RegisterTrainerAsync();
        var client = await _api.OnboardClientAsync(pt, host.Mailbox);
        var jpeg = TestImages.Jpeg(1600, 1200, noise: true);
        var tooBig = new byte[25 * 1024 * 1024];
        jpeg.CopyTo(tooBig, 0);
        var cases = new (string What, byte[] Bytes, string Reason)[]
        {
            ("a text file named .jpg", "Dear diary, this is not a picture.\n"u8.ToArray(), PhotoPipeline.NotAPicture),
            ("a truncated JPEG", jpeg[..(jpeg.Length / 2)], PhotoPipeline.Damaged),
            ("a 30,000 × 30,000 PNG header", TestImages.PngBombHeader(), PhotoPipeline.TooManyPixels(30_000, 30_000)),
            ("a 25 MB file", tooBig, PhotoPipeline.TooLarge),
        };
        foreach (var (what, bytes, reason) in cases)
        {
            var upload = await UploadAsync(client, PhotoPoses.Front, Yesterday, bytes);
            Assert.True(upload.Status == PhotoUploadStatuses.Rejected, $"{what}: {upload.Status}");
            Assert.Equal(reason, upload.Reason);
            Assert.Null(upload.PhotoId);
        }
        Assert.Empty(await IncomingAsync(pt.Id, client.Id));
        Assert.Empty(await PhotoBlobsAsync(pt.Id, client.Id));
        var timeline = await ApiClient.ReadAsync<PhotoTimeline>(await _api.GetAsync("/api/progress/photos", client.Token));
        Assert.Empty(timeline.Sets);
        Assert.Equal(4, timeline.Uploads.Count(u => u.Status == PhotoUploadStatuses.Rejected));

        // A blob under a path no upload was asked for (forged, e.g. with the storage key) is deleted and recorded nowhere.
        var forged = Storage.Container(StorageNames.PhotosIncoming).GetBlobClient($"{pt.Id}/{client.Id}/{Guid.NewGuid():N}");
        await forged.UploadAsync(new BinaryData(jpeg));
        await Eventually.HoldsAsync(async () => Assert.False((await forged.ExistsAsync()).Value));
        var after = await ApiClient.ReadAsync<PhotoTimeline>(await _api.GetAsync("/api/progress/photos", client.Token));
        Assert.Empty(after.Sets);
        Assert.Equal(4, after.Uploads.Count);
    }

    [Fact]
    public async Task A_capture_date_in_the_future_and_too_many_pending_uploads_are_refused()
    {
        var pt = await _api.RegisterTrainerAsync();
        var client = await _api.OnboardClientAsync(pt, host.Mailbox);
        var future = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(2);
        var problem = await ApiClient.ProblemAsync(await _api.PostAsync("/api/progress/photos/uploads", new { pose = "front", capturedOn = future }, client.Token), HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("capturedOn", out _));
        await ApiClient.ProblemAsync(await _api.PostAsync("/api/progress/photos/uploads", new { pose = "upside-down", capturedOn = Yesterday }, client.Token), HttpStatusCode.BadRequest);
        for (var i = 0; i < PhotoService.MaxPendingUploads; i++) await StartAsync(client, PhotoPoses.Back, Yesterday);
        await ApiClient.ProblemAsync(await _api.PostAsync("/api/progress/photos/uploads", new { pose = "back", capturedOn = Yesterday }, client.Token), HttpStatusCode.TooManyRequests);
        await ApiClient.ProblemAsync(await _api.GetAsync($"/api/progress/photos/uploads/{Guid.NewGuid():N}", client.Token), HttpStatusCode.NotFound);
    }

    private async Task<(PhotoUploadTicket Ticket, HttpResponseMessage Response)> StartAsync(ApiClient.ClientAccount client, string pose, DateOnly capturedOn)
    {
        var response = await _api.PostAsync("/api/progress/photos/uploads", new { pose, capturedOn }, client.Token);
        var ticket = await ApiClient.ReadAsync<PhotoUploadTicket>(response, HttpStatusCode.Created);
        return (ticket, response);
    }

    /// <summary>The browser's PUT: the ticket's headers, the file's type, from the app's origin.</summary>
    private async Task<HttpResponseMessage> PutAsync(PhotoUploadTicket ticket, byte[] bytes)
    {
        var put = new HttpRequestMessage(HttpMethod.Put, ticket.UploadUrl) { Content = new ByteArrayContent(bytes) };
        put.Content.Headers.ContentType = new("image/jpeg");
        foreach (var (name, value) in ticket.Headers) put.Headers.Add(name, value);
        put.Headers.Add("Origin", Origin);
        return await Browser.SendAsync(put);
    }

    private async Task<PhotoUpload> UploadAsync(ApiClient.ClientAccount client, string pose, DateOnly capturedOn, byte[] bytes)
    {
        var (ticket, _) = await StartAsync(client, pose, capturedOn);
        var put = await PutAsync(ticket, bytes);
        Assert.True(put.StatusCode == HttpStatusCode.Created, $"PUT: {(int)put.StatusCode} {await put.Content.ReadAsStringAsync()}");
        return await SettledAsync(client, ticket.UploadId);
    }

    private async Task<PhotoUpload> SettledAsync(ApiClient.ClientAccount client, string uploadId)
    {
        PhotoUpload? upload = null;
        await Eventually.HoldsAsync(async () =>
        {
            upload = await ApiClient.ReadAsync<PhotoUpload>(await _api.GetAsync($"/api/progress/photos/uploads/{uploadId}", client.Token));
            Assert.NotEqual(PhotoUploadStatuses.Pending, upload.Status);
        }, TimeSpan.FromSeconds(60));
        return upload!;
    }

    private Task<List<string>> IncomingAsync(string trainerId, string clientId) => NamesAsync(StorageNames.PhotosIncoming, $"{trainerId}/{clientId}/");

    private Task<List<string>> PhotoBlobsAsync(string trainerId, string clientId) => NamesAsync(StorageNames.Photos, $"{trainerId}/{clientId}/");

    private async Task<List<string>> NamesAsync(string container, string prefix) =>
        await Storage.Container(container).GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, prefix, default)
            .Select(b => b.Name).ToListAsync();
}
