using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace FitPilot.Functions.Storage;

/// <summary>
/// The JSON of document columns (a program's days, recent sets, settings). A table property holds at
/// most 32K UTF-16 characters, so text is stored as itself: the default encoder would write every
/// non-ASCII character as a 6-character <c>\uXXXX</c> (12 for an emoji), and a day of notes in Cyrillic,
/// CJK or Arabic that the API accepts would no longer fit. Only what JSON itself requires is escaped.
/// Never use these options for HTML or scripts.
/// </summary>
public static class StoredJson
{
    public static readonly JsonSerializerOptions Options = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web) { Encoder = MinimalJsonEncoder.Instance };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Deserialize<T>(string json) => JsonSerializer.Deserialize<T>(json, Options)!;

    public static JsonElement SerializeToElement<T>(T value) => JsonSerializer.SerializeToElement(value, Options);

    /// <summary>Escapes only '"', '\' and control characters (RFC 8259 §7); every other character is written as is.</summary>
    private sealed class MinimalJsonEncoder : JavaScriptEncoder
    {
        public static readonly MinimalJsonEncoder Instance = new();

        public override int MaxOutputCharactersPerInputCharacter => 6;

        public override bool WillEncode(int unicodeScalar) => unicodeScalar is < 0x20 or '"' or '\\';

        public override unsafe int FindFirstCharacterToEncode(char* text, int textLength)
        {
            for (var i = 0; i < textLength; i++)
            {
                var c = text[i];
                if (c is < (char)0x20 or '"' or '\\') return i;
                if (char.IsHighSurrogate(c) && i + 1 < textLength && char.IsLowSurrogate(text[i + 1])) { i++; continue; }
                if (char.IsSurrogate(c)) return i; // a lone surrogate: let the writer refuse it
            }
            return -1;
        }

        public override unsafe bool TryEncodeUnicodeScalar(int unicodeScalar, char* buffer, int bufferLength, out int numberOfCharactersWritten)
        {
            var escaped = unicodeScalar switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                '\b' => "\\b",
                '\f' => "\\f",
                < 0x20 => $"\\u{unicodeScalar:X4}",
                _ => new Rune(unicodeScalar).ToString(),
            };
            if (escaped.Length > bufferLength) { numberOfCharactersWritten = 0; return false; }
            for (var i = 0; i < escaped.Length; i++) buffer[i] = escaped[i];
            numberOfCharactersWritten = escaped.Length;
            return true;
        }
    }
}
