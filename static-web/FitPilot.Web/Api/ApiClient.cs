using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace FitPilot.Web.Api;

/// <summary>
/// The web app's one way to call the API. Never throws for an HTTP or network failure: the
/// outcome is an <see cref="ApiResult{T}"/> whose problem carries the RFC 9457 details
/// (field errors included) or says the network failed, so pages can show it and offer a retry.
/// </summary>
public sealed class ApiClient(HttpClient http)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Raised when the API says the session is gone (401), so the app can go to the login page.</summary>
    public event Action? SessionExpired;

    public Task<ApiResult<T>> GetAsync<T>(string url) => SendAsync<T>(HttpMethod.Get, url, null);
    public Task<ApiResult<T>> PostAsync<T>(string url, object? body) => SendAsync<T>(HttpMethod.Post, url, body);
    public Task<ApiResult<T>> PutAsync<T>(string url, object? body) => SendAsync<T>(HttpMethod.Put, url, body);
    public Task<ApiResult<Unit>> PostAsync(string url, object? body) => SendAsync<Unit>(HttpMethod.Post, url, body);
    public Task<ApiResult<Unit>> DeleteAsync(string url) => SendAsync<Unit>(HttpMethod.Delete, url, null);

    public async Task<ApiResult<T>> SendAsync<T>(HttpMethod method, string url, object? body, string? ifMatch = null)
    {
        HttpResponseMessage response;
        try
        {
            using var request = new HttpRequestMessage(method, url);
            if (body is not null) request.Content = JsonContent.Create(body, body.GetType(), options: Json);
            if (ifMatch is not null) request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
            response = await http.SendAsync(request);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return ApiResult<T>.Failed(ApiProblem.Network);
        }

        using (response)
        {
            if (response.IsSuccessStatusCode)
            {
                if (typeof(T) == typeof(Unit) || response.StatusCode == HttpStatusCode.NoContent || response.Content.Headers.ContentLength == 0)
                    return ApiResult<T>.Success(default!);
                try
                {
                    return ApiResult<T>.Success((await response.Content.ReadFromJsonAsync<T>(Json))!) with { ETag = response.Headers.ETag?.ToString() };
                }
                catch (Exception e) when (e is JsonException or HttpRequestException)
                {
                    return ApiResult<T>.Failed(ApiProblem.Unreadable);
                }
            }
            var problem = await ApiProblem.ReadAsync(response);
            // Sign-in calls and the session probe (api/me) answer 401 as part of their job; elsewhere it means the session ended.
            if (response.StatusCode == HttpStatusCode.Unauthorized && !url.TrimStart('/').StartsWith("api/auth/", StringComparison.Ordinal) && url.TrimStart('/') != "api/me")
                SessionExpired?.Invoke();
            return ApiResult<T>.Failed(problem);
        }
    }
}

/// <summary>No content.</summary>
public readonly record struct Unit;

public sealed record ApiResult<T>(T? Value, ApiProblem? Problem)
{
    public bool Ok => Problem is null;
    /// <summary>The version read (send it back as If-Match when saving).</summary>
    public string? ETag { get; init; }
    public static ApiResult<T> Success(T value) => new(value, null);
    public static ApiResult<T> Failed(ApiProblem problem) => new(default, problem);
}

/// <summary>An API problem (RFC 9457), or a network failure (status 0).</summary>
public sealed record ApiProblem(int Status, string Title, string? Detail, IReadOnlyDictionary<string, string[]> Errors)
{
    public static readonly ApiProblem Network = new(0, "Can't reach FitPilot",
        "Check your connection and try again.", new Dictionary<string, string[]>());

    public static readonly ApiProblem Unreadable = new(0, "Unexpected answer",
        "FitPilot answered in a way this page did not understand. Reload and try again.", new Dictionary<string, string[]>());

    public bool IsNetworkError => Status == 0;

    /// <summary>Worth trying again as it is: no connection, a timeout, too many requests or a server error.</summary>
    public bool IsTransient => IsNetworkError || Status is 408 or 429 || Status >= 500;

    /// <summary>What was asked for is not there (or no longer): trying again will not find it.</summary>
    public bool IsNotFound => Status is 404 or 410;

    /// <summary>
    /// 402: the PT's subscription lapsed (trial ended, canceled, unpaid, paused) and changes wait for a plan. Pages show the
    /// API's plain words and a link to Billing (<see cref="Components.PlanNeeded"/>, inside ServerErrors and LoadError).
    /// </summary>
    public bool NeedsPlan => Status == 402;

    /// <summary>What to show a person: the server's own explanation, or a plain one for its status.</summary>
    public string Message => Detail ?? Title;

    public static async Task<ApiProblem> ReadAsync(HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        try
        {
            var body = await response.Content.ReadFromJsonAsync<JsonElement>(ApiClient.Json);
            var errors = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase);
            if (body.ValueKind == JsonValueKind.Object && body.TryGetProperty("errors", out var e) && e.ValueKind == JsonValueKind.Object)
                foreach (var field in e.EnumerateObject())
                    errors[field.Name] = field.Value.ValueKind == JsonValueKind.Array ? field.Value.EnumerateArray().Select(x => x.GetString() ?? "").ToArray() : [];
            string? Text(string name) => body.ValueKind == JsonValueKind.Object && body.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
            return new ApiProblem(status, Text("title") ?? Fallback(status), Text("detail"), errors);
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or HttpRequestException)
        {
            return new ApiProblem(status, Fallback(status), null, new Dictionary<string, string[]>());
        }
    }

    private static string Fallback(int status) => status switch
    {
        >= 500 => "FitPilot had a problem on its side. Please try again in a moment.",
        404 => "Not found.",
        402 => "Choose a plan to make changes again.",
        403 => "You don't have access to this.",
        401 => "Please log in again.",
        _ => "That didn't work.",
    };
}
