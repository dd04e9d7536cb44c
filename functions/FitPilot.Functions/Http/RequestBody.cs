using FitPilot.Contracts.Common;
using FitPilot.Functions.Common;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace FitPilot.Functions.Http;

/// <summary>Reads and validates a JSON request body: size-capped, strictly typed, DataAnnotations-checked.</summary>
public static partial class RequestBody
{
    /// <summary>
    /// Largest JSON body any endpoint accepts: room for the largest valid request (a 7-day program of
    /// 15 exercises a day with the longest notes, ~180 KB as UTF-8 in CJK, ~420 KB if a client escapes
    /// every character as \uXXXX), so nothing the contracts allow is refused for its size.
    /// </summary>
    public const int MaxJsonBytes = 512 * 1024;

    public static async Task<T> ReadAsync<T>(HttpRequest request, CancellationToken ct) where T : class
    {
        var mediaType = request.ContentType?.Split(';')[0].Trim();
        if (!string.Equals(mediaType, "application/json", StringComparison.OrdinalIgnoreCase))
            throw new ProblemException(415, "Unsupported media type", "Send the body as application/json.");

        var bytes = await ReadLimitedAsync(request, MaxJsonBytes, ct);
        if (bytes.Length == 0)
            throw new ProblemException(400, "Missing body", "This request needs a JSON body.");

        T? value;
        try
        {
            value = JsonSerializer.Deserialize<T>(bytes, FitPilotJson.Options);
        }
        catch (JsonException e)
        {
            var field = FieldName(e.Path);
            var message = e.Message.Contains("missing required properties", StringComparison.OrdinalIgnoreCase)
                ? "Required fields are missing: " + MissingMembers(e.Message)
                : e.Message.Contains("could not be mapped", StringComparison.OrdinalIgnoreCase)
                    ? "This field is not part of the request."
                    : ExpectedValue(e.Message) is { } expected
                        ? $"Send {expected} here."
                        : "This value is not valid JSON of the expected type.";
            throw ProblemException.Invalid(string.IsNullOrEmpty(field) ? "$" : field, message);
        }
        if (value is null)
            throw new ProblemException(400, "Missing body", "This request needs a JSON object, not null.");

        Validate(value);
        return value;
    }

    /// <summary>Validates a contract as a whole (<see cref="ContractValidator"/>): a 400 naming every bad field, or nothing.</summary>
    public static void Validate(object value)
    {
        var errors = ContractValidator.Validate(value);
        if (errors.Count > 0) throw DomainException.Invalid(errors);
    }

    /// <summary>Reads at most <paramref name="limit"/> bytes; more is a 413 before anything is parsed.</summary>
    public static async Task<byte[]> ReadLimitedAsync(HttpRequest request, int limit, CancellationToken ct)
    {
        if (request.ContentLength > limit) throw TooLarge(limit);
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > limit) throw TooLarge(limit);
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    private static ProblemException TooLarge(int limit) =>
        new(413, "Payload too large", $"The body may be at most {limit / 1024} KiB.");

    private static string FieldName(string? jsonPath)
    {
        if (string.IsNullOrEmpty(jsonPath) || jsonPath == "$") return "";
        return jsonPath.StartsWith("$.", StringComparison.Ordinal) ? jsonPath[2..] : jsonPath.TrimStart('$');
    }

    /// <summary>
    /// What a value of the wrong type should have been, from the serializer's "could not be
    /// converted to System.Int32" (numbers are strict: "5" is not 5).
    /// </summary>
    private static string? ExpectedValue(string message)
    {
        var match = ConvertedTo().Match(message);
        if (!match.Success) return null;
        var type = match.Groups[1].Value;
        var inner = NullableOf().Match(type) is { Success: true } n ? n.Groups[1].Value : type;
        return inner switch
        {
            "System.Int32" or "System.Int64" or "System.Int16" or "System.Byte" => "a whole number (a JSON number, not a string)",
            "System.Double" or "System.Single" or "System.Decimal" => "a number (a JSON number, not a string)",
            "System.Boolean" => "true or false",
            "System.String" => "a string",
            "System.DateOnly" => "a date like 2026-11-26",
            "System.DateTimeOffset" or "System.DateTime" => "a date and time like 2026-11-26T18:30:00Z",
            _ when inner.StartsWith("System.Collections.Generic.", StringComparison.Ordinal) || inner.EndsWith("[]", StringComparison.Ordinal) => "a list",
            _ when inner.StartsWith("FitPilot.Contracts.", StringComparison.Ordinal) => "an object",
            _ => null,
        };
    }

    [GeneratedRegex(@"could not be converted to (\S+?)\.(?:\s|$)")]
    private static partial Regex ConvertedTo();

    [GeneratedRegex(@"^System\.Nullable`1\[(.+)\]$")]
    private static partial Regex NullableOf();

    private static string MissingMembers(string message)
    {
        var i = message.IndexOf(':');
        var j = message.IndexOf('.', i + 1);
        return i < 0 ? "" : (j < 0 ? message[(i + 1)..] : message[(i + 1)..j]).Trim().TrimEnd('.');
    }
}
