namespace FitPilot.Functions.Storage;

/// <summary>Every table, container and queue the app uses; created at start-up and by infra/.</summary>
public static class StorageNames
{
    public const string TrainersTable = "trainers";
    public const string ClientsTable = "clients";
    public const string LoginsTable = "logins";
    public const string SessionsTable = "sessions";
    public const string TokensTable = "tokens";
    public const string ExercisesTable = "exercises";
    public const string SettingsTable = "settings";
    public const string RateLimitsTable = "ratelimits";
    public const string ProgramsTable = "programs";
    public const string TrainingTable = "training";
    public const string ActivityTable = "activity";
    public const string BillingTable = "billing";
    public const string PhotosTable = "photos";
    public const string MeasurementsTable = "measurements";
    public const string CheckInsTable = "checkins";
    public const string HabitsTable = "habits";
    public const string AchievementsTable = "achievements";
    public const string NotificationsTable = "notifications";
    public const string MealPlansTable = "mealplans";
    public const string MealDaysTable = "mealdays";
    public const string FoodsTable = "foods";
    public const string NutritionTargetsTable = "nutritiontargets";
    public const string ClientSummariesTable = "clientsummaries";
    public const string MessagesTable = "messages";
    public const string BookingsTable = "bookings";

    public const string EmailQueue = "email-outbox";
    public const string EventsQueue = "domain-events";

    public const string ProfilePicturesIncoming = "profile-pictures-incoming";
    public const string ProfilePictures = "profile-pictures";
    /// <summary>Progress photos as the browser PUTs them (write-only SAS, one blob per upload), until the blob trigger processes them.</summary>
    public const string PhotosIncoming = "photos-incoming";
    /// <summary>Processed progress photos and thumbnails, private (read through short-lived SAS URLs).</summary>
    public const string Photos = "photos";
    /// <summary>Pictures for messages as the browser PUTs them (write-only SAS, one blob per upload), until the blob trigger processes them.</summary>
    public const string MessageImagesIncoming = "message-images-incoming";
    /// <summary>Processed message pictures and thumbnails, private (read through short-lived SAS URLs).</summary>
    public const string MessageImages = "message-images";

    public static readonly string[] Tables =
        [TrainersTable, ClientsTable, LoginsTable, SessionsTable, TokensTable, ExercisesTable, SettingsTable, RateLimitsTable, ProgramsTable, TrainingTable, ActivityTable, BillingTable, PhotosTable, MeasurementsTable,
         HabitsTable, AchievementsTable, NotificationsTable, CheckInsTable, FoodsTable, MealPlansTable, MealDaysTable, NutritionTargetsTable,
         ClientSummariesTable, MessagesTable, BookingsTable];
    public static readonly string[] Queues = [EmailQueue, EmailQueue + "-poison", EventsQueue, EventsQueue + "-poison"];
    public static readonly string[] Containers = [ProfilePicturesIncoming, ProfilePictures, PhotosIncoming, Photos, MessageImagesIncoming, MessageImages];

    /// <summary>The app setting of the storage connection, as the Functions triggers name it.</summary>
    public const string Connection = "AzureWebJobsStorage";
}
