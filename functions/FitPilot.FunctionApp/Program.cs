using FitPilot.Functions.Hosting;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;

// The Azure Functions app: the functions live in FitPilot.Functions; the local host runs the same ones.
var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.Services.AddFitPilot(builder.Configuration);
builder.Build().Run();
