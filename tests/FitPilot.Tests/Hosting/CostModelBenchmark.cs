using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Cronos;
using FitPilot.Contracts.Auth;
using FitPilot.Contracts.Engagement;
using FitPilot.Contracts.Nutrition;
using FitPilot.Contracts.Programs;
using FitPilot.Contracts.Progress;
using FitPilot.Functions.Storage;
using FitPilot.LocalHost;
using FitPilot.Tests.Infrastructure;
using FitPilot.Tests.Photos;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;
using Op = FitPilot.Functions.Storage.StorageRoundTrips.Operation;

namespace FitPilot.Tests.Hosting;

/// <summary>
/// Benchmark, not a timed test: the Azure cost model of issue 14. Simulates <see cref="SimulatedClients"/> active
/// clients and their PT for one week through a local host of its own (so nothing else's executions mix in), as
/// <see cref="Usage"/> says, counts every function execution the host makes (<see cref="FunctionMeter"/>: HTTP,
/// queue, blob trigger, timers), its duration and the storage operations made in it, adds the operations the
/// Functions host and the browser make outside a function (<see cref="OutsideFunctions"/>), and prices a month for
/// 100 and 1,000 active clients with <see cref="Prices"/>. Extrapolated linearly per client from the simulated week.
/// Prints and writes TestResults/benchmarks/cost-model.md. Asserts only that the simulation ran and was counted.
/// </summary>
public sealed class CostModelBenchmark(ITestOutputHelper output) : IAsyncLifetime
{
    private const int SimulatedClients = 3;
    private const double WeeksPerMonth = 30.0 / 7;

    /// <summary>The assumed usage profile: what one active client, and their PT for them, do in a week.</summary>
    private static class Usage
    {
        public const int SignIns = 2;            // POST /api/auth/login (sessions last; a new phone or a sign-out)
        public const int AppOpens = 10;          // GET /api/me + /api/notifications/unread-count + /api/today (the home page)
        public const int Workouts = 3;           // GET /api/today for the day, a POST /api/logs per set, POST /api/workouts/finish
        public const int SetsPerWorkout = 12;    // 4 exercises × 3 sets
        public const int MealTicks = 21;         // 3 meals a day: GET /api/me/nutrition/day once a day, PUT …/meals/{id} per meal
        public const int HabitTicks = 14;        // 2 daily habits: GET /api/habits once a day, POST /api/habits/{id}/ticks per habit
        public const int WeighIns = 1;           // POST /api/progress/measurements
        public const int CheckIns = 1;           // GET + PUT (draft) /api/check-ins/current, POST …/submit
        public const int Photos = 1;             // POST /api/progress/photos/uploads (SAS), browser PUT to blob, blob trigger, GET upload, GET /api/progress/photos
        public const int DaysOpened = 7;

        // The PT's side, per PT per week (the simulated PT has the simulated clients).
        public const int PtSignIns = 2;
        public const int PtDashboardViews = 5;   // GET /api/me, /api/dashboard, /api/dashboard/clients, /api/check-ins/awaiting-review
        public const double PtProgramEditsPerClient = 1; // GET /api/programs/{id} (ETag) + PUT with If-Match
        // Each submitted check-in reviewed: GET /api/clients/{id}/check-ins/{checkInId}, POST …/review (emails the client: a queue message).

        public const int InstanceMemoryMb = 2048; // Flex Consumption instance memory (2048 or 4096)
        public const double PhotoMonthsKept = 12; // photo storage: a year of weekly photos kept per client

        public static readonly (string What, string PerWeek, string Calls)[] Table =
        [
            ("client signs in", $"{SignIns}", "POST /api/auth/login"),
            ("client opens the app (home)", $"{AppOpens}", "GET /api/me, /api/notifications/unread-count, /api/today"),
            ("workouts", $"{Workouts} × {SetsPerWorkout} sets", "GET /api/today?date, POST /api/logs per set, POST /api/workouts/finish"),
            ("meals ticked", $"{MealTicks} (3 a day)", "GET /api/me/nutrition/day a day, PUT /api/me/nutrition/days/{date}/meals/{id}"),
            ("habits ticked", $"{HabitTicks} (2 a day)", "GET /api/habits a day, POST /api/habits/{id}/ticks"),
            ("weigh-in", $"{WeighIns}", "POST /api/progress/measurements"),
            ("check-in", $"{CheckIns}", "GET, PUT (draft) /api/check-ins/current, POST /api/check-ins/current/submit"),
            ("progress photo", $"{Photos}", "POST /api/progress/photos/uploads, PUT to the SAS URL, blob trigger, GET the upload, GET /api/progress/photos"),
            ("PT signs in", $"{PtSignIns} per PT", "POST /api/auth/login"),
            ("PT dashboard", $"{PtDashboardViews} per PT", "GET /api/me, /api/dashboard, /api/dashboard/clients, /api/check-ins/awaiting-review"),
            ("PT reviews each check-in", "1 per client", "GET /api/clients/{id}/check-ins/{checkInId}, POST …/review (emails the client)"),
            ("PT edits a program", $"{PtProgramEditsPerClient} per client", "GET /api/programs/{id}, PUT with If-Match"),
            ("timers", "their schedules", "each timer run once, scaled to its runs a month (below)"),
            ("Flex Consumption instance memory", $"{InstanceMemoryMb} MB", "GB-s = execution seconds × memory"),
            ("photos kept", $"{PhotoMonthsKept} months", "storage GB-month of the processed photo + thumbnail"),
        ];
    }

    /// <summary>
    /// Published list prices, USD, pay-as-you-go, region East US, LRS, Hot blob tier, as published 2025-06 and recalled
    /// here: NOT fetched (no internet in this environment), and the stored docs corpus had no figures. Every figure is
    /// "to check" against the source pages before a decision; change them here only.
    /// </summary>
    private static class Prices
    {
        public const string Region = "East US";
        public const string AsOf = "2025-06 (not fetched here: to check)";
        public const double FlexOnDemandPerGbSecond = 0.000026;
        public const double FlexPerMillionExecutions = 0.40;
        public const double FlexFreeGbSeconds = 100_000;      // per subscription per month, on-demand only
        public const double FlexFreeExecutions = 250_000;     // per subscription per month, on-demand only
        public const double FlexAlwaysReadyBaselinePerGbSecond = 0.000004;
        public const double FlexAlwaysReadyExecutionPerGbSecond = 0.000016;
        public const double TablePer10K = 0.00036;
        public const double QueuePer10K = 0.004;
        public const double BlobWritePer10K = 0.05;          // Hot: write, and list/create-container operations
        public const double BlobReadPer10K = 0.004;          // Hot: read (GET, HEAD) operations
        public const double BlobDeletePer10K = 0;            // delete is free
        public const double BlobGbMonth = 0.018;             // Hot LRS, first 50 TB
        public const double EventGridPerMillion = 0.60;      // blob-created events to the blob trigger; first 100,000 a month free

        public static readonly (string Item, string Price, string Source)[] Table =
        [
            ("Flex Consumption on-demand execution time", $"${FlexOnDemandPerGbSecond:0.#######} per GB-s (free grant {FlexFreeGbSeconds:N0} GB-s/month)", "https://azure.microsoft.com/pricing/details/functions/"),
            ("Flex Consumption on-demand executions", $"${FlexPerMillionExecutions:0.#######} per million (free grant {FlexFreeExecutions:N0}/month)", "https://azure.microsoft.com/pricing/details/functions/"),
            ("Flex Consumption always-ready baseline / execution time", $"${FlexAlwaysReadyBaselinePerGbSecond:0.#######} / ${FlexAlwaysReadyExecutionPerGbSecond:0.#######} per GB-s (no free grant)", "https://azure.microsoft.com/pricing/details/functions/"),
            ("Table storage transactions", $"${TablePer10K:0.#######} per 10,000", "https://azure.microsoft.com/pricing/details/storage/tables/"),
            ("Queue storage operations", $"${QueuePer10K:0.#######} per 10,000", "https://azure.microsoft.com/pricing/details/storage/queues/"),
            ("Blob (Hot) write + list operations", $"${BlobWritePer10K:0.#######} per 10,000", "https://azure.microsoft.com/pricing/details/storage/blobs/"),
            ("Blob (Hot) read operations", $"${BlobReadPer10K:0.#######} per 10,000", "https://azure.microsoft.com/pricing/details/storage/blobs/"),
            ("Blob (Hot) capacity", $"${BlobGbMonth:0.#######} per GB-month", "https://azure.microsoft.com/pricing/details/storage/blobs/"),
            ("Event Grid (blob trigger source)", $"${EventGridPerMillion:0.#######} per million operations (100,000/month free)", "https://azure.microsoft.com/pricing/details/event-grid/"),
        ];
    }

    /// <summary>
    /// Storage operations made outside any function, per event: the Functions host receives and deletes each queue
    /// message (at this load a receive returns one message); for an Event Grid blob trigger it reads the blob's
    /// properties before the function reads the content; the browser PUTs each photo to its SAS URL.
    /// </summary>
    private static class OutsideFunctions
    {
        public const int QueueOpsPerMessage = 2;
        public const int BlobReadsPerBlobTrigger = 1;
        public const int BlobWritesPerPhotoUpload = 1;
    }

    private readonly HostFixture _host = new();
    private ApiClient _api = null!;

    private readonly System.Diagnostics.Stopwatch _wall = System.Diagnostics.Stopwatch.StartNew();

    public async Task InitializeAsync()
    {
        await _host.InitializeAsync();
        output.WriteLine($"host started: {_wall.Elapsed.TotalSeconds:0} s");
        _api = _host.NewClient();
    }

    public Task DisposeAsync() => _host.DisposeAsync();

    private FunctionMeter Meter => _host.Services.GetRequiredService<FunctionMeter>();

    private sealed record Simulated(ApiClient.ClientAccount Account, ProgramDto Program, List<Habit> Habits);

    [Fact]
    public async Task Monthly_Azure_cost_per_100_and_1000_active_clients()
    {
        Meter.Enabled = true;
        // Each timer once on the empty host: a run's fixed cost, whatever the number of clients.
        var emptyRuns = await RunTimersAsync();

        // Setup (not counted): a PT, their clients with a program, a meal plan, two habits and a weekly check-in due today.
        var pt = await _api.RegisterTrainerAsync("Cost Coach");
        var template = await ApiClient.ReadAsync<CheckInTemplate>(await _api.PostAsync("/api/check-in-templates", new
        {
            name = "Weekly", questions = new object[] { new { id = "mood", type = "scale", text = "How was your week?" }, new { id = "win", type = "long-text", text = "Your win" } },
        }, pt.Token), HttpStatusCode.Created);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var clients = new List<Simulated>();
        for (var i = 0; i < SimulatedClients; i++) clients.Add(await SetUpClientAsync(pt, template.Id, today));
        await QuietAsync();
        output.WriteLine($"set up: {_wall.Elapsed.TotalSeconds:0} s");

        var mark = Meter.Count;
        foreach (var c in clients) await ClientWeekAsync(c, today);
        await PtWeekAsync(pt, clients);
        await QuietAsync();
        var week = Meter.Since(mark);
        output.WriteLine($"week simulated: {_wall.Elapsed.TotalSeconds:0} s");

        // Each timer again, now with the week's data: the difference is the work it does for the simulated clients.
        var timerRuns = await RunTimersAsync();
        var timers = TimerScheduler.Timers;
        var monthStart = DateTime.UtcNow;
        var runsPerMonth = timers.ToDictionary(t => t.Name, t =>
            CronExpression.Parse(t.Schedule, CronFormat.IncludeSeconds).GetOccurrences(monthStart, monthStart.AddDays(30), TimeZoneInfo.Utc).Count());

        var photoBytes = await PhotoBytesAsync(pt.Id);

        // Behaviour only: the simulation ran through every trigger kind and was counted.
        Assert.All(week, e => Assert.True(e.Succeeded, $"{e.Function} failed"));
        Assert.Contains(week, e => e.Trigger == "Http");
        Assert.Contains(week, e => e.Trigger == "Queue");
        Assert.Equal(SimulatedClients, week.Count(e => e.Trigger == "Blob"));
        Assert.True(week.Sum(e => e.Storage[Op.Table]) > 0);
        Assert.Equal(timers.Count, timerRuns.Count);
        Assert.Equal(timers.Count, emptyRuns.Count);
        Assert.True(photoBytes > 0);

        var report = Report(week, emptyRuns, timerRuns, runsPerMonth, photoBytes / (double)SimulatedClients);
        output.WriteLine(report);
        await File.WriteAllTextAsync(Path.Combine(TestPaths.Results("benchmarks"), "cost-model.md"), report);
    }

    private async Task<Simulated> SetUpClientAsync(ApiClient.Trainer pt, string templateId, DateOnly today)
    {
        var account = await _api.OnboardClientAsync(pt, _host.Mailbox);
        Ok(await _api.PutAsync("/api/settings/time-zone", new { timeZone = "UTC" }, account.Token));
        var exercises = new[] { "Barbell_Squat", "Barbell_Bench_Press_-_Medium_Grip", "Pullups", "Barbell_Deadlift" };
        var program = await ApiClient.ReadAsync<ProgramDto>(await _api.PostAsync("/api/programs", new
        {
            name = "Full body", clientId = account.Id, startDate = today.AddDays(-21),
            days = new[] { 1, 3, 5 }.Select(d => new { dayOfWeek = d, title = $"Day {d}", exercises = exercises.Select(e => TrainingSetup.Exercise(e, sets: 3, reps: 8, weightKg: 60)) }),
        }, pt.Token), HttpStatusCode.Created);
        await ApiClient.ReadAsync<MealPlanDto>(await _api.PostAsync("/api/meal-plans", new
        {
            name = "Everyday", clientId = account.Id, startDate = today.AddDays(-7), rotation = "single",
            days = new[]
            {
                new
                {
                    meals = new[] { "breakfast", "lunch", "dinner" }.Select(type => new
                    {
                        type, items = new[] { new { foodId = MealPlans.MealPlanTests.Rice, grams = 150.0, alternatives = Array.Empty<object>() } },
                    }),
                },
            },
        }, pt.Token), HttpStatusCode.Created);
        var habits = new List<Habit>();
        foreach (var title in new[] { "Walk 8k", "Drink 2 l" })
            habits.Add(await ApiClient.ReadAsync<Habit>(await _api.PostAsync($"/api/clients/{account.Id}/habits", new { title, startsOn = today.AddDays(-7) }, pt.Token), HttpStatusCode.Created));
        Ok(await _api.PutAsync($"/api/clients/{account.Id}/check-in-schedule", new { templateId, dayOfWeek = CheckInDay(today), localTime = "08:00" }, pt.Token));
        return new Simulated(account, program, habits);
    }

    /// <summary>ISO day of week (Monday 1 … Sunday 7), as the check-in schedule takes it.</summary>
    private static int CheckInDay(DateOnly date) => date.DayOfWeek == DayOfWeek.Sunday ? 7 : (int)date.DayOfWeek;

    private async Task ClientWeekAsync(Simulated c, DateOnly today)
    {
        var token = c.Account.Token;
        for (var i = 0; i < Usage.SignIns; i++)
            token = (await ApiClient.ReadAsync<SessionResponse>(await _api.PostAsync("/api/auth/login", new { email = c.Account.Email, password = c.Account.Password }))).Token;

        for (var i = 0; i < Usage.AppOpens; i++)
            foreach (var path in new[] { "/api/me", "/api/notifications/unread-count", "/api/today" })
                Ok(await _api.GetAsync(path, token));

        // Workouts on the program's days in the past week (sets can be logged up to today).
        var days = c.Program.Days.Take(Usage.Workouts).ToList();
        foreach (var day in days)
        {
            var date = TrainingSetup.Last((DayOfWeek)day.DayOfWeek);
            Ok(await _api.GetAsync($"/api/today?date={date:yyyy-MM-dd}", token));
            var sets = 0;
            foreach (var entry in day.Exercises)
                for (var set = 1; set <= entry.Sets && sets < Usage.SetsPerWorkout; set++, sets++)
                    Ok(await _api.PostAsync("/api/logs", new
                    {
                        id = Guid.NewGuid().ToString(), programId = c.Program.Id, programExerciseId = entry.Id, exerciseId = entry.ExerciseId,
                        setNumber = set, weightKg = 60 + set * 2.5, reps = 8, workoutDate = date,
                    }, token));
            Ok(await _api.PostAsync("/api/workouts/finish", new { date, programId = c.Program.Id, rpe = 7 }, token));
        }

        // Meals and habits: the API takes ticks for today and yesterday only, so the week's ticks alternate those two
        // days and flip eaten/done, each one a real write.
        for (var d = 0; d < Usage.DaysOpened; d++)
        {
            var date = d % 2 == 0 ? today : today.AddDays(-1);
            var on = d / 2 % 2 == 0;
            var day = await ApiClient.ReadAsync<NutritionDay>(await _api.GetAsync($"/api/me/nutrition/day?date={date:yyyy-MM-dd}", token));
            foreach (var meal in day.Meals.Take(Usage.MealTicks / Usage.DaysOpened))
                Ok(await _api.PutAsync($"/api/me/nutrition/days/{date:yyyy-MM-dd}/meals/{meal.Id}", new { eaten = on }, token));
            Ok(await _api.GetAsync("/api/habits", token));
            foreach (var habit in c.Habits.Take(Usage.HabitTicks / Usage.DaysOpened))
                Ok(await _api.PostAsync($"/api/habits/{habit.Id}/ticks", new { date, done = on }, token));
        }

        Ok(await _api.PostAsync("/api/progress/measurements", new { id = Guid.NewGuid().ToString(), measuredOn = today, weightKg = 80.5 }, token));

        Ok(await _api.GetAsync("/api/check-ins/current", token));
        Ok(await _api.PutAsync("/api/check-ins/current", new { answers = new object[] { new { questionId = "mood", number = 7 } } }, token));
        Ok(await _api.PostAsync("/api/check-ins/current/submit", new { answers = new object[] { new { questionId = "mood", number = 8 }, new { questionId = "win", text = "Squat PB" } } }, token));

        await PhotoAsync(token, today);
    }

    private static readonly HttpClient Browser = new() { Timeout = TimeSpan.FromSeconds(60) };
    private static readonly byte[] PhonePhoto = TestImages.WithExif(TestImages.Jpeg(3000, 2000, noise: true), orientation: 6, gps: true);

    /// <summary>The SAS ticket, the browser's PUT straight to storage, the blob trigger, the client's look at the result.</summary>
    private async Task PhotoAsync(string token, DateOnly today)
    {
        var mark = Meter.Count;
        var ticket = await ApiClient.ReadAsync<PhotoUploadTicket>(await _api.PostAsync("/api/progress/photos/uploads", new { pose = "front", capturedOn = today }, token), HttpStatusCode.Created);
        var put = new HttpRequestMessage(HttpMethod.Put, ticket.UploadUrl) { Content = new ByteArrayContent(PhonePhoto) };
        put.Content.Headers.ContentType = new("image/jpeg");
        foreach (var (name, value) in ticket.Headers) put.Headers.Add(name, value);
        Assert.Equal(HttpStatusCode.Created, (await Browser.SendAsync(put)).StatusCode);
        // Wait on the host's meter, not by polling the API: the web app's polling would be counted as the client's.
        await Eventually.HoldsAsync(() =>
        {
            Assert.Contains(Meter.Since(mark), e => e.Trigger == "Blob");
            return Task.CompletedTask;
        }, TimeSpan.FromSeconds(60));
        var upload = await ApiClient.ReadAsync<PhotoUpload>(await _api.GetAsync($"/api/progress/photos/uploads/{ticket.UploadId}", token));
        Assert.Equal(PhotoUploadStatuses.Ready, upload.Status);
        Ok(await _api.GetAsync("/api/progress/photos", token));
    }

    private async Task PtWeekAsync(ApiClient.Trainer pt, List<Simulated> clients)
    {
        var token = pt.Token;
        for (var i = 0; i < Usage.PtSignIns; i++)
            token = (await ApiClient.ReadAsync<SessionResponse>(await _api.PostAsync("/api/auth/login", new { email = pt.Email, password = pt.Password }))).Token;
        for (var i = 0; i < Usage.PtDashboardViews; i++)
            foreach (var path in new[] { "/api/me", "/api/dashboard", "/api/dashboard/clients", "/api/check-ins/awaiting-review" })
                Ok(await _api.GetAsync(path, token));

        var awaiting = await ApiClient.ReadAsync<List<CheckIn>>(await _api.GetAsync("/api/check-ins/awaiting-review", token));
        Assert.Equal(clients.Count, awaiting.Count);
        foreach (var checkIn in awaiting)
        {
            Ok(await _api.GetAsync($"/api/clients/{checkIn.ClientId}/check-ins/{checkIn.Id}", token));
            Ok(await _api.PostAsync($"/api/clients/{checkIn.ClientId}/check-ins/{checkIn.Id}/review", new { responseText = "Great week, keep it up." }, token));
        }

        foreach (var c in clients.Take((int)Math.Ceiling(clients.Count * Usage.PtProgramEditsPerClient)))
        {
            var read = await _api.GetAsync($"/api/programs/{c.Program.Id}", token);
            var program = await ApiClient.ReadAsync<ProgramDto>(read);
            var edit = new HttpRequestMessage(HttpMethod.Put, $"/api/programs/{c.Program.Id}")
            {
                Content = System.Net.Http.Json.JsonContent.Create(new { name = program.Name + " (week 4)", clientId = program.ClientId, startDate = program.StartDate, days = program.Days }, options: ApiClient.Json),
            };
            edit.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            edit.Headers.IfMatch.Add(read.Headers.ETag!);
            Ok(await _api.Http.SendAsync(edit));
        }
    }

    private static void Ok(HttpResponseMessage response) =>
        Assert.True((int)response.StatusCode < 300, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.AbsolutePath}: {(int)response.StatusCode} {response.Content.ReadAsStringAsync().Result}");

    /// <summary>Waits until the host has made no execution for a second (queued events and emails handled).</summary>
    private async Task QuietAsync()
    {
        for (var i = 0; i < 60; i++)
        {
            var before = Meter.Count;
            await Task.Delay(TimeSpan.FromSeconds(1));
            if (Meter.Count == before) return;
        }
    }

    /// <summary>Bytes kept in the photos container for this PT's clients: the processed photos and thumbnails.</summary>
    private async Task<long> PhotoBytesAsync(string trainerId)
    {
        long total = 0;
        await foreach (var blob in _host.Services.GetRequiredService<StorageClients>().Container(StorageNames.Photos)
                           .GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, trainerId + "/", default))
            total += blob.Properties.ContentLength ?? 0;
        return total;
    }

    /// <summary>A month's figures for some number of clients: storage operations, executions, GB-s.</summary>
    private sealed record Month(double Executions, double GbSeconds, double Table, double Queue, double BlobWrite, double BlobRead, double BlobDelete, double EventGrid, double PhotoGb)
    {
        public double FunctionsCost(bool freeGrant) =>
            Math.Max(0, GbSeconds - (freeGrant ? Prices.FlexFreeGbSeconds : 0)) * Prices.FlexOnDemandPerGbSecond +
            Math.Max(0, Executions - (freeGrant ? Prices.FlexFreeExecutions : 0)) / 1e6 * Prices.FlexPerMillionExecutions;

        public double TransactionsCost =>
            Table / 1e4 * Prices.TablePer10K + Queue / 1e4 * Prices.QueuePer10K +
            BlobWrite / 1e4 * Prices.BlobWritePer10K + BlobRead / 1e4 * Prices.BlobReadPer10K + BlobDelete / 1e4 * Prices.BlobDeletePer10K;

        public double CapacityCost => PhotoGb * Prices.BlobGbMonth;

        public double EventGridCost(bool freeGrant) => Math.Max(0, EventGrid - (freeGrant ? 100_000 : 0)) / 1e6 * Prices.EventGridPerMillion;

        public double Total(bool freeGrant) => FunctionsCost(freeGrant) + TransactionsCost + CapacityCost + EventGridCost(freeGrant);
    }

    /// <summary>Runs every timer function once now; their executions (the timer runs only, not the emails they queue).</summary>
    private async Task<IReadOnlyList<FunctionMeter.Execution>> RunTimersAsync()
    {
        var mark = Meter.Count;
        foreach (var timer in TimerScheduler.Timers) Assert.True(await _host.Services.GetRequiredService<TimerScheduler>().RunNowAsync(timer.Name, default));
        return Meter.Since(mark).Where(e => e.Trigger == "Timer").ToList();
    }

    private static string Report(IReadOnlyList<FunctionMeter.Execution> week, IReadOnlyList<FunctionMeter.Execution> emptyRuns, IReadOnlyList<FunctionMeter.Execution> timerRuns,
        IReadOnlyDictionary<string, int> runsPerMonth, double photoBytesPerClientWeek)
    {
        var gb = Usage.InstanceMemoryMb / 1024.0;
        int Sum(IEnumerable<FunctionMeter.Execution> xs, Op op) => xs.Sum(x => x.Storage[op]);
        var queueMessages = week.Count(e => e.Trigger == "Queue");
        var blobTriggers = week.Count(e => e.Trigger == "Blob");
        var photoUploads = blobTriggers; // one blob trigger per uploaded photo

        Month For(int clients)
        {
            var perClientMonth = WeeksPerMonth / SimulatedClients * clients; // the simulated week, per client, for a month of these clients
            // A timer's month: every run's fixed cost (measured on the empty host), plus the work a run did for the simulated
            // clients' data (with them − empty), counted once per client-week (a check-in falls due once a week).
            double Timers(Func<FunctionMeter.Execution, double> f) => timerRuns.Sum(t =>
            {
                var empty = f(emptyRuns.Single(e => e.Function == t.Function));
                return empty * runsPerMonth[t.Function] + Math.Max(0, f(t) - empty) * perClientMonth;
            });
            return new Month(
                Executions: week.Count * perClientMonth + timerRuns.Sum(t => runsPerMonth[t.Function]),
                GbSeconds: week.Sum(e => e.Duration.TotalSeconds) * gb * perClientMonth + Timers(t => t.Duration.TotalSeconds) * gb,
                Table: Sum(week, Op.Table) * perClientMonth + Timers(t => t.Storage[Op.Table]),
                Queue: (Sum(week, Op.Queue) + queueMessages * OutsideFunctions.QueueOpsPerMessage) * perClientMonth + Timers(t => t.Storage[Op.Queue]),
                BlobWrite: (Sum(week, Op.BlobWrite) + Sum(week, Op.BlobList) + photoUploads * OutsideFunctions.BlobWritesPerPhotoUpload) * perClientMonth
                           + Timers(t => (t.Storage[Op.BlobWrite] + t.Storage[Op.BlobList])),
                BlobRead: (Sum(week, Op.BlobRead) + blobTriggers * OutsideFunctions.BlobReadsPerBlobTrigger) * perClientMonth + Timers(t => t.Storage[Op.BlobRead]),
                BlobDelete: Sum(week, Op.BlobDelete) * perClientMonth + Timers(t => t.Storage[Op.BlobDelete]),
                EventGrid: blobTriggers * perClientMonth,
                PhotoGb: photoBytesPerClientWeek * WeeksPerMonth * Usage.PhotoMonthsKept * clients / 1e9);
        }

        var s = new StringBuilder()
            .AppendLine("# Cost model: Azure Functions (Flex Consumption) + Storage per active client")
            .AppendLine()
            .AppendLine($"Written by `{nameof(CostModelBenchmark)}`: {SimulatedClients} simulated clients and their PT for one week through the local host (its own Azurite), " +
                        "every function execution metered by the host (HTTP, queue, blob trigger; timers run once and scaled to their schedules), " +
                        $"extrapolated linearly per client to a month ({WeeksPerMonth:0.00} weeks). Prices for {Prices.Region}, {Prices.AsOf}.")
            .AppendLine()
            .AppendLine("## Usage profile (per active client per week)")
            .AppendLine()
            .AppendLine("| what | per week | calls |").AppendLine("|---|---|---|");
        foreach (var (what, n, calls) in Usage.Table) s.AppendLine($"| {what} | {n} | {calls} |");

        s.AppendLine().AppendLine($"## Measured: the simulated week ({SimulatedClients} clients)").AppendLine()
            .AppendLine("| function | trigger | executions | mean ms | table | queue | blob write+list | blob read | blob delete |")
            .AppendLine("|---|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var g in week.Concat(timerRuns).GroupBy(e => (e.Function, e.Trigger)).OrderBy(g => g.Key.Trigger).ThenByDescending(g => g.Count()))
            s.AppendLine($"| {g.Key.Function} | {g.Key.Trigger}{(g.Key.Trigger == "Timer" ? $" ({runsPerMonth[g.Key.Function]}/month)" : "")} | {g.Count()} | {g.Average(e => e.Duration.TotalMilliseconds):0} | " +
                         $"{Sum(g, Op.Table)} | {Sum(g, Op.Queue)} | {Sum(g, Op.BlobWrite) + Sum(g, Op.BlobList)} | {Sum(g, Op.BlobRead)} | {Sum(g, Op.BlobDelete)} |");
        s.AppendLine($"| **week total** (timers excluded) | | {week.Count} | {week.Average(e => e.Duration.TotalMilliseconds):0} | {Sum(week, Op.Table)} | {Sum(week, Op.Queue)} | " +
                     $"{Sum(week, Op.BlobWrite) + Sum(week, Op.BlobList)} | {Sum(week, Op.BlobRead)} | {Sum(week, Op.BlobDelete)} |");
        s.AppendLine().AppendLine("Timers on the empty host (a run's fixed cost): " + string.Join("; ", emptyRuns.Select(e =>
            $"{e.Function} {e.Duration.TotalMilliseconds:0} ms, {e.Storage.Values.Sum()} storage operations")) + ". The first run of each includes its JIT warm-up.");
        s.AppendLine().AppendLine($"Outside functions, added per event: {OutsideFunctions.QueueOpsPerMessage} queue operations per delivered message (receive, delete; {queueMessages} messages), " +
                                  $"{OutsideFunctions.BlobReadsPerBlobTrigger} blob read per blob trigger and {OutsideFunctions.BlobWritesPerPhotoUpload} blob write per browser upload ({photoUploads} photos), one Event Grid event per photo. " +
                                  $"Processed photo + thumbnail kept: {photoBytesPerClientWeek / 1e6:0.00} MB per client per week.");

        s.AppendLine().AppendLine("## Monthly cost (USD, on-demand)").AppendLine()
            .AppendLine("| active clients | executions | GB-s | table tx | queue tx | blob write+list | blob read | photos GB | functions | transactions | photo storage | Event Grid | **total** | per client | total with free grants |")
            .AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        var perClient = new Dictionary<int, double>();
        foreach (var clients in new[] { 100, 1000 })
        {
            var m = For(clients);
            perClient[clients] = m.Total(freeGrant: false) / clients;
            s.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"| {clients:N0} | {m.Executions:N0} | {m.GbSeconds:N0} | {m.Table:N0} | {m.Queue:N0} | {m.BlobWrite:N0} | {m.BlobRead:N0} | {m.PhotoGb:0.0} | " +
                $"${m.FunctionsCost(false):0.00} | ${m.TransactionsCost:0.000} | ${m.CapacityCost:0.00} | ${m.EventGridCost(false):0.000} | **${m.Total(false):0.00}** | ${perClient[clients]:0.0000} | ${m.Total(true):0.00} |"));
        }
        var fnStorage = For(1000);
        var fnStoragePerClient = (fnStorage.FunctionsCost(false) + fnStorage.TransactionsCost) / 1000;
        var verdict = perClient[1000] <= 0.01 ? "Met." : fnStoragePerClient <= 0.01 ? "Met for functions + transactions; photo storage takes it over." : "Not met.";
        s.AppendLine().AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"**Goal (issue 14): ≤ $0.01 per active client per month for functions + storage.** Functions + storage transactions: ${fnStoragePerClient:0.0000} per client; " +
            $"with photo storage (a year of weekly photos kept) and Event Grid: ${perClient[1000]:0.0000}. {verdict}"));

        var always = For(1000);
        s.AppendLine().AppendLine("## Notes").AppendLine()
            .AppendLine($"- GB-s = each execution's wall-clock duration as the local host sees it (awaits included, storage on loopback Azurite, 2 shared cores) × the instance memory ({Usage.InstanceMemoryMb} MB). " +
                        "Flex Consumption on-demand bills an instance's memory while at least one execution is active on it, so executions running at the same time on one instance are billed once: summing each execution's time is an upper bound at any concurrency. Azure's storage latency and a cold start are not in these durations.")
            .AppendLine(string.Create(CultureInfo.InvariantCulture, $"- On-demand vs always-ready: on-demand (above) has a monthly free grant per subscription ({Prices.FlexFreeGbSeconds:N0} GB-s, {Prices.FlexFreeExecutions:N0} executions) and scales to zero. " +
                        $"An always-ready instance (to avoid cold starts) is billed all month at the baseline rate whether busy or not — one {Usage.InstanceMemoryMb} MB instance: ${gb * 30 * 24 * 3600 * Prices.FlexAlwaysReadyBaselinePerGbSecond:0.00}/month — " +
                        $"plus its execution time at ${Prices.FlexAlwaysReadyExecutionPerGbSecond:0.#######}/GB-s (1,000 clients: ${always.GbSeconds * Prices.FlexAlwaysReadyExecutionPerGbSecond:0.00}), with no free grant: for 1,000 clients that baseline alone is ${gb * 30 * 24 * 3600 * Prices.FlexAlwaysReadyBaselinePerGbSecond / 1000:0.000} per client."))
            .AppendLine("- Storage operations are counted per HTTP attempt the Azure SDK makes (retries included); an entity group transaction (batch) counts once here. Queue-polling by an idle host and the scale controller, and the Functions host's own storage (leases, deployment package) are a per-app fixed cost, not per client, and not included.")
            .AppendLine($"- The PT's week is spread over the {SimulatedClients} simulated clients: a PT with 20–50 clients spreads their sign-ins and dashboard views thinner, so the PT side per client is an upper bound.")
            .AppendLine("- Timers: each run's fixed cost is measured on the empty host and paid on every scheduled run; what a run did for the simulated clients (run with them − empty run) is counted once per client-week. A scan reads up to 1,000 rows per transaction, so more clients add few transactions per run. The emails a timer queues are not counted. Table capacity (kilobytes per client) is left out.")
            .AppendLine("- Not in this model: Static Web Apps, Azure SQL (reporting store), Application Insights, Communication Services email, Key Vault, egress.")
            .AppendLine().AppendLine("## Prices used (one table in the code: `CostModelBenchmark.Prices`)").AppendLine()
            .AppendLine($"Region {Prices.Region}, USD, {Prices.AsOf}. Not fetched here: there is no internet in this environment, so every figure is to check against its source.").AppendLine()
            .AppendLine("| item | price | source |").AppendLine("|---|---|---|");
        foreach (var (item, price, source) in Prices.Table) s.AppendLine($"| {item} | {price} | {source} |");
        s.AppendLine("| How consumption is measured (GB-s, on-demand vs always-ready) | | https://learn.microsoft.com/azure/azure-functions/functions-consumption-costs |");
        return s.ToString();
    }
}
