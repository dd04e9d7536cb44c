using FitPilot.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Net.Http.Headers;

namespace FitPilot.Functions.Exports;

/// <summary>CSV downloads of a client's measurements and set logs: the client's own, and their PT's (another PT's client is a 404).</summary>
public sealed class ExportFunctions(Api api, ExportService exports)
{
    private const string MediaType = "text/csv";
    private const string Measurements = "Measurements and custom metric values as CSV (UTF-8, header row; kg, cm, mm, %; ISO dates)";
    private const string Sets = "Every logged set as CSV (UTF-8, header row; kg; ISO dates)";

    [Function(nameof(ExportMeasurements))]
    [ApiOperation(Measurements, Access.Client, null, null, ResponseMediaType = MediaType)]
    public Task<IResult> ExportMeasurements(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "progress/export/measurements.csv")] HttpRequest req) =>
        api.Handle<ClientCaller>(req, async call => Download(call, await exports.MeasurementsAsync(call.Caller, call.Caller.ClientId, call.Cancellation)));

    [Function(nameof(ExportSets))]
    [ApiOperation(Sets, Access.Client, null, null, ResponseMediaType = MediaType)]
    public Task<IResult> ExportSets(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "progress/export/sets.csv")] HttpRequest req) =>
        api.Handle<ClientCaller>(req, async call => Download(call, await exports.SetsAsync(call.Caller, call.Caller.ClientId, call.Cancellation)));

    [Function(nameof(ExportClientMeasurements))]
    [ApiOperation(Measurements, Access.Trainer, null, null, ResponseMediaType = MediaType)]
    public Task<IResult> ExportClientMeasurements(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "clients/{clientId}/progress/export/measurements.csv")] HttpRequest req, string clientId) =>
        api.Handle<TrainerCaller>(req, async call => Download(call, await exports.MeasurementsAsync(call.Caller, clientId, call.Cancellation)));

    [Function(nameof(ExportClientSets))]
    [ApiOperation(Sets, Access.Trainer, null, null, ResponseMediaType = MediaType)]
    public Task<IResult> ExportClientSets(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "clients/{clientId}/progress/export/sets.csv")] HttpRequest req, string clientId) =>
        api.Handle<TrainerCaller>(req, async call => Download(call, await exports.SetsAsync(call.Caller, clientId, call.Cancellation)));

    /// <summary>An attachment (UTF-8 with a byte order mark), never cached by a shared cache (it is one person's data).</summary>
    private static Reply Download<TCaller>(Call<TCaller> call, CsvFile file)
    {
        var disposition = new ContentDispositionHeaderValue("attachment");
        disposition.SetHttpFileName(file.FileName);
        call.Response.Headers.ContentDisposition = disposition.ToString();
        call.Response.Headers.CacheControl = "private, no-store";
        // A byte order mark first: Excel reads a UTF-8 file without one as the PC's legacy code page (names in other scripts garbled).
        return Reply.Text("\uFEFF" + file.Text, MediaType + "; charset=utf-8");
    }
}
