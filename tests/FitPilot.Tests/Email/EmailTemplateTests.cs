using FitPilot.Functions.Email;

namespace FitPilot.Tests.Email;

public sealed class EmailTemplateTests
{
    [Fact]
    public void Values_are_HTML_encoded_in_the_HTML_part_and_kept_as_is_in_the_text_part()
    {
        var email = EmailTemplates.Render("Invitation", "a@example.com", "A", "Subject", new Dictionary<string, string>
        {
            ["clientName"] = "<script>alert(1)</script>", ["trainerName"] = "Tom & Jerry", ["link"] = "https://x.test/accept-invitation?token=t", ["expires"] = "1 Jan 2027",
        });
        Assert.DoesNotContain("<script>", email.Html);
        Assert.Contains("&lt;script&gt;", email.Html);
        Assert.Contains("Tom &amp; Jerry", email.Html);
        Assert.Contains("Tom & Jerry", email.Text);
        Assert.Contains("https://x.test/accept-invitation?token=t", email.Text);
    }

    [Fact]
    public void The_invitation_promises_only_what_FitPilot_does_today()
    {
        var email = EmailTemplates.Render("Invitation", "a@example.com", "A", "Subject", new Dictionary<string, string>
        {
            ["clientName"] = "Sam", ["trainerName"] = "Robin", ["link"] = "https://x.test/accept-invitation?token=t", ["expires"] = "1 Jan 2027",
        });
        foreach (var part in new[] { email.Html, email.Text })
        {
            Assert.Contains("log each workout", part);
            Assert.DoesNotMatch(NotYet, part);
        }
    }

    /// <summary>What FitPilot does not do yet (meal plans, check-ins, messaging, bookings): no email may promise it.</summary>
    private static readonly System.Text.RegularExpressions.Regex NotYet =
        new(@"meal|nutrition|check-?in|messag|direct line|booking|booked|calendar|habit", System.Text.RegularExpressions.RegexOptions.IgnoreCase);

    [Fact]
    public void A_missing_value_is_an_error_not_a_blank_in_the_email()
    {
        Assert.Throws<InvalidOperationException>(() => EmailTemplates.Render("Invitation", "a@example.com", null, "S", new Dictionary<string, string>()));
    }
}
