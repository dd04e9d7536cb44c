using System.Net;
using FitPilot.Contracts.Auth;
using FitPilot.Tests.Infrastructure;

namespace FitPilot.Tests.Auth;

/// <summary>Sessions end on the server: logging out kills that token and cookie, not the user's other devices.</summary>
[Collection(HostCollection.Name)]
public sealed class SessionTests(HostFixture host)
{
    private readonly ApiClient _api = host.NewClient();

    private async Task<(string Token, string Cookie)> LogInAsync(ApiClient.Trainer pt)
    {
        var response = await _api.PostAsync("/api/auth/login", new { email = pt.Email, password = pt.Password });
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("fp_session=")).Split(';')[0];
        return ((await ApiClient.ReadAsync<SessionResponse>(response)).Token, cookie);
    }

    private Task<HttpResponseMessage> MeWithCookieAsync(string cookie)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/me");
        request.Headers.Add("Cookie", cookie);
        return _api.Http.SendAsync(request);
    }

    [Fact]
    public async Task Logging_out_ends_that_session_on_the_server_and_leaves_the_other_devices_signed_in()
    {
        var pt = await _api.RegisterTrainerAsync();
        var phone = await LogInAsync(pt);
        var laptop = await LogInAsync(pt);
        Assert.Equal(HttpStatusCode.OK, (await _api.GetAsync("/api/me", phone.Token)).StatusCode);

        // Log out on the phone with its bearer token: that token and its cookie stop working at once.
        Assert.Equal(HttpStatusCode.NoContent, (await _api.PostAsync("/api/auth/logout", null, phone.Token)).StatusCode);
        await ApiClient.ProblemAsync(await _api.GetAsync("/api/me", phone.Token), HttpStatusCode.Unauthorized);
        await ApiClient.ProblemAsync(await MeWithCookieAsync(phone.Cookie), HttpStatusCode.Unauthorized);

        // The laptop and the sign-up session are untouched.
        Assert.Equal(HttpStatusCode.OK, (await _api.GetAsync("/api/me", laptop.Token)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await MeWithCookieAsync(laptop.Cookie)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _api.GetAsync("/api/me", pt.Token)).StatusCode);

        // Logging out with the cookie (as the web app does) ends that session too.
        var logout = new HttpRequestMessage(HttpMethod.Post, "/api/auth/logout");
        logout.Headers.Add("Cookie", laptop.Cookie);
        Assert.Equal(HttpStatusCode.NoContent, (await _api.Http.SendAsync(logout)).StatusCode);
        await ApiClient.ProblemAsync(await _api.GetAsync("/api/me", laptop.Token), HttpStatusCode.Unauthorized);

        // Logging out twice, or with a dead token, is harmless.
        Assert.Equal(HttpStatusCode.NoContent, (await _api.PostAsync("/api/auth/logout", null, phone.Token)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await _api.PostAsync("/api/auth/logout", null, "garbage")).StatusCode);
    }

    [Fact]
    public async Task Logging_out_everywhere_ends_every_session_of_the_user_and_only_theirs()
    {
        var pt = await _api.RegisterTrainerAsync();
        var other = await _api.RegisterTrainerAsync();
        var phone = await LogInAsync(pt);
        var laptop = await LogInAsync(pt);

        await ApiClient.ProblemAsync(await _api.PostAsync("/api/auth/logout-everywhere", null), HttpStatusCode.Unauthorized);
        Assert.Equal(HttpStatusCode.NoContent, (await _api.PostAsync("/api/auth/logout-everywhere", null, phone.Token)).StatusCode);

        foreach (var token in new[] { phone.Token, laptop.Token, pt.Token })
            await ApiClient.ProblemAsync(await _api.GetAsync("/api/me", token), HttpStatusCode.Unauthorized);
        await ApiClient.ProblemAsync(await MeWithCookieAsync(laptop.Cookie), HttpStatusCode.Unauthorized);
        Assert.Equal(HttpStatusCode.OK, (await _api.GetAsync("/api/me", other.Token)).StatusCode);

        // Signing in again works.
        var again = await LogInAsync(pt);
        Assert.Equal(HttpStatusCode.OK, (await _api.GetAsync("/api/me", again.Token)).StatusCode);
    }

    [Fact]
    public async Task A_removed_clients_sessions_end_and_a_new_client_with_the_same_email_is_not_them()
    {
        var pt = await _api.RegisterTrainerAsync();
        var client = await _api.OnboardClientAsync(pt, host.Mailbox);
        Assert.Equal(HttpStatusCode.NoContent, (await _api.DeleteAsync($"/api/clients/{client.Id}", pt.Token)).StatusCode);
        await ApiClient.ProblemAsync(await _api.GetAsync("/api/me", client.Token), HttpStatusCode.Unauthorized);

        var again = await _api.InviteAsync(pt, client.Email);
        Assert.NotEqual(client.Id, again.Id);
        await ApiClient.ProblemAsync(await _api.GetAsync("/api/today", client.Token), HttpStatusCode.Unauthorized);
    }
}
