using System.Text.Json;
using System.Text.RegularExpressions;
using Azure.Data.Tables;
using FitPilot.Functions.Auth;
using FitPilot.Functions.Storage;
using FitPilot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FitPilot.Tests.Browser;

/// <summary>The web app in Debian's Chromium against the local host, Azurite and smtp4dev.</summary>
[Collection(HostCollection.Name)]
public sealed class JourneyTests(HostFixture host, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_PT_signs_up_adds_an_exercise_invites_a_client_who_joins_and_is_then_removed()
    {
        var url = host.BrowserUrl;
        await using var pt = await BrowserSession.OpenAsync(browser.Browser, "journey");
        var p = pt.Page;

        await p.GotoAsync(url);
        await Expect(p.GetByRole(AriaRole.Heading, new() { Name = "Coach more clients, with less admin." })).ToBeVisibleAsync();
        await pt.ShotAsync("landing");

        await p.GetByRole(AriaRole.Link, new() { Name = "Start your 7-day free trial" }).ClickAsync();
        var ptEmail = ApiClient.UniqueEmail("browser-pt");
        await p.GetByLabel("Your name").FillAsync("Robin Trainer");
        await p.GetByLabel("Email").FillAsync(ptEmail);
        await p.GetByLabel("Password").FillAsync("robin-trainer-pass");
        await pt.AssertInputsLabelledAsync();
        await pt.ShotAsync("signup");
        await p.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        await Expect(p.GetByRole(AriaRole.Heading, new() { Name = "Welcome, Robin Trainer" })).ToBeVisibleAsync();
        await Expect(p.GetByTestId("trial-days")).ToHaveTextAsync("7");
        await Expect(p.GetByTestId("client-count")).ToHaveTextAsync("0");
        await pt.ShotAsync("dashboard");

        // An exercise of their own, with a YouTube preview.
        await p.GetByRole(AriaRole.Link, new() { Name = "Exercise library", Exact = true }).ClickAsync();
        await p.GetByRole(AriaRole.Button, new() { Name = "New exercise" }).ClickAsync();
        var editor = p.GetByRole(AriaRole.Region, new() { Name = "New exercise" });
        await editor.GetByLabel("Name", new() { Exact = true }).FillAsync("Robin's Landmine Press");
        await editor.GetByLabel("Category").SelectOptionAsync("strength");
        await editor.GetByLabel("Equipment").SelectOptionAsync("barbell");
        await editor.GetByRole(AriaRole.Group, new() { Name = "Primary muscles" }).GetByLabel("shoulders").CheckAsync();
        await editor.GetByRole(AriaRole.Group, new() { Name = "Secondary muscles (optional)" }).GetByLabel("triceps").CheckAsync();
        await editor.GetByLabel("Video link (YouTube, Vimeo or any https link)").FillAsync("https://www.youtube.com/watch?v=dQw4w9WgXcQ");
        await editor.GetByLabel("Instructions, one step per line").FillAsync("Stand tall.\nPress up and across.");
        await editor.GetByLabel("Name", new() { Exact = true }).FocusAsync(); // leaving the link field updates the preview
        await Expect(editor.Locator("iframe[src='https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ']")).ToBeAttachedAsync();
        await pt.AssertInputsLabelledAsync();
        await pt.ShotAsync("exercise-editor");
        await p.GetByRole(AriaRole.Button, new() { Name = "Save exercise" }).ClickAsync();
        var row = p.GetByTestId("exercise-row").Filter(new() { HasText = "Robin's Landmine Press" });
        await Expect(row).ToBeVisibleAsync();
        await Expect(row.GetByText("Mine", new() { Exact = true })).ToBeVisibleAsync();
        await pt.ShotAsync("exercise-saved");

        // Invite a client; the email arrives in smtp4dev.
        await p.GetByRole(AriaRole.Link, new() { Name = "Clients", Exact = true }).ClickAsync();
        var clientEmail = ApiClient.UniqueEmail("browser-client");
        await p.GetByLabel("Name").FillAsync("Alex Client");
        await p.GetByLabel("Email").FillAsync(clientEmail);
        await p.GetByRole(AriaRole.Button, new() { Name = "Send invitation" }).ClickAsync();
        await Expect(p.GetByText($"Invitation sent to {clientEmail}.")).ToBeVisibleAsync();
        await Expect(p.GetByTestId("client-row").Filter(new() { HasText = "Alex Client" }).GetByText("Invited", new() { Exact = true })).ToBeVisibleAsync();
        await pt.AssertInputsLabelledAsync();
        await pt.ShotAsync("client-invited");

        var link = Mailbox.LinkFrom(await host.Mailbox.WaitForAsync(clientEmail, "Robin Trainer invited you"), "/accept-invitation");
        Assert.StartsWith(url + "/accept-invitation?token=", link);

        // The client, on a phone, opens the link and joins.
        await using (var client = await BrowserSession.OpenAsync(browser.Browser, "journey-client", phone: true))
        {
            var c = client.Page;
            await c.GotoAsync(link);
            await Expect(c.GetByRole(AriaRole.Heading, new() { Name = "Join Robin Trainer on FitPilot" })).ToBeVisibleAsync();
            await client.ShotAsync("accept-invitation");
            await c.GetByLabel("Password", new() { Exact = true }).FillAsync("alex-client-pass");
            await c.GetByRole(AriaRole.Button, new() { Name = "Join" }).ClickAsync();
            await Expect(c.GetByRole(AriaRole.Heading, new() { Name = "Hi Alex!" })).ToBeVisibleAsync();
            await Expect(c.GetByText("Robin Trainer")).ToBeVisibleAsync();
            await client.ShotAsync("client-home");

            // The PT sees them active, then removes them (with confirmation).
            await p.ReloadAsync();
            var clientRow = p.GetByTestId("client-row").Filter(new() { HasText = "Alex Client" });
            await Expect(clientRow.GetByText("Active", new() { Exact = true })).ToBeVisibleAsync();
            await clientRow.GetByRole(AriaRole.Button, new() { Name = "Remove" }).ClickAsync();
            await pt.ShotAsync("remove-confirm");
            await clientRow.GetByRole(AriaRole.Button, new() { Name = "Remove", Exact = true }).Last.ClickAsync();
            await Expect(p.GetByText("Alex Client was removed.")).ToBeVisibleAsync();
            await Expect(p.GetByTestId("client-row").Filter(new() { HasText = "Alex Client" })).ToHaveCountAsync(0);
            await pt.ShotAsync("client-removed");

            // The removed client's session is over and their password no longer works.
            await c.GotoAsync(url + "/app");
            await Expect(c.GetByRole(AriaRole.Heading, new() { Name = "Log in" })).ToBeVisibleAsync();
            await c.GetByLabel("Email").FillAsync(clientEmail);
            await c.GetByLabel("Password").FillAsync("alex-client-pass");
            await c.GetByRole(AriaRole.Button, new() { Name = "Log in" }).ClickAsync();
            await Expect(client.Alert).ToContainTextAsync("The email or password is not right.");
            await client.ShotAsync("removed-client-cannot-log-in");
            Assert.Empty(client.Errors);
        }
        Assert.Empty(pt.Errors);
    }

    [Fact]
    public async Task The_app_is_an_installable_PWA_with_a_manifest_and_a_service_worker()
    {
        var context = await browser.Browser.NewContextAsync();
        try
        {
            var page = await context.NewPageAsync();
            await page.GotoAsync(host.BrowserUrl);
            var script = await page.EvaluateAsync<string>("async () => (await navigator.serviceWorker.ready).active.scriptURL");
            Assert.EndsWith("/service-worker.js", script);
            var manifest = await page.EvaluateAsync<JsonElement>("async () => await (await fetch(document.querySelector('link[rel=manifest]').href)).json()");
            Assert.Equal("FitPilot", manifest.GetProperty("name").GetString());
            Assert.Equal("standalone", manifest.GetProperty("display").GetString());
            Assert.Contains(manifest.GetProperty("icons").EnumerateArray(), i => i.GetProperty("sizes").GetString() == "512x512");
        }
        finally
        {
            await context.CloseAsync();
        }
    }

    [Fact]
    public async Task Signing_out_everywhere_from_settings_ends_the_other_devices_sessions_too()
    {
        var api = host.NewClient();
        var pt = await api.RegisterTrainerAsync("Sam Settings");
        var otherDevice = await ApiClient.ReadAsync<Contracts.Auth.SessionResponse>(await api.PostAsync("/api/auth/login", new { email = pt.Email, password = pt.Password }));
        await using var s = await BrowserSession.OpenAsync(browser.Browser, "sign-out-everywhere");
        await s.LogInAsync(host.BrowserUrl, pt.Email, pt.Password);
        await Expect(s.Page.GetByRole(AriaRole.Heading, new() { Name = "Welcome, Sam Settings" })).ToBeVisibleAsync();
        await s.Page.GetByRole(AriaRole.Link, new() { Name = "Settings", Exact = true }).ClickAsync();
        var devices = s.Page.GetByRole(AriaRole.Region, new() { Name = "Devices" });
        await devices.GetByRole(AriaRole.Button, new() { Name = "Sign out everywhere" }).ClickAsync();
        await s.ShotAsync("confirm");
        await devices.GetByRole(AriaRole.Button, new() { Name = "Sign out everywhere" }).ClickAsync();
        await Expect(s.Page.GetByRole(AriaRole.Heading, new() { Name = "Log in" })).ToBeVisibleAsync();
        await s.ShotAsync("signed-out");
        // The phone's session ended on the server, and this browser's too.
        await ApiClient.ProblemAsync(await api.GetAsync("/api/me", otherDevice.Token), System.Net.HttpStatusCode.Unauthorized);
        await s.Page.GotoAsync(host.BrowserUrl + "/pt");
        await Expect(s.Page.GetByRole(AriaRole.Heading, new() { Name = "Log in" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_bad_login_says_so_clearly()
    {
        await using var s = await BrowserSession.OpenAsync(browser.Browser, "bad-login");
        await s.Page.GotoAsync(host.BrowserUrl + "/login");
        await s.Page.GetByLabel("Email").FillAsync("nobody@example.com");
        await s.Page.GetByLabel("Password").FillAsync("wrong password here");
        await s.Page.GetByRole(AriaRole.Button, new() { Name = "Log in" }).ClickAsync();
        await Expect(s.Alert).ToContainTextAsync("The email or password is not right.");
        await s.ShotAsync("bad-login");
    }

    [Fact]
    public async Task Validation_errors_from_the_API_appear_next_to_the_right_field()
    {
        var api = host.NewClient();
        var existing = await api.RegisterTrainerAsync();
        await using var s = await BrowserSession.OpenAsync(browser.Browser, "field-errors");
        await s.Page.GotoAsync(host.BrowserUrl + "/signup");
        await s.Page.GetByLabel("Your name").FillAsync("Copy Cat");
        await s.Page.GetByLabel("Email").FillAsync(existing.Email);
        await s.Page.GetByLabel("Password").FillAsync("a long enough password");
        await s.Page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        var emailField = s.Page.Locator(".field").Filter(new() { Has = s.Page.Locator("#email") });
        await Expect(emailField.Locator(".validation-message")).ToContainTextAsync("already exists");
        await s.ShotAsync("email-taken");

        // Client-side rules come from the same contracts: a short password is flagged before any request.
        await s.Page.GetByLabel("Password").FillAsync("short");
        await s.Page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        var passwordField = s.Page.Locator(".field").Filter(new() { Has = s.Page.Locator("#password") });
        await Expect(passwordField.Locator(".validation-message")).ToContainTextAsync("10 to 128 characters");
    }

    [Fact]
    public async Task An_expired_invitation_link_says_it_expired_and_what_to_do()
    {
        var api = host.NewClient();
        var pt = await api.RegisterTrainerAsync("Expiring Coach");
        var email = ApiClient.UniqueEmail("late");
        await api.InviteAsync(pt, email);
        var message = await host.Mailbox.WaitForAsync(email, "invited you");
        var token = Mailbox.TokenFrom(message, "/accept-invitation");
        var tokens = host.Services.GetRequiredService<StorageClients>().Table(StorageNames.TokensTable);
        var row = (await tokens.GetEntityAsync<TableEntity>(OneTimeTokens.Invitation, OneTimeTokens.HashOf(token))).Value;
        row["ExpiresAt"] = DateTimeOffset.UtcNow.AddDays(-1);
        await tokens.UpdateEntityAsync(row, row.ETag);

        await using var s = await BrowserSession.OpenAsync(browser.Browser, "expired-invitation", phone: true);
        await s.Page.GotoAsync(Mailbox.LinkFrom(message, "/accept-invitation"));
        await Expect(s.Page.GetByRole(AriaRole.Heading, new() { Name = "This invitation has expired" })).ToBeVisibleAsync();
        await Expect(s.Alert).ToContainTextAsync("Ask your trainer to send you a new one.");
        await s.ShotAsync("expired-invitation");
    }

    [Fact]
    public async Task A_server_error_or_a_lost_connection_shows_a_clear_message_and_a_working_retry()
    {
        var api = host.NewClient();
        var pt = await api.RegisterTrainerAsync("Retry Coach");
        await using var s = await BrowserSession.OpenAsync(browser.Browser, "server-error");
        await s.Page.Context.AddCookiesAsync([new Cookie { Name = "fp_session", Value = pt.Token, Url = host.BrowserUrl, HttpOnly = true, Secure = true, SameSite = SameSiteAttribute.Strict }]);

        await s.Page.RouteAsync("**/api/dashboard", route => route.FulfillAsync(new() { Status = 500, Body = "" }));
        await s.Page.GotoAsync(host.BrowserUrl + "/pt");
        await Expect(s.Alert).ToContainTextAsync("FitPilot had a problem on its side");
        await s.ShotAsync("server-error");

        await s.Page.UnrouteAsync("**/api/dashboard");
        await s.Page.RouteAsync("**/api/dashboard", route => route.AbortAsync("internetdisconnected"));
        await s.Page.GetByRole(AriaRole.Button, new() { Name = "Try again" }).ClickAsync();
        await Expect(s.Alert).ToContainTextAsync("Can't reach FitPilot.");
        await s.ShotAsync("offline");

        await s.Page.UnrouteAsync("**/api/dashboard");
        await s.Page.GetByRole(AriaRole.Button, new() { Name = "Try again" }).ClickAsync();
        await Expect(s.Page.GetByTestId("client-count")).ToHaveTextAsync("0");
        await s.ShotAsync("recovered");
    }

    [Fact]
    public async Task Signed_out_visitors_are_sent_to_log_in_and_back_where_they_were_going()
    {
        var api = host.NewClient();
        var pt = await api.RegisterTrainerAsync();
        await using var s = await BrowserSession.OpenAsync(browser.Browser, "return-url");
        await s.Page.GotoAsync(host.BrowserUrl + "/pt/exercises");
        await Expect(s.Page.GetByRole(AriaRole.Heading, new() { Name = "Log in" })).ToBeVisibleAsync();
        Assert.Contains("returnUrl=pt%2Fexercises", s.Page.Url);
        await s.Page.GetByLabel("Email").FillAsync(pt.Email);
        await s.Page.GetByLabel("Password").FillAsync(pt.Password);
        await s.Page.GetByRole(AriaRole.Button, new() { Name = "Log in" }).ClickAsync();
        await Expect(s.Page.GetByRole(AriaRole.Heading, new() { Name = "Exercise library" })).ToBeVisibleAsync();
        Assert.Matches(new Regex("/pt/exercises$"), s.Page.Url);
    }
}
