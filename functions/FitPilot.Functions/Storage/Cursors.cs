using System.Buffers.Text;
using System.Text;
using FitPilot.Functions.Common;

namespace FitPilot.Functions.Storage;

/// <summary>
/// Paging cursors handed to callers: opaque (base64url) text that only this app reads back, whether it
/// wraps the service's continuation token or a keyset position of an in-memory list.
/// </summary>
public static class Cursors
{
    public static string Encode(string position) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(position));

    public static string Decode(string cursor)
    {
        try { return Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor)); }
        catch (FormatException) { throw Invalid(); }
    }

    public static DomainException Invalid() => DomainException.Invalid("cursor", "This cursor is not valid; start from the first page.");
}
