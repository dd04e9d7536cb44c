using FitPilot.Functions.Http;
using FitPilot.Functions.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;

namespace FitPilot.LocalHost;

/// <summary>
/// Maps every [HttpTrigger] function onto an ASP.NET Core endpoint under host.json's route
/// prefix, binding what both hosts bind alike: HttpRequest, route values, CancellationToken.
/// </summary>
public static class HttpFunctionEndpoints
{
    public static void MapFunctions(this WebApplication app)
    {
        foreach (var function in FunctionCatalog.HttpFunctions)
        {
            app.MapMethods($"/{FunctionCatalog.RoutePrefix}/{function.Route}", function.Methods, (HttpContext context, FunctionInvoker invoker) =>
                InvokeAsync(function, context, invoker)).WithName(function.Name);
        }
    }

    private static async Task InvokeAsync(FunctionCatalog.Http function, HttpContext context, FunctionInvoker invoker)
    {
        var result = await invoker.InvokeAsync(function, parameter =>
        {
            if (parameter.ParameterType == typeof(HttpRequest)) return context.Request;
            if (parameter.ParameterType == typeof(CancellationToken)) return context.RequestAborted;
            if (context.Request.RouteValues.TryGetValue(parameter.Name!, out var value))
                return Convert.ChangeType(value, parameter.ParameterType, System.Globalization.CultureInfo.InvariantCulture);
            throw new InvalidOperationException($"{function.Name}: nothing binds parameter '{parameter.Name}'.");
        });
        switch (result)
        {
            case IResult r:
                await r.ExecuteAsync(context);
                break;
            case IActionResult a:
                await a.ExecuteResultAsync(new ActionContext(context, context.GetRouteData(), new ActionDescriptor()));
                break;
            default:
                throw new InvalidOperationException($"{function.Name} returned {result?.GetType().Name ?? "null"}; HTTP functions return IResult or IActionResult.");
        }
    }
}
