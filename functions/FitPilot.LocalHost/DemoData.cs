using FitPilot.Contracts.Auth;
using FitPilot.Contracts.Clients;
using FitPilot.Contracts.Exercises;
using FitPilot.Contracts.Programs;
using FitPilot.Functions.Accounts;
using FitPilot.Functions.Auth;
using FitPilot.Functions.Clients;
using FitPilot.Functions.Common;
using FitPilot.Functions.Exercises;
using FitPilot.Functions.Programs;
using FitPilot.Functions.Trainers;
using FitPilot.Contracts.Trainers;

namespace FitPilot.LocalHost;

/// <summary>
/// The demo PT and client the run command signs you in with (replaces the old /api/debug/users).
/// Idempotent: an existing demo account is left as it is.
/// </summary>
public static class DemoData
{
    public const string TrainerEmail = "coach@fitpilot.test";
    public const string TrainerPassword = "demo-coach-password";
    public const string ClientEmail = "client@fitpilot.test";
    public const string ClientPassword = "demo-client-password";
    /// <summary>A second PT whose free trial ended: reads work, writes answer 402 with a link to billing.</summary>
    public const string LapsedTrainerEmail = "lapsed@fitpilot.test";
    public const string LapsedTrainerPassword = "demo-lapsed-password";
    /// <summary>The demo studio is in Sydney: its "today" is Sydney's.</summary>
    public const string DemoZone = "Australia/Sydney";

    public static async Task SeedAsync(IServiceProvider services, ILogger log, CancellationToken ct)
    {
        var library = services.GetRequiredService<ExerciseLibrary>();
        log.LogInformation("Exercise library: {Count} exercises", (await library.AllAsync(ct)).Count);

        var logins = services.GetRequiredService<Logins>();
        await SeedLapsedTrainerAsync(services, logins, log, ct);
        if (await logins.FindAsync(TrainerEmail, ct) is not null)
        {
            log.LogInformation("Demo accounts already exist");
            return;
        }

        var accounts = services.GetRequiredService<AccountService>();
        var session = await accounts.RegisterTrainerAsync(new RegisterTrainerRequest
        {
            Name = "Casey Coach", Email = TrainerEmail, Password = TrainerPassword, BusinessName = "Harbour Strength Co.", TimeZone = DemoZone,
        }, ct);
        var trainerId = session.User.Id;
        // The demo studio pays: an active Studio subscription, monthly (as if Stripe's webhooks had said so).
        var now = DateTimeOffset.UtcNow;
        await services.GetRequiredService<TrainerStore>().ChangeWithRetryAsync(trainerId, t =>
        {
            t.SubscriptionTier = SubscriptionTiers.Studio;
            t.SubscriptionStatus = SubscriptionStatuses.Active;
            t.BillingInterval = "month";
            t.TrialStartDate = now.AddDays(-40);
            t.SubscriptionExpiresAt = now.AddDays(20);
        }, ct);
        await accounts.UpdateTrainerAsync(trainerId, new Contracts.Trainers.UpdateTrainerProfileRequest
        {
            Name = "Casey Coach", BusinessName = "Harbour Strength Co.", Location = "Sydney, NSW", YearsExperience = 8,
            Bio = "Strength coach for busy people: three sessions a week, real food, steady progress.",
            Specializations = "Strength, fat loss, return to training", Certifications = "Cert IV in Fitness",
        }, ct);

        // The demo client has joined already: a login with a password and an active profile.
        var clientId = Ids.New();
        var hasher = services.GetRequiredService<PasswordHasher>();
        if (!await logins.TryClaimAsync(LoginEntity.For(ClientEmail, Roles.Client, clientId, trainerId, now, hasher.Hash(ClientPassword)), _ => Task.FromResult(false), ct))
            throw new InvalidOperationException($"{ClientEmail} is taken by another account in this storage account.");
        await services.GetRequiredService<ClientStore>().AddAsync(new ClientEntity
        {
            PartitionKey = trainerId, RowKey = clientId, Name = "Jordan Client", Email = ClientEmail, Status = ClientStatuses.Active,
            Age = 34, HeightCm = 178, StartingWeightKg = 92, CurrentWeightKg = 88.5, BodyFatPercentage = 24,
            InvitedAt = now.AddDays(-21), JoinedAt = now.AddDays(-20), CreatedAt = now.AddDays(-21), UpdatedAt = now, TimeZone = DemoZone,
        }, ct);

        var exercises = services.GetRequiredService<ExerciseService>();
        await exercises.CreateAsync(trainerId, new SaveExerciseRequest
        {
            Name = "Tempo Goblet Squat", Category = "strength", PrimaryMuscles = ["quadriceps"], SecondaryMuscles = ["glutes"],
            Equipment = "kettlebells", Level = "beginner", Force = "push", Mechanic = "compound",
            Instructions = ["Hold the bell at your chest.", "Sit down for 3 seconds, pause 1, stand up fast."],
            VideoUrl = "https://www.youtube.com/watch?v=MeIiIdhvXT4",
        }, ct);
        // A template, and the demo client's program from it: a workout every day, so the demo always has a "today".
        var programs = services.GetRequiredService<ProgramService>();
        ProgramExercise E(string id, int sets, int reps, double? kg, string? superset = null, string? tempo = null, int? rir = null) =>
            new() { ExerciseId = id, Sets = sets, Reps = reps, WeightKg = kg, RestSeconds = 90, SupersetGroup = superset, Tempo = tempo, Rir = rir };
        List<ProgramExercise> A() => [E("Barbell_Squat", 3, 5, 80, tempo: "3-1-1-0", rir: 2), E("Barbell_Bench_Press_-_Medium_Grip", 3, 8, 60, "A"), E("Pullups", 3, 8, null, "A")];
        List<ProgramExercise> B() => [E("Barbell_Deadlift", 3, 5, 100, rir: 2), E("Standing_Military_Press", 3, 8, 40), E("Bent_Over_Barbell_Row", 3, 10, 50)];
        var (template, _) = await programs.CreateAsync(trainerId, new SaveProgramRequest
        {
            Name = "Full body A/B", IsTemplate = true,
            Days = Enumerable.Range(0, 7).Select(d => new ProgramDay { DayOfWeek = d, Title = d % 2 == 0 ? "Full body A" : "Full body B", Exercises = d % 2 == 0 ? A() : B() }).ToList(),
        }, ct);
        await programs.AssignAsync(trainerId, template.Value.Id, new AssignTemplateRequest { ClientIds = [clientId], StartDate = DateOnly.FromDateTime(now.UtcDateTime).AddDays(-7) }, ct);
        log.LogInformation("Seeded demo PT {Trainer} and client {Client}", TrainerEmail, ClientEmail);
    }

    /// <summary>The second demo PT, whose 7-day trial ended three days ago (idempotent).</summary>
    private static async Task SeedLapsedTrainerAsync(IServiceProvider services, Logins logins, ILogger log, CancellationToken ct)
    {
        if (await logins.FindAsync(LapsedTrainerEmail, ct) is not null) return;
        var session = await services.GetRequiredService<AccountService>().RegisterTrainerAsync(new RegisterTrainerRequest
        {
            Name = "Lee Lapsed", Email = LapsedTrainerEmail, Password = LapsedTrainerPassword, BusinessName = "Lapsed Lifting", TimeZone = DemoZone,
        }, ct);
        var now = DateTimeOffset.UtcNow;
        await services.GetRequiredService<TrainerStore>().ChangeWithRetryAsync(session.User.Id, t =>
        {
            t.TrialStartDate = now.AddDays(-10);
            t.SubscriptionStatus = SubscriptionStatuses.Expired;
        }, ct);
        log.LogInformation("Seeded demo PT {Trainer} on an expired trial", LapsedTrainerEmail);
    }
}
