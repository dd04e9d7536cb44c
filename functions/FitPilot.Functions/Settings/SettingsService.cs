using Azure;
using Azure.Data.Tables;
using FitPilot.Contracts.Settings;
using FitPilot.Functions.Auth;
using FitPilot.Functions.Clients;
using FitPilot.Functions.Common;
using FitPilot.Functions.Events;
using FitPilot.Functions.Http;
using FitPilot.Functions.Storage;
using FitPilot.Functions.Trainers;

namespace FitPilot.Functions.Settings;

/// <summary>
/// A user's settings: email notification preferences (table <c>settings</c>, PartitionKey = user id,
/// owned here) and their time zone (kept on their profile, which Trainers and Clients own, and on
/// their sessions, so every request knows their "today").
/// </summary>
public sealed class SettingsService(StorageClients storage, TrainerStore trainers, ClientStore clients, Sessions sessions, EventBus events, TimeProvider clock)
    : IEventHandler<ClientRemoved>
{
    private const string NotificationsRow = "notifications";
    private readonly TenantTable _settings = new(storage.Table(StorageNames.SettingsTable));

    public sealed class SettingEntity : ITableEntity
    {
        public string PartitionKey { get; set; } = "";
        public string RowKey { get; set; } = "";
        public DateTimeOffset? Timestamp { get; set; }
        public ETag ETag { get; set; }
        public string Json { get; set; } = "{}";
    }

    public async Task<NotificationPreferences> GetNotificationsAsync(string userId, CancellationToken ct)
    {
        var row = await _settings.FindAsync<SettingEntity>(userId, NotificationsRow, ct);
        return row is null ? new NotificationPreferences() : StoredJson.Deserialize<NotificationPreferences>(row.Json);
    }

    public async Task<NotificationPreferences> SaveNotificationsAsync(string userId, NotificationPreferences preferences, CancellationToken ct)
    {
        await _settings.UpsertAsync(new SettingEntity { PartitionKey = userId, RowKey = NotificationsRow, Json = StoredJson.Serialize(preferences) }, ct);
        return preferences;
    }

    /// <summary>Moves the user to another time zone: their profile, every signed-in device of theirs, and (by <see cref="TimeZoneChanged"/>) their reminders.</summary>
    public async Task<TimeZoneSettings> SaveTimeZoneAsync(Caller caller, TimeZoneSettings request, CancellationToken ct)
    {
        var zone = UserTime.Require(request.TimeZone);
        var now = clock.GetUtcNow();
        if (caller is ClientCaller client)
            await clients.ChangeAsync(client.TrainerId, client.ClientId, null, c => { c.TimeZone = zone; c.UpdatedAt = now; }, ct);
        else
            await trainers.ChangeAsync(caller.TrainerId, null, t => { t.TimeZone = zone; t.UpdatedAt = now; }, ct);
        await sessions.SetTimeZoneAsync(caller.UserId, zone, ct);
        await events.PublishAsync(new TimeZoneChanged(caller.TrainerId, (caller as ClientCaller)?.ClientId, zone), ct);
        return new TimeZoneSettings { TimeZone = zone };
    }

    /// <summary>
    /// Shows and takes weights in kg or lb (stored in kg either way) and lengths in cm or in (stored in cm), on
    /// the user's profile. A request without a length unit leaves it as it is; the answer says both.
    /// </summary>
    public async Task<UnitSettings> SaveUnitsAsync(Caller caller, UnitSettings request, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        string? length;
        if (caller is ClientCaller client)
            length = (await clients.ChangeAsync(client.TrainerId, client.ClientId, null, c =>
            {
                c.WeightUnit = request.WeightUnit;
                c.LengthUnit = request.LengthUnit ?? c.LengthUnit;
                c.UpdatedAt = now;
            }, ct)).LengthUnit;
        else
            length = (await trainers.ChangeAsync(caller.TrainerId, null, t =>
            {
                t.WeightUnit = request.WeightUnit;
                t.LengthUnit = request.LengthUnit ?? t.LengthUnit;
                t.UpdatedAt = now;
            }, ct)).LengthUnit;
        return request with { LengthUnit = length ?? Contracts.Progress.LengthUnits.Cm };
    }

    /// <summary>A removed client's settings go with them.</summary>
    public Task HandleAsync(ClientRemoved removed, CancellationToken ct) => _settings.DeletePartitionAsync(removed.ClientId, ct);
}
