using System.Text.Json;
using System.Text.Json.Serialization;

namespace FitPilot.Functions.Http;

/// <summary>The one JSON shape of the API: camelCase, strict about what it accepts.</summary>
public static class FitPilotJson
{
    /// <summary>
    /// Requests: unknown members, nulls where a value is required and missing required members are
    /// refused, so a typo in a field name is a 400 and not a silently ignored value.
    /// </summary>
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        MaxDepth = 32,
    };
}
