using System.Globalization;
using FitPilot.Contracts.Progress;

namespace FitPilot.Web.Api;

/// <summary>
/// Progress: photos (uploaded straight to storage with a ticket), measurements, custom metrics and the CSV exports.
/// Each call is the signed-in client's own (<c>clientId</c> null) or, for their PT, one client's.
/// </summary>
public sealed class ProgressApi(ApiClient api)
{
    private static string Base(string? clientId) => clientId is null ? "api/progress" : $"api/clients/{ApiPath.Id(clientId)}/progress";
    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Measurements (newest first), custom metrics with their values, and the viewer's units.</summary>
    public Task<ApiResult<ProgressData>> GetAsync(string? clientId = null) => api.GetAsync<ProgressData>(Base(clientId));

    public Task<ApiResult<PhotoTimeline>> PhotosAsync(string? clientId = null) => api.GetAsync<PhotoTimeline>($"{Base(clientId)}/photos");

    /// <summary>Deletes the photo set of a date (its blobs go too).</summary>
    public Task<ApiResult<Unit>> DeletePhotoSetAsync(string? clientId, DateOnly capturedOn) => api.DeleteAsync($"{Base(clientId)}/photos/{Iso(capturedOn)}");

    /// <summary>The client asks where to upload one photo; the browser then PUTs the file to the ticket's URL.</summary>
    public Task<ApiResult<PhotoUploadTicket>> StartUploadAsync(StartPhotoUploadRequest request) =>
        api.PostAsync<PhotoUploadTicket>("api/progress/photos/uploads", request);

    /// <summary>Where an upload is: pending, ready or rejected with the reason.</summary>
    public Task<ApiResult<PhotoUpload>> UploadAsync(string uploadId) => api.GetAsync<PhotoUpload>($"api/progress/photos/uploads/{ApiPath.Id(uploadId)}");

    /// <summary>Records (or, with the same device-made id, replaces) a measurement; values metric.</summary>
    public Task<ApiResult<Measurement>> SaveMeasurementAsync(string? clientId, SaveMeasurementRequest request) =>
        api.PostAsync<Measurement>($"{Base(clientId)}/measurements", request);

    public Task<ApiResult<Unit>> DeleteMeasurementAsync(string? clientId, string id) => api.DeleteAsync($"{Base(clientId)}/measurements/{ApiPath.Id(id)}");

    public Task<ApiResult<MetricValue>> LogMetricValueAsync(string? clientId, string metricId, LogMetricValueRequest request) =>
        api.PostAsync<MetricValue>($"{Base(clientId)}/metrics/{ApiPath.Id(metricId)}/values", request);

    public Task<ApiResult<Unit>> DeleteMetricValueAsync(string metricId, string valueId) =>
        api.DeleteAsync($"api/progress/metrics/{ApiPath.Id(metricId)}/values/{ApiPath.Id(valueId)}");

    /// <summary>A PT defines a custom metric for their client.</summary>
    public Task<ApiResult<Metric>> CreateMetricAsync(string clientId, SaveMetricRequest request) =>
        api.PostAsync<Metric>($"{Base(clientId)}/metrics", request);

    public Task<ApiResult<Metric>> UpdateMetricAsync(string clientId, string metricId, SaveMetricRequest request) =>
        api.PutAsync<Metric>($"{Base(clientId)}/metrics/{ApiPath.Id(metricId)}", request);

    public Task<ApiResult<Unit>> DeleteMetricAsync(string clientId, string metricId) => api.DeleteAsync($"{Base(clientId)}/metrics/{ApiPath.Id(metricId)}");

    /// <summary>A download link (the session cookie goes with it): "measurements.csv" or "sets.csv".</summary>
    public static string ExportUrl(string? clientId, string file) => $"{Base(clientId)}/export/{file}";
}
