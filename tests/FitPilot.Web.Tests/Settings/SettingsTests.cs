using System.Net;
using FitPilot.Contracts.Auth;
using FitPilot.Contracts.Settings;
using FitPilot.Web.Components;

namespace FitPilot.Web.Tests.Settings;

/// <summary>Settings shared by PTs and clients: the emails FitPilot sends and the password.</summary>
public sealed class SettingsTests : WebTest
{
    [Fact]
    public void Email_settings_name_only_the_emails_FitPilot_sends_and_offer_no_switch_for_emails_that_do_not_exist()
    {
        var cut = Render<NotificationSettings>();
        var sent = cut.Find("[data-testid=emails-sent]").TextContent;
        Assert.Contains("invitation", sent);
        Assert.Contains("reset your password", sent);
        Assert.Empty(cut.FindAll("input[type=checkbox]"));
        Assert.DoesNotMatch(NotYet, cut.Markup);
        Assert.Empty(Api.Requests);
    }

    /// <summary>What FitPilot does not do yet: no page may promise it (meal plans and nutrition came with issue 13).</summary>
    public static readonly System.Text.RegularExpressions.Regex NotYet =
        new(@"check-?in|messag|booking|booked|calendar|habit", System.Text.RegularExpressions.RegexOptions.IgnoreCase);

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
