using System.Text;
using FitPilot.Functions.Images;
using SkiaSharp;

namespace FitPilot.Tests.Photos;

/// <summary>The blob trigger's image work on its own: what is refused and why, and what comes out.</summary>
public sealed class PhotoPipelineTests
{
    [Fact]
    public void A_phone_photo_comes_out_upright_at_most_2048_with_a_320_thumbnail_and_no_EXIF_or_GPS()
    {
        var input = TestImages.WithExif(TestImages.Jpeg(3000, 2000), orientation: 6, gps: true);
        Assert.Contains(TestImages.Segments(input), s => s.Marker == 0xE1 && Encoding.ASCII.GetString(s.Payload[..4]) == "Exif");

        var (photo, refusal) = PhotoPipeline.Process(input);

        Assert.Null(refusal);
        // Orientation 6 (the camera held upright, the sensor sideways): width and height swap.
        Assert.Equal((1365, 2048), (photo!.Width, photo.Height));
        using var decoded = SKBitmap.Decode(photo.Photo);
        Assert.Equal((1365, 2048), (decoded.Width, decoded.Height));
        // Turned clockwise: the red left half of the sensor is now the top.
        Assert.True(decoded.GetPixel(decoded.Width / 2, 100).Red > 200, decoded.GetPixel(decoded.Width / 2, 100).ToString());
        Assert.True(decoded.GetPixel(decoded.Width / 2, decoded.Height - 100).Blue > 200);
        using var thumbnail = SKBitmap.Decode(photo.Thumbnail);
        Assert.Equal(320, Math.Max(thumbnail.Width, thumbnail.Height));
        Assert.True(thumbnail.Height > thumbnail.Width);

        foreach (var jpeg in new[] { photo.Photo, photo.Thumbnail })
        {
            var segments = TestImages.Segments(jpeg);
            // Only the JFIF header among the application segments: no APP1 (EXIF, XMP), no APP2 (ICC), no comment.
            Assert.DoesNotContain(segments, s => s.Marker is >= 0xE1 and <= 0xEF or 0xFE);
            Assert.DoesNotContain("Exif", Encoding.ASCII.GetString(jpeg));
            Assert.Equal(-1, jpeg.AsSpan().IndexOf("MM\0*"u8));
            using var codec = SKCodec.Create(SKData.CreateCopy(jpeg));
            Assert.Equal(SKEncodedOrigin.TopLeft, codec.EncodedOrigin);
        }
    }

    [Theory]
    [InlineData(2, false)]
    [InlineData(3, false)]
    [InlineData(8, true)]
    public void Every_EXIF_orientation_is_applied(ushort orientation, bool swaps)
    {
        var (photo, _) = PhotoPipeline.Process(TestImages.WithExif(TestImages.Jpeg(400, 200), orientation, gps: false));
        Assert.Equal(swaps ? (200, 400) : (400, 200), (photo!.Width, photo.Height));
        using var decoded = SKBitmap.Decode(photo.Photo);
        // 2 mirrors and 3 turns half way: red (left) goes right; 8 turns counter-clockwise: red goes to the bottom.
        var probe = swaps ? decoded.GetPixel(100, 350) : decoded.GetPixel(350, 100);
        Assert.True(probe.Red > 200, probe.ToString());
    }

    [Fact]
    public void PNG_and_WebP_are_taken_and_small_pictures_are_not_enlarged()
    {
        foreach (var input in new[] { TestImages.Png(640, 480), TestImages.WebP(500, 800) })
        {
            var (photo, refusal) = PhotoPipeline.Process(input);
            Assert.Null(refusal);
            using var decoded = SKBitmap.Decode(photo!.Photo);
            Assert.Equal((photo.Width, photo.Height), (decoded.Width, decoded.Height));
            Assert.True(photo.Width is 640 or 500);
        }
    }

    [Fact]
    public void Malicious_and_broken_files_are_refused_with_a_reason_for_the_client()
    {
        Assert.Equal(PhotoPipeline.NotAPicture, PhotoPipeline.Process("I am a text file named holiday.jpg\n"u8.ToArray()).Refusal);
        Assert.Equal(PhotoPipeline.NotAPicture, PhotoPipeline.Process(Array.Empty<byte>()).Refusal);
        var jpeg = TestImages.Jpeg(800, 600, noise: true);
        Assert.Equal(PhotoPipeline.Damaged, PhotoPipeline.Process(jpeg[..(jpeg.Length / 2)]).Refusal);
        Assert.Equal(PhotoPipeline.TooManyPixels(30_000, 30_000), PhotoPipeline.Process(TestImages.PngBombHeader()).Refusal);
        var big = new byte[25 * 1024 * 1024];
        jpeg.CopyTo(big, 0);
        Assert.Equal(PhotoPipeline.TooLarge, PhotoPipeline.Process(big).Refusal);
        // HEIC: SkiaSharp 4.155's Linux build has no HEIF decoder, so the client is told what to do instead.
        Assert.Equal(PhotoPipeline.Heic, PhotoPipeline.Process(TestImages.HeicHeader()).Refusal);
        Assert.Null(SKCodec.Create(SKData.CreateCopy(TestImages.HeicHeader())));
    }

    [Fact]
    public void The_week_of_a_program_counts_from_its_start_date()
    {
        var program = new Functions.Programs.ProgramEntity { RowKey = "p", Status = "active", StartDate = new DateTimeOffset(2026, 3, 2, 0, 0, 0, TimeSpan.Zero) };
        Assert.Null(Functions.Training.TodayPlan.WeekOn([program], new DateOnly(2026, 3, 1)));
        Assert.Equal(1, Functions.Training.TodayPlan.WeekOn([program], new DateOnly(2026, 3, 2)));
        Assert.Equal(1, Functions.Training.TodayPlan.WeekOn([program], new DateOnly(2026, 3, 8)));
        Assert.Equal(2, Functions.Training.TodayPlan.WeekOn([program], new DateOnly(2026, 3, 9)));
        Assert.Null(Functions.Training.TodayPlan.WeekOn([], new DateOnly(2026, 3, 9)));
    }
}
