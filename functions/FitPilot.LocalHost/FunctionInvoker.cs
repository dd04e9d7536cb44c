using FitPilot.Functions.Http;
using System.Reflection;
using FitPilot.Functions.Hosting;

namespace FitPilot.LocalHost;

/// <summary>Creates a function's class through DI (a scope per invocation, as the worker does) and calls it.</summary>
public sealed class FunctionInvoker(IServiceProvider services)
{
    public async Task<object?> InvokeAsync(FunctionCatalog.Function function, Func<ParameterInfo, object?> bind)
    {
        await using var scope = services.CreateAsyncScope();
        var instance = function.Method.IsStatic ? null : ActivatorUtilities.CreateInstance(scope.ServiceProvider, function.Class);
        var arguments = function.Method.GetParameters().Select(bind).ToArray();
        var returned = function.Method.Invoke(instance, BindingFlags.DoNotWrapExceptions, binder: null, arguments, culture: null);
        if (returned is not Task task) return returned;
        await task;
        return task.GetType().IsGenericType ? task.GetType().GetProperty(nameof(Task<object>.Result))!.GetValue(task) : null;
    }
}
