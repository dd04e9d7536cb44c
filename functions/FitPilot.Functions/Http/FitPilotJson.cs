using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace FitPilot.Functions.Http;

/// <summary>The one JSON shape of the API: camelCase, strict about what it accepts.</summary>
public static class FitPilotJson
{
    /// <summary>
    /// Requests: unknown members, nulls where a value is required, missing required members and
    /// numbers sent as strings (<c>"reps": "5"</c>) are refused, so a typo or a wrong type is a 400
    /// and not a silently ignored or coerced value.
    /// </summary>
    /// <remarks>
    /// Complete and read-only from its static initialiser: the serializer and the JSON schema
    /// exporter (OpenAPI) can use it first in any order, and nobody can change it afterwards.
    /// </remarks>
    public static readonly JsonSerializerOptions Options = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            // The Web defaults also read "5" as 5; the API takes numbers as JSON numbers only.
            NumberHandling = JsonNumberHandling.Strict,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            RespectNullableAnnotations = true,
            RespectRequiredConstructorParameters = true,
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
            MaxDepth = 32,
            TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
        };
        options.MakeReadOnly();
        return options;
    }
}
