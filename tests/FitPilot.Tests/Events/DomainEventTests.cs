using System.Net;
using FitPilot.Contracts.Programs;
using FitPilot.Functions.Clients;
using FitPilot.Functions.Events;
using FitPilot.Functions.Storage;
using FitPilot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace FitPilot.Tests.Events;

/// <summary>Domain events: delivered at least once to every handler, handled idempotently, parked in the poison queue when they cannot be.</summary>
[Collection(HostCollection.Name)]
public sealed class DomainEventTests(HostFixture host)
{
    private readonly ApiClient _api = host.NewClient();

    [Fact]
    public async Task A_client_removed_event_delivered_twice_deletes_their_data_once_and_harms_nothing_else()
    {
        var pt = await _api.RegisterTrainerAsync();
        var leaving = await _api.OnboardClientAsync(pt, host.Mailbox);
        var staying = await _api.OnboardClientAsync(pt, host.Mailbox);
        await TrainingSetup.CreateAsync(_api, pt, leaving.Id);
        await TrainingSetup.CreateAsync(_api, pt, staying.Id);
        var bus = host.Services.GetRequiredService<EventBus>();

        // Published twice (a retry after a failure elsewhere): every handler runs twice, each for its own data.
        await bus.PublishAsync(new ClientRemoved(pt.Id, leaving.Id), default);
        await bus.PublishAsync(new ClientRemoved(pt.Id, leaving.Id), default);
        await Eventually.HoldsAsync(async () =>
            Assert.Empty(await ApiClient.ReadAsync<List<ProgramSummary>>(await _api.GetAsync($"/api/programs?clientId={leaving.Id}", pt.Token))));
        Assert.Single(await ApiClient.ReadAsync<List<ProgramSummary>>(await _api.GetAsync($"/api/programs?clientId={staying.Id}", pt.Token)));
        Assert.Equal(HttpStatusCode.OK, (await _api.GetAsync("/api/today", staying.Token)).StatusCode);
    }

    [Fact]
    public async Task An_event_no_handler_can_take_is_retried_then_parked_in_the_poison_queue()
    {
        var storage = host.Services.GetRequiredService<StorageClients>();
        var poison = storage.Queue(StorageNames.EventsQueue + "-poison");
        var marker = Guid.NewGuid().ToString("N");
        await storage.Queue(StorageNames.EventsQueue).SendMessageAsync(StoredJson.Serialize(new { type = "NoSuchEvent", occurredAt = DateTimeOffset.UtcNow, body = new { marker } }));
        await Eventually.HoldsAsync(async () =>
        {
            var parked = (await poison.PeekMessagesAsync(32)).Value;
            Assert.Contains(parked, m => m.Body.ToString().Contains(marker));
        }, TimeSpan.FromSeconds(30));
    }
}
