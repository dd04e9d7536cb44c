using System.Text.Json.Nodes;

namespace FitPilot.LocalHost;

/// <summary>The settings of the repo's host.json that the local host honours, as the Azure host does.</summary>
public sealed class HostJson
{
    public sealed record QueueSettings(int BatchSize, TimeSpan VisibilityTimeout, TimeSpan MaxPollingInterval, int MaxDequeueCount);

    public string RoutePrefix { get; }
    public QueueSettings Queues { get; }

    private HostJson(string routePrefix, QueueSettings queues) => (RoutePrefix, Queues) = (routePrefix, queues);

    /// <summary>The same host.json with other queue timings (tests of retries and poison messages).</summary>
    public HostJson With(QueueSettings queues) => new(RoutePrefix, queues);

    public HostJson(string path)
    {
        var root = JsonNode.Parse(File.ReadAllText(path))!;
        var extensions = root["extensions"];
        RoutePrefix = extensions?["http"]?["routePrefix"]?.GetValue<string>() ?? "api";
        var q = extensions?["queues"];
        Queues = new QueueSettings(
            q?["batchSize"]?.GetValue<int>() ?? 16,
            TimeSpan.Parse(q?["visibilityTimeout"]?.GetValue<string>() ?? "00:00:00"),
            TimeSpan.Parse(q?["maxPollingInterval"]?.GetValue<string>() ?? "00:01:00"),
            q?["maxDequeueCount"]?.GetValue<int>() ?? 5);
    }
}
