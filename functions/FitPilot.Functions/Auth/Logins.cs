using FitPilot.Functions.Storage;

namespace FitPilot.Functions.Auth;

/// <summary>The one owner of table <c>logins</c> (see <see cref="LoginEntity"/>): find, claim, change and give back an address.</summary>
public sealed class Logins(StorageClients storage, TimeProvider clock)
{
    /// <summary>A claim this old whose profile was never written is a sign-up or invitation that storage cut short.</summary>
    public static readonly TimeSpan AbandonedAfter = TimeSpan.FromMinutes(1);

    private readonly TenantTable _table = new(storage.Table(StorageNames.LoginsTable));

    public Task<LoginEntity?> FindAsync(string email, CancellationToken ct) =>
        _table.FindAsync<LoginEntity>(LoginEntity.KeyFor(email), LoginEntity.Row, ct);

    /// <summary>
    /// Claims the address for a new login; false when it is taken. A claim older than
    /// <see cref="AbandonedAfter"/> that <paramref name="isAbandoned"/> confirms has no profile
    /// behind it is taken over (by its ETag, so two takers cannot both win).
    /// </summary>
    public async Task<bool> TryClaimAsync(LoginEntity login, Func<LoginEntity, Task<bool>> isAbandoned, CancellationToken ct)
    {
        if (await _table.TryAddAsync(login, ct)) return true;
        var existing = await FindAsync(login.Email, ct);
        if (existing is null || clock.GetUtcNow() - existing.CreatedAt < AbandonedAfter || !await isAbandoned(existing)) return false;
        login.ETag = existing.ETag;
        await _table.UpdateAsync(login, ct);
        return true;
    }

    /// <summary>Saves a login read before, if nobody changed it since (else 409).</summary>
    public Task UpdateAsync(LoginEntity login, CancellationToken ct) => _table.UpdateAsync(login, ct);

    /// <summary>Gives the address back, only if it still belongs to <paramref name="userId"/>.</summary>
    public async Task ReleaseAsync(string email, string userId, CancellationToken ct)
    {
        var login = await FindAsync(email, ct);
        if (login is not null && login.UserId == userId)
            await _table.DeleteAsync(login.PartitionKey, login.RowKey, ct, login.ETag);
    }
}
