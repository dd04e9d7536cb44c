using System.Net;
using FitPilot.Contracts.Auth;
using FitPilot.Contracts.Common;
using FitPilot.Tests.Infrastructure;

namespace FitPilot.Tests.Auth;

/// <summary>Every valid address can sign up, sign in, reset and be invited; invalid ones get a field error, never a 500.</summary>
[Collection(HostCollection.Name)]
public sealed class EmailAddressTests(HostFixture host)
{
    private readonly ApiClient _api = host.NewClient();

    public static TheoryData<string> Unusual => new()
    {
        "a/b+{0}@example.com", "x#y.{0}@example.com", "what?{0}@example.com", "o'brien.{0}@example.com", "{0}!$&*=^`|~@example.com",
        "\"quoted name {0}\"@example.com", "{0}%41@example.com", "{0}@sub.domain.example.co.uk", "{0}@bücher.example.de",
    };

    [Theory]
    [MemberData(nameof(Unusual))]
    public async Task An_unusual_but_valid_address_signs_up_logs_in_resets_and_is_invited(string pattern)
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var email = string.Format(pattern, tag);
        var register = await _api.PostAsync("/api/auth/register", new { name = "Unusual", email, password = "unusual password 1" });
        var session = await ApiClient.ReadAsync<SessionResponse>(register, HttpStatusCode.Created);
        Assert.True(EmailAddresses.TryNormalise(email, out var normalised));
        Assert.Equal(normalised, session.User.Email);

        // The same address in another case is the same account.
        Assert.Equal(HttpStatusCode.OK, (await _api.PostAsync("/api/auth/login", new { email = email.ToUpperInvariant(), password = "unusual password 1" })).StatusCode);
        await ApiClient.ProblemAsync(await _api.PostAsync("/api/auth/register", new { name = "Again", email, password = "unusual password 1" }), HttpStatusCode.Conflict);
        Assert.Equal(HttpStatusCode.Accepted, (await _api.PostAsync("/api/auth/forgot-password", new { email })).StatusCode);
        await host.Mailbox.WaitForAsync(normalised, "Reset your FitPilot password");

        // As a client: invited by a PT, the email arrives.
        var pt = await _api.RegisterTrainerAsync();
        var clientEmail = string.Format(pattern, "c" + tag);
        var invited = await _api.InviteAsync(pt, clientEmail);
        Assert.True(EmailAddresses.TryNormalise(clientEmail, out var clientNormalised));
        Assert.Equal(clientNormalised, invited.Email);
        await host.Mailbox.WaitForAsync(clientNormalised, "invited you");
    }

    [Theory]
    [InlineData("a\u0001b@example.com")]
    [InlineData("a\r\nBcc: victim@example.com")]
    [InlineData("Name <a@example.com>")]
    [InlineData("a @example.com")]
    [InlineData("a@example")]
    [InlineData("a@[127.0.0.1]")]
    [InlineData("a..b@example.com")]
    [InlineData("a@-bad-.example.com")]
    [InlineData("@example.com")]
    public async Task An_invalid_address_is_a_field_error_everywhere_and_writes_nothing(string email)
    {
        foreach (var (path, body) in new (string, object)[]
        {
            ("/api/auth/register", new { name = "Bad", email, password = "long enough password" }),
            ("/api/auth/forgot-password", new { email }),
        })
        {
            var problem = await ApiClient.ProblemAsync(await _api.PostAsync(path, body), HttpStatusCode.BadRequest);
            Assert.True(problem.GetProperty("errors").TryGetProperty("email", out _), problem.ToString());
        }
        // Logging in with it is simply a failed login (or a field error for control characters).
        var login = await _api.PostAsync("/api/auth/login", new { email, password = "long enough password" });
        await ApiClient.ProblemAsync(login, email.Any(char.IsControl) ? HttpStatusCode.BadRequest : HttpStatusCode.Unauthorized);
        var pt = await _api.RegisterTrainerAsync();
        var invite = await ApiClient.ProblemAsync(await _api.PostAsync("/api/clients", new { name = "Bad", email }, pt.Token), HttpStatusCode.BadRequest);
        Assert.True(invite.GetProperty("errors").TryGetProperty("email", out _));
    }
}
