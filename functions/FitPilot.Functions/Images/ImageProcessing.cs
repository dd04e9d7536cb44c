using SkiaSharp;

namespace FitPilot.Functions.Images;

/// <summary>
/// The image work the blob triggers share (profile pictures, progress photos): what a file is from its
/// first bytes, its size from the header before any pixel is decoded, a decode that is never larger than
/// needed, EXIF orientation applied, resizing, and a JPEG re-encoded from pixels alone (no EXIF, GPS, ICC
/// or comment block survives: the encoder only writes the JFIF header).
/// </summary>
public static class ImageProcessing
{
    public enum Format { Unknown, Jpeg, Png, WebP, Heic }

    /// <summary>The format the first bytes name (magic numbers), whatever the file is called or claims to be.</summary>
    public static Format Sniff(ReadOnlySpan<byte> head)
    {
        if (head.Length >= 3 && head[0] == 0xFF && head[1] == 0xD8 && head[2] == 0xFF) return Format.Jpeg;
        if (head.Length >= 8 && head[..8].SequenceEqual<byte>([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])) return Format.Png;
        if (head.Length >= 12 && head[..4].SequenceEqual("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8)) return Format.WebP;
        if (head.Length >= 12 && head[4..8].SequenceEqual("ftyp"u8) &&
            (head[8..12].SequenceEqual("heic"u8) || head[8..12].SequenceEqual("heix"u8) || head[8..12].SequenceEqual("mif1"u8) || head[8..12].SequenceEqual("msf1"u8)))
            return Format.Heic;
        return Format.Unknown;
    }

    /// <summary>
    /// Decodes at the smallest size the codec offers (JPEG: 1/2, 1/4, 1/8 in the DCT) whose long edge still
    /// reaches <paramref name="minLongEdge"/>, in sRGB. Null when the data does not decode completely (a
    /// truncated file is refused, not padded with grey).
    /// </summary>
    public static SKBitmap? Decode(SKCodec codec, int minLongEdge)
    {
        var size = codec.Info.Size;
        foreach (var scale in new[] { 0.125f, 0.25f, 0.5f })
        {
            var scaled = codec.GetScaledDimensions(scale);
            if (Math.Max(scaled.Width, scaled.Height) >= minLongEdge && scaled.Width * (long)scaled.Height < size.Width * (long)size.Height)
            {
                size = scaled;
                break;
            }
        }
        // Pixels in sRGB, then the colour space dropped: the encoder writes no ICC profile for them.
        var info = new SKImageInfo(size.Width, size.Height, SKColorType.Rgba8888, SKAlphaType.Premul, SKColorSpace.CreateSrgb());
        var bitmap = new SKBitmap(info.WithColorSpace(null));
        var result = codec.GetPixels(info, bitmap.GetPixels());
        if (result == SKCodecResult.Success) return bitmap;
        bitmap.Dispose();
        return null;
    }

    /// <summary>The largest size within <paramref name="maxEdge"/> × <paramref name="maxEdge"/> with the same proportions (never larger than it is).</summary>
    public static SKSizeI Fit(int width, int height, int maxEdge)
    {
        var longEdge = Math.Max(width, height);
        if (longEdge <= maxEdge) return new SKSizeI(width, height);
        var scale = (double)maxEdge / longEdge;
        return new SKSizeI(Math.Max(1, (int)Math.Round(width * scale)), Math.Max(1, (int)Math.Round(height * scale)));
    }

    /// <summary>
    /// A resized copy: bicubic (Mitchell) for reductions up to 2×, mipmapped linear beyond (a thumbnail
    /// from a large picture without aliasing). The same size returns <paramref name="source"/> itself
    /// (disposing both is safe).
    /// </summary>
    public static SKBitmap Resize(SKBitmap source, SKSizeI size)
    {
        if (size.Width == source.Width && size.Height == source.Height) return source;
        var sampling = source.Width > 2 * size.Width
            ? new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear)
            : new SKSamplingOptions(SKCubicResampler.Mitchell);
        return source.Resize(new SKImageInfo(size.Width, size.Height, source.ColorType, source.AlphaType), sampling)
            ?? throw new InvalidOperationException("Resizing failed.");
    }

    /// <summary>
    /// Phones store a portrait shot sideways plus an EXIF orientation; this turns the pixels as the flag
    /// says (all eight values: rotations and mirrors), before the flag is dropped with the rest of EXIF.
    /// Pixel-exact (quarter turns move pixel centres onto pixel centres). Upright returns <paramref name="bitmap"/> itself.
    /// </summary>
    public static SKBitmap Orient(SKBitmap bitmap, SKEncodedOrigin origin)
    {
        var (rotate, mirror) = origin switch
        {
            SKEncodedOrigin.TopRight => (0f, true),
            SKEncodedOrigin.BottomRight => (180f, false),
            SKEncodedOrigin.BottomLeft => (180f, true),
            SKEncodedOrigin.LeftTop => (90f, true),
            SKEncodedOrigin.RightTop => (90f, false),
            SKEncodedOrigin.RightBottom => (270f, true),
            SKEncodedOrigin.LeftBottom => (270f, false),
            _ => (0f, false),
        };
        if (rotate == 0 && !mirror) return bitmap;
        var swap = rotate is 90f or 270f;
        var oriented = new SKBitmap(new SKImageInfo(swap ? bitmap.Height : bitmap.Width, swap ? bitmap.Width : bitmap.Height, bitmap.ColorType, bitmap.AlphaType));
        using var canvas = new SKCanvas(oriented);
        canvas.Translate(oriented.Width / 2f, oriented.Height / 2f);
        if (mirror) canvas.Scale(-1, 1);
        canvas.RotateDegrees(rotate);
        canvas.Translate(-bitmap.Width / 2f, -bitmap.Height / 2f);
        using var image = SKImage.FromBitmap(bitmap);
        canvas.DrawImage(image, 0, 0, new SKSamplingOptions(SKFilterMode.Nearest));
        return oriented;
    }

    /// <summary>A baseline JPEG of the pixels alone: no EXIF, GPS, ICC profile or comments (only the JFIF header).</summary>
    public static byte[] EncodeJpeg(SKBitmap bitmap, int quality)
    {
        using var pixmap = bitmap.PeekPixels();
        using var data = pixmap.Encode(new SKJpegEncoderOptions(quality, SKJpegEncoderDownsample.Downsample420, SKJpegEncoderAlphaOption.Ignore))
            ?? throw new InvalidOperationException("JPEG encoding failed.");
        return data.ToArray();
    }
}
