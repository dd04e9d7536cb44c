using FitPilot.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FitPilot.Tests.Browser;

/// <summary>
/// First load: the public pages are static HTML rendered from the app's components at publish, readable and usable
/// before the .NET runtime has loaded (js/early-forms.js sends their forms to the API as the app would); the app then
/// takes over without losing what was typed, and from then on it alone sends the form.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class FirstLoadTests(HostFixture host, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_public_pages_are_readable_and_fillable_before_the_runtime_loads()
    {
        await using var s = await BrowserSession.OpenAsync(browser.Browser, "first-load-static", phone: true);
        await s.Page.RouteAsync("**/_framework/**", route => route.AbortAsync()); // the runtime never arrives

        foreach (var (path, heading, title) in new[]
                 {
                     ("/", "Coach more clients", "FitPilot — training programs for personal trainers and their clients"),
                     ("/login", "Log in", "Log in · FitPilot"),
                     ("/signup", "Start your 7-day free trial", "Start your free trial · FitPilot"),
                     ("/forgot-password", "Reset your password", "Reset your password · FitPilot"),
                     ("/reset-password?token=abc", "Choose a new password", "Choose a new password · FitPilot"),
                 })
        {
            await s.Page.GotoAsync(host.BrowserUrl + path);
            await Expect(s.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(heading);
            Assert.Equal(title, await s.Page.TitleAsync());
            await s.ShotAsync(path.Trim('/').Split('?')[0] is { Length: > 0 } name ? name : "landing");
        }

        await s.Page.GotoAsync(host.BrowserUrl + "/login");
        await s.Page.GetByLabel("Email").FillAsync("early@example.com");
        await s.Page.GetByLabel("Password").FillAsync("typed before the app");
        await s.Page.GetByRole(AriaRole.Button, new() { Name = "Log in" }).ClickAsync();
        // Sent without the app: the API's answer shows in the form, the page and what was typed stay.
        await Expect(s.Page.Locator("form .alert.error[role=alert]")).ToContainTextAsync("The email or password is not right.");
        Assert.EndsWith("/login", s.Page.Url);
        await Expect(s.Page.GetByLabel("Email")).ToHaveValueAsync("early@example.com");
        await s.ShotAsync("login-sent-before-boot");

        // Desk width too: the static page is the real page, not a "Loading…" box.
        await s.Page.SetViewportSizeAsync(1280, 860);
        await s.Page.GotoAsync(host.BrowserUrl + "/signup");
        await Expect(s.Page.GetByLabel("Your name")).ToBeEditableAsync();
        await s.ShotAsync("signup-desk");
    }

    [Fact]
    public async Task What_is_typed_before_the_app_starts_is_kept_and_a_login_sent_early_goes_through()
    {
        var pt = await host.NewClient().RegisterTrainerAsync("Early Bird");
        await using var s = await BrowserSession.OpenAsync(browser.Browser, "first-load-takeover");
        var console = new List<string>();
        s.Page.Console += (_, m) => { if (m.Type == "error") console.Add(m.Text); };
        var runtime = new TaskCompletionSource();
        await s.Page.RouteAsync("**/_framework/**", async route =>
        {
            await runtime.Task;
            try { await route.ContinueAsync(); } catch (PlaywrightException) { /* the login page it was for has gone */ }
        });

        await s.Page.GotoAsync(host.BrowserUrl + "/login", new() { WaitUntil = WaitUntilState.Commit }); // "load" waits for the held runtime
        await s.Page.GetByLabel("Email").FillAsync(pt.Email);
        await s.Page.GetByLabel("Password").FillAsync(pt.Password);
        await s.Page.GetByLabel("Password").PressAsync("Enter");
        // Logged in by js/early-forms.js before the runtime has arrived ("load" would wait for the held runtime).
        await s.Page.WaitForURLAsync("**/pt", new() { WaitUntil = WaitUntilState.Commit });
        runtime.SetResult(); // the runtime arrives now
        await Expect(s.Page.Locator("[data-testid=client-count]")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        Assert.Empty(console); // no 401 of /api/me on the signed-out visit, nothing else either
        Assert.Empty(s.Errors);
    }

    [Fact]
    public async Task Typing_while_the_app_takes_over_keeps_the_field_its_value_and_the_focus()
    {
        await using var s = await BrowserSession.OpenAsync(browser.Browser, "first-load-focus");
        var runtime = new TaskCompletionSource();
        await s.Page.RouteAsync("**/_framework/**", async route => { await runtime.Task; await route.ContinueAsync(); });
        await s.Page.GotoAsync(host.BrowserUrl + "/signup", new() { WaitUntil = WaitUntilState.Commit });
        await s.Page.GetByLabel("Your name").FillAsync("Sam Early");
        await s.Page.GetByLabel("Email").ClickAsync();
        await s.Page.Keyboard.TypeAsync("sam@exa");
        runtime.SetResult();

        await s.Page.Locator("html.fp-started").WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = 30_000 }); // no eval: the CSP forbids it
        await s.Page.Keyboard.TypeAsync("mple.com");
        await Expect(s.Page.GetByLabel("Email")).ToHaveValueAsync("sam@example.com");
        await Expect(s.Page.GetByLabel("Email")).ToBeFocusedAsync();
        await Expect(s.Page.GetByLabel("Your name")).ToHaveValueAsync("Sam Early");
        // The app holds the values (not only the DOM): a too-short password is flagged by the app's own validation.
        await s.Page.GetByLabel("Password").FillAsync("short");
        await s.Page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        await Expect(s.Page.Locator(".validation-message")).ToContainTextAsync("10 to 128 characters");
        await Expect(s.Page.Locator(".validation-message")).ToHaveCountAsync(1); // name and email came across
        await s.ShotAsync("signup-after-takeover");
    }

    [Fact]
    public async Task Before_the_runtime_starts_the_login_form_flags_blank_fields_and_shows_a_wrong_password()
    {
        var pt = await host.NewClient().RegisterTrainerAsync("Early Form");
        await using var s = await BrowserSession.OpenAsync(browser.Browser, "first-load-early-login", phone: true);
        await s.Page.RouteAsync("**/_framework/**", route => route.AbortAsync()); // the runtime never arrives
        await s.Page.GotoAsync(host.BrowserUrl + "/login");

        // Blank fields are flagged before anything is sent, as the app does.
        await s.Page.GetByRole(AriaRole.Button, new() { Name = "Log in" }).ClickAsync();
        await Expect(s.Page.Locator("#email-error")).ToHaveTextAsync("Enter email.");
        await Expect(s.Page.GetByLabel("Password")).ToHaveAttributeAsync("aria-invalid", "true");

        await s.Page.GetByLabel("Email").FillAsync(pt.Email);
        await Expect(s.Page.Locator("#email-error")).ToHaveCountAsync(0); // edited: its error clears
        await s.Page.GetByLabel("Password").FillAsync("not-the-password-1");
        await s.Page.GetByRole(AriaRole.Button, new() { Name = "Log in" }).ClickAsync();
        await Expect(s.Page.Locator("form .alert.error[role=alert]")).ToContainTextAsync("The email or password is not right.");
        await Expect(s.Page.GetByRole(AriaRole.Button, new() { Name = "Log in" })).ToBeEnabledAsync();
        Assert.EndsWith("/login", s.Page.Url);
        Assert.Equal(0, await s.Page.Locator("html.fp-started").CountAsync()); // the runtime has not taken over
        await s.ShotAsync("login-wrong-password-before-runtime");
    }

    [Fact]
    public async Task Before_the_runtime_starts_sign_up_shows_the_field_error_and_forgot_password_its_answer()
    {
        var pt = await host.NewClient().RegisterTrainerAsync("Taken Email");
        await using var s = await BrowserSession.OpenAsync(browser.Browser, "first-load-early-signup");
        await s.Page.RouteAsync("**/_framework/**", route => route.AbortAsync()); // the runtime never arrives

        await s.Page.GotoAsync(host.BrowserUrl + "/signup");
        await s.Page.GetByLabel("Your name").FillAsync("Second Try");
        await s.Page.GetByLabel("Email").FillAsync(pt.Email);
        await s.Page.GetByLabel("Password").FillAsync("a long enough passphrase");
        await s.Page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        await Expect(s.Page.Locator("#email-error.validation-message")).ToHaveTextAsync("An account with this email already exists.");
        await Expect(s.Page.GetByLabel("Email")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(s.Page.GetByLabel("Email")).ToHaveAttributeAsync("aria-describedby", "email-error");
        await Expect(s.Page.Locator("form .alert")).ToHaveCountAsync(0); // the one error has its field, as in the app
        await Expect(s.Page.GetByRole(AriaRole.Button, new() { Name = "Create account" })).ToBeEnabledAsync();
        await s.ShotAsync("signup-email-taken-before-runtime");

        await s.Page.GotoAsync(host.BrowserUrl + "/forgot-password");
        await s.Page.GetByLabel("Email").FillAsync(pt.Email);
        await s.Page.GetByRole(AriaRole.Button, new() { Name = "Send reset link" }).ClickAsync();
        await Expect(s.Page.Locator(".alert.success[role=status]")).ToContainTextAsync($"If there is a FitPilot account for {pt.Email}, we've emailed it a link");
        await Expect(s.Page.GetByLabel("Email")).ToHaveCountAsync(0);
        await s.ShotAsync("forgot-password-sent-before-runtime");
    }

    [Fact]
    public async Task An_answer_shown_before_the_runtime_arrives_stays_when_it_arrives_and_the_form_keeps_working()
    {
        // Seen in a clean-clone CI run on a busy machine: the runtime took the page over while the early answer was
        // on its way, and "An account with this email already exists" never appeared.
        var pt = await host.NewClient().RegisterTrainerAsync("Kept Answer");
        await using var s = await BrowserSession.OpenAsync(browser.Browser, "first-load-kept-answer", phone: true);
        var runtime = new TaskCompletionSource();
        await s.Page.RouteAsync("**/_framework/**", async route => { await runtime.Task; await route.ContinueAsync(); });
        await s.Page.GotoAsync(host.BrowserUrl + "/signup", new() { WaitUntil = WaitUntilState.Commit });
        await s.Page.GetByLabel("Your name").FillAsync("Second Try");
        await s.Page.GetByLabel("Email").FillAsync(pt.Email);
        await s.Page.GetByLabel("Password").FillAsync("a long enough passphrase");
        await s.Page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        await Expect(s.Page.Locator("#email-error.validation-message")).ToHaveTextAsync("An account with this email already exists.");

        runtime.SetResult(); // the runtime arrives now: it asks the page, which was answered, and keeps off it
        await s.Page.Locator("html.fp-early-kept").WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = 60_000 });
        await Expect(s.Page.Locator("#email-error.validation-message")).ToHaveTextAsync("An account with this email already exists.");
        Assert.Equal(0, await s.Page.Locator("html.fp-started").CountAsync());
        await s.ShotAsync("signup-answer-kept");

        // The same page goes on working: corrected, it signs the PT up.
        await s.Page.GetByLabel("Email").FillAsync(ApiClient.UniqueEmail("kept"));
        await s.Page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        await s.Page.WaitForURLAsync("**/pt");
        await Expect(s.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync(new() { Timeout = 60_000 });
    }

    [Fact]
    public async Task Once_the_app_has_taken_over_a_login_is_sent_once()
    {
        var pt = await host.NewClient().RegisterTrainerAsync("One Owner");
        await using var s = await BrowserSession.OpenAsync(browser.Browser, "first-load-one-owner");
        var logins = 0;
        s.Page.Request += (_, r) => { if (r.Url.EndsWith("/api/auth/login") && r.Method == "POST") Interlocked.Increment(ref logins); };
        await s.Page.GotoAsync(host.BrowserUrl + "/login");
        await s.Page.GetByLabel("Email").FillAsync(pt.Email); // the first key starts the app
        await s.Page.Locator("html.fp-started").WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = 30_000 });
        await s.Page.GetByLabel("Password").FillAsync("not-the-password-1");
        await s.Page.GetByRole(AriaRole.Button, new() { Name = "Log in" }).ClickAsync();
        await Expect(s.Page.Locator("form .alert.error[role=alert]")).ToContainTextAsync("The email or password is not right.");
        await s.Page.GetByLabel("Password").FillAsync(pt.Password);
        await s.Page.GetByRole(AriaRole.Button, new() { Name = "Log in" }).ClickAsync();
        await s.Page.WaitForURLAsync("**/pt");
        await Expect(s.Page.Locator("[data-testid=client-count]")).ToBeVisibleAsync();
        Assert.Equal(2, logins); // one per submit: the app's; the prerendered form's script stepped aside
    }

    [Fact]
    public async Task Before_the_runtime_starts_an_invited_client_sees_who_invited_them_and_joins()
    {
        var api = host.NewClient();
        var pt = await api.RegisterTrainerAsync("Casey Early");
        var email = ApiClient.UniqueEmail("early-client");
        await api.InviteAsync(pt, email, "Jordan Early");
        var link = Mailbox.LinkFrom(await host.Mailbox.WaitForAsync(email, "invited you"), "/accept-invitation");

        await using var s = await BrowserSession.OpenAsync(browser.Browser, "first-load-early-invitation", phone: true);
        var runtime = new TaskCompletionSource();
        await s.Page.RouteAsync("**/_framework/**", async route =>
        {
            await runtime.Task;
            try { await route.ContinueAsync(); } catch (PlaywrightException) { /* the page it was for has gone */ }
        });
        await s.Page.GotoAsync(link, new() { WaitUntil = WaitUntilState.Commit }); // "load" waits for the held runtime

        // The prerendered page asked for the preview itself: who invited them, and the form at once.
        await Expect(s.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Join Casey Early on FitPilot");
        await Expect(s.Page.Locator("main p").Filter(new() { HasText = "invited you" })).ToContainTextAsync($"Hi Jordan Early! Casey Early invited you. Choose a password for {email}");
        await Expect(s.Page.GetByText("Loading your invitation…")).ToHaveCountAsync(0);
        await s.ShotAsync("accept-invitation-before-runtime");

        // A password the API refuses: its words under the field, as the page shows them.
        await s.Page.GetByLabel("Password", new() { Exact = true }).FillAsync("short");
        await s.Page.GetByRole(AriaRole.Button, new() { Name = "Join" }).ClickAsync();
        await Expect(s.Page.Locator("#password-error.validation-message")).ToContainTextAsync("10 to 128 characters");
        await Expect(s.Page.GetByLabel("Password", new() { Exact = true })).ToHaveAttributeAsync("aria-invalid", "true");
        await s.ShotAsync("accept-invitation-short-password-before-runtime");
        Assert.Equal(0, await s.Page.Locator("html.fp-started").CountAsync()); // all of it without the runtime

        await s.Page.GetByLabel("Password", new() { Exact = true }).FillAsync("jordan-early-pass");
        await s.Page.GetByRole(AriaRole.Button, new() { Name = "Join" }).ClickAsync();
        await s.Page.WaitForURLAsync("**/app", new() { WaitUntil = WaitUntilState.Commit }); // joined and signed in by js/early-forms.js
        runtime.SetResult(); // the runtime arrives now
        await Expect(s.Page.GetByRole(AriaRole.Heading, new() { Name = "Hi Jordan!" })).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Expect(s.Page.GetByText("Casey Early").First).ToBeVisibleAsync();
        await s.ShotAsync("client-home-after-early-join");
        Assert.Empty(s.Errors);
    }

    [Fact]
    public async Task A_password_typed_on_the_prerendered_invitation_is_kept_when_the_app_takes_over_and_the_app_joins()
    {
        var api = host.NewClient();
        var pt = await api.RegisterTrainerAsync("Handover Coach");
        var email = ApiClient.UniqueEmail("handover-client");
        await api.InviteAsync(pt, email, "Riley Handover");
        var link = Mailbox.LinkFrom(await host.Mailbox.WaitForAsync(email, "invited you"), "/accept-invitation");

        await using var s = await BrowserSession.OpenAsync(browser.Browser, "first-load-invitation-handover", phone: true);
        var runtime = new TaskCompletionSource();
        await s.Page.RouteAsync("**/_framework/**", async route => { await runtime.Task; await route.ContinueAsync(); });
        await s.Page.GotoAsync(link, new() { WaitUntil = WaitUntilState.Commit });
        await Expect(s.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Join Handover Coach on FitPilot");
        await s.Page.GetByLabel("Password", new() { Exact = true }).FillAsync("riley-handover-pass");
        runtime.SetResult();

        await s.Page.Locator("html.fp-started").WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = 30_000 });
        await Expect(s.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Join Handover Coach on FitPilot"); // the app's own preview
        await Expect(s.Page.GetByLabel("Password", new() { Exact = true })).ToHaveValueAsync("riley-handover-pass");
        await s.Page.GetByRole(AriaRole.Button, new() { Name = "Join" }).ClickAsync(); // the app sends it: it holds the typed value
        await Expect(s.Page.GetByRole(AriaRole.Heading, new() { Name = "Hi Riley!" })).ToBeVisibleAsync();
        Assert.Empty(s.Errors);
    }

    [Fact]
    public async Task Before_the_runtime_starts_a_used_a_bad_or_an_incomplete_invitation_link_says_so_as_the_page_does()
    {
        var api = host.NewClient();
        var pt = await api.RegisterTrainerAsync("Used Link Coach");
        var email = ApiClient.UniqueEmail("used-link");
        await api.InviteAsync(pt, email);
        var message = await host.Mailbox.WaitForAsync(email, "invited you");
        await ApiClient.ReadAsync<FitPilot.Contracts.Auth.SessionResponse>(await api.PostAsync("/api/invitations/accept",
            new { token = Mailbox.TokenFrom(message, "/accept-invitation"), password = "used-link-pass-1" }));

        await using var s = await BrowserSession.OpenAsync(browser.Browser, "first-load-early-invitation-used", phone: true);
        await s.Page.RouteAsync("**/_framework/**", route => route.AbortAsync()); // the runtime never arrives

        await s.Page.GotoAsync(Mailbox.LinkFrom(message, "/accept-invitation"));
        await Expect(s.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("This invitation can't be used");
        await Expect(s.Alert).ToContainTextAsync("Not found.");
        await Expect(s.Alert).ToContainTextAsync("it was already used, withdrawn or replaced by a newer one. Ask your trainer to invite you again.");
        await Expect(s.Page.GetByRole(AriaRole.Link, new() { Name = "Log in" }).Last).ToBeVisibleAsync();
        await Expect(s.Page.GetByLabel("Password", new() { Exact = true })).ToHaveCountAsync(0);
        await s.ShotAsync("accept-invitation-used-before-runtime");

        await s.Page.GotoAsync(host.BrowserUrl + "/accept-invitation?token=not-a-real-token");
        await Expect(s.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("This invitation can't be used");
        await Expect(s.Alert).ToContainTextAsync("Ask your trainer to invite you again.");

        await s.Page.GotoAsync(host.BrowserUrl + "/accept-invitation");
        await Expect(s.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Invitation link incomplete");
        await Expect(s.Alert).ToHaveTextAsync("Open the link from your invitation email again.");
        await s.ShotAsync("accept-invitation-incomplete-before-runtime");
        Assert.Equal(0, await s.Page.Locator("html.fp-started").CountAsync());
    }
}
