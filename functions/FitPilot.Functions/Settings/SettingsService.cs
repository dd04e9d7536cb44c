using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using FitPilot.Contracts.Settings;
using FitPilot.Functions.Clients;
using FitPilot.Functions.Storage;

namespace FitPilot.Functions.Settings;

/// <summary>Per-user settings (table <c>settings</c>, PartitionKey = user id): notification preferences.</summary>
public sealed class SettingsService(StorageClients storage) : IClientDataOwner
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
        await _settings.UpsertAsync(new SettingEntity
        {
            PartitionKey = userId, RowKey = NotificationsRow, Json = StoredJson.Serialize(preferences),
        }, ct);
        return preferences;
    }

    public async Task DeleteClientDataAsync(string trainerId, string clientId, CancellationToken ct) =>
        await _settings.DeletePartitionAsync(clientId, ct);
}
