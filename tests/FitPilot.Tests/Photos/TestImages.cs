using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using SkiaSharp;

namespace FitPilot.Tests.Photos;

/// <summary>Pictures for the photo tests, made here: JPEGs with hand-built EXIF (orientation, GPS), a PNG bomb's header, markers read back.</summary>
public static class TestImages
{
    /// <summary>A JPEG with a left half red and a right half blue (so a turn can be seen), and some texture.</summary>
    public static byte[] Jpeg(int width, int height, int quality = 90, bool noise = false)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            using var red = new SKPaint { Color = SKColors.Red };
            using var blue = new SKPaint { Color = SKColors.Blue };
            canvas.DrawRect(0, 0, width / 2f, height, red);
            canvas.DrawRect(width / 2f, 0, width - width / 2f, height, blue);
            if (noise)
            {
                // Texture, so the file is the size of a real photo rather than of two flat colours.
                var random = new Random(7);
                using var dot = new SKPaint();
                for (var i = 0; i < width * height / 200; i++)
                {
                    dot.Color = new SKColor((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256));
                    canvas.DrawCircle(random.Next(width), random.Next(height), random.Next(2, 9), dot);
                }
            }
        }
        using var image = SKImage.FromBitmap(bitmap);
        return image.Encode(SKEncodedImageFormat.Jpeg, quality).ToArray();
    }

    public static byte[] Png(int width, int height)
    {
        using var bitmap = new SKBitmap(width, height);
        bitmap.Erase(SKColors.Green);
        using var image = SKImage.FromBitmap(bitmap);
        return image.Encode(SKEncodedImageFormat.Png, 100).ToArray();
    }

    public static byte[] WebP(int width, int height)
    {
        using var bitmap = new SKBitmap(width, height);
        bitmap.Erase(SKColors.Purple);
        using var image = SKImage.FromBitmap(bitmap);
        return image.Encode(SKEncodedImageFormat.Webp, 80).ToArray();
    }

    /// <summary>
    /// The JPEG with an EXIF APP1 segment spliced in right after SOI: IFD0 with Orientation and a GPS IFD
    /// (latitude 51° 30' N, longitude 0° 7' W), big-endian TIFF, built byte by byte.
    /// </summary>
    public static byte[] WithExif(byte[] jpeg, ushort orientation, bool gps)
    {
        var tiff = new List<byte>();
        void U16(int v) { tiff.Add((byte)(v >> 8)); tiff.Add((byte)v); }
        void U32(long v) { U16((int)(v >> 16) & 0xFFFF); U16((int)v & 0xFFFF); }
        void Entry(int tag, int type, int count, long value) { U16(tag); U16(type); U32(count); U32(value); }
        tiff.AddRange("MM"u8.ToArray()); U16(42); U32(8);
        var ifd0Entries = gps ? 2 : 1;
        var gpsOffset = 8 + 2 + ifd0Entries * 12 + 4;
        U16(ifd0Entries);
        Entry(0x0112, 3, 1, (long)orientation << 16); // SHORT, left-justified in the value field
        if (gps) Entry(0x8825, 4, 1, gpsOffset);
        U32(0);
        if (gps)
        {
            // GPS IFD: LatitudeRef, Latitude (3 RATIONAL), LongitudeRef, Longitude (3 RATIONAL).
            var rationals = gpsOffset + 2 + 4 * 12 + 4;
            U16(4);
            Entry(0x0001, 2, 2, 'N' << 24);
            Entry(0x0002, 5, 3, rationals);
            Entry(0x0003, 2, 2, 'W' << 24);
            Entry(0x0004, 5, 3, rationals + 24);
            U32(0);
            foreach (var (n, d) in new[] { (51, 1), (30, 1), (2616, 100), (0, 1), (7, 1), (3972, 100) }) { U32(n); U32(d); }
        }
        var payload = "Exif\0\0"u8.ToArray().Concat(tiff).ToArray();
        var segment = new List<byte> { 0xFF, 0xE1, (byte)((payload.Length + 2) >> 8), (byte)(payload.Length + 2) };
        segment.AddRange(payload);
        return jpeg[..2].Concat(segment).Concat(jpeg[2..]).ToArray();
    }

    /// <summary>A PNG that says it is 30,000 × 30,000 (900 megapixels: 3.6 GB once decoded) with a few bytes of real image data.</summary>
    public static byte[] PngBombHeader(int width = 30_000, int height = 30_000)
    {
        var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var ihdr = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(ihdr, width);
        BinaryPrimitives.WriteInt32BigEndian(ihdr.AsSpan(4), height);
        ihdr[8] = 8; ihdr[9] = 2; // 8-bit RGB, deflate, no filter, no interlace
        Chunk(png, "IHDR", ihdr);
        var zeros = new MemoryStream();
        using (var z = new ZLibStream(zeros, CompressionLevel.SmallestSize, leaveOpen: true)) z.Write(new byte[64 * 1024]);
        Chunk(png, "IDAT", zeros.ToArray());
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void Chunk(Stream png, string type, byte[] data)
    {
        var length = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        png.Write(length);
        var typed = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        png.Write(typed);
        var crc = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32(typed));
        png.Write(crc);
    }

    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++) crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
        }
        return ~crc;
    }

    /// <summary>The JPEG's marker segments before the image data (SOS): e.g. APP0 "JFIF", APP1 "Exif", DQT…, each with its first bytes.</summary>
    public static List<(byte Marker, byte[] Payload)> Segments(byte[] jpeg)
    {
        Assert.True(jpeg[0] == 0xFF && jpeg[1] == 0xD8, "not a JPEG");
        var segments = new List<(byte, byte[])>();
        var i = 2;
        while (i + 4 <= jpeg.Length && jpeg[i] == 0xFF)
        {
            var marker = jpeg[i + 1];
            var length = (jpeg[i + 2] << 8) | jpeg[i + 3];
            segments.Add((marker, jpeg[(i + 4)..(i + 2 + length)]));
            if (marker == 0xDA) break; // start of scan: the pixels follow
            i += 2 + length;
        }
        return segments;
    }

    /// <summary>A minimal HEIC file's start (the ftyp box of an iPhone photo), to see what the pipeline says of it.</summary>
    public static byte[] HeicHeader() =>
        [0, 0, 0, 0x18, .. "ftypheic"u8, 0, 0, 0, 0, .. "mif1heic"u8, 0, 0, 0, 0x08, .. "free"u8];
}
