using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using FitPilot.Contracts.Common;
using FitPilot.Functions.Http;

namespace FitPilot.Functions.OpenApi;

/// <summary>
/// The document's <c>components/schemas</c>: one schema per contract type (a class or record of
/// FitPilot.Contracts, closed generics such as <c>Page&lt;ExerciseDto&gt;</c> included), and every
/// use of it a <c>$ref</c>, so a generated client gets one model per contract. The schemas come
/// from the API's own serializer options (<see cref="FitPilotJson.Options"/>) through the JSON
/// schema exporter; the contracts' DataAnnotations become JSON Schema keywords.
/// </summary>
public sealed class ContractSchemas
{
    public const string RefPrefix = "#/components/schemas/";

    private readonly SortedDictionary<string, JsonNode> _schemas = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Type> _names = new(StringComparer.Ordinal);
    private readonly Queue<Type> _pending = new();
    private readonly JsonSchemaExporterOptions _inline;
    private readonly JsonSchemaExporterOptions _definition;

    public ContractSchemas()
    {
        // Referencing a type: contract types become $refs wherever they are, the root included.
        _inline = new JsonSchemaExporterOptions { TreatNullObliviousAsNonNullable = true, TransformSchemaNode = (c, n) => Transform(c, n, keepRoot: false) };
        // Defining a component: the root is the definition, contract types inside it are $refs.
        _definition = new JsonSchemaExporterOptions { TreatNullObliviousAsNonNullable = true, TransformSchemaNode = (c, n) => Transform(c, n, keepRoot: true) };
    }

    /// <summary>Whether a type gets its own component: the contracts' classes and records.</summary>
    public static bool IsContract(Type type) =>
        type.Assembly == typeof(Page<>).Assembly && type.IsClass && !type.IsAbstract && type != typeof(string);

    /// <summary>The schema for a type where the document uses it: a $ref for a contract, else an inline schema whose contract parts are $refs.</summary>
    public JsonNode Use(Type type) => FitPilotJson.Options.GetJsonSchemaAsNode(type, _inline);

    /// <summary>Adds a hand-written component (e.g. ProblemDetails) and returns a $ref to it.</summary>
    public JsonObject Add(string name, JsonObject schema)
    {
        if (!_names.TryAdd(name, typeof(JsonObject)) || !_schemas.TryAdd(name, schema))
            throw new InvalidOperationException($"Two schemas are called {name}.");
        return Ref(name);
    }

    /// <summary>Every component, definitions of the contract types referenced so far included, by name.</summary>
    public JsonObject Components()
    {
        while (_pending.TryDequeue(out var type))
            _schemas[SchemaName(type)] = FitPilotJson.Options.GetJsonSchemaAsNode(type, _definition);
        var components = new JsonObject();
        foreach (var (name, schema) in _schemas) components[name] = schema.DeepClone();
        return components;
    }

    public static string SchemaName(Type type) =>
        type.IsGenericType ? type.Name[..type.Name.IndexOf('`')] + "Of" + string.Concat(type.GetGenericArguments().Select(SchemaName)) : type.Name;

    private static JsonObject Ref(string name) => new() { ["$ref"] = RefPrefix + name };

    private JsonObject RefTo(Type type)
    {
        var name = SchemaName(type);
        if (_names.TryGetValue(name, out var known))
        {
            if (known != type) throw new InvalidOperationException($"{known.FullName} and {type.FullName} would both be the schema {name}: rename one.");
        }
        else
        {
            _names[name] = type;
            _pending.Enqueue(type);
        }
        return Ref(name);
    }

    private JsonNode Transform(JsonSchemaExporterContext context, JsonNode node, bool keepRoot)
    {
        var type = context.TypeInfo.Type;
        if (IsContract(type) && !(keepRoot && context.Path.IsEmpty))
        {
            var reference = RefTo(type);
            // A nullable reference (MeResponse.trainer): the value is the component or null.
            return IsNullable(node) ? new JsonObject { ["anyOf"] = new JsonArray(reference, new JsonObject { ["type"] = "null" }) } : reference;
        }
        if (node is not JsonObject schema) return node;
        NumberFormat(schema, Nullable.GetUnderlyingType(type) ?? type);
        if (context.PropertyInfo?.AttributeProvider is { } member)
            Annotations.Apply(schema, member);
        return schema;
    }

    private static bool IsNullable(JsonNode node) =>
        node["type"] is JsonArray types && types.Any(t => t?.GetValue<string>() == "null");

    /// <summary>int32/int64/double formats, so generators pick the same .NET number types as the contracts.</summary>
    private static void NumberFormat(JsonObject schema, Type type)
    {
        var format = Type.GetTypeCode(type) switch
        {
            TypeCode.Int32 => "int32",
            TypeCode.Int64 => "int64",
            TypeCode.Double => "double",
            TypeCode.Single => "float",
            TypeCode.Decimal => "decimal",
            _ => null,
        };
        if (format is not null && !schema.ContainsKey("format")) schema["format"] = format;
    }

    /// <summary>DataAnnotations of the contracts (the rules <see cref="RequestBody"/> enforces) as JSON Schema keywords.</summary>
    private static class Annotations
    {
        public static void Apply(JsonObject schema, ICustomAttributeProvider member)
        {
            var isArray = Has(schema, "array");
            var isString = Has(schema, "string");
            foreach (var attribute in member.GetCustomAttributes(inherit: true))
            {
                switch (attribute)
                {
                    case RangeAttribute range when Number(range.Minimum) is { } min && Number(range.Maximum) is { } max:
                        schema[range.MinimumIsExclusive ? "exclusiveMinimum" : "minimum"] = min;
                        schema[range.MaximumIsExclusive ? "exclusiveMaximum" : "maximum"] = max;
                        break;
                    case StringLengthAttribute length:
                        schema["maxLength"] = length.MaximumLength;
                        if (length.MinimumLength > 0) schema["minLength"] = length.MinimumLength;
                        break;
                    case MaxLengthAttribute length when length.Length >= 0:
                        schema[isArray ? "maxItems" : "maxLength"] = length.Length;
                        break;
                    case MinLengthAttribute length:
                        schema[isArray ? "minItems" : "minLength"] = length.Length;
                        break;
                    case RegularExpressionAttribute regex:
                        schema["pattern"] = regex.Pattern;
                        break;
                    case EmailAttribute:
                        schema["format"] = "email";
                        break;
                    case HttpsUrlAttribute:
                        schema["format"] = "uri";
                        schema["maxLength"] = HttpsUrlAttribute.MaxLength;
                        break;
                    case PasswordAttribute:
                        schema["minLength"] = PasswordAttribute.MinLength;
                        schema["maxLength"] = PasswordAttribute.MaxLength;
                        break;
                    case ListLimitsAttribute limits when isArray:
                        schema["maxItems"] = limits.Max;
                        if (schema["items"] is JsonObject items)
                        {
                            items["minLength"] = 1;
                            items["maxLength"] = limits.MaxLength;
                        }
                        break;
                }
            }
            // [Required] refuses "" (and blanks) as well as null.
            if (isString && !schema.ContainsKey("minLength") && member.GetCustomAttributes(typeof(RequiredAttribute), true) is [RequiredAttribute { AllowEmptyStrings: false }])
                schema["minLength"] = 1;
        }

        private static bool Has(JsonObject schema, string type) => schema["type"] switch
        {
            JsonValue value => value.GetValue<string>() == type,
            JsonArray types => types.Any(t => t?.GetValue<string>() == type),
            _ => false,
        };

        private static JsonValue? Number(object? value) => value switch
        {
            int i => JsonValue.Create(i),
            long l => JsonValue.Create(l),
            double d => JsonValue.Create(d),
            _ => null,
        };
    }
}
