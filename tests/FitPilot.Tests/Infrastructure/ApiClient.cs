using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using FitPilot.Contracts.Auth;
using FitPilot.Contracts.Clients;

namespace FitPilot.Tests.Infrastructure;

/// <summary>An HTTP client of the API, with the calls most tests need (sign up a PT, invite and onboard a client).</summary>
public sealed class ApiClient(string baseUrl)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public HttpClient Http { get; } = new(new HttpClientHandler { UseCookies = false }) { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(60) };

    public static string UniqueEmail(string who) => $"{who}-{Guid.NewGuid():N}@example.com";

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? token = null, object? body = null, string? rawJson = null, string contentType = "application/json")
    {
        var request = new HttpRequestMessage(method, path);
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (body is not null) request.Content = JsonContent.Create(body, options: Json);
        if (rawJson is not null) request.Content = new StringContent(rawJson, Encoding.UTF8, contentType);
        return await Http.SendAsync(request);
    }

    public Task<HttpResponseMessage> GetAsync(string path, string? token = null) => SendAsync(HttpMethod.Get, path, token);
    public Task<HttpResponseMessage> PostAsync(string path, object? body, string? token = null) => SendAsync(HttpMethod.Post, path, token, body);
    public Task<HttpResponseMessage> PutAsync(string path, object? body, string? token = null) => SendAsync(HttpMethod.Put, path, token, body);
    public Task<HttpResponseMessage> DeleteAsync(string path, string? token = null) => SendAsync(HttpMethod.Delete, path, token);

    public static async Task<T> ReadAsync<T>(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"Expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        return JsonSerializer.Deserialize<T>(text, Json)!;
    }

    public sealed record Trainer(string Id, string Email, string Password, string Token);
    public sealed record ClientAccount(string Id, string Email, string Password, string Token, string TrainerId);

    public async Task<Trainer> RegisterTrainerAsync(string? name = null)
    {
        var email = UniqueEmail("pt");
        const string password = "trainer-password-1";
        var session = await ReadAsync<SessionResponse>(await PostAsync("/api/auth/register",
            new { name = name ?? "Test Trainer", email, password }), HttpStatusCode.Created);
        return new Trainer(session.User.Id, email, password, session.Token);
    }

    public async Task<ClientProfile> InviteAsync(Trainer trainer, string email, string name = "Test Client") =>
        await ReadAsync<ClientProfile>(await PostAsync("/api/clients", new { name, email }, trainer.Token), HttpStatusCode.Created);

    /// <summary>Invites a client, takes the token from the real email in smtp4dev, accepts it.</summary>
    public async Task<ClientAccount> OnboardClientAsync(Trainer trainer, Mailbox mailbox)
    {
        var email = UniqueEmail("client");
        var profile = await InviteAsync(trainer, email);
        var token = Mailbox.TokenFrom(await mailbox.WaitForAsync(email, "invited you"), "/accept-invitation");
        const string password = "client-password-1";
        var session = await ReadAsync<SessionResponse>(await PostAsync("/api/invitations/accept", new { token, password }));
        return new ClientAccount(profile.Id, email, password, session.Token, trainer.Id);
    }

    public static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"Expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(text).RootElement;
        Assert.Equal((int)expected, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("title").GetString()));
        Assert.DoesNotContain("   at ", text); // never a stack trace
        return problem;
    }

    public static int RoundTrips(HttpResponseMessage response) =>
        int.Parse(response.Headers.GetValues("X-Storage-Round-Trips").Single());
}
