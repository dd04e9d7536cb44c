using FitPilot.Functions.Accounts;
using FitPilot.Functions.Achievements;
using FitPilot.Functions.Activity;
using FitPilot.Functions.Auth;
using FitPilot.Functions.Billing;
using FitPilot.Functions.Bookings;
using FitPilot.Functions.CheckIns;
using FitPilot.Functions.ClientSummaries;
using FitPilot.Functions.Clients;
using FitPilot.Functions.Common;
using FitPilot.Functions.Email;
using FitPilot.Functions.Events;
using FitPilot.Functions.Exercises;
using FitPilot.Functions.Foods;
using FitPilot.Functions.Exports;
using FitPilot.Functions.Habits;
using FitPilot.Functions.Http;
using FitPilot.Functions.Invitations;
using FitPilot.Functions.MealPlans;
using FitPilot.Functions.MealGenerator;
using FitPilot.Functions.Measurements;
using FitPilot.Functions.Messages;
using FitPilot.Functions.Notifications;
using FitPilot.Functions.NutritionTargets;
using FitPilot.Functions.OpenApi;
using FitPilot.Functions.Photos;
using FitPilot.Functions.ProfilePictures;
using FitPilot.Functions.Programs;
using FitPilot.Functions.Reporting;
using FitPilot.Functions.Settings;
using FitPilot.Functions.Storage;
using FitPilot.Functions.Trainers;
using FitPilot.Functions.Training;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
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
            .Validate(o => o.UsesSmtp || o.UsesAcs, "Email:Provider must be Smtp (the default) or Acs (Azure Communication Services).")
            .Validate(o => !string.IsNullOrWhiteSpace(o.FromAddress), "Email:FromAddress is required.")
            .Validate(o => !o.UsesSmtp || (!string.IsNullOrWhiteSpace(o.Smtp.Host) && o.Smtp.Port > 0), "Email:Smtp:Host and Email:Smtp:Port are required.")
            .Validate(o => !o.UsesSmtp || Enum.TryParse<MailKit.Security.SecureSocketOptions>(o.Smtp.Security, true, out _), "Email:Smtp:Security must be None, StartTls or SslOnConnect.")
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<EmailOptions>, AcsOptions.AcsOptionsValidation>();

        services.AddOptions<BillingOptions>().Bind(configuration.GetSection(BillingOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<BillingOptions>, BillingOptions.Validator>();

        services.AddMemoryCache();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(new StorageClients(configuration));
        services.AddSingleton<PartitionLocks>();
        services.AddHostedService<StorageInitializer>();

        // The pipeline and its authentication.
        services.AddSingleton<Api>();
        services.AddSingleton<SessionAuth>();
        services.AddSingleton<ICallerAuthenticator>(sp => sp.GetRequiredService<SessionAuth>());
        services.AddSingleton(sp => new SessionCookie(sp.GetRequiredService<IOptions<AuthOptions>>().Value.SecureCookie));
        services.AddSingleton<OpenApiDocument>();

        // Domain events (queue domain-events) and the email outbox.
        services.AddSingleton<EventRegistry>();
        services.AddSingleton<EventBus>();
        services.AddSingleton<EmailOutbox>();
        services.AddSingleton<SmtpEmailSender>();
        services.AddSingleton(sp => AcsTokenSource.ForManagedIdentity(sp.GetRequiredService<IOptions<EmailOptions>>().Value.Acs));
        services.AddHttpClient<AcsEmailSender>(http => http.Timeout = TimeSpan.FromSeconds(30));
        services.AddTransient<IEmailSender>(sp => sp.GetRequiredService<IOptions<EmailOptions>>().Value.UsesAcs
            ? sp.GetRequiredService<AcsEmailSender>()
            : sp.GetRequiredService<SmtpEmailSender>());

        // Auth: credentials, sessions, one-time tokens, throttles.
        services.AddSingleton<PasswordHasher>();
        services.AddSingleton<Logins>();
        services.AddSingleton<Sessions>();
        services.AddSingleton<SessionTokens>();
        services.AddSingleton<LoginThrottle>();
        services.AddSingleton<OneTimeTokens>();
        services.AddSingleton<AuthService>();

        // Profiles and accounts.
        services.AddSingleton<TrainerStore>();
        services.AddSingleton<ClientStore>();
        services.AddSingleton<AccountService>();
        services.AddSingleton<IUserProfiles>(sp => sp.GetRequiredService<AccountService>());
        services.AddSingleton<ClientService>();

        // Billing: the PT's subscription (Stripe), the pipeline's 402 rule and the plan limits.
        services.AddSingleton<BillingStore>();
        services.AddSingleton<StripeGateway>();
        services.AddSingleton<BillingService>();
        services.AddSingleton<IWriteGate>(sp => sp.GetRequiredService<BillingService>());
        services.AddSingleton<IPlanLimits>(sp => sp.GetRequiredService<BillingService>());
        services.AddSingleton<StripeWebhook>();
        services.AddSingleton<TrialTimer>();
        services.AddSingleton<InvitationService>();
        services.AddSingleton<SettingsService>();
        services.AddSingleton<ProfilePictureService>();

        // Nutrition: the AFCD catalogue (in memory, read once per instance) and its search index (built once, at start-up),
        // the PT's own foods and recipes. Meal plans register an IFoodUsage (FoodService resolves them when deleting).
        services.AddSingleton<FoodCatalog>();
        services.AddSingleton<FoodSearch>();
        services.AddSingleton<FoodStore>();
        services.AddSingleton<FoodService>();
        services.AddSingleton<IFoodLookup>(sp => sp.GetRequiredService<FoodService>());
        // Meal plans: plans and templates (PT partition), each client's eaten days; tells Foods where a food is used.
        services.AddSingleton<MealPlanStore>();
        services.AddSingleton<IFoodUsage>(sp => sp.GetRequiredService<MealPlanStore>());
        services.AddSingleton<MealPlanService>();
        services.AddSingleton<NutritionDayService>();
        // Targets (BMR/TDEE, the PT's overrides, suggestions after a weigh-in) and the day-plan generator (OR-Tools, no table;
        // the PT's allowed foods through Foods' IFoodLookup).
        services.AddSingleton<NutritionTargetStore>();
        services.AddSingleton<NutritionTargetService>();
        services.AddSingleton<MealPlanGenerator>();

        // Training: the exercise library, programs and each client's training partition.
        services.AddSingleton<ExerciseStore>();
        services.AddSingleton<ExerciseLibrary>();
        services.AddSingleton<ExerciseService>();
        services.AddSingleton<ProgramStore>();
        services.AddSingleton<IExerciseUsage>(sp => sp.GetRequiredService<ProgramStore>());
        services.AddSingleton<TrainingStore>();
        services.AddSingleton<IProgramCopies, TrainingStore.ProgramCopies>();
        services.AddSingleton<ProgramService>();
        services.AddSingleton<TrainingService>();
        services.AddSingleton<ActivityStore>();
        services.AddSingleton<ActivityService>();

        // Progress photos: uploads straight to Blob Storage through short-lived SAS URLs, processed by a blob trigger.
        services.AddSingleton<BlobSas>();
        services.AddSingleton<PhotoStore>();
        services.AddSingleton<PhotoService>();
        // Progress: body measurements, custom metrics and the CSV exports.
        services.AddSingleton<MeasurementStore>();
        services.AddSingleton<MeasurementService>();
        services.AddSingleton<ExportService>();
        // Weekly check-ins: templates, schedules, the client's check-in, the PT's review, the hourly reminder timer.
        // Habits give the review its habit completion (ICheckInHabits).
        services.AddSingleton<CheckInStore>();
        services.AddSingleton<CheckInService>();
        services.AddSingleton<CheckInReminders>();
        services.AddEvent<CheckInDue>();
        services.AddEvent<CheckInSubmitted>();
        services.AddEvent<CheckInReviewed>();
        services.AddEvent<TimeZoneChanged>();
        services.AddEventHandler<TimeZoneChanged, CheckInService>(sp => sp.GetRequiredService<CheckInService>());
        // Engagement: habits, achievements and the notification centre.
        services.AddSingleton<HabitStore>();
        services.AddSingleton<HabitService>();
        services.AddSingleton<ICheckInHabits>(sp => sp.GetRequiredService<HabitService>());
        services.AddSingleton<AchievementStore>();
        services.AddSingleton<AchievementService>();
        services.AddSingleton<NotificationStore>();
        services.AddSingleton<NotificationService>();
        // Bookings: availability, session types, bookings, calendar feeds (table bookings, the PT's partition).
        services.AddSingleton<BookingStore>();
        services.AddSingleton<BookingService>();
        services.AddEventHandler<ClientRemoved, BookingService>(sp => sp.GetRequiredService<BookingService>());
        services.AddEventHandler<TimeZoneChanged, BookingService>(sp => sp.GetRequiredService<BookingService>());
        // The PT dashboard's per-client summaries, kept by the events below.
        services.AddSingleton<ClientSummaryStore>();
        services.AddSingleton<ClientSummaryService>();
        services.AddEventHandler<WorkoutFinished, ClientSummaryService>(sp => sp.GetRequiredService<ClientSummaryService>());
        services.AddEventHandler<ProgramScheduleChanged, ClientSummaryService>(sp => sp.GetRequiredService<ClientSummaryService>());
        services.AddEventHandler<HabitTicked, ClientSummaryService>(sp => sp.GetRequiredService<ClientSummaryService>());
        services.AddEventHandler<HabitScheduled, ClientSummaryService>(sp => sp.GetRequiredService<ClientSummaryService>());
        services.AddEventHandler<CheckInDue, ClientSummaryService>(sp => sp.GetRequiredService<ClientSummaryService>());
        services.AddEventHandler<CheckInSubmitted, ClientSummaryService>(sp => sp.GetRequiredService<ClientSummaryService>());
        services.AddEventHandler<CheckInReviewed, ClientSummaryService>(sp => sp.GetRequiredService<ClientSummaryService>());
        services.AddEventHandler<MeasurementSaved, ClientSummaryService>(sp => sp.GetRequiredService<ClientSummaryService>());
        services.AddEventHandler<AchievementGranted, ClientSummaryService>(sp => sp.GetRequiredService<ClientSummaryService>());
        services.AddEventHandler<ClientRemoved, ClientSummaryService>(sp => sp.GetRequiredService<ClientSummaryService>());
        // Messaging: conversations of a PT and each client (PT partition); open pages long-poll, woken in-process
        // (replace IMessageDelivery with an Azure SignalR Service one to run on several instances: README "Messaging delivery").
        services.AddSingleton<MessageStore>();
        services.AddSingleton<IMessageDelivery, InProcessMessageDelivery>();
        services.AddSingleton<MessageService>();
        services.AddSingleton<MessageImageService>();
        services.AddSingleton<MessageDigest>();
        services.AddEventHandler<ClientRemoved, MessageService>(sp => sp.GetRequiredService<MessageService>());

        // Who reacts to which event (each for its own data only).
        services.AddEventHandler<ClientRemoved, ProgramService>(sp => sp.GetRequiredService<ProgramService>());
        services.AddEventHandler<ClientRemoved, TrainingService>(sp => sp.GetRequiredService<TrainingService>());
        services.AddEventHandler<ClientRemoved, SettingsService>(sp => sp.GetRequiredService<SettingsService>());
        services.AddEventHandler<ClientRemoved, ActivityService>(sp => sp.GetRequiredService<ActivityService>());
        services.AddEventHandler<ClientRemoved, PhotoService>(sp => sp.GetRequiredService<PhotoService>());
        services.AddEventHandler<ClientRemoved, MeasurementService>(sp => sp.GetRequiredService<MeasurementService>());
        services.AddEventHandler<ClientRemoved, CheckInService>(sp => sp.GetRequiredService<CheckInService>());
        services.AddEventHandler<ClientRemoved, HabitService>(sp => sp.GetRequiredService<HabitService>());
        services.AddEventHandler<ClientRemoved, AchievementService>(sp => sp.GetRequiredService<AchievementService>());
        services.AddEventHandler<ClientRemoved, NotificationService>(sp => sp.GetRequiredService<NotificationService>());
        services.AddEventHandler<ClientRemoved, MealPlanService>(sp => sp.GetRequiredService<MealPlanService>());
        services.AddEventHandler<ClientRemoved, NutritionTargetService>(sp => sp.GetRequiredService<NutritionTargetService>());
        services.AddEventHandler<WorkoutFinished, ActivityService>(sp => sp.GetRequiredService<ActivityService>());
        services.AddEventHandler<WorkoutFinished, AchievementService>(sp => sp.GetRequiredService<AchievementService>());
        services.AddEventHandler<HabitTicked, AchievementService>(sp => sp.GetRequiredService<AchievementService>());
        services.AddEventHandler<MeasurementSaved, AchievementService>(sp => sp.GetRequiredService<AchievementService>());
        services.AddEventHandler<MeasurementSaved, NutritionTargetService>(sp => sp.GetRequiredService<NutritionTargetService>());
        services.AddEventHandler<AchievementGranted, NotificationService>(sp => sp.GetRequiredService<NotificationService>());
        services.AddEventHandler<CheckInDue, NotificationService>(sp => sp.GetRequiredService<NotificationService>());
        services.AddEventHandler<CheckInSubmitted, NotificationService>(sp => sp.GetRequiredService<NotificationService>());
        services.AddEventHandler<CheckInReviewed, NotificationService>(sp => sp.GetRequiredService<NotificationService>());

        // The SQL reporting store (Insights, the operator report): a projection of the events above and a few of its own.
        services.AddReporting(configuration);
        return services;
    }

    /// <summary>
    /// Before the first request: creates the tables, queues and containers, and loads the exercise
    /// library into memory (seeding it on a fresh account) and indexes the food catalogue, so no request pays for either.
    /// </summary>
    private sealed class StorageInitializer(StorageClients storage, ExerciseLibrary library, FoodSearch foodSearch) : IHostedService
    {
        public async Task StartAsync(CancellationToken ct)
        {
            await storage.EnsureCreatedAsync(ct);
            await library.AllAsync(ct);
            GC.KeepAlive(foodSearch); // made by now: its constructor indexed the food catalogue, so the first search does not wait
        }

        public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
    }
}
