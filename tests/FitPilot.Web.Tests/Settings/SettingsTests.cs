using System.Net;
using FitPilot.Contracts.Auth;
using FitPilot.Contracts.Settings;
using FitPilot.Web.Components;

namespace FitPilot.Web.Tests.Settings;

/// <summary>Settings shared by PTs and clients: email notifications and the password.</summary>
public sealed class SettingsTests : WebTest
{
    [Fact]
    public void Notification_preferences_load_and_save_as_changed()
    {
        Api.On("GET", "/api/settings/notifications", HttpStatusCode.OK, FakeApi.Json(new NotificationPreferences()))
            .On("PUT", "/api/settings/notifications", HttpStatusCode.OK, FakeApi.Json(new NotificationPreferences { WeeklySummary = true }));
        var cut = Render<NotificationSettings>();
        cut.WaitForAssertion(() => Assert.Equal(5, cut.FindAll("input[type=checkbox]").Count));

        cut.FindAll("input[type=checkbox]")[4].Change(true);
        cut.Find("form").Submit();

        cut.WaitForAssertion(() => Assert.Contains("Saved.", cut.Find("[role=status]").TextContent));
        Assert.True(Api.Sent.Single(r => r.Method == "PUT").Json.GetProperty("weeklySummary").GetBoolean());
    }

    [Fact]
    public void Preferences_that_cannot_load_offer_a_retry()
    {
        Api.Fail("GET", "/api/settings/notifications");
        var cut = Render<NotificationSettings>();
        cut.WaitForAssertion(() => Assert.Contains("Can't reach FitPilot.", cut.Markup));
        Api.On("GET", "/api/settings/notifications", HttpStatusCode.OK, FakeApi.Json(new NotificationPreferences()));
        cut.FindAll("button").Single(b => b.TextContent == "Try again").Click();
        cut.WaitForAssertion(() => Assert.Equal(5, cut.FindAll("input[type=checkbox]").Count));
    }

    [Fact]
    public void Changing_the_password_sends_both_and_clears_the_form()
    {
        Api.On("PUT", "/api/settings/password", HttpStatusCode.OK, FakeApi.Json(new SessionResponse("t", DateTimeOffset.UnixEpoch, new MeResponse("u", Roles.Client, "a@example.com", "A", null, null))));
        var cut = Render<PasswordChange>();
        cut.Find("#current-password").Change("old password 1");
        cut.Find("#new-password").Change("new password 22");
        cut.Find("form").Submit();

        cut.WaitForAssertion(() => Assert.Contains("Password changed.", cut.Markup));
        var sent = Api.Sent.Single().Json;
        Assert.Equal(("old password 1", "new password 22"), (sent.GetProperty("currentPassword").GetString(), sent.GetProperty("newPassword").GetString()));
        Assert.Equal("", cut.Find("#new-password").GetAttribute("value") ?? "");
    }
}
