using System.Net;
using FitPilot.Contracts.Auth;
using FitPilot.Contracts.Settings;
using FitPilot.Contracts.Training;
using FitPilot.Tests.Infrastructure;

namespace FitPilot.Tests.Settings;

/// <summary>Each user's IANA time zone decides their "today": set at sign-up or acceptance, changed in settings, validated.</summary>
[Collection(HostCollection.Name)]
public sealed class TimeZoneTests(HostFixture host)
{
    private readonly ApiClient _api = host.NewClient();

    /// <summary>The date in a zone now, worked out independently of the app (the OS time-zone database).</summary>
    private static DateOnly TodayIn(string zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById(zone)).DateTime);

    [Fact]
    public async Task A_PT_signs_up_in_their_zone_and_an_unknown_zone_is_a_field_error()
    {
        var session = await ApiClient.ReadAsync<SessionResponse>(await _api.PostAsync("/api/auth/register", new
        {
            name = "Sydney PT", email = ApiClient.UniqueEmail("zone"), password = "zone password 1", timeZone = "Australia/Sydney",
        }), HttpStatusCode.Created);
        Assert.Equal("Australia/Sydney", session.User.TimeZone);
        Assert.Equal("Australia/Sydney", (await ApiClient.ReadAsync<MeResponse>(await _api.GetAsync("/api/me", session.Token))).Trainer!.TimeZone);

        foreach (var zone in new[] { "Mars/Olympus_Mons", "not a zone", "Europe/../../etc", new string('A', 80) })
        {
            var problem = await ApiClient.ProblemAsync(await _api.PostAsync("/api/auth/register", new
            {
                name = "Lost PT", email = ApiClient.UniqueEmail("lost"), password = "zone password 1", timeZone = zone,
            }), HttpStatusCode.BadRequest);
            Assert.True(problem.GetProperty("errors").TryGetProperty("timeZone", out _), problem.ToString());
        }
        // Without one, UTC.
        var plain = await _api.RegisterTrainerAsync();
        Assert.Equal("UTC", (await ApiClient.ReadAsync<MeResponse>(await _api.GetAsync("/api/me", plain.Token))).TimeZone);
    }

    [Theory]
    [InlineData("Pacific/Kiritimati")] // UTC+14: a day ahead of UTC most of the time
    [InlineData("Pacific/Pago_Pago")]  // UTC−11: a day behind for part of it
    public async Task A_clients_today_and_the_PTs_view_of_their_week_are_in_the_clients_zone(string zone)
    {
        var pt = await _api.RegisterTrainerAsync();
        var profile = await _api.InviteAsync(pt, ApiClient.UniqueEmail("zone-client"));
        var token = Mailbox.TokenFrom(await host.Mailbox.WaitForAsync(profile.Email, "invited you"), "/accept-invitation");
        var session = await ApiClient.ReadAsync<SessionResponse>(await _api.PostAsync("/api/invitations/accept", new { token, password = "client password 1", timeZone = zone }));
        Assert.Equal(zone, session.User.TimeZone);

        var today = await ApiClient.ReadAsync<TodayWorkout>(await _api.GetAsync("/api/today", session.Token));
        Assert.Equal(TodayIn(zone), today.Date);
        var week = await ApiClient.ReadAsync<Adherence>(await _api.GetAsync($"/api/clients/{profile.Id}/adherence", pt.Token));
        Assert.Equal(TodayIn(zone), week.To);
    }

    [Fact]
    public async Task Moving_zone_in_settings_moves_today_on_every_device()
    {
        var pt = await _api.RegisterTrainerAsync();
        var client = await _api.OnboardClientAsync(pt, host.Mailbox);
        var other = await ApiClient.ReadAsync<SessionResponse>(await _api.PostAsync("/api/auth/login", new { email = client.Email, password = client.Password }));

        var saved = await ApiClient.ReadAsync<TimeZoneSettings>(await _api.PutAsync("/api/settings/time-zone", new { timeZone = "Pacific/Kiritimati" }, client.Token));
        Assert.Equal("Pacific/Kiritimati", saved.TimeZone);
        foreach (var device in new[] { client.Token, other.Token })
            Assert.Equal(TodayIn("Pacific/Kiritimati"), (await ApiClient.ReadAsync<TodayWorkout>(await _api.GetAsync("/api/today", device))).Date);
        Assert.Equal("Pacific/Kiritimati", (await ApiClient.ReadAsync<MeResponse>(await _api.GetAsync("/api/me", other.Token))).TimeZone);

        var bad = await ApiClient.ProblemAsync(await _api.PutAsync("/api/settings/time-zone", new { timeZone = "Europe/Atlantis" }, client.Token), HttpStatusCode.BadRequest);
        Assert.True(bad.GetProperty("errors").TryGetProperty("timeZone", out _));
        Assert.Contains("Australia/Sydney", await ApiClient.ReadAsync<List<string>>(await _api.GetAsync("/api/settings/time-zones", client.Token)));
    }
}
