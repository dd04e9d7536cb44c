using FitPilot.Contracts.Auth;
using FitPilot.Web.Api;

namespace FitPilot.Web.Auth;

/// <summary>
/// Who is signed in, as the API says (GET /api/me). The token itself lives in an HttpOnly cookie
/// this code cannot read; the app only keeps the user's profile.
/// </summary>
public sealed class Session(AuthApi auth, DeviceStore device)
{
    private Task<ApiProblem?>? _loading;

    public MeResponse? User { get; private set; }
    public bool IsTrainer => User?.Role == Roles.Trainer;
    public bool IsClient => User?.Role == Roles.Client;
    public event Action? Changed;

    /// <summary>Loads the user once; null when signed in or simply not signed in, a problem when the API could not be reached.</summary>
    public Task<ApiProblem?> EnsureLoadedAsync() => _loading ??= LoadAsync();

    /// <summary>
    /// For public pages: asks the API who is signed in only when this device remembers a signed-in user (set at sign-in,
    /// removed at sign-out), so a signed-out visit makes no request that can only answer 401. Pages that need a user
    /// call <see cref="EnsureLoadedAsync"/>, which always asks.
    /// </summary>
    public async Task<ApiProblem?> EnsureLoadedIfRememberedAsync()
    {
        if (_loading is null && await device.GetAsync<MeResponse>("me") is null) return null;
        return await EnsureLoadedAsync();
    }

    public async Task<ApiProblem?> ReloadAsync()
    {
        _loading = LoadAsync();
        return await _loading;
    }

    /// <summary>True when the user comes from the device because the network is down.</summary>
    public bool Offline { get; private set; }

    private async Task<ApiProblem?> LoadAsync()
    {
        var me = await auth.MeAsync();
        if (me.Ok) { Offline = false; Set(me.Value); return null; }
        if (me.Problem!.IsNetworkError && await device.GetAsync<MeResponse>("me") is { } remembered)
        {
            // At the gym without signal: carry on as the last signed-in user; the API decides again when back online.
            Offline = true;
            User = remembered;
            Changed?.Invoke();
            return null;
        }
        Set(null);
        if (me.Problem.Status == 401) return null;
        _loading = null; // let a retry try again
        return me.Problem;
    }

    public void Set(MeResponse? user)
    {
        User = user;
        _loading = Task.FromResult<ApiProblem?>(null);
        _ = user is null ? device.RemoveAsync("me") : device.SetAsync("me", user);
        Changed?.Invoke();
    }

    public async Task LogOutAsync()
    {
        await auth.LogOutAsync();
        await device.ClearAsync();
        Set(null);
    }

    /// <summary>Where a signed-in user starts.</summary>
    public string HomePath => IsTrainer ? "pt" : IsClient ? "app" : "";
}
