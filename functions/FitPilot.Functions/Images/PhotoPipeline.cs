using SkiaSharp;

namespace FitPilot.Functions.Images;

/// <summary>
/// What the blob triggers of progress photos and message pictures do to one uploaded file, as a pure function: the kind of file from its magic
/// bytes, the pixel count from its header before any pixel is decoded (a decompression bomb is refused
/// there), a decode no larger than needed, resize, EXIF orientation applied, and two JPEGs re-encoded from
/// the pixels alone (no EXIF, GPS, ICC profile or comment survives). A refusal says why, for the client.
/// </summary>
public static class PhotoPipeline
{
    public const long MaxBytes = 20L * 1024 * 1024;
    public const long MaxPixels = 50_000_000;
    public const int MaxEdge = 2048;
    public const int ThumbnailEdge = 320;
    public const int Quality = 85;
    public const int ThumbnailQuality = 80;

    public const string NotAPicture = "This file is not a JPEG, PNG or WebP picture.";
    public const string Heic = "HEIC pictures cannot be read here: choose JPEG (\"Most compatible\") in the camera's settings, or upload a JPEG, PNG or WebP.";
    public const string Damaged = "This picture is damaged or incomplete, so it cannot be read. Take or choose it again.";
    public static readonly string TooLarge = $"This file is larger than {MaxBytes / 1024 / 1024} MB.";
    public static string TooManyPixels(int width, int height) =>
        $"This picture is {width:N0} × {height:N0} pixels; the most we take is {MaxPixels / 1_000_000} megapixels.";

    public sealed record Processed(byte[] Photo, byte[] Thumbnail, int Width, int Height);

    /// <summary>The processed photo, or the reason it is refused.</summary>
    public static (Processed? Photo, string? Refusal) Process(ReadOnlyMemory<byte> content)
    {
        switch (ImageProcessing.Sniff(content.Span))
        {
            case ImageProcessing.Format.Unknown: return (null, NotAPicture);
            case ImageProcessing.Format.Heic: return (null, Heic);
        }
        if (content.Length > MaxBytes) return (null, TooLarge);
        using var data = SKData.CreateCopy(content.Span);
        using var codec = SKCodec.Create(data);
        if (codec is null) return (null, Damaged);
        var (width, height) = (codec.Info.Width, codec.Info.Height);
        if ((long)width * height > MaxPixels) return (null, TooManyPixels(width, height));

        using var decoded = ImageProcessing.Decode(codec, MaxEdge);
        if (decoded is null) return (null, Damaged);
        // Resized before it is turned: the turn then moves 3 megapixels, not 12.
        using var resized = ImageProcessing.Resize(decoded, ImageProcessing.Fit(decoded.Width, decoded.Height, MaxEdge));
        using var oriented = ImageProcessing.Orient(resized, codec.EncodedOrigin);
        var photo = ImageProcessing.EncodeJpeg(oriented, Quality);
        using var small = ImageProcessing.Resize(oriented, ImageProcessing.Fit(oriented.Width, oriented.Height, ThumbnailEdge));
        var thumbnail = ImageProcessing.EncodeJpeg(small, ThumbnailQuality);
        return (new Processed(photo, thumbnail, oriented.Width, oriented.Height), null);
    }

    /// <summary>The file's bytes, or null when it is larger than <see cref="MaxBytes"/>: its length is checked first, so such a file is never read.</summary>
    public static async Task<ReadOnlyMemory<byte>?> ReadLimitedAsync(Stream content, CancellationToken ct)
    {
        if (content.CanSeek && content.Length > MaxBytes) return null;
        var buffer = new MemoryStream(content.CanSeek ? (int)content.Length : 1024 * 1024);
        var chunk = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > MaxBytes) return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
    }
}
