using FitPilot.Contracts.Training;

namespace FitPilot.Web.Api;

/// <summary>Training: today's workout, set logs, history and adherence.</summary>
public sealed class TrainingApi(ApiClient api)
{
    /// <summary>The signed-in client's workout on <paramref name="date"/> (their local date).</summary>
    public Task<ApiResult<TodayWorkout>> TodayAsync(DateOnly date) =>
        api.GetAsync<TodayWorkout>(ApiPath.WithQuery("api/today", ("date", date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))));

    /// <summary>Logs one set; the log's device-made id makes a retry or replay safe.</summary>
    public Task<ApiResult<LogSetResponse>> LogSetAsync(LogSetRequest set) => api.PostAsync<LogSetResponse>("api/logs", set);

    /// <summary>Does another exercise in place of a prescribed one that day (null goes back); answers the day's workout.</summary>
    public Task<ApiResult<TodayWorkout>> SwapAsync(SwapExerciseRequest swap) => api.PutAsync<TodayWorkout>("api/today/swap", swap);

    /// <summary>Finishes a day's workout (again replaces the summary); the PT sees it in their activity feed.</summary>
    public Task<ApiResult<WorkoutSummary>> FinishAsync(FinishWorkoutRequest finish) => api.PostAsync<WorkoutSummary>("api/workouts/finish", finish);

    public Task<ApiResult<SetLog>> CorrectSetAsync(string logId, UpdateSetLogRequest correction) => api.PutAsync<SetLog>($"api/logs/{ApiPath.Id(logId)}", correction);

    public Task<ApiResult<Unit>> DeleteSetAsync(string logId) => api.DeleteAsync($"api/logs/{ApiPath.Id(logId)}");

    /// <summary>The signed-in client's sets of one exercise and their estimated 1RM.</summary>
    public Task<ApiResult<ExerciseHistory>> ExerciseHistoryAsync(string exerciseId) =>
        api.GetAsync<ExerciseHistory>($"api/exercises/{ApiPath.Id(exerciseId)}/history");

    /// <summary>A client's sets of the last 7 days (for their PT).</summary>
    public Task<ApiResult<List<SetLog>>> ClientLogsAsync(string clientId) => api.GetAsync<List<SetLog>>($"api/clients/{ApiPath.Id(clientId)}/logs");

    public Task<ApiResult<Adherence>> ClientAdherenceAsync(string clientId) => api.GetAsync<Adherence>($"api/clients/{ApiPath.Id(clientId)}/adherence");
}
