using FitPilot.Contracts.Auth;
using FitPilot.Web.Api;

namespace FitPilot.Web.Auth;

/// <summary>
/// Who is signed in, as the API says (GET /api/me). The token itself lives in an HttpOnly cookie
/// this code cannot read; the app only keeps the user's profile.
/// </summary>
public sealed class Session(ApiClient api)
{
    private Task<ApiProblem?>? _loading;

    public MeResponse? User { get; private set; }
    public bool IsTrainer => User?.Role == Roles.Trainer;
    public bool IsClient => User?.Role == Roles.Client;
    public event Action? Changed;

    /// <summary>Loads the user once; null when signed in or simply not signed in, a problem when the API could not be reached.</summary>
    public Task<ApiProblem?> EnsureLoadedAsync() => _loading ??= LoadAsync();

    public async Task<ApiProblem?> ReloadAsync()
    {
        _loading = LoadAsync();
        return await _loading;
    }

    private async Task<ApiProblem?> LoadAsync()
    {
        var me = await api.GetAsync<MeResponse>("api/me");
        if (me.Ok) { Set(me.Value); return null; }
        Set(null);
        if (me.Problem!.Status == 401) return null;
        _loading = null; // let a retry try again
        return me.Problem;
    }

    public void Set(MeResponse? user)
    {
        User = user;
        _loading = Task.FromResult<ApiProblem?>(null);
        Changed?.Invoke();
    }

    public async Task LogOutAsync()
    {
        await api.PostAsync("api/auth/logout", null);
        Set(null);
    }

    /// <summary>Where a signed-in user starts.</summary>
    public string HomePath => IsTrainer ? "pt" : IsClient ? "app" : "";
}
