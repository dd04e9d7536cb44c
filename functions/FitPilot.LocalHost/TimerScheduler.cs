using FitPilot.Functions.Http;
using Cronos;
using FitPilot.Functions.Hosting;
using Microsoft.Azure.Functions.Worker;

namespace FitPilot.LocalHost;

/// <summary>Runs timer functions on their NCRONTAB schedules (6 fields, UTC), and on demand.</summary>
public sealed class TimerScheduler(FunctionInvoker invoker, TimeProvider clock, ILogger<TimerScheduler> log) : BackgroundService
{
    public static IReadOnlyList<FunctionCatalog.Timer> Timers => FunctionCatalog.All.OfType<FunctionCatalog.Timer>().ToList();

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Timers.Select(timer => ScheduleAsync(timer, stoppingToken)));

    private async Task ScheduleAsync(FunctionCatalog.Timer timer, CancellationToken ct)
    {
        var schedule = CronExpression.Parse(timer.Schedule, CronFormat.IncludeSeconds);
        while (!ct.IsCancellationRequested)
        {
            var now = clock.GetUtcNow();
            var next = schedule.GetNextOccurrence(now.UtcDateTime, TimeZoneInfo.Utc);
            if (next is null) return;
            log.LogInformation("Timer {Name} next runs at {Next:u}", timer.Name, next);
            try { await Task.Delay(next.Value - now.UtcDateTime, clock, ct); }
            catch (OperationCanceledException) { return; }
            await RunAsync(timer, ct);
        }
    }

    /// <summary>Runs a timer function now (dev route, tests). False if there is no such timer.</summary>
    public async Task<bool> RunNowAsync(string name, CancellationToken ct)
    {
        var timer = Timers.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase));
        if (timer is null) return false;
        await RunAsync(timer, ct, rethrow: true);
        return true;
    }

    private async Task RunAsync(FunctionCatalog.Timer timer, CancellationToken ct, bool rethrow = false)
    {
        try
        {
            await invoker.InvokeAsync(timer, p =>
                p.ParameterType == typeof(TimerInfo) ? new TimerInfo() :
                p.ParameterType == typeof(CancellationToken) ? ct :
                throw new InvalidOperationException($"{timer.Name}: nothing binds parameter '{p.Name}'."));
        }
        catch (Exception e) when (!rethrow && e is not OperationCanceledException)
        {
            log.LogError(e, "Timer {Name} failed", timer.Name);
        }
    }
}
