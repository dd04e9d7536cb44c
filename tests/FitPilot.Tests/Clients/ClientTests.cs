using System.Net;
using Azure.Data.Tables;
using FitPilot.Contracts.Auth;
using FitPilot.Contracts.Clients;
using FitPilot.Contracts.Common;
using FitPilot.Contracts.Invitations;
using FitPilot.Functions.Auth;
using FitPilot.Functions.Storage;
using FitPilot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace FitPilot.Tests.Clients;

[Collection(HostCollection.Name)]
public sealed class ClientTests(HostFixture host)
{
    private readonly ApiClient _api = host.NewClient();

    [Fact]
    public async Task An_invitation_email_arrives_and_its_link_lets_the_client_set_a_password_and_sign_in()
    {
        var pt = await _api.RegisterTrainerAsync("Morgan Coach");
        var email = ApiClient.UniqueEmail("invitee");
        var invited = await _api.InviteAsync(pt, email, "Riley Client");
        Assert.Equal("invited", invited.Status);

        var message = await host.Mailbox.WaitForAsync(email, "Morgan Coach invited you");
        Assert.Contains("Riley Client", message.Html);
        Assert.StartsWith(host.BaseUrl.Replace("127.0.0.1", "localhost") + "/accept-invitation?token=", Mailbox.LinkFrom(message, "/accept-invitation"));
        var token = Mailbox.TokenFrom(message, "/accept-invitation");

        var preview = await ApiClient.ReadAsync<InvitationPreview>(await _api.GetAsync("/api/invitations?token=" + Uri.EscapeDataString(token)));
        Assert.Equal("Morgan Coach", preview.TrainerName);
        Assert.Equal(email, preview.Email);

        // Before accepting, the client cannot sign in.
        await ApiClient.ProblemAsync(await _api.PostAsync("/api/auth/login", new { email, password = "client-password-1" }), HttpStatusCode.Unauthorized);

        var session = await ApiClient.ReadAsync<SessionResponse>(await _api.PostAsync("/api/invitations/accept", new { token, password = "client-password-1" }));
        Assert.Equal("client", session.User.Role);
        Assert.Equal("active", session.User.Client!.Status);

        var login = await ApiClient.ReadAsync<SessionResponse>(await _api.PostAsync("/api/auth/login", new { email, password = "client-password-1" }));
        Assert.Equal(invited.Id, login.User.Id);
        var seenByPt = await ApiClient.ReadAsync<ClientProfile>(await _api.GetAsync($"/api/clients/{invited.Id}", pt.Token));
        Assert.Equal("active", seenByPt.Status);

        // The link works once.
        await ApiClient.ProblemAsync(await _api.PostAsync("/api/invitations/accept", new { token, password = "another-password" }), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Reinviting_sends_a_new_link_and_the_old_one_stops_working()
    {
        var pt = await _api.RegisterTrainerAsync();
        var email = ApiClient.UniqueEmail("reinvite");
        var client = await _api.InviteAsync(pt, email);
        var first = Mailbox.TokenFrom(await host.Mailbox.WaitForAsync(email, "invited you"), "/accept-invitation");

        Assert.Equal(HttpStatusCode.OK, (await _api.PostAsync($"/api/clients/{client.Id}/invitation", null, pt.Token)).StatusCode);
        string second;
        do second = Mailbox.TokenFrom(await host.Mailbox.WaitForAsync(email, "invited you"), "/accept-invitation");
        while (second == first);

        await ApiClient.ProblemAsync(await _api.GetAsync("/api/invitations?token=" + Uri.EscapeDataString(first)), HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.OK, (await _api.PostAsync("/api/invitations/accept", new { token = second, password = "client-password-1" })).StatusCode);
        // A client who joined cannot be re-invited.
        await ApiClient.ProblemAsync(await _api.PostAsync($"/api/clients/{client.Id}/invitation", null, pt.Token), HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Revoking_an_invitation_kills_the_link_and_frees_the_email()
    {
        var pt = await _api.RegisterTrainerAsync();
        var email = ApiClient.UniqueEmail("revoked");
        var client = await _api.InviteAsync(pt, email);
        var token = Mailbox.TokenFrom(await host.Mailbox.WaitForAsync(email, "invited you"), "/accept-invitation");

        Assert.Equal(HttpStatusCode.NoContent, (await _api.DeleteAsync($"/api/clients/{client.Id}/invitation", pt.Token)).StatusCode);
        await ApiClient.ProblemAsync(await _api.PostAsync("/api/invitations/accept", new { token, password = "client-password-1" }), HttpStatusCode.NotFound);
        await ApiClient.ProblemAsync(await _api.GetAsync($"/api/clients/{client.Id}", pt.Token), HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.Created, (await _api.PostAsync("/api/clients", new { name = "Again", email }, pt.Token)).StatusCode);
    }

    [Fact]
    public async Task An_expired_invitation_link_answers_410_with_a_clear_message()
    {
        var pt = await _api.RegisterTrainerAsync();
        var email = ApiClient.UniqueEmail("expired");
        await _api.InviteAsync(pt, email);
        var token = Mailbox.TokenFrom(await host.Mailbox.WaitForAsync(email, "invited you"), "/accept-invitation");
        await ExpireAsync(OneTimeTokens.Invitation, token);

        var problem = await ApiClient.ProblemAsync(await _api.PostAsync("/api/invitations/accept", new { token, password = "client-password-1" }), HttpStatusCode.Gone);
        Assert.Contains("expired", problem.GetProperty("detail").GetString());
        await ApiClient.ProblemAsync(await _api.GetAsync("/api/invitations?token=" + Uri.EscapeDataString(token)), HttpStatusCode.Gone);
    }

    [Fact]
    public async Task The_nightly_clean_up_deletes_expired_tokens_and_keeps_live_ones()
    {
        var pt = await _api.RegisterTrainerAsync();
        var (expiredEmail, liveEmail) = (ApiClient.UniqueEmail("old"), ApiClient.UniqueEmail("new"));
        await _api.InviteAsync(pt, expiredEmail);
        await _api.InviteAsync(pt, liveEmail);
        var expired = Mailbox.TokenFrom(await host.Mailbox.WaitForAsync(expiredEmail, "invited you"), "/accept-invitation");
        var live = Mailbox.TokenFrom(await host.Mailbox.WaitForAsync(liveEmail, "invited you"), "/accept-invitation");
        await ExpireAsync(OneTimeTokens.Invitation, expired);

        Assert.Equal(HttpStatusCode.NoContent, (await _api.PostAsync("/_dev/timers/CleanUpExpiredTokens", null)).StatusCode);

        var tokens = host.Services.GetRequiredService<StorageClients>().Table(StorageNames.TokensTable);
        Assert.False((await tokens.GetEntityIfExistsAsync<TableEntity>(OneTimeTokens.Invitation, OneTimeTokens.HashOf(expired))).HasValue);
        Assert.True((await tokens.GetEntityIfExistsAsync<TableEntity>(OneTimeTokens.Invitation, OneTimeTokens.HashOf(live))).HasValue);
    }

    [Fact]
    public async Task Removing_a_client_ends_their_sessions_stops_their_login_and_deletes_their_data()
    {
        var pt = await _api.RegisterTrainerAsync();
        var client = await _api.OnboardClientAsync(pt, host.Mailbox);
        await _api.PutAsync("/api/settings/notifications", new { emailOnNewMessage = false, emailOnCheckIn = false, emailOnBooking = false, checkInReminders = false, weeklySummary = false }, client.Token);

        Assert.Equal(HttpStatusCode.NoContent, (await _api.DeleteAsync($"/api/clients/{client.Id}", pt.Token)).StatusCode);

        await ApiClient.ProblemAsync(await _api.GetAsync("/api/me", client.Token), HttpStatusCode.Unauthorized);
        await ApiClient.ProblemAsync(await _api.PostAsync("/api/auth/login", new { email = client.Email, password = client.Password }), HttpStatusCode.Unauthorized);
        await ApiClient.ProblemAsync(await _api.GetAsync($"/api/clients/{client.Id}", pt.Token), HttpStatusCode.NotFound);
        // Their data follows (the ClientRemoved event, delivered by the queue trigger).
        var storage = host.Services.GetRequiredService<StorageClients>();
        await Eventually.HoldsAsync(async () =>
        {
            foreach (var table in StorageNames.Tables)
            {
                var rows = storage.Table(table).QueryAsync<TableEntity>($"PartitionKey eq '{client.Id}' or RowKey eq '{client.Id}' or PartitionKey eq '{client.Email}'");
                Assert.Empty(await rows.ToListAsync());
            }
        });
    }

    [Fact]
    public async Task A_PT_edits_a_client_profile_and_a_stale_edit_is_refused_with_409()
    {
        var pt = await _api.RegisterTrainerAsync();
        var client = await _api.InviteAsync(pt, ApiClient.UniqueEmail("edit"));
        var read = await _api.GetAsync($"/api/clients/{client.Id}", pt.Token);
        var etag = read.Headers.ETag!.Tag;

        var first = new HttpRequestMessage(HttpMethod.Put, $"/api/clients/{client.Id}") { Content = System.Net.Http.Json.JsonContent.Create(new { name = "Edited", age = 30, heightCm = 170.5, currentWeightKg = 70.2 }) };
        first.Headers.Authorization = new("Bearer", pt.Token);
        first.Headers.IfMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue(etag, isWeak: read.Headers.ETag.IsWeak));
        var updated = await ApiClient.ReadAsync<ClientProfile>(await _api.Http.SendAsync(first));
        Assert.Equal("Edited", updated.Name);
        Assert.Equal(170.5, updated.HeightCm);

        var stale = new HttpRequestMessage(HttpMethod.Put, $"/api/clients/{client.Id}") { Content = System.Net.Http.Json.JsonContent.Create(new { name = "Overwrite" }) };
        stale.Headers.Authorization = new("Bearer", pt.Token);
        stale.Headers.IfMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue(etag, isWeak: read.Headers.ETag.IsWeak));
        await ApiClient.ProblemAsync(await _api.Http.SendAsync(stale), HttpStatusCode.Conflict);
        Assert.Equal("Edited", (await ApiClient.ReadAsync<ClientProfile>(await _api.GetAsync($"/api/clients/{client.Id}", pt.Token))).Name);
    }

    [Fact]
    public async Task The_client_list_pages_with_an_opaque_cursor_and_shows_only_the_PTs_own_clients()
    {
        var pt = await _api.RegisterTrainerAsync();
        var other = await _api.RegisterTrainerAsync();
        await _api.InviteAsync(other, ApiClient.UniqueEmail("theirs"));
        var mine = new HashSet<string>();
        for (var i = 0; i < 5; i++) mine.Add((await _api.InviteAsync(pt, ApiClient.UniqueEmail("mine"))).Id);

        var seen = new List<string>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await ApiClient.ReadAsync<Page<ClientProfile>>(await _api.GetAsync("/api/clients?limit=2" + (cursor is null ? "" : "&cursor=" + cursor), pt.Token));
            Assert.True(page.Items.Count <= 2);
            seen.AddRange(page.Items.Select(c => c.Id));
            cursor = page.NextCursor;
            pages++;
        } while (cursor is not null && pages < 10);

        Assert.Equal(mine.OrderBy(x => x), seen.OrderBy(x => x));
        Assert.True(pages >= 3);
        await ApiClient.ProblemAsync(await _api.GetAsync("/api/clients?cursor=%%%garbage", pt.Token), HttpStatusCode.BadRequest);
        await ApiClient.ProblemAsync(await _api.GetAsync("/api/clients?limit=0", pt.Token), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_client_sees_and_edits_their_own_profile()
    {
        var pt = await _api.RegisterTrainerAsync();
        var client = await _api.OnboardClientAsync(pt, host.Mailbox);
        var me = await ApiClient.ReadAsync<MeResponse>(await _api.PutAsync("/api/me", new { name = "New Name", age = 41, currentWeightKg = 80.5 }, client.Token));
        Assert.Equal("client", me.Role);
        Assert.Equal(41, me.Client!.Age);
        Assert.Equal(pt.Id, me.Client.TrainerId);
        await ApiClient.ProblemAsync(await _api.PutAsync("/api/me", new { name = "X", age = 500 }, client.Token), HttpStatusCode.BadRequest);
    }

    private async Task ExpireAsync(string kind, string token)
    {
        var table = host.Services.GetRequiredService<StorageClients>().Table(StorageNames.TokensTable);
        var row = (await table.GetEntityAsync<TableEntity>(kind, OneTimeTokens.HashOf(token))).Value;
        row["ExpiresAt"] = DateTimeOffset.UtcNow.AddMinutes(-1);
        await table.UpdateEntityAsync(row, row.ETag);
    }
}
