using System.Net;
using System.Text.Json;
using FitPilot.Contracts.Auth;
using FitPilot.Tests.Infrastructure;

namespace FitPilot.Tests.Auth;

[Collection(HostCollection.Name)]
public sealed class AccountTests(HostFixture host)
{
    private readonly ApiClient _api = host.NewClient();

    [Fact]
    public async Task Registering_starts_a_seven_day_Solo_trial_and_signs_in()
    {
        var pt = await _api.RegisterTrainerAsync("Alex Trainer");
        var me = await ApiClient.ReadAsync<MeResponse>(await _api.GetAsync("/api/me", pt.Token));

        Assert.Equal("trainer", me.Role);
        Assert.Equal("Alex Trainer", me.Name);
        Assert.Equal("Solo", me.Trainer!.SubscriptionTier);
        Assert.Equal("trialing", me.Trainer.SubscriptionStatus);
        Assert.Equal(7, me.Trainer.TrialDaysRemaining);
        Assert.Null(me.Client);
    }

    [Fact]
    public async Task The_session_cookie_is_HttpOnly_Secure_and_SameSite_Strict_and_works_without_a_bearer_token()
    {
        var email = ApiClient.UniqueEmail("cookie");
        var response = await _api.PostAsync("/api/auth/register", new { name = "Cookie PT", email, password = "long enough password" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("fp_session="));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);

        var request = new HttpRequestMessage(HttpMethod.Get, "/api/me");
        request.Headers.Add("Cookie", cookie.Split(';')[0]);
        var me = await ApiClient.ReadAsync<MeResponse>(await _api.Http.SendAsync(request));
        Assert.Equal(email, me.Email);

        var logout = await _api.PostAsync("/api/auth/logout", null);
        Assert.Equal(HttpStatusCode.NoContent, logout.StatusCode);
        Assert.Contains(logout.Headers.GetValues("Set-Cookie"), c => c.StartsWith("fp_session=;") && c.Contains("expires=Thu, 01 Jan 1970"));
    }

    [Fact]
    public async Task An_email_can_register_only_once_whatever_its_case()
    {
        var pt = await _api.RegisterTrainerAsync();
        var again = await _api.PostAsync("/api/auth/register", new { name = "Copycat", email = pt.Email.ToUpperInvariant(), password = "another password" });
        var problem = await ApiClient.ProblemAsync(again, HttpStatusCode.Conflict);
        Assert.True(problem.GetProperty("errors").TryGetProperty("email", out _));
    }

    [Fact]
    public async Task Login_with_the_right_password_works_and_a_wrong_one_is_refused_without_saying_which_part_was_wrong()
    {
        var pt = await _api.RegisterTrainerAsync();
        var ok = await ApiClient.ReadAsync<SessionResponse>(await _api.PostAsync("/api/auth/login", new { email = pt.Email, password = pt.Password }));
        Assert.Equal(pt.Id, ok.User.Id);

        var wrongPassword = await ApiClient.ProblemAsync(await _api.PostAsync("/api/auth/login", new { email = pt.Email, password = "not the password" }), HttpStatusCode.Unauthorized);
        var unknownEmail = await ApiClient.ProblemAsync(await _api.PostAsync("/api/auth/login", new { email = ApiClient.UniqueEmail("nobody"), password = "not the password" }), HttpStatusCode.Unauthorized);
        Assert.Equal(wrongPassword.GetProperty("detail").GetString(), unknownEmail.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Five_failed_logins_lock_the_account_even_for_the_right_password()
    {
        var pt = await _api.RegisterTrainerAsync();
        for (var i = 0; i < 5; i++)
            await ApiClient.ProblemAsync(await _api.PostAsync("/api/auth/login", new { email = pt.Email, password = "wrong password " + i }), HttpStatusCode.Unauthorized);

        var locked = await _api.PostAsync("/api/auth/login", new { email = pt.Email, password = pt.Password });
        await ApiClient.ProblemAsync(locked, HttpStatusCode.TooManyRequests);
        Assert.True(locked.Headers.RetryAfter?.Delta > TimeSpan.Zero);
    }

    [Fact]
    public async Task A_tampered_or_foreign_token_is_refused()
    {
        var pt = await _api.RegisterTrainerAsync();
        var parts = pt.Token.Split('.');
        var payload = JsonSerializer.Deserialize<Dictionary<string, object>>(System.Buffers.Text.Base64Url.DecodeFromChars(parts[1]))!;
        payload["role"] = "client";
        var forged = parts[0] + "." + System.Buffers.Text.Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(payload)) + "." + parts[2];

        await ApiClient.ProblemAsync(await _api.GetAsync("/api/me", forged), HttpStatusCode.Unauthorized);
        await ApiClient.ProblemAsync(await _api.GetAsync("/api/me", "not-a-jwt"), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Changing_the_password_ends_older_sessions_and_the_new_password_works()
    {
        var pt = await _api.RegisterTrainerAsync();
        var wrongCurrent = await _api.PutAsync("/api/settings/password", new { currentPassword = "not it at all", newPassword = "a brand new password" }, pt.Token);
        Assert.True((await ApiClient.ProblemAsync(wrongCurrent, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("currentPassword", out _));

        var fresh = await ApiClient.ReadAsync<SessionResponse>(await _api.PutAsync("/api/settings/password",
            new { currentPassword = pt.Password, newPassword = "a brand new password" }, pt.Token));

        await ApiClient.ProblemAsync(await _api.GetAsync("/api/me", pt.Token), HttpStatusCode.Unauthorized);
        Assert.Equal(HttpStatusCode.OK, (await _api.GetAsync("/api/me", fresh.Token)).StatusCode);
        await ApiClient.ProblemAsync(await _api.PostAsync("/api/auth/login", new { email = pt.Email, password = pt.Password }), HttpStatusCode.Unauthorized);
        Assert.Equal(HttpStatusCode.OK, (await _api.PostAsync("/api/auth/login", new { email = pt.Email, password = "a brand new password" })).StatusCode);
    }

    [Fact]
    public async Task Forgot_password_emails_a_one_time_link_that_resets_the_password()
    {
        var pt = await _api.RegisterTrainerAsync();
        Assert.Equal(HttpStatusCode.Accepted, (await _api.PostAsync("/api/auth/forgot-password", new { email = pt.Email })).StatusCode);
        // An unknown address gets the same answer (no account enumeration) and no email.
        var stranger = ApiClient.UniqueEmail("stranger");
        Assert.Equal(HttpStatusCode.Accepted, (await _api.PostAsync("/api/auth/forgot-password", new { email = stranger })).StatusCode);

        var email = await host.Mailbox.WaitForAsync(pt.Email, "Reset your FitPilot password");
        Assert.Contains(host.BaseUrl.Replace("127.0.0.1", "localhost"), Mailbox.LinkFrom(email, "/reset-password"));
        var token = Mailbox.TokenFrom(email, "/reset-password");

        Assert.Equal(HttpStatusCode.NoContent, (await _api.PostAsync("/api/auth/reset-password", new { token, newPassword = "reset to this one" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _api.PostAsync("/api/auth/login", new { email = pt.Email, password = "reset to this one" })).StatusCode);
        await ApiClient.ProblemAsync(await _api.GetAsync("/api/me", pt.Token), HttpStatusCode.Unauthorized); // old session ended

        // The link works once.
        await ApiClient.ProblemAsync(await _api.PostAsync("/api/auth/reset-password", new { token, newPassword = "and once more please" }), HttpStatusCode.Gone);
        Assert.Equal(0, await host.Mailbox.CountToAsync(stranger));
    }

    [Fact]
    public async Task A_PT_updates_their_profile_and_notification_preferences()
    {
        var pt = await _api.RegisterTrainerAsync();
        var me = await ApiClient.ReadAsync<MeResponse>(await _api.PutAsync("/api/me", new
        {
            name = "Renamed Trainer", bio = "Strength coach", specializations = "Powerlifting", certifications = "Cert IV",
            phoneNumber = "+61 400 000 000", businessName = "Lift Co", location = "Perth", yearsExperience = 5,
        }, pt.Token));
        Assert.Equal("Renamed Trainer", me.Name);
        Assert.Equal("Lift Co", me.Trainer!.BusinessName);
        Assert.Equal(5, me.Trainer.YearsExperience);

        var defaults = await ApiClient.ReadAsync<JsonElement>(await _api.GetAsync("/api/settings/notifications", pt.Token));
        Assert.True(defaults.GetProperty("emailOnNewMessage").GetBoolean());
        await _api.PutAsync("/api/settings/notifications", new { emailOnNewMessage = false, emailOnCheckIn = true, emailOnBooking = false, checkInReminders = true, weeklySummary = true }, pt.Token);
        var saved = await ApiClient.ReadAsync<JsonElement>(await _api.GetAsync("/api/settings/notifications", pt.Token));
        Assert.False(saved.GetProperty("emailOnNewMessage").GetBoolean());
        Assert.True(saved.GetProperty("weeklySummary").GetBoolean());
    }
}
