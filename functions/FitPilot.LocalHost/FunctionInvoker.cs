using FitPilot.Functions.Http;
using System.Diagnostics;
using System.Reflection;
using FitPilot.Functions.Hosting;
using FitPilot.Functions.Storage;

namespace FitPilot.LocalHost;

/// <summary>
/// Creates a function's class through DI (a scope per invocation, as the worker does) and calls it; each execution's
/// duration and storage operations go to the <see cref="FunctionMeter"/>.
/// </summary>
public sealed class FunctionInvoker(IServiceProvider services, FunctionMeter meter)
{
    public async Task<object?> InvokeAsync(FunctionCatalog.Function function, Func<ParameterInfo, object?> bind)
    {
        var storage = StorageRoundTrips.Begin();
        var clock = Stopwatch.StartNew();
        var succeeded = false;
        try
        {
            await using var scope = services.CreateAsyncScope();
            var instance = function.Method.IsStatic ? null : ActivatorUtilities.CreateInstance(scope.ServiceProvider, function.Class);
            var arguments = function.Method.GetParameters().Select(bind).ToArray();
            var returned = function.Method.Invoke(instance, BindingFlags.DoNotWrapExceptions, binder: null, arguments, culture: null);
            if (returned is not Task task)
            {
                succeeded = true;
                return returned;
            }
            await task;
            succeeded = true;
            return task.GetType().IsGenericType ? task.GetType().GetProperty(nameof(Task<object>.Result))!.GetValue(task) : null;
        }
        finally
        {
            meter.Record(function, clock.Elapsed, storage, succeeded);
        }
    }
}
