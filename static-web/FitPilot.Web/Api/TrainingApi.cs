using FitPilot.Contracts.Training;

namespace FitPilot.Web.Api;

/// <summary>Training: today's workout, set logs, history and adherence.</summary>
public sealed class TrainingApi(ApiClient api)
{
    /// <summary>The signed-in client's workout on <paramref name="date"/> (their local date).</summary>
    public Task<ApiResult<TodayWorkout>> TodayAsync(DateOnly date) =>
        api.GetAsync<TodayWorkout>(ApiPath.WithQuery("api/today", ("date", Iso(date))));

    /// <summary>Logs one set; the log's device-made id makes a retry or replay safe.</summary>
    public Task<ApiResult<LogSetResponse>> LogSetAsync(LogSetRequest set) => api.PostAsync<LogSetResponse>("api/logs", set);

    /// <summary>Does another exercise in place of a prescribed one that day (null goes back); answers the day's workout.</summary>
    public Task<ApiResult<TodayWorkout>> SwapAsync(SwapExerciseRequest swap) => api.PutAsync<TodayWorkout>("api/today/swap", swap);

    /// <summary>Finishes a day's workout (again replaces the summary); the PT sees it in their activity feed.</summary>
    public Task<ApiResult<WorkoutSummary>> FinishAsync(FinishWorkoutRequest finish) => api.PostAsync<WorkoutSummary>("api/workouts/finish", finish);

    public Task<ApiResult<SetLog>> CorrectSetAsync(string logId, UpdateSetLogRequest correction) => api.PutAsync<SetLog>($"api/logs/{ApiPath.Id(logId)}", correction);

    public Task<ApiResult<Unit>> DeleteSetAsync(string logId) => api.DeleteAsync($"api/logs/{ApiPath.Id(logId)}");

    /// <summary>The signed-in client's sets of one exercise, all or from a day on, with the best estimated 1RM and the volume per workout day.</summary>
    public Task<ApiResult<ExerciseHistory>> ExerciseHistoryAsync(string exerciseId, DateOnly? from = null) =>
        api.GetAsync<ExerciseHistory>(ApiPath.WithQuery($"api/exercises/{ApiPath.Id(exerciseId)}/history", ("from", Iso(from))));

    /// <summary>A client's history of one exercise (for their PT), all or from a day on.</summary>
    public Task<ApiResult<ExerciseHistory>> ClientExerciseHistoryAsync(string clientId, string exerciseId, DateOnly? from = null) =>
        api.GetAsync<ExerciseHistory>(ApiPath.WithQuery($"api/clients/{ApiPath.Id(clientId)}/exercises/{ApiPath.Id(exerciseId)}/history", ("from", Iso(from))));

    /// <summary>The exercises a client has logged, most recent first (for their PT to pick one to chart).</summary>
    public Task<ApiResult<List<LoggedExercise>>> ClientExercisesAsync(string clientId) =>
        api.GetAsync<List<LoggedExercise>>($"api/clients/{ApiPath.Id(clientId)}/exercises");

    /// <summary>A client's sets of the last 7 days (for their PT).</summary>
    public Task<ApiResult<List<SetLog>>> ClientLogsAsync(string clientId) => api.GetAsync<List<SetLog>>($"api/clients/{ApiPath.Id(clientId)}/logs");

    private static string? Iso(DateOnly? date) => date?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public Task<ApiResult<Adherence>> ClientAdherenceAsync(string clientId) => api.GetAsync<Adherence>($"api/clients/{ApiPath.Id(clientId)}/adherence");
}
