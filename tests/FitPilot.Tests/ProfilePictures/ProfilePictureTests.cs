using System.Net;
using System.Net.Http.Headers;
using FitPilot.Contracts.Auth;
using FitPilot.Tests.Infrastructure;
using SkiaSharp;

namespace FitPilot.Tests.ProfilePictures;

[Collection(HostCollection.Name)]
public sealed class ProfilePictureTests(HostFixture host)
{
    private readonly ApiClient _api = host.NewClient();

    [Fact]
    public async Task An_uploaded_picture_is_resized_by_the_blob_trigger_and_shown_to_the_PT_and_their_clients()
    {
        var pt = await _api.RegisterTrainerAsync();
        var client = await _api.OnboardClientAsync(pt, host.Mailbox);
        var upload = new HttpRequestMessage(HttpMethod.Put, "/api/me/profile-picture") { Content = new ByteArrayContent(Jpeg(1200, 800)) };
        upload.Content.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        upload.Headers.Authorization = new("Bearer", pt.Token);
        Assert.Equal(HttpStatusCode.Accepted, (await _api.Http.SendAsync(upload)).StatusCode);

        string? url = null;
        for (var i = 0; i < 100 && url is null; i++)
        {
            await Task.Delay(200);
            url = (await ApiClient.ReadAsync<MeResponse>(await _api.GetAsync("/api/me", pt.Token))).Trainer!.ProfilePictureUrl;
        }
        Assert.NotNull(url);
        foreach (var token in new[] { pt.Token, client.Token })
        {
            var picture = await _api.GetAsync(url, token);
            Assert.Equal(HttpStatusCode.OK, picture.StatusCode);
            Assert.Equal("image/jpeg", picture.Content.Headers.ContentType?.MediaType);
            using var bitmap = SKBitmap.Decode(await picture.Content.ReadAsByteArrayAsync());
            Assert.Equal((256, 256), (bitmap.Width, bitmap.Height));
        }
    }

    [Fact]
    public async Task Uploads_that_are_not_images_or_too_big_are_refused()
    {
        var pt = await _api.RegisterTrainerAsync();
        async Task<HttpResponseMessage> Put(byte[] bytes, string type)
        {
            var request = new HttpRequestMessage(HttpMethod.Put, "/api/me/profile-picture") { Content = new ByteArrayContent(bytes) };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue(type);
            request.Headers.Authorization = new("Bearer", pt.Token);
            return await _api.Http.SendAsync(request);
        }
        await ApiClient.ProblemAsync(await Put("hello"u8.ToArray(), "text/plain"), HttpStatusCode.UnsupportedMediaType);
        await ApiClient.ProblemAsync(await Put(new byte[6 * 1024 * 1024], "image/jpeg"), HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public void Normalising_drops_garbage_and_crops_to_a_square()
    {
        Assert.Null(Functions.ProfilePictures.ProfilePictureService.Normalise("not an image at all"u8.ToArray()));
        var square = Functions.ProfilePictures.ProfilePictureService.Normalise(Jpeg(300, 900))!;
        using var bitmap = SKBitmap.Decode(square);
        Assert.Equal((256, 256), (bitmap.Width, bitmap.Height));
    }

    private static byte[] Jpeg(int width, int height)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.CornflowerBlue);
            using var paint = new SKPaint { Color = SKColors.Orange };
            canvas.DrawCircle(width / 2f, height / 2f, Math.Min(width, height) / 3f, paint);
        }
        using var image = SKImage.FromBitmap(bitmap);
        return image.Encode(SKEncodedImageFormat.Jpeg, 90).ToArray();
    }
}
