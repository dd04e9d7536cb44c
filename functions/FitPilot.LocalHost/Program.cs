using FitPilot.LocalHost;

// The FitPilot local host: `dotnet run --project functions/FitPilot.LocalHost` (see README).
//   --seed-demo   create the demo PT and client (idempotent) before serving
//   seed          only seed the demo data, then exit
//   --port N      serve on http://127.0.0.1:N (default 7071)
//   --rebuild-reporting   recompute the SQL reporting store (.fitpilot/reporting.db) from Table Storage, then exit
//   --operator-report     print MRR by tier, trials, trial→paid conversion and churn per month (last 12), then exit
var seedOnly = args.Contains("seed");
var seedDemo = seedOnly || args.Contains("--seed-demo");
var portArg = Array.IndexOf(args, "--port");
var port = portArg >= 0 && portArg + 1 < args.Length && int.TryParse(args[portArg + 1], out var p) ? p : 7071;

var repoRoot = RepoRoot.Find();
await using var host = await LocalHostApp.StartAsync(new LocalHostOptions { RepoRoot = repoRoot, Port = port });
var log = host.App.Services.GetRequiredService<ILoggerFactory>().CreateLogger("FitPilot");
if (seedDemo)
    await DemoData.SeedAsync(host.App.Services, log, CancellationToken.None);
if (seedOnly) return;
if (args.Contains("--rebuild-reporting"))
{
    var rebuilt = await host.App.Services.GetRequiredService<FitPilot.Functions.Reporting.ReportingRebuild>().RebuildAsync(CancellationToken.None);
    Console.WriteLine($"Reporting store rebuilt from Table Storage: {rebuilt.Trainers} PTs, {rebuilt.Clients} active clients, {rebuilt.Workouts} workouts, {rebuilt.CheckIns} check-ins.");
    return;
}
if (args.Contains("--operator-report"))
{
    var months = await host.App.Services.GetRequiredService<FitPilot.Functions.Reporting.OperatorReport>().MonthsAsync(12, CancellationToken.None);
    var billing = host.App.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<FitPilot.Functions.Billing.BillingOptions>>().Value;
    Console.WriteLine(FitPilot.Functions.Reporting.OperatorReport.Format(months, billing.Tier("Solo").Currency));
    return;
}

Console.WriteLine($"""

    FitPilot is running.
      App + API : {host.App.Services.GetRequiredService<IConfiguration>()["App:PublicBaseUrl"]}   (API under /api, OpenAPI at /api/openapi.json)
      Mailbox   : {host.Services.MailboxUrl}   (smtp4dev: every email the app sends)
      Demo PT   : {DemoData.TrainerEmail} / {DemoData.TrainerPassword}
      Demo client: {DemoData.ClientEmail} / {DemoData.ClientPassword}
      Lapsed PT : {DemoData.LapsedTrainerEmail} / {DemoData.LapsedTrainerPassword}   (trial ended: reads work, writes answer 402)
    Press Ctrl+C to stop (Azurite and smtp4dev stop with it).

    """);
await host.App.WaitForShutdownAsync();
