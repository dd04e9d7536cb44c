using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using FitPilot.Functions.Storage;

namespace FitPilot.Functions.Auth;

/// <summary>
/// Emailed one-time tokens (invitations, password resets). Only a SHA-256 of the token is
/// stored, so a leaked table does not leak working links. Expired rows are removed nightly.
/// </summary>
public sealed class OneTimeTokens(StorageClients storage, TimeProvider clock)
{
    public const string Invitation = "invite";
    public const string PasswordReset = "reset";
    public static readonly string[] Kinds = [Invitation, PasswordReset];

    private readonly TenantTable _table = new(storage.Table(StorageNames.TokensTable));

    public sealed class TokenEntity : ITableEntity
    {
        /// <summary>The kind of token.</summary>
        public string PartitionKey { get; set; } = "";
        /// <summary>SHA-256 of the token, hex.</summary>
        public string RowKey { get; set; } = "";
        public DateTimeOffset? Timestamp { get; set; }
        public ETag ETag { get; set; }
        public DateTimeOffset ExpiresAt { get; set; }
        public string Email { get; set; } = "";
        public string TrainerId { get; set; } = "";
        public string UserId { get; set; } = "";
    }

    public async Task<(string Token, TokenEntity Entity)> CreateAsync(string kind, string email, string trainerId, string userId, TimeSpan lifetime, CancellationToken ct)
    {
        var token = Base64UrlToken();
        var entity = new TokenEntity
        {
            PartitionKey = kind, RowKey = HashOf(token), ExpiresAt = clock.GetUtcNow() + lifetime,
            Email = email, TrainerId = trainerId, UserId = userId,
        };
        await _table.AddAsync(entity, ct);
        return (token, entity);
    }

    /// <summary>The token's row when it exists (expired or not: callers tell the two apart for the user).</summary>
    public Task<TokenEntity?> FindAsync(string kind, string token, CancellationToken ct) =>
        string.IsNullOrWhiteSpace(token) || token.Length > 200
            ? Task.FromResult<TokenEntity?>(null)
            : _table.FindAsync<TokenEntity>(kind, HashOf(token), ct);

    public bool IsExpired(TokenEntity token) => token.ExpiresAt <= clock.GetUtcNow();

    public Task DeleteAsync(string kind, string tokenHash, CancellationToken ct) => _table.DeleteAsync(kind, tokenHash, ct);

    /// <summary>Deletes every expired token of every kind; returns how many.</summary>
    public async Task<int> DeleteExpiredAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var deleted = 0;
        foreach (var kind in Kinds)
            deleted += await _table.DeleteRowsAsync(TableClient.CreateQueryFilter($"PartitionKey eq {kind} and ExpiresAt le {now}"), ct);
        return deleted;
    }

    public static string HashOf(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static string Base64UrlToken() => System.Buffers.Text.Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
}
