using FitPilot.Functions.Accounts;
using FitPilot.Functions.Billing;
using FitPilot.Functions.CheckIns;
using FitPilot.Functions.Clients;
using FitPilot.Functions.Events;
using FitPilot.Functions.Invitations;
using FitPilot.Functions.Settings;
using FitPilot.Functions.Training;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace FitPilot.Functions.Reporting;

public static class ReportingRegistration
{
    /// <summary>The reporting store (EF Core on SQLite or Azure SQL), its projection's event handlers, the rebuild and the operator report.</summary>
    public static IServiceCollection AddReporting(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ReportingOptions>().Bind(configuration.GetSection(ReportingOptions.Section))
            .Validate(o => o.UsesSqlite || o.UsesSqlServer, "Reporting:Provider must be Sqlite (local, the default) or SqlServer (Azure SQL).")
            .Validate(o => !string.IsNullOrWhiteSpace(o.SqlConnectionString),
                "Reporting:SqlConnectionString is missing: the reporting store's connection string (the local host uses Data Source=.fitpilot/reporting.db; " +
                "in Azure, Azure SQL with Authentication=Active Directory Managed Identity).")
            .ValidateOnStart();
        services.AddDbContextFactory<ReportingDb>((sp, db) =>
        {
            var o = sp.GetRequiredService<IOptions<ReportingOptions>>().Value;
            if (o.UsesSqlServer) db.UseSqlServer(o.SqlConnectionString);
            else db.UseSqlite(o.SqlConnectionString);
        }, ServiceLifetime.Singleton);
        services.AddSingleton<ReportingProjection>();
        services.AddSingleton<ReportingRebuild>();
        services.AddSingleton<OperatorReport>();
        services.AddHostedService<ReportingSchema>();
        services.AddEventHandler<ClientJoined, ReportingProjection>(sp => sp.GetRequiredService<ReportingProjection>());
        services.AddEventHandler<ClientRemoved, ReportingProjection>(sp => sp.GetRequiredService<ReportingProjection>());
        services.AddEventHandler<WorkoutFinished, ReportingProjection>(sp => sp.GetRequiredService<ReportingProjection>());
        services.AddEventHandler<ProgramScheduleChanged, ReportingProjection>(sp => sp.GetRequiredService<ReportingProjection>());
        services.AddEventHandler<CheckInSubmitted, ReportingProjection>(sp => sp.GetRequiredService<ReportingProjection>());
        services.AddEventHandler<CheckInReviewed, ReportingProjection>(sp => sp.GetRequiredService<ReportingProjection>());
        services.AddEventHandler<TrialStarted, ReportingProjection>(sp => sp.GetRequiredService<ReportingProjection>());
        services.AddEventHandler<SubscriptionChanged, ReportingProjection>(sp => sp.GetRequiredService<ReportingProjection>());
        services.AddEventHandler<TimeZoneChanged, ReportingProjection>(sp => sp.GetRequiredService<ReportingProjection>());
        return services;
    }

    /// <summary>
    /// Creates the schema before the first request when the database has none (EnsureCreated: one portable schema, no
    /// migrations; the store is a projection, so a schema change drops its tables and rebuilds them from Table Storage).
    /// </summary>
    private sealed class ReportingSchema(IDbContextFactory<ReportingDb> contexts, IOptions<ReportingOptions> options) : IHostedService
    {
        public async Task StartAsync(CancellationToken ct)
        {
            if (options.Value.UsesSqlite && new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(options.Value.SqlConnectionString).DataSource is { Length: > 0 } file
                && file != ":memory:" && Path.GetDirectoryName(Path.GetFullPath(file)) is { } folder)
                Directory.CreateDirectory(folder);
            await using var db = await contexts.CreateDbContextAsync(ct);
            await db.Database.EnsureCreatedAsync(ct);
        }

        public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
    }
}
