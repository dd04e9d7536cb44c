using System.Text;
using Xunit.Abstractions;

namespace FitPilot.Tests.Infrastructure;

/// <summary>
/// Records the storage round trips each call reports (the X-Storage-Round-Trips header), prints them as a table and
/// writes it to TestResults/benchmarks/&lt;file&gt;. Every round-trip table of the suite is made here.
/// </summary>
public sealed class RoundTripRecorder(ITestOutputHelper output)
{
    private readonly List<(string Call, int RoundTrips)> _figures = [];

    public IReadOnlyList<(string Call, int RoundTrips)> Figures => _figures;

    /// <summary>Sends, requires a success (a failure would count a different path) and records the figure.</summary>
    public async Task<HttpResponseMessage> Measure(string call, Func<Task<HttpResponseMessage>> send)
    {
        var response = await send();
        Assert.True((int)response.StatusCode < 400, $"{call}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        Add(call, response);
        return response;
    }

    /// <summary>Records a response already checked by the caller.</summary>
    public void Add(string call, HttpResponseMessage response) => _figures.Add((call, ApiClient.RoundTrips(response)));

    public async Task WriteAsync(string fileName, string title)
    {
        var table = new StringBuilder($"# {title}: storage round trips per call\n\n| call | storage round trips |\n|---|---|\n");
        foreach (var (call, n) in _figures) table.AppendLine($"| {call} | {n} |");
        output.WriteLine(table.ToString());
        await File.WriteAllTextAsync(Path.Combine(TestPaths.Results("benchmarks"), fileName), table.ToString());
    }

    /// <summary>Every GET (a read a page makes) stays at or under the bound.</summary>
    public void AssertReadsAtMost(int bound) =>
        Assert.All(_figures.Where(f => f.Call.StartsWith("GET ")), f => Assert.True(f.RoundTrips <= bound, $"{f.Call}: {f.RoundTrips}"));

    public void AssertAllAtMost(int bound) =>
        Assert.All(_figures, f => Assert.True(f.RoundTrips <= bound, $"{f.Call}: {f.RoundTrips}"));
}
