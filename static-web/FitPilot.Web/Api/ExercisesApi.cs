using System.Globalization;
using FitPilot.Contracts.Common;
using FitPilot.Contracts.Exercises;

namespace FitPilot.Web.Api;

/// <summary>What to look for in the exercise library; empty values match everything.</summary>
public sealed record ExerciseSearch(string? Text = null, string? Muscle = null, string? Equipment = null, string? Category = null, string? Source = null);

/// <summary>The exercise library (shared) and the PT's own exercises.</summary>
public sealed class ExercisesApi(ApiClient api)
{
    public Task<ApiResult<Page<ExerciseDto>>> SearchAsync(ExerciseSearch search, int limit, string? cursor = null) =>
        api.GetAsync<Page<ExerciseDto>>(ApiPath.WithQuery("api/exercises",
            ("limit", limit.ToString(CultureInfo.InvariantCulture)), ("q", Trimmed(search.Text)), ("muscle", Trimmed(search.Muscle)),
            ("equipment", Trimmed(search.Equipment)), ("category", Trimmed(search.Category)), ("source", Trimmed(search.Source)), ("cursor", cursor)));

    /// <summary>One exercise (the builder shows the pictures of a saved program's exercises).</summary>
    public Task<ApiResult<ExerciseDto>> GetAsync(string exerciseId) => api.GetAsync<ExerciseDto>($"api/exercises/{ApiPath.Id(exerciseId)}");

    public Task<ApiResult<ExerciseDto>> CreateAsync(SaveExerciseRequest exercise) => api.PostAsync<ExerciseDto>("api/exercises", exercise);

    public Task<ApiResult<ExerciseDto>> UpdateAsync(string exerciseId, SaveExerciseRequest exercise) =>
        api.PutAsync<ExerciseDto>($"api/exercises/{ApiPath.Id(exerciseId)}", exercise);

    public Task<ApiResult<Unit>> DeleteAsync(string exerciseId) => api.DeleteAsync($"api/exercises/{ApiPath.Id(exerciseId)}");

    /// <summary>Blank means "any" (the value itself is sent as typed).</summary>
    private static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
