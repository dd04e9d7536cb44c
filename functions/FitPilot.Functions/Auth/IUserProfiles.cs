using FitPilot.Contracts.Auth;

namespace FitPilot.Functions.Auth;

/// <summary>
/// Who a login belongs to, as the app shows them (a PT's or a client's profile). Auth only knows
/// credentials and sessions; the Accounts feature, which reads the profiles, implements this.
/// </summary>
public interface IUserProfiles
{
    Task<MeResponse> GetAsync(string role, string trainerId, string userId, CancellationToken ct);
}
