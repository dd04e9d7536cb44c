using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using FitPilot.Contracts.Progress;
using FitPilot.Tests.Infrastructure;
using Microsoft.Playwright;
using SkiaSharp;
using static Microsoft.Playwright.Assertions;

namespace FitPilot.Tests.Browser;

/// <summary>
/// Progress photos and measurements in the browser (issue 11): a client on a phone uploads front and side photos straight to
/// storage with progress shown, sees them processed, logs a weight; the PT at a desk compares two dates side by side.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class ProgressTests(HostFixture host, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string NoSidewaysScroll = "() => document.documentElement.scrollWidth <= window.innerWidth";
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.Now);
    private static string Day(DateOnly d) => d.ToString("d MMM yyyy", CultureInfo.InvariantCulture);
    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_client_uploads_front_and_side_photos_on_a_phone_logs_a_weight_and_the_PT_compares_two_dates()
    {
        var api = host.NewClient();
        var pt = await api.RegisterTrainerAsync("Photo Coach");
        var client = await api.OnboardClientAsync(pt, host.Mailbox);
        var before = Today.AddDays(-28);
        var folder = TestPaths.Results(Path.Combine("progress-photos", Guid.NewGuid().ToString("N")));
        Directory.CreateDirectory(folder);
        var front = Jpeg(Path.Combine(folder, "front.jpg"), new SKColor(0x2a, 0x6f, 0xdb));
        var side = Jpeg(Path.Combine(folder, "side.jpg"), new SKColor(0xdb, 0x7a, 0x2a));

        // Four weeks ago, through the API: a front and a side photo and a weigh-in with body fat.
        await UploadThroughApiAsync(api, client, PhotoPoses.Front, before, front);
        await UploadThroughApiAsync(api, client, PhotoPoses.SideLeft, before, side);
        Assert.Equal(HttpStatusCode.Created, (await api.PostAsync("/api/progress/measurements",
            new { id = Guid.NewGuid().ToString(), measuredOn = Iso(before), weightKg = 84.0, bodyFatPercent = 21.0 }, client.Token)).StatusCode);

        await using (var phone = await BrowserSession.OpenAsync(browser.Browser, "progress-client-phone", phone: true))
        {
            var p = phone.Page;
            await phone.LogInAsync(host.BrowserUrl, client.Email, client.Password);
            await p.GetByRole(AriaRole.Link, new() { Name = "Progress", Exact = true }).ClickAsync();
            await Expect(p.GetByRole(AriaRole.Heading, new() { Name = "Progress", Exact = true })).ToBeVisibleAsync();
            await Expect(p.GetByTestId("photo-set")).ToHaveCountAsync(1); // the set of four weeks ago

            // Hold the first PUT to storage until the progress bar has been seen: no race with a fast local upload.
            var seen = new TaskCompletionSource();
            var held = 0;
            await p.RouteAsync(url => url.Contains("photos-incoming", StringComparison.Ordinal), async route =>
            {
                if (route.Request.Method == "PUT" && Interlocked.Exchange(ref held, 1) == 0) await seen.Task;
                await route.ContinueAsync();
            });

            await p.GetByText("Add photos", new() { Exact = true }).ClickAsync();
            await Expect(p.GetByLabel("Date of the photos")).ToHaveValueAsync(Iso(Today));
            await p.GetByLabel("Front photo").SetInputFilesAsync(front);
            var bar = p.GetByRole(AriaRole.Progressbar, new() { Name = "Uploading the front photo" });
            await Expect(bar).ToBeVisibleAsync();
            await Expect(bar).ToHaveAttributeAsync("aria-valuenow", new Regex(@"^\d{1,3}$"));
            await phone.ShotAsync("uploading");
            seen.SetResult();

            await p.GetByLabel("Side left photo").SetInputFilesAsync(side);
            var upload = p.GetByTestId("photo-upload");
            await Expect(upload.GetByAltText($"Front, {Day(Today)}")).ToBeVisibleAsync(new() { Timeout = 60_000 });
            await Expect(upload.GetByAltText($"Side left, {Day(Today)}")).ToBeVisibleAsync(new() { Timeout = 60_000 });
            await Expect(p.GetByTestId("photo-set")).ToHaveCountAsync(2);
            await Expect(p.GetByTestId("photo-set").First).ToHaveAttributeAsync("data-date", Iso(Today)); // newest first
            Assert.True(await LoadedAsync(p.GetByTestId("photo-set").First.GetByAltText($"Front, {Day(Today)}")), "the new thumbnail did not load (CSP img-src?)");
            await phone.ShotAsync("processed");

            // A weigh-in, typed in kg.
            await p.GetByLabel("Weight", new() { Exact = false }).First.FillAsync("82.4");
            await p.GetByRole(AriaRole.Button, new() { Name = "Save measurement" }).ClickAsync();
            await Expect(p.Locator(".saved-note")).ToHaveTextAsync($"Saved {Day(Today)}: 82.4 kg");
            await Expect(p.GetByTestId("measurements").Locator("tbody tr").First).ToContainTextAsync("82.4 kg");
            await Expect(p.GetByTestId("chart-summary")).ToContainTextAsync("82.4 kg");
            await phone.AssertInputsLabelledAsync();
            Assert.True(await p.EvaluateAsync<bool>(NoSidewaysScroll), "the progress page scrolls sideways on a phone");
            await phone.ShotAsync("weight-logged");

            await p.SetViewportSizeAsync(768, 1024);
            Assert.True(await p.EvaluateAsync<bool>(NoSidewaysScroll), "the progress page scrolls sideways on a tablet");
            await phone.ShotAsync("tablet");
            Assert.Empty(phone.Errors);
        }

        await using var desk = await BrowserSession.OpenAsync(browser.Browser, "progress-pt-compare");
        var d = desk.Page;
        await d.SetViewportSizeAsync(1280, 800);
        await desk.LogInAsync(host.BrowserUrl, pt.Email, pt.Password);
        await Expect(d.GetByRole(AriaRole.Heading, new() { Name = "Welcome, Photo Coach" })).ToBeVisibleAsync();
        await d.GotoAsync($"{host.BrowserUrl}/pt/clients/{client.Id}/progress");
        await d.GetByRole(AriaRole.Link, new() { Name = "Body & photos" }).ClickAsync();

        var compare = d.GetByTestId("photo-compare");
        await Expect(compare.GetByLabel("Before", new() { Exact = true })).ToHaveValueAsync(Iso(before));
        await Expect(compare.GetByLabel("After", new() { Exact = true })).ToHaveValueAsync(Iso(Today));
        var sides = compare.GetByTestId("compare-side");
        await Expect(sides).ToHaveCountAsync(2);
        await Expect(sides.Nth(0).GetByTestId("compare-numbers")).ToHaveTextAsync("84 kg · 21 % body fat");
        await Expect(sides.Nth(1).GetByTestId("compare-numbers")).ToHaveTextAsync(new Regex(@"^82\.4 kg · 21 % body fat \("));
        foreach (var (date, pose) in new[] { (before, "Front"), (before, "Side left"), (Today, "Front"), (Today, "Side left") })
            Assert.True(await LoadedAsync(compare.GetByAltText($"{pose}, {Day(date)}")), $"{pose} of {Day(date)} did not load");
        await desk.ShotAsync("side-by-side");

        await compare.GetByRole(AriaRole.Button, new() { Name = "Overlay" }).ClickAsync();
        await compare.GetByLabel(new Regex("^After shown up to")).FillAsync("30");
        await Expect(compare.Locator(".overlay-after")).ToHaveClassAsync(new Regex(@"\bclip-30\b"));
        await desk.ShotAsync("overlay");
        await desk.AssertInputsLabelledAsync();
        Assert.True(await d.EvaluateAsync<bool>(NoSidewaysScroll));
        Assert.Empty(desk.Errors);
    }

    /// <summary>The image has been fetched and decoded (a blocked or broken one has no natural width).</summary>
    private static async Task<bool> LoadedAsync(ILocator image)
    {
        await Expect(image).ToBeVisibleAsync();
        await image.ScrollIntoViewIfNeededAsync();
        await Expect(image).ToHaveJSPropertyAsync("complete", true);
        return await image.EvaluateAsync<bool>("img => img.naturalWidth > 0");
    }

    /// <summary>A small JPEG (600 × 800) of one colour with a lighter band, written to <paramref name="path"/>.</summary>
    private static string Jpeg(string path, SKColor color)
    {
        using var bitmap = new SKBitmap(600, 800);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(color);
            using var paint = new SKPaint { Color = SKColors.White.WithAlpha(160) };
            canvas.DrawRect(150, 100, 300, 600, paint);
        }
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Jpeg, 85);
        File.WriteAllBytes(path, data.ToArray());
        return path;
    }

    /// <summary>What the browser does, from the test: a ticket, the PUT to storage with its headers, then the upload's status until processed.</summary>
    private static async Task UploadThroughApiAsync(ApiClient api, ApiClient.ClientAccount client, string pose, DateOnly date, string file)
    {
        var ticket = await ApiClient.ReadAsync<PhotoUploadTicket>(await api.PostAsync("/api/progress/photos/uploads", new { pose, capturedOn = Iso(date) }, client.Token), HttpStatusCode.Created);
        using var storage = new HttpClient();
        using var put = new HttpRequestMessage(HttpMethod.Put, ticket.UploadUrl) { Content = new ByteArrayContent(await File.ReadAllBytesAsync(file)) };
        foreach (var (name, value) in ticket.Headers) put.Headers.TryAddWithoutValidation(name, value);
        put.Content.Headers.ContentType = new("image/jpeg");
        var response = await storage.SendAsync(put);
        Assert.True(response.IsSuccessStatusCode, $"PUT to storage: {(int)response.StatusCode}");
        await Eventually.HoldsAsync(async () =>
        {
            var upload = await ApiClient.ReadAsync<PhotoUpload>(await api.GetAsync($"/api/progress/photos/uploads/{ticket.UploadId}", client.Token));
            Assert.Equal(PhotoUploadStatuses.Ready, upload.Status);
        }, TimeSpan.FromSeconds(60));
    }
}
