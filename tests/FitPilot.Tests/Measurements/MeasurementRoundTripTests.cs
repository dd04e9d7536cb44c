using System.Net;
using FitPilot.Contracts.Progress;
using FitPilot.Tests.Infrastructure;
using Xunit.Abstractions;

namespace FitPilot.Tests.Measurements;

/// <summary>
/// Storage round trips of every measurements, metrics and export endpoint (the X-Storage-Round-Trips header), for the
/// client and for their PT; prints the table and writes TestResults/benchmarks/measurement-round-trips.md. Reads stay at 3 or fewer, writes at 7.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class MeasurementRoundTripTests(HostFixture host, ITestOutputHelper output)
{
    private readonly ApiClient _api = host.NewClient();

    [Fact]
    public async Task Each_progress_endpoint_reports_its_storage_round_trips_and_reads_stay_at_three_or_fewer()
    {
        var pt = await _api.RegisterTrainerAsync();
        var client = await _api.OnboardClientAsync(pt, host.Mailbox);
        // Sessions are read once and then cached: warm both up so the figures are the endpoints' own.
        await _api.GetAsync("/api/me", pt.Token);
        await _api.GetAsync("/api/me", client.Token);
        var day = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1);
        var trips = new RoundTripRecorder(output);
        var Measure = trips.Measure;
        var mine = "/api/progress";
        var theirs = $"/api/clients/{client.Id}/progress";
        object Measurement(string id, double weight) => new { id, measuredOn = day, weightKg = weight, waistCm = 80 };

        var id = Guid.NewGuid().ToString();
        await Measure("POST /api/progress/measurements (new, weight changes the profile)", () => _api.PostAsync($"{mine}/measurements", Measurement(id, 80), client.Token));
        await Measure("POST /api/progress/measurements (retry of the same)", () => _api.PostAsync($"{mine}/measurements", Measurement(id, 80), client.Token));
        var ptId = Guid.NewGuid().ToString();
        await Measure("POST /api/clients/{id}/progress/measurements (PT, new)", () => _api.PostAsync($"{theirs}/measurements", Measurement(ptId, 79), pt.Token));
        var metric = await ApiClient.ReadAsync<Metric>(await Measure("POST /api/clients/{id}/progress/metrics", () =>
            _api.PostAsync($"{theirs}/metrics", new { name = "Sleep", unit = "h", direction = "higher", min = 0, max = 24 }, pt.Token)), HttpStatusCode.Created);
        await Measure("PUT /api/clients/{id}/progress/metrics/{metricId}", () => _api.PutAsync($"{theirs}/metrics/{metric.Id}", new { name = "Sleep time", unit = "h", direction = "higher", min = 0, max = 24 }, pt.Token));
        var value = await ApiClient.ReadAsync<MetricValue>(await Measure("POST /api/progress/metrics/{metricId}/values", () =>
            _api.PostAsync($"{mine}/metrics/{metric.Id}/values", new { id = Guid.NewGuid().ToString(), measuredOn = day, value = 7.5 }, client.Token)), HttpStatusCode.Created);
        var ptValue = await ApiClient.ReadAsync<MetricValue>(await Measure("POST /api/clients/{id}/progress/metrics/{metricId}/values (PT)", () =>
            _api.PostAsync($"{theirs}/metrics/{metric.Id}/values", new { id = Guid.NewGuid().ToString(), measuredOn = day.AddDays(-1), value = 8 }, pt.Token)), HttpStatusCode.Created);
        await Measure("GET /api/progress", () => _api.GetAsync(mine, client.Token));
        await Measure("GET /api/clients/{id}/progress", () => _api.GetAsync(theirs, pt.Token));
        await Measure("GET /api/progress/export/measurements.csv", () => _api.GetAsync($"{mine}/export/measurements.csv", client.Token));
        await Measure("GET /api/progress/export/sets.csv", () => _api.GetAsync($"{mine}/export/sets.csv", client.Token));
        await Measure("GET /api/clients/{id}/progress/export/measurements.csv", () => _api.GetAsync($"{theirs}/export/measurements.csv", pt.Token));
        await Measure("GET /api/clients/{id}/progress/export/sets.csv", () => _api.GetAsync($"{theirs}/export/sets.csv", pt.Token));
        await Measure("DELETE /api/progress/metrics/{metricId}/values/{valueId}", () => _api.DeleteAsync($"{mine}/metrics/{metric.Id}/values/{value.Id}", client.Token));
        await Measure("DELETE /api/clients/{id}/progress/metrics/{metricId}/values/{valueId}", () => _api.DeleteAsync($"{theirs}/metrics/{metric.Id}/values/{ptValue.Id}", pt.Token));
        await Measure("DELETE /api/clients/{id}/progress/metrics/{metricId}", () => _api.DeleteAsync($"{theirs}/metrics/{metric.Id}", pt.Token));
        await Measure("DELETE /api/clients/{id}/progress/measurements/{measurementId} (PT, profile falls back)", () => _api.DeleteAsync($"{theirs}/measurements/{ptId}", pt.Token));
        await Measure("DELETE /api/progress/measurements/{measurementId} (last one, profile cleared)", () => _api.DeleteAsync($"{mine}/measurements/{id}", client.Token));

        await trips.WriteAsync("measurement-round-trips.md", "Measurements, metrics and exports");
        trips.AssertReadsAtMost(3);
        // Writes: the client's row (the tenant check), one query of the partition, the write, and the profile when the
        // latest weight changed; a PT's write adds the billing gate's read of their row and, for a measurement, their name;
        // a weight publishes MeasurementSaved (one queue message) for the weight milestones.
        trips.AssertAllAtMost(7);
    }
}
