using System.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FitPilot.Functions.Http;

/// <summary>
/// Every function in this library, read from the same attributes the Worker SDK reads to write
/// functions.metadata. The local host runs from it; the OpenAPI document describes it.
/// </summary>
public static class FunctionCatalog
{
    public const string RoutePrefix = "api";

    public abstract record Function(string Name, MethodInfo Method)
    {
        public Type Class => Method.DeclaringType!;
    }

    public sealed record Http(string Name, MethodInfo Method, string Route, IReadOnlyList<string> Methods) : Function(Name, Method);
    public sealed record Timer(string Name, MethodInfo Method, string Schedule) : Function(Name, Method);
    public sealed record Queue(string Name, MethodInfo Method, string QueueName, string Connection) : Function(Name, Method);
    public sealed record Blob(string Name, MethodInfo Method, string Path, string Connection) : Function(Name, Method)
    {
        public string Container => Path.Split('/')[0];
    }

    public static IReadOnlyList<Function> All { get; } = Discover(typeof(FunctionCatalog).Assembly);

    public static IEnumerable<Http> HttpFunctions => All.OfType<Http>();

    public static IReadOnlyList<Function> Discover(Assembly assembly) =>
        assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static))
            .Select(m => (Method: m, Attribute: m.GetCustomAttribute<FunctionAttribute>()))
            .Where(x => x.Attribute is not null)
            .Select(x => Describe(x.Attribute!.Name, x.Method))
            .OrderBy(f => f.Name, StringComparer.Ordinal)
            .ToList();

    private static Function Describe(string name, MethodInfo method)
    {
        foreach (var parameter in method.GetParameters())
        {
            switch (parameter.GetCustomAttributes().FirstOrDefault())
            {
                case HttpTriggerAttribute http:
                    if (parameter.ParameterType != typeof(HttpRequest))
                        throw new InvalidOperationException($"{name}: HTTP functions take an HttpRequest so both hosts bind it alike.");
                    return new Http(name, method, http.Route ?? name, http.Methods?.Select(m => m.ToUpperInvariant()).ToArray() ?? ["GET", "POST"]);
                case TimerTriggerAttribute timer:
                    return new Timer(name, method, timer.Schedule);
                case QueueTriggerAttribute queue:
                    return new Queue(name, method, queue.QueueName, queue.Connection ?? "AzureWebJobsStorage");
                case BlobTriggerAttribute blob:
                    return new Blob(name, method, blob.BlobPath, blob.Connection ?? "AzureWebJobsStorage");
            }
        }
        throw new InvalidOperationException($"Function {name} has no trigger the local host knows.");
    }
}
