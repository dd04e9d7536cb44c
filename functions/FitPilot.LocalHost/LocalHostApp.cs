using FitPilot.Functions.Hosting;
using FitPilot.Functions.Http;
using FitPilot.Functions.Storage;

namespace FitPilot.LocalHost;

/// <summary>How to run the local host: the run command uses the defaults, tests pick their own ports and data.</summary>
public sealed record LocalHostOptions
{
    public required string RepoRoot { get; init; }
    /// <summary>0 picks a free port.</summary>
    public int Port { get; init; } = 7071;
    public DevServices.Ports ServicePorts { get; init; } = new();
    public string? DataDirectory { get; init; }
    /// <summary>Settings that win over local.settings.json (tests).</summary>
    public IReadOnlyDictionary<string, string?> Settings { get; init; } = new Dictionary<string, string?>();
    /// <summary>Read .fitpilot/local.settings.json (creating it with a new signing key when missing).</summary>
    public bool UseLocalSettingsFile { get; init; } = true;
    public HostJson.QueueSettings? QueueSettings { get; init; }
    public string Environment { get; init; } = "Development";
    /// <summary>The published web app's wwwroot (served with SPA fallback when it exists).</summary>
    public string? WebRoot { get; init; }
}

/// <summary>
/// The project-owned host: the same function classes as the Azure app (see ARCHITECTURE.md), with
/// HTTP routes, timers, queue and blob triggers, the static web app and the dev services, on 127.0.0.1.
/// </summary>
public sealed class LocalHostApp : IAsyncDisposable
{
    public required WebApplication App { get; init; }
    public required DevServices Services { get; init; }
    public string Url => App.Urls.First();

    public static async Task<LocalHostApp> StartAsync(LocalHostOptions options, CancellationToken ct = default)
    {
        var dataDirectory = options.DataDirectory ?? Path.Combine(options.RepoRoot, ".fitpilot");
        using var bootLoggers = LoggerFactory.Create(b => b.AddSimpleConsole(o => o.SingleLine = true));
        var devServices = await DevServices.StartAsync(options.RepoRoot, options.ServicePorts, Path.Combine(dataDirectory, "azurite"), bootLoggers.CreateLogger("DevServices"), ct);
        try
        {
            var app = Build(options, devServices, dataDirectory);
            await app.StartAsync(ct);
            return new LocalHostApp { App = app, Services = devServices };
        }
        catch
        {
            await devServices.DisposeAsync();
            throw;
        }
    }

    private static WebApplication Build(LocalHostOptions options, DevServices devServices, string dataDirectory)
    {
        var webRoot = options.WebRoot ?? Path.Combine(options.RepoRoot, "static-web", "FitPilot.Web", "bin", "Release", "net10.0", "publish", "wwwroot");
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = options.Environment, ContentRootPath = AppContext.BaseDirectory,
        });
        var port = options.Port == 0 ? DevServices.FreePort() : options.Port;
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = 10 * 1024 * 1024);
        // The reporting store's SQL at Information buried the console in INSERTs; failures still log as warnings.
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore.Database.Command", Microsoft.Extensions.Logging.LogLevel.Warning);

        var settings = new Dictionary<string, string?>
        {
            [StorageNames.Connection] = devServices.StorageConnectionString,
            ["App:PublicBaseUrl"] = $"http://localhost:{port}",
            ["Email:FromAddress"] = "noreply@fitpilot.local",
            ["Email:Smtp:Host"] = "127.0.0.1",
            ["Email:Smtp:Port"] = devServices.Used.Smtp.ToString(),
            ["Email:Smtp:Security"] = "None",
            // The reporting store: SQLite, one file beside Azurite's data (Azure uses Azure SQL: see infra/).
            ["Reporting:Provider"] = "Sqlite",
            ["Reporting:SqlConnectionString"] = $"Data Source={Path.Combine(dataDirectory, "reporting.db")}",
        };
        foreach (var (key, value) in DemoBilling.Settings) settings[key] = value;
        if (options.UseLocalSettingsFile)
            foreach (var (key, value) in LocalSettings.LoadOrCreate(Path.Combine(dataDirectory, "local.settings.json")))
                settings[key] = value;
        foreach (var (key, value) in options.Settings) settings[key] = value;
        builder.Configuration.AddInMemoryCollection(settings);

        var hostJson = new HostJson(Path.Combine(AppContext.BaseDirectory, "host.json"));
        if (hostJson.RoutePrefix != FunctionCatalog.RoutePrefix)
            throw new InvalidOperationException($"host.json's routePrefix '{hostJson.RoutePrefix}' differs from the functions' '{FunctionCatalog.RoutePrefix}'.");
        builder.Services.AddSingleton(options.QueueSettings is null ? hostJson : hostJson.With(options.QueueSettings));

        builder.Services.AddFitPilot(builder.Configuration);
        builder.Services.AddSingleton<FunctionMeter>();
        builder.Services.AddSingleton<FunctionInvoker>();
        builder.Services.AddSingleton<TimerScheduler>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<TimerScheduler>());
        builder.Services.AddHostedService<QueueListener>();
        builder.Services.AddHostedService<BlobWatcher>();
        builder.Services.AddHostedService(sp => new BlobCors(sp.GetRequiredService<StorageClients>(), BlobCors.Origins(builder.Configuration["App:PublicBaseUrl"], port)));
        builder.Services.AddProblemDetails();

        var app = builder.Build();
        var blobs = app.Services.GetRequiredService<StorageClients>().Blobs.Uri;
        var web = Directory.Exists(webRoot) ? new StaticWebApp(webRoot, blobs.Host.EndsWith(".blob.core.windows.net", StringComparison.Ordinal) ? null : blobs.GetLeftPart(UriPartial.Authority)) : null;
        if (web is null) app.Logger.LogWarning("No published web app at {WebRoot}: serving the API only", webRoot);
        app.Use(async (context, next) =>
        {
            web?.ApplyHeaders(context);
            if (web is null || !await web.TryServeAsync(context)) await next();
        });
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.MapFunctions();
        // Unknown API routes answer as the API does: a problem, not the web app's index page.
        app.Map($"/{FunctionCatalog.RoutePrefix}/{{**path}}", (HttpContext context) =>
            Api.Problem(context.Request, 404, "Not found", "There is no such API route.", null));
        if (app.Environment.IsDevelopment())
        {
            app.MapPost("/_dev/timers/{name}", async (string name, TimerScheduler timers, CancellationToken ct) =>
                await timers.RunNowAsync(name, ct) ? Results.NoContent() : Results.NotFound());
        }
        return app;
    }

    public async ValueTask DisposeAsync()
    {
        try { await App.StopAsync(TimeSpan.FromSeconds(10)); }
        finally
        {
            await App.DisposeAsync();
            await Services.DisposeAsync();
        }
    }
}
