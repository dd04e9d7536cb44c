using System.Text.RegularExpressions;
using FitPilot.Functions.Storage;
using FitPilot.Tests.Infrastructure;

namespace FitPilot.Tests.Hosting;

/// <summary>
/// The shape docs/architecture.md promises, kept by a test: every table has one owner class that alone
/// opens it, and the feature folders of FitPilot.Functions never reach each other in a circle
/// (Hosting/, which only composes them, aside).
/// </summary>
public sealed partial class ArchitectureTests
{
    private static readonly string Functions = Path.Combine(TestPaths.Repo, "functions", "FitPilot.Functions");

    private static Dictionary<string, string> Sources() =>
        Directory.EnumerateFiles(Functions, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"))
            .ToDictionary(f => Path.GetRelativePath(Functions, f), f => WithoutCommentsAndStrings(File.ReadAllText(f)));

    /// <summary>The owners docs/architecture.md lists; a new table adds its owner here and there.</summary>
    private static readonly Dictionary<string, string> Owners = new()
    {
        [StorageNames.TrainersTable] = "Trainers/TrainerStore.cs",
        [StorageNames.ClientsTable] = "Clients/ClientStore.cs",
        [StorageNames.LoginsTable] = "Auth/Logins.cs",
        [StorageNames.SessionsTable] = "Auth/Sessions.cs",
        [StorageNames.TokensTable] = "Auth/OneTimeTokens.cs",
        [StorageNames.RateLimitsTable] = "Auth/LoginThrottle.cs",
        [StorageNames.ExercisesTable] = "Exercises/ExerciseStore.cs",
        [StorageNames.SettingsTable] = "Settings/SettingsService.cs",
        [StorageNames.ProgramsTable] = "Programs/ProgramStore.cs",
        [StorageNames.TrainingTable] = "Training/TrainingStore.cs",
        [StorageNames.ActivityTable] = "Activity/ActivityStore.cs",
        [StorageNames.BillingTable] = "Billing/BillingStore.cs",
        [StorageNames.PhotosTable] = "Photos/PhotoStore.cs",
        [StorageNames.MeasurementsTable] = "Measurements/MeasurementStore.cs",
        [StorageNames.CheckInsTable] = "CheckIns/CheckInStore.cs",
        [StorageNames.HabitsTable] = "Habits/HabitStore.cs",
        [StorageNames.AchievementsTable] = "Achievements/AchievementStore.cs",
        [StorageNames.NotificationsTable] = "Notifications/NotificationStore.cs",
        [StorageNames.MealPlansTable] = "MealPlans/MealPlanStore.cs",
        [StorageNames.MealDaysTable] = "MealPlans/MealPlanStore.cs",
        [StorageNames.FoodsTable] = "Foods/FoodStore.cs",
        [StorageNames.NutritionTargetsTable] = "NutritionTargets/NutritionTargetStore.cs",
        [StorageNames.ClientSummariesTable] = "ClientSummaries/ClientSummaryStore.cs",
        [StorageNames.MessagesTable] = "Messages/MessageStore.cs",
        [StorageNames.BookingsTable] = "Bookings/BookingStore.cs",
    };

    [Fact]
    public void Every_table_is_opened_by_exactly_its_one_owner()
    {
        Assert.Equal(StorageNames.Tables.Order(), Owners.Keys.Order());
        var constants = typeof(StorageNames).GetFields().Where(f => f.IsLiteral && f.Name.EndsWith("Table", StringComparison.Ordinal))
            .ToDictionary(f => f.Name, f => (string)f.GetRawConstantValue()!);
        var sources = Sources();
        foreach (var (constant, table) in constants)
        {
            var users = sources.Where(s => Regex.IsMatch(s.Value, $@"\bStorageNames\.{constant}\b") && !s.Key.StartsWith("Storage" + Path.DirectorySeparatorChar))
                .Select(s => s.Key.Replace(Path.DirectorySeparatorChar, '/')).Order().ToList();
            Assert.True(users.SequenceEqual([Owners[table]]), $"Table '{table}' is opened by {string.Join(", ", users)}; only {Owners[table]} may open it.");
        }
        // Nobody opens a table by its name either.
        foreach (var (file, text) in sources.Where(s => !s.Key.StartsWith("Storage" + Path.DirectorySeparatorChar)))
            Assert.DoesNotMatch(@"\.Table\(""", text);
    }

    [Fact]
    public void Feature_folders_have_no_circles()
    {
        var sources = Sources();
        static string Folder(string file) => file.Contains(Path.DirectorySeparatorChar) ? file[..file.IndexOf(Path.DirectorySeparatorChar)] : "(root)";
        var declared = sources.SelectMany(s => Declaration().Matches(s.Value).Select(m => (Type: m.Groups[1].Value, File: s.Key)))
            .GroupBy(d => d.Type).Where(g => g.Count() == 1 && !TriggerKinds.Contains(g.Key)).ToDictionary(g => g.Key, g => Folder(g.Single().File));
        var edges = new Dictionary<string, HashSet<string>>();
        foreach (var (file, text) in sources)
        {
            var from = Folder(file);
            if (from == "Hosting") continue;
            foreach (Match word in Word().Matches(text))
                if (declared.TryGetValue(word.Value, out var to) && to != from && to != "Hosting")
                    (edges.TryGetValue(from, out var set) ? set : edges[from] = []).Add(to);
        }
        // A circle is a folder that reaches itself.
        foreach (var start in edges.Keys)
        {
            var seen = new HashSet<string>();
            var stack = new Stack<(string Folder, string Path)>(edges[start].Select(n => (n, start + " → " + n)));
            while (stack.TryPop(out var next))
            {
                Assert.False(next.Folder == start, "Feature folders in a circle: " + next.Path);
                if (!seen.Add(next.Folder)) continue;
                foreach (var n in edges.GetValueOrDefault(next.Folder) ?? []) stack.Push((n, next.Path + " → " + n));
            }
        }
        Assert.True(edges.Count >= 10, "the graph should span the feature folders");
    }

    /// <summary>FunctionCatalog's nested records share their names with SDK words (BlobClient's "Blob"): not a dependency.</summary>
    private static readonly string[] TriggerKinds = ["Function", "Http", "Queue", "Timer", "Blob"];

    private static string WithoutCommentsAndStrings(string source) => StringLiteral().Replace(LineComment().Replace(source, ""), "\"\"");

    [GeneratedRegex(@"\b(?:class|record|interface|enum|struct)\s+([A-Z]\w*)")]
    private static partial Regex Declaration();

    [GeneratedRegex(@"\b[A-Z]\w*\b")]
    private static partial Regex Word();

    [GeneratedRegex(@"//.*")]
    private static partial Regex LineComment();

    [GeneratedRegex(@"""(?:\\.|[^""\\])*""")]
    private static partial Regex StringLiteral();
}
