using System.Globalization;
using FitPilot.Contracts.Reporting;
using FitPilot.Functions.Exports;
using FitPilot.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Net.Http.Headers;

namespace FitPilot.Functions.Reporting;

/// <summary>The PT's Insights: their weekly figures from the reporting store, as JSON for the charts and as CSV.</summary>
public sealed class InsightsFunctions(Api api, ReportingProjection reporting, TimeProvider clock)
{
    private const string CsvMediaType = "text/csv";
    private const string WeeksQuery = "weeks: how many ISO weeks, ending with the current one (1 to 104, default 12)";

    [Function(nameof(GetWeeklyInsights))]
    [ApiOperation("The PT's weekly figures: active, new and removed clients, sessions prescribed and done, adherence, PBs, check-ins and review response time",
        Access.Trainer, null, typeof(WeeklyInsights), Query = [WeeksQuery])]
    public Task<IResult> GetWeeklyInsights(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "insights/weekly")] HttpRequest req) =>
        api.Handle<TrainerCaller>(req, async call => Reply.Ok(await reporting.WeeklyAsync(call.Caller.TrainerId, Weeks(req), call.Cancellation)));

    [Function(nameof(ExportWeeklyInsights))]
    [ApiOperation("The same weekly figures as CSV (UTF-8, header row, RFC 4180; ISO dates, hours)", Access.Trainer, null, null,
        ResponseMediaType = CsvMediaType, Query = [WeeksQuery])]
    public Task<IResult> ExportWeeklyInsights(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "insights/weekly.csv")] HttpRequest req) =>
        api.Handle<TrainerCaller>(req, async call =>
        {
            var insights = await reporting.WeeklyAsync(call.Caller.TrainerId, Weeks(req), call.Cancellation);
            var disposition = new ContentDispositionHeaderValue("attachment");
            disposition.SetHttpFileName($"insights-weekly-{CsvWriter.Date(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime))}.csv");
            call.Response.Headers.ContentDisposition = disposition.ToString();
            call.Response.Headers.CacheControl = "private, no-store";
            return Reply.Text("\uFEFF" + Csv(insights), CsvMediaType + "; charset=utf-8");
        });

    public static readonly string[] Columns =
    [
        "week", "week_start", "active_clients", "new_clients", "removed_clients", "sessions_prescribed", "sessions_done",
        "adherence_percent", "personal_bests", "checkins_submitted", "checkins_reviewed", "review_response_hours",
    ];

    public static string Csv(WeeklyInsights insights)
    {
        var csv = new CsvWriter().Header(Columns);
        foreach (var w in insights.Weeks)
            csv.Row([CsvWriter.Text(w.Week), CsvWriter.Date(w.WeekStart), CsvWriter.Number(w.ActiveClients), CsvWriter.Number(w.NewClients),
                CsvWriter.Number(w.RemovedClients), CsvWriter.Number(w.SessionsPrescribed), CsvWriter.Number(w.SessionsDone), CsvWriter.Number(w.AdherencePercent),
                CsvWriter.Number(w.PersonalBests), CsvWriter.Number(w.CheckInsSubmitted), CsvWriter.Number(w.CheckInsReviewed), CsvWriter.Number(w.ReviewResponseHours)]);
        return csv.ToString();
    }

    private static int Weeks(HttpRequest req)
    {
        var raw = Query.Optional(req, "weeks", 10);
        if (raw is null) return InsightsQuery.DefaultWeeks;
        return int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var weeks) && weeks is >= 1 and <= InsightsQuery.MaxWeeks
            ? weeks
            : throw ProblemException.BadQuery("weeks", $"weeks must be a whole number from 1 to {InsightsQuery.MaxWeeks}.");
    }
}
