using FitPilot.Contracts.Progress;
using FitPilot.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FitPilot.Functions.Measurements;

/// <summary>
/// Body measurements and custom metrics: the client's own (<c>progress…</c>) and the PT's view of their
/// client (<c>clients/{clientId}/progress…</c>, another PT's client is a 404). Values are metric whatever the units shown.
/// </summary>
public sealed class MeasurementFunctions(Api api, MeasurementService measurements)
{
    [Function(nameof(GetProgress))]
    [ApiOperation("The client's measurements (newest first) and custom metrics with their values, and their units", Access.Client, null, typeof(ProgressData))]
    public Task<IResult> GetProgress(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "progress")] HttpRequest req) =>
        api.Handle<ClientCaller>(req, async call => Reply.Ok(await measurements.ProgressAsync(call.Caller, call.Caller.ClientId, call.Cancellation)));

    [Function(nameof(GetClientProgress))]
    [ApiOperation("A client's measurements (newest first) and custom metrics with their values, in the PT's units", Access.Trainer, null, typeof(ProgressData))]
    public Task<IResult> GetClientProgress(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "clients/{clientId}/progress")] HttpRequest req, string clientId) =>
        api.Handle<TrainerCaller>(req, async call => Reply.Ok(await measurements.ProgressAsync(call.Caller, clientId, call.Cancellation)));

    [Function(nameof(SaveMeasurement))]
    [ApiOperation("Record (or replace, by its id) a measurement of oneself; the latest weight and body fat go onto the profile",
        Access.Client, typeof(SaveMeasurementRequest), typeof(Measurement), 201)]
    public Task<IResult> SaveMeasurement(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "progress/measurements")] HttpRequest req) =>
        api.Handle<ClientCaller, SaveMeasurementRequest>(req, async call =>
            Saved(await measurements.SaveAsync(call.Caller, call.Caller.ClientId, call.Body, call.Cancellation), "/api/progress/measurements/"));

    [Function(nameof(SaveClientMeasurement))]
    [ApiOperation("Record (or replace, by its id) a client's measurement, as their PT; the latest weight and body fat go onto the profile",
        Access.Trainer, typeof(SaveMeasurementRequest), typeof(Measurement), 201)]
    public Task<IResult> SaveClientMeasurement(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "clients/{clientId}/progress/measurements")] HttpRequest req, string clientId) =>
        api.Handle<TrainerCaller, SaveMeasurementRequest>(req, async call =>
            Saved(await measurements.SaveAsync(call.Caller, clientId, call.Body, call.Cancellation), $"/api/clients/{clientId}/progress/measurements/"));

    [Function(nameof(DeleteMeasurement))]
    [ApiOperation("Delete a measurement of oneself", Access.Client, null, null, 204)]
    public Task<IResult> DeleteMeasurement(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "progress/measurements/{measurementId}")] HttpRequest req, string measurementId) =>
        api.Handle<ClientCaller>(req, async call =>
        {
            await measurements.DeleteAsync(call.Caller, call.Caller.ClientId, measurementId, call.Cancellation);
            return Reply.NoContent();
        });

    [Function(nameof(DeleteClientMeasurement))]
    [ApiOperation("Delete a client's measurement, as their PT", Access.Trainer, null, null, 204)]
    public Task<IResult> DeleteClientMeasurement(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "clients/{clientId}/progress/measurements/{measurementId}")] HttpRequest req, string clientId, string measurementId) =>
        api.Handle<TrainerCaller>(req, async call =>
        {
            await measurements.DeleteAsync(call.Caller, clientId, measurementId, call.Cancellation);
            return Reply.NoContent();
        });

    [Function(nameof(CreateClientMetric))]
    [ApiOperation("Define a custom metric for a client (name, unit, which direction is better, optional range); at most 20 per client",
        Access.Trainer, typeof(SaveMetricRequest), typeof(Metric), 201, Problems = [409])]
    public Task<IResult> CreateClientMetric(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "clients/{clientId}/progress/metrics")] HttpRequest req, string clientId) =>
        api.Handle<TrainerCaller, SaveMetricRequest>(req, async call =>
        {
            var metric = await measurements.CreateMetricAsync(call.Caller, clientId, call.Body, call.Cancellation);
            return Reply.Created($"/api/clients/{clientId}/progress/metrics/{metric.Id}", metric);
        });

    [Function(nameof(UpdateClientMetric))]
    [ApiOperation("Change a client's custom metric (values already logged stay)", Access.Trainer, typeof(SaveMetricRequest), typeof(Metric))]
    public Task<IResult> UpdateClientMetric(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "clients/{clientId}/progress/metrics/{metricId}")] HttpRequest req, string clientId, string metricId) =>
        api.Handle<TrainerCaller, SaveMetricRequest>(req, async call =>
            Reply.Ok(await measurements.UpdateMetricAsync(call.Caller, clientId, metricId, call.Body, call.Cancellation)));

    [Function(nameof(DeleteClientMetric))]
    [ApiOperation("Delete a client's custom metric and every value logged for it", Access.Trainer, null, null, 204)]
    public Task<IResult> DeleteClientMetric(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "clients/{clientId}/progress/metrics/{metricId}")] HttpRequest req, string clientId, string metricId) =>
        api.Handle<TrainerCaller>(req, async call =>
        {
            await measurements.DeleteMetricAsync(call.Caller, clientId, metricId, call.Cancellation);
            return Reply.NoContent();
        });

    [Function(nameof(LogMetricValue))]
    [ApiOperation("Log one's value of a custom metric for a date (the same date again replaces it; the value must be within the metric's range)",
        Access.Client, typeof(LogMetricValueRequest), typeof(MetricValue), 201)]
    public Task<IResult> LogMetricValue(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "progress/metrics/{metricId}/values")] HttpRequest req, string metricId) =>
        api.Handle<ClientCaller, LogMetricValueRequest>(req, async call =>
            Logged(await measurements.LogValueAsync(call.Caller, call.Caller.ClientId, metricId, call.Body, call.Cancellation), $"/api/progress/metrics/{metricId}/values/"));

    [Function(nameof(LogClientMetricValue))]
    [ApiOperation("Log a client's value of a custom metric for a date, as their PT (the same date again replaces it)",
        Access.Trainer, typeof(LogMetricValueRequest), typeof(MetricValue), 201)]
    public Task<IResult> LogClientMetricValue(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "clients/{clientId}/progress/metrics/{metricId}/values")] HttpRequest req, string clientId, string metricId) =>
        api.Handle<TrainerCaller, LogMetricValueRequest>(req, async call =>
            Logged(await measurements.LogValueAsync(call.Caller, clientId, metricId, call.Body, call.Cancellation), $"/api/clients/{clientId}/progress/metrics/{metricId}/values/"));

    [Function(nameof(DeleteMetricValue))]
    [ApiOperation("Delete one's logged value of a custom metric", Access.Client, null, null, 204)]
    public Task<IResult> DeleteMetricValue(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "progress/metrics/{metricId}/values/{valueId}")] HttpRequest req, string metricId, string valueId) =>
        api.Handle<ClientCaller>(req, async call =>
        {
            await measurements.DeleteValueAsync(call.Caller, call.Caller.ClientId, metricId, valueId, call.Cancellation);
            return Reply.NoContent();
        });

    [Function(nameof(DeleteClientMetricValue))]
    [ApiOperation("Delete a client's logged value of a custom metric, as their PT", Access.Trainer, null, null, 204)]
    public Task<IResult> DeleteClientMetricValue(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "clients/{clientId}/progress/metrics/{metricId}/values/{valueId}")] HttpRequest req,
        string clientId, string metricId, string valueId) =>
        api.Handle<TrainerCaller>(req, async call =>
        {
            await measurements.DeleteValueAsync(call.Caller, clientId, metricId, valueId, call.Cancellation);
            return Reply.NoContent();
        });

    private static Reply Saved((Measurement Measurement, bool Created) saved, string location) =>
        saved.Created ? Reply.Created(location + saved.Measurement.Id, saved.Measurement) : Reply.Ok(saved.Measurement);

    private static Reply Logged((MetricValue Value, bool Created) logged, string location) =>
        logged.Created ? Reply.Created(location + logged.Value.Id, logged.Value) : Reply.Ok(logged.Value);
}
