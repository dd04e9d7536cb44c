using System.Net;
using System.Text.Json;
using Azure.Data.Tables;
using FitPilot.Contracts.Auth;
using FitPilot.Contracts.Clients;
using FitPilot.Contracts.Progress;
using FitPilot.Functions.Http;
using FitPilot.Functions.Storage;
using FitPilot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace FitPilot.Tests.Measurements;

/// <summary>Body measurements, custom metrics and the CSV exports, through the API against real Azurite.</summary>
[Collection(HostCollection.Name)]
public sealed class MeasurementTests(HostFixture host)
{
    private readonly ApiClient _api = host.NewClient();
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    private sealed record Setup(ApiClient.Trainer Pt, ApiClient.ClientAccount Client);

    private async Task<Setup> ArrangeAsync()
    {
        var pt = await _api.RegisterTrainerAsync("Pat Coach");
        return new Setup(pt, await _api.OnboardClientAsync(pt, host.Mailbox));
    }

    private static object Body(string? id = null, DateOnly? on = null, double? weightKg = 82.5, double? bodyFatPercent = 20, object? skinfoldsMm = null, string? notes = null, double? waistCm = 85) =>
        new { id = id ?? Guid.NewGuid().ToString(), measuredOn = on ?? Today.AddDays(-1), weightKg, bodyFatPercent, waistCm, skinfoldsMm, notes };

    private async Task<ProgressData> ProgressAsync(string token, string? clientId = null) =>
        await ApiClient.ReadAsync<ProgressData>(await _api.GetAsync(clientId is null ? "/api/progress" : $"/api/clients/{clientId}/progress", token));

    private async Task<ClientProfile> ProfileAsync(Setup s) =>
        await ApiClient.ReadAsync<ClientProfile>(await _api.GetAsync($"/api/clients/{s.Client.Id}", s.Pt.Token));

    [Fact]
    public async Task A_client_logs_a_measurement_which_shows_in_progress_and_feeds_the_profile()
    {
        var s = await ArrangeAsync();
        var response = await _api.PostAsync("/api/progress/measurements", Body(skinfoldsMm: new { triceps = 12.5, abdominal = 20 }, notes: "Morning, fasted"), s.Client.Token);
        var saved = await ApiClient.ReadAsync<Measurement>(response, HttpStatusCode.Created);
        Assert.Equal($"/api/progress/measurements/{saved.Id}", response.Headers.Location?.OriginalString);
        Assert.Equal((EnteredBy.Client, "Test Client"), (saved.EnteredBy, saved.EnteredByName));
        Assert.Equal(["abdominal", "triceps"], saved.SkinfoldsMm.Keys.Order());

        var progress = await ProgressAsync(s.Client.Token);
        var shown = Assert.Single(progress.Measurements);
        Assert.Equal((saved.Id, 82.5, 85.0, "Morning, fasted"), (shown.Id, shown.WeightKg!.Value, shown.WaistCm!.Value, shown.Notes));
        Assert.Equal(12.5, shown.SkinfoldsMm["triceps"]);
        Assert.Equal(("kg", "cm"), (progress.WeightUnit, progress.LengthUnit));
        Assert.Equal(saved.Id, Assert.Single((await ProgressAsync(s.Pt.Token, s.Client.Id)).Measurements).Id);

        var profile = await ProfileAsync(s);
        Assert.Equal((82.5, 20.0, 82.5), (profile.CurrentWeightKg, profile.BodyFatPercentage, profile.StartingWeightKg));
    }

    [Fact]
    public async Task A_PT_logs_for_their_client_the_latest_date_wins_and_a_delete_falls_back_to_the_one_before()
    {
        var s = await ArrangeAsync();
        var newest = await ApiClient.ReadAsync<Measurement>(await _api.PostAsync($"/api/clients/{s.Client.Id}/progress/measurements", Body(weightKg: 80, on: Today.AddDays(-1)), s.Pt.Token), HttpStatusCode.Created);
        Assert.Equal((EnteredBy.Trainer, "Pat Coach"), (newest.EnteredBy, newest.EnteredByName));
        // Entered later, measured earlier: it does not become the current weight, but it is the first weight.
        await ApiClient.ReadAsync<Measurement>(await _api.PostAsync("/api/progress/measurements", Body(weightKg: 84, bodyFatPercent: 22, on: Today.AddDays(-10)), s.Client.Token), HttpStatusCode.Created);
        var profile = await ProfileAsync(s);
        Assert.Equal((80.0, 20.0, 80.0), (profile.CurrentWeightKg, profile.BodyFatPercentage, profile.StartingWeightKg));
        Assert.Equal([newest.Id], (await ProgressAsync(s.Client.Token)).Measurements.Take(1).Select(m => m.Id));

        Assert.Equal(HttpStatusCode.NoContent, (await _api.DeleteAsync($"/api/clients/{s.Client.Id}/progress/measurements/{newest.Id}", s.Pt.Token)).StatusCode);
        profile = await ProfileAsync(s);
        Assert.Equal((84.0, 22.0), (profile.CurrentWeightKg, profile.BodyFatPercentage));
        await ApiClient.ProblemAsync(await _api.DeleteAsync($"/api/progress/measurements/{newest.Id}", s.Client.Token), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_retried_save_with_the_same_id_is_one_row_and_a_second_save_replaces_it()
    {
        var s = await ArrangeAsync();
        var id = Guid.NewGuid().ToString();
        var first = await ApiClient.ReadAsync<Measurement>(await _api.PostAsync("/api/progress/measurements", Body(id), s.Client.Token), HttpStatusCode.Created);
        var again = await ApiClient.ReadAsync<Measurement>(await _api.PostAsync("/api/progress/measurements", Body(id), s.Client.Token), HttpStatusCode.OK);
        Assert.Equal(first.CreatedAt, again.CreatedAt);
        var corrected = await ApiClient.ReadAsync<Measurement>(await _api.PostAsync("/api/progress/measurements", Body(id, weightKg: 81), s.Client.Token), HttpStatusCode.OK);
        Assert.Equal(81, Assert.Single((await ProgressAsync(s.Client.Token)).Measurements).WeightKg);
        Assert.Equal(81, (await ProfileAsync(s)).CurrentWeightKg);
        Assert.Equal(first.CreatedAt, corrected.CreatedAt);
    }

    [Fact]
    public async Task Impossible_values_are_refused_per_field_and_nothing_is_written()
    {
        var s = await ArrangeAsync();
        var cases = new (object Body, string Field)[]
        {
            (Body(weightKg: 19), "weightKg"), (Body(weightKg: 401), "weightKg"),
            (Body(bodyFatPercent: 1), "bodyFatPercent"), (Body(bodyFatPercent: 71), "bodyFatPercent"),
            (Body(skinfoldsMm: new { knee = 10 }), "skinfoldsMm.knee"), (Body(skinfoldsMm: new { triceps = 95 }), "skinfoldsMm.triceps"),
            (Body(on: Today.AddDays(2)), "measuredOn"), (Body(weightKg: null, bodyFatPercent: null, waistCm: null), "$"),
        };
        var before = await StorageSnapshot.TakeAsync(host.Services);
        foreach (var (body, field) in cases)
            foreach (var (path, token) in new[] { ("/api/progress/measurements", s.Client.Token), ($"/api/clients/{s.Client.Id}/progress/measurements", s.Pt.Token) })
            {
                var problem = await ApiClient.ProblemAsync(await _api.PostAsync(path, body, token), HttpStatusCode.BadRequest);
                Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"{path} {field}: {problem}");
            }
        Assert.Equal(before, await StorageSnapshot.TakeAsync(host.Services));
        Assert.Empty((await ProgressAsync(s.Client.Token)).Measurements);
    }

    [Fact]
    public async Task A_PT_defines_a_metric_the_client_logs_it_out_of_range_is_refused_and_deleting_it_takes_its_values()
    {
        var s = await ArrangeAsync();
        var metrics = $"/api/clients/{s.Client.Id}/progress/metrics";
        var hr = new { name = "Resting HR", unit = "bpm", direction = "lower", min = 30, max = 120 };
        var metric = await ApiClient.ReadAsync<Metric>(await _api.PostAsync(metrics, hr, s.Pt.Token), HttpStatusCode.Created);
        await ApiClient.ProblemAsync(await _api.PostAsync(metrics, hr with { name = " resting hr " }, s.Pt.Token), HttpStatusCode.Conflict);
        var reversed = await ApiClient.ProblemAsync(await _api.PostAsync(metrics, hr with { name = "Sleep", min = 12, max = 4 }, s.Pt.Token), HttpStatusCode.BadRequest);
        Assert.True(reversed.GetProperty("errors").TryGetProperty("max", out _));

        var values = $"/api/progress/metrics/{metric.Id}/values";
        var first = await ApiClient.ReadAsync<MetricValue>(await _api.PostAsync(values, new { id = Guid.NewGuid().ToString(), measuredOn = Today.AddDays(-1), value = 58 }, s.Client.Token), HttpStatusCode.Created);
        Assert.Equal(EnteredBy.Client, first.EnteredBy);
        // The same date again replaces it; the PT logs another date.
        await ApiClient.ReadAsync<MetricValue>(await _api.PostAsync(values, new { id = Guid.NewGuid().ToString(), measuredOn = Today.AddDays(-1), value = 55 }, s.Client.Token), HttpStatusCode.Created);
        var byPt = await ApiClient.ReadAsync<MetricValue>(await _api.PostAsync($"{metrics}/{metric.Id}/values", new { id = Guid.NewGuid().ToString(), measuredOn = Today.AddDays(-3), value = 60 }, s.Pt.Token), HttpStatusCode.Created);
        Assert.Equal(EnteredBy.Trainer, byPt.EnteredBy);
        var outOfRange = await ApiClient.ProblemAsync(await _api.PostAsync(values, new { id = Guid.NewGuid().ToString(), measuredOn = Today, value = 200 }, s.Client.Token), HttpStatusCode.BadRequest);
        Assert.Contains("between 30 and 120", outOfRange.GetProperty("errors").GetProperty("value")[0].GetString());

        var series = Assert.Single((await ProgressAsync(s.Client.Token)).Metrics);
        Assert.Equal((metric.Id, "Resting HR", "bpm", "lower", 30.0, 120.0), (series.Metric.Id, series.Metric.Name, series.Metric.Unit, series.Metric.Direction, series.Metric.Min!.Value, series.Metric.Max!.Value));
        Assert.Equal([60.0, 55.0], series.Values.Select(v => v.Value));

        // Renamed; a value deleted by the client; then the metric and its values by the PT.
        Assert.Equal("Resting heart rate", (await ApiClient.ReadAsync<Metric>(await _api.PutAsync($"{metrics}/{metric.Id}", hr with { name = "Resting heart rate" }, s.Pt.Token))).Name);
        Assert.Equal(HttpStatusCode.NoContent, (await _api.DeleteAsync($"{values}/{byPt.Id}", s.Client.Token)).StatusCode);
        await ApiClient.ProblemAsync(await _api.DeleteAsync($"{values}/{byPt.Id}", s.Client.Token), HttpStatusCode.NotFound);
        Assert.Single(Assert.Single((await ProgressAsync(s.Pt.Token, s.Client.Id)).Metrics).Values);
        Assert.Equal(HttpStatusCode.NoContent, (await _api.DeleteAsync($"{metrics}/{metric.Id}", s.Pt.Token)).StatusCode);
        Assert.Empty((await ProgressAsync(s.Client.Token)).Metrics);
        Assert.Empty(await RowsAsync(s.Client.Id));
        await ApiClient.ProblemAsync(await _api.PostAsync(values, new { id = Guid.NewGuid().ToString(), measuredOn = Today, value = 50 }, s.Client.Token), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_client_has_at_most_20_metrics()
    {
        var s = await ArrangeAsync();
        for (var i = 0; i < 20; i++)
            await ApiClient.ReadAsync<Metric>(await _api.PostAsync($"/api/clients/{s.Client.Id}/progress/metrics", new { name = $"Metric {i}", unit = "u", direction = "higher" }, s.Pt.Token), HttpStatusCode.Created);
        var problem = await ApiClient.ProblemAsync(await _api.PostAsync($"/api/clients/{s.Client.Id}/progress/metrics", new { name = "One more", unit = "u", direction = "higher" }, s.Pt.Token), HttpStatusCode.Conflict);
        Assert.Contains("20", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task The_CSV_exports_are_UTF8_attachments_with_a_header_quoted_and_safe_for_spreadsheets_on_both_sides()
    {
        var s = await ArrangeAsync();
        await ApiClient.ReadAsync<Measurement>(await _api.PostAsync("/api/progress/measurements", Body(on: Today.AddDays(-2), notes: "=HYPERLINK(\"x\"), then \"rest\"\nday"), s.Client.Token), HttpStatusCode.Created);
        var metric = await ApiClient.ReadAsync<Metric>(await _api.PostAsync($"/api/clients/{s.Client.Id}/progress/metrics", new { name = "Steps", unit = "steps", direction = "higher" }, s.Pt.Token), HttpStatusCode.Created);
        await _api.PostAsync($"/api/progress/metrics/{metric.Id}/values", new { id = Guid.NewGuid().ToString(), measuredOn = Today.AddDays(-2), value = 9500 }, s.Client.Token);
        var program = await TrainingSetup.CreateAsync(_api, s.Pt, s.Client.Id);
        var entry = program.Days.Single(d => d.DayOfWeek == 1).Exercises[0];
        await ApiClient.ReadAsync<Contracts.Training.LogSetResponse>(await _api.PostAsync("/api/logs", new
        {
            id = Guid.NewGuid().ToString(), programId = program.Id, programExerciseId = entry.Id, exerciseId = entry.ExerciseId, weightKg = 60, reps = 5, notes = "-easy, fast",
        }, s.Client.Token), HttpStatusCode.Created);

        foreach (var (prefix, token) in new[] { ("/api/progress", s.Client.Token), ($"/api/clients/{s.Client.Id}/progress", s.Pt.Token) })
        {
            var measurements = await _api.GetAsync($"{prefix}/export/measurements.csv", token);
            Assert.Equal(HttpStatusCode.OK, measurements.StatusCode);
            Assert.Equal("text/csv", measurements.Content.Headers.ContentType?.MediaType);
            Assert.Equal("utf-8", measurements.Content.Headers.ContentType?.CharSet);
            Assert.Equal("attachment", measurements.Content.Headers.ContentDisposition?.DispositionType);
            Assert.Equal($"test-client-measurements-{Today:yyyy-MM-dd}.csv", measurements.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
            var bytes = await measurements.Content.ReadAsByteArrayAsync();
            Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
            var text = System.Text.Encoding.UTF8.GetString(bytes[3..]);
            Assert.StartsWith("Date,Weight (kg),Body fat (%)", text);
            Assert.Contains(",Metric: Steps (steps)\r\n", text);
            Assert.Contains($"{Today.AddDays(-2):yyyy-MM-dd},82.5,20,,,85,", text);
            Assert.Contains(",\"'=HYPERLINK(\"\"x\"\"), then \"\"rest\"\"\nday\",client,Test Client,9500\r\n", text);

            var sets = await _api.GetAsync($"{prefix}/export/sets.csv", token);
            Assert.Equal("text/csv", sets.Content.Headers.ContentType?.MediaType);
            Assert.Equal($"test-client-sets-{Today:yyyy-MM-dd}.csv", sets.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
            var lines = (await sets.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n");
            Assert.Equal("Workout date,Performed at (UTC),Exercise,Exercise id,Set,Weight (kg),Reps,RIR,Estimated 1RM (kg),Notes,Done instead of", lines[0]);
            Assert.Contains($",{entry.ExerciseId},1,60,5,,70,\"'-easy, fast\",", lines[1]);
            Assert.Equal(3, lines.Length);
        }
    }

    [Fact]
    public async Task Another_PT_gets_404_on_every_client_progress_route_and_the_client_gets_403()
    {
        var s = await ArrangeAsync();
        var intruder = await _api.RegisterTrainerAsync();
        var measurement = await ApiClient.ReadAsync<Measurement>(await _api.PostAsync("/api/progress/measurements", Body(), s.Client.Token), HttpStatusCode.Created);
        var metric = await ApiClient.ReadAsync<Metric>(await _api.PostAsync($"/api/clients/{s.Client.Id}/progress/metrics", new { name = "Sleep", unit = "h", direction = "higher" }, s.Pt.Token), HttpStatusCode.Created);
        var value = await ApiClient.ReadAsync<MetricValue>(await _api.PostAsync($"/api/progress/metrics/{metric.Id}/values", new { id = Guid.NewGuid().ToString(), measuredOn = Today, value = 7 }, s.Client.Token), HttpStatusCode.Created);
        var ids = new Dictionary<string, string> { ["clientId"] = s.Client.Id, ["measurementId"] = measurement.Id, ["metricId"] = metric.Id, ["valueId"] = value.Id,
            ["capturedOn"] = Today.AddDays(-1).ToString("yyyy-MM-dd") }; // the photo routes share the prefix
        var before = await ProgressAsync(s.Client.Token);

        var routes = FunctionMetadata.Http.Where(e => e.Route.StartsWith("clients/{clientId}/progress", StringComparison.Ordinal)).ToList();
        Assert.True(routes.Count >= 10, $"{routes.Count} routes");
        Assert.All(routes, r => Assert.Equal(Access.Trainer, r.Operation.Access));
        foreach (var route in routes)
            foreach (var method in route.Methods)
            {
                var path = "/api/" + System.Text.RegularExpressions.Regex.Replace(route.Route, @"\{(\w+)\}", m => ids[m.Groups[1].Value]);
                var body = route.Operation.Request == typeof(SaveMeasurementRequest) ? Body(weightKg: 150)
                    : route.Operation.Request == typeof(SaveMetricRequest) ? new { name = "Hijacked", unit = "x", direction = "lower" }
                    : route.Operation.Request == typeof(LogMetricValueRequest) ? new { id = Guid.NewGuid().ToString(), measuredOn = Today, value = 1 } : (object?)null;
                await ApiClient.ProblemAsync(await _api.SendAsync(new HttpMethod(method), path, intruder.Token, body), HttpStatusCode.NotFound);
                await ApiClient.ProblemAsync(await _api.SendAsync(new HttpMethod(method), path, s.Client.Token, body), HttpStatusCode.Forbidden);
            }
        Assert.Equal(JsonSerializer.Serialize(before), JsonSerializer.Serialize(await ProgressAsync(s.Client.Token)));
        Assert.Equal(82.5, (await ProfileAsync(s)).CurrentWeightKg);
    }

    [Fact]
    public async Task Units_hold_a_length_unit_too_shown_in_me_and_progress()
    {
        var s = await ArrangeAsync();
        var saved = await ApiClient.ReadAsync<Contracts.Settings.UnitSettings>(await _api.PutAsync("/api/settings/units", new { weightUnit = "lb", lengthUnit = "in" }, s.Client.Token));
        Assert.Equal(("lb", "in"), (saved.WeightUnit, saved.LengthUnit));
        Assert.Equal(("lb", "in"), await UnitsAsync(s.Client.Token));
        // Left out, the length unit stays; a PT's own units are theirs.
        Assert.Equal("in", (await ApiClient.ReadAsync<Contracts.Settings.UnitSettings>(await _api.PutAsync("/api/settings/units", new { weightUnit = "kg" }, s.Client.Token))).LengthUnit);
        var progress = await ProgressAsync(s.Client.Token);
        Assert.Equal(("kg", "in"), (progress.WeightUnit, progress.LengthUnit));
        var me = await ApiClient.ReadAsync<MeResponse>(await _api.GetAsync("/api/me", s.Client.Token));
        Assert.Equal("in", me.LengthUnit);
        Assert.Equal("in", (await ProfileAsync(s)).LengthUnit);
        var ptView = await ProgressAsync(s.Pt.Token, s.Client.Id);
        Assert.Equal(("kg", "cm"), (ptView.WeightUnit, ptView.LengthUnit));
        await _api.PutAsync("/api/settings/units", new { weightUnit = "lb", lengthUnit = "in" }, s.Pt.Token);
        Assert.Equal(("lb", "in"), await UnitsAsync(s.Pt.Token));
        ptView = await ProgressAsync(s.Pt.Token, s.Client.Id);
        Assert.Equal(("lb", "in"), (ptView.WeightUnit, ptView.LengthUnit));
        await ApiClient.ProblemAsync(await _api.PutAsync("/api/settings/units", new { weightUnit = "kg", lengthUnit = "ft" }, s.Pt.Token), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Removing_a_client_deletes_their_measurements_partition()
    {
        var s = await ArrangeAsync();
        await ApiClient.ReadAsync<Measurement>(await _api.PostAsync("/api/progress/measurements", Body(), s.Client.Token), HttpStatusCode.Created);
        await ApiClient.ReadAsync<Metric>(await _api.PostAsync($"/api/clients/{s.Client.Id}/progress/metrics", new { name = "Sleep", unit = "h", direction = "higher" }, s.Pt.Token), HttpStatusCode.Created);
        Assert.Equal(2, (await RowsAsync(s.Client.Id)).Count);
        Assert.Equal(HttpStatusCode.NoContent, (await _api.DeleteAsync($"/api/clients/{s.Client.Id}", s.Pt.Token)).StatusCode);
        await Eventually.HoldsAsync(async () => Assert.Empty(await RowsAsync(s.Client.Id)));
    }

    private async Task<(string, string)> UnitsAsync(string token)
    {
        var me = await ApiClient.ReadAsync<MeResponse>(await _api.GetAsync("/api/me", token));
        return (me.WeightUnit, me.LengthUnit);
    }

    private async Task<List<TableEntity>> RowsAsync(string clientId)
    {
        var table = host.Services.GetRequiredService<StorageClients>().Table(StorageNames.MeasurementsTable);
        var rows = new List<TableEntity>();
        await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {clientId}"))) rows.Add(row);
        return rows;
    }
}
