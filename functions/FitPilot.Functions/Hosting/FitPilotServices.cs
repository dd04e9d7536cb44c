using FitPilot.Functions.Auth;
using FitPilot.Functions.Clients;
using FitPilot.Functions.Email;
using FitPilot.Functions.Exercises;
using FitPilot.Functions.Http;
using FitPilot.Functions.Invitations;
using FitPilot.Functions.ProfilePictures;
using FitPilot.Functions.Settings;
using FitPilot.Functions.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace FitPilot.Functions.Hosting;

public static class FitPilotServices
{
    /// <summary>Everything the functions need; the Azure Functions app and the local host both call this.</summary>
    public static IServiceCollection AddFitPilot(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AuthOptions>().Bind(configuration.GetSection(AuthOptions.Section))
            .Validate(o => o.KeyBytes().Length >= 32,
                "Auth:SigningKey is missing or too short: set it to a base64 key of at least 32 random bytes " +
                "(Key Vault in Azure; the local host writes one to .fitpilot/local.settings.json).")
            .ValidateOnStart();
        services.AddOptions<AppOptions>().Bind(configuration.GetSection(AppOptions.Section))
            .Validate(o => Uri.TryCreate(o.PublicBaseUrl, UriKind.Absolute, out _), "App:PublicBaseUrl must be the web app's absolute URL (links in emails start with it).")
            .ValidateOnStart();
        services.AddOptions<EmailOptions>().Bind(configuration.GetSection(EmailOptions.Section))
            .Validate(o => !string.IsNullOrWhiteSpace(o.FromAddress), "Email:FromAddress is required.")
            .Validate(o => !string.IsNullOrWhiteSpace(o.Smtp.Host) && o.Smtp.Port > 0, "Email:Smtp:Host and Email:Smtp:Port are required.")
            .Validate(o => Enum.TryParse<MailKit.Security.SecureSocketOptions>(o.Smtp.Security, true, out _), "Email:Smtp:Security must be None, StartTls or SslOnConnect.")
            .ValidateOnStart();

        services.AddMemoryCache();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(new StorageClients(configuration));
        services.AddSingleton<PartitionLocks>();
        services.AddHostedService<StorageInitializer>();

        services.AddSingleton<PasswordHasher>();
        services.AddSingleton<Logins>();
        services.AddSingleton<Sessions>();
        services.AddSingleton<SessionTokens>();
        services.AddSingleton<SessionCookie>();
        services.AddSingleton<SessionAuth>();
        services.AddSingleton<LoginThrottle>();
        services.AddSingleton<OneTimeTokens>();
        services.AddSingleton<Api>();
        services.AddSingleton<OpenApi.OpenApiDocument>();

        services.AddSingleton<EmailOutbox>();
        services.AddSingleton<IEmailSender, SmtpEmailSender>();

        services.AddSingleton<AccountService>();
        services.AddSingleton<ClientDirectory>();
        services.AddSingleton<ClientService>();
        services.AddSingleton<InvitationService>();
        services.AddSingleton<SettingsService>();
        services.AddSingleton<IClientDataOwner>(sp => sp.GetRequiredService<SettingsService>());
        services.AddSingleton<ExerciseLibrary>();
        services.AddSingleton<ExerciseService>();
        services.AddSingleton<ProfilePictureService>();
        services.AddSingleton<Programs.ProgramService>();
        services.AddSingleton<IClientDataOwner>(sp => sp.GetRequiredService<Programs.ProgramService>());
        services.AddSingleton<Training.TrainingService>();
        services.AddSingleton<IClientDataOwner>(sp => sp.GetRequiredService<Training.TrainingService>());
        return services;
    }

    /// <summary>
    /// Before the first request: creates the tables, queues and containers, and loads the exercise
    /// library into memory (seeding it on a fresh account), so no request pays for either.
    /// </summary>
    private sealed class StorageInitializer(StorageClients storage, ExerciseLibrary library) : IHostedService
    {
        public async Task StartAsync(CancellationToken ct)
        {
            await storage.EnsureCreatedAsync(ct);
            await library.AllAsync(ct);
        }

        public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
    }
}
