using FitPilot.Contracts.Engagement;

namespace FitPilot.Web.Api;

/// <summary>Habits: the PT gives a client habits; the client ticks today (or yesterday).</summary>
public sealed class HabitsApi(ApiClient api)
{
    private static string Base(string clientId) => $"api/clients/{ApiPath.Id(clientId)}/habits";

    public Task<ApiResult<List<HabitProgress>>> ClientHabitsAsync(string clientId) => api.GetAsync<List<HabitProgress>>(Base(clientId));
    public Task<ApiResult<Habit>> CreateAsync(string clientId, SaveHabitRequest request) => api.PostAsync<Habit>(Base(clientId), request);
    public Task<ApiResult<Habit>> UpdateAsync(string clientId, string habitId, SaveHabitRequest request) => api.PutAsync<Habit>($"{Base(clientId)}/{ApiPath.Id(habitId)}", request);
    public Task<ApiResult<Unit>> DeleteAsync(string clientId, string habitId) => api.DeleteAsync($"{Base(clientId)}/{ApiPath.Id(habitId)}");

    // The client's own.
    public Task<ApiResult<List<HabitProgress>>> MineAsync() => api.GetAsync<List<HabitProgress>>("api/habits");
    public Task<ApiResult<HabitProgress>> TickAsync(string habitId, TickHabitRequest request) => api.PostAsync<HabitProgress>($"api/habits/{ApiPath.Id(habitId)}/ticks", request);
}
