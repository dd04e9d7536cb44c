using System.Collections.Concurrent;
using FitPilot.Functions.Http;
using FitPilot.Functions.Storage;

namespace FitPilot.LocalHost;

/// <summary>
/// Every function execution the local host makes, as a consumption plan would bill it: which function and trigger,
/// how long it ran (wall clock from the call to its task's end, awaits included) and the storage operations made
/// inside it, by price class. Read by the cost model benchmark; a few hundred bytes per execution, so it records only
/// once switched on (<see cref="Enabled"/>): a local host left running all day keeps nothing.
/// </summary>
public sealed class FunctionMeter
{
    public sealed record Execution(string Function, string Trigger, TimeSpan Duration, IReadOnlyDictionary<StorageRoundTrips.Operation, int> Storage, bool Succeeded);

    private readonly ConcurrentQueue<Execution> _executions = new();

    /// <summary>Whether executions are recorded (off until a benchmark or test turns it on).</summary>
    public bool Enabled { get; set; }

    /// <summary>How many executions so far: a mark to read <see cref="Since"/> from.</summary>
    public int Count => _executions.Count;

    /// <summary>The executions recorded after <paramref name="mark"/> (an earlier <see cref="Count"/>).</summary>
    public IReadOnlyList<Execution> Since(int mark) => _executions.Skip(mark).ToList();

    internal void Record(FunctionCatalog.Function function, TimeSpan duration, StorageRoundTrips.Counter storage, bool succeeded)
    {
        if (Enabled) _executions.Enqueue(new Execution(function.Name, function.GetType().Name, duration,
            Enum.GetValues<StorageRoundTrips.Operation>().ToDictionary(o => o, storage.Of), succeeded));
    }
}
