using System.Reflection;
using System.Text.Json;
using FitPilot.Functions.Http;

namespace FitPilot.Tests.Infrastructure;

/// <summary>The Worker SDK's generated functions.metadata: what Azure will run.</summary>
public static class FunctionMetadata
{
    public sealed record Entry(string Name, string EntryPoint, string Trigger, JsonElement Binding)
    {
        public string Route => Binding.GetProperty("route").GetString()!;
        public IReadOnlyList<string> Methods => Binding.GetProperty("methods").EnumerateArray().Select(m => m.GetString()!.ToUpperInvariant()).ToList();

        public MethodInfo Method
        {
            get
            {
                var i = EntryPoint.LastIndexOf('.');
                var type = typeof(Functions.Http.Api).Assembly.GetType(EntryPoint[..i], throwOnError: true)!;
                return type.GetMethod(EntryPoint[(i + 1)..])!;
            }
        }

        public ApiOperationAttribute Operation => Method.GetCustomAttribute<ApiOperationAttribute>()
            ?? throw new InvalidOperationException($"{Name} has no [ApiOperation]");
    }

    public static IReadOnlyList<Entry> Load()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(TestPaths.FunctionsMetadata));
        return doc.RootElement.EnumerateArray().Select(f =>
        {
            var trigger = f.GetProperty("bindings").EnumerateArray().Single(b => b.GetProperty("type").GetString()!.EndsWith("Trigger"));
            return new Entry(f.GetProperty("name").GetString()!, f.GetProperty("entryPoint").GetString()!, trigger.GetProperty("type").GetString()!, trigger.Clone());
        }).ToList();
    }

    public static IEnumerable<Entry> Http => Load().Where(e => e.Trigger == "httpTrigger");
}
