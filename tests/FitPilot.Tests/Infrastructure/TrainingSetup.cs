using System.Net;
using FitPilot.Contracts.Programs;
using FitPilot.Contracts.Training;

namespace FitPilot.Tests.Infrastructure;

/// <summary>Builds programs through the API for the training tests.</summary>
public static class TrainingSetup
{
    /// <summary>The latest date (today or before) that falls on the given day of the week: sets can only be logged up to today.</summary>
    public static DateOnly Last(DayOfWeek day)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        return today.AddDays(-(((int)today.DayOfWeek - (int)day + 7) % 7));
    }

    /// <summary>A date (at or after today) that falls on the given day of the week.</summary>
    public static DateOnly Next(DayOfWeek day, int weeksAhead = 0)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        return today.AddDays(((int)day - (int)today.DayOfWeek + 7) % 7 + 7 * weeksAhead);
    }

    public static object Exercise(string exerciseId, int sets = 3, int reps = 5, double? weightKg = null, string? superset = null, string? tempo = null, int? rir = null, int? rest = 120) =>
        new { exerciseId, sets, reps, weightKg, supersetGroup = superset, tempo, rir, restSeconds = rest };

    /// <summary>Monday: squat + bench (superset A); Thursday: deadlift.</summary>
    public static object Days() => new object[]
    {
        new { dayOfWeek = 1, title = "Lower + push", exercises = new[] { Exercise("Barbell_Squat", weightKg: 100, tempo: "3-1-1-0", rir: 2), Exercise("Barbell_Bench_Press_-_Medium_Grip", weightKg: 80, superset: "A"), Exercise("Pullups", reps: 8, superset: "A") } },
        new { dayOfWeek = 4, title = "Pull", exercises = new[] { Exercise("Barbell_Deadlift", sets: 2, reps: 5, weightKg: 140) } },
    };

    public static async Task<ProgramDto> CreateAsync(ApiClient api, ApiClient.Trainer pt, string? clientId, string name = "Strength block", DateOnly? start = null) =>
        await ApiClient.ReadAsync<ProgramDto>(await api.PostAsync("/api/programs", new
        {
            name, clientId, isTemplate = clientId is null, startDate = start, days = Days(),
        }, pt.Token), HttpStatusCode.Created);

    /// <summary>
    /// The client logs one set (5 reps at <paramref name="weightKg"/>) of the program's Monday squat on <paramref name="date"/>
    /// and finishes that day's workout (RPE 7): a heavier set than any before is a personal best.
    /// </summary>
    public static async Task<WorkoutSummary> FinishWorkoutAsync(ApiClient api, ApiClient.ClientAccount client, ProgramDto program, DateOnly date, double weightKg)
    {
        var entry = program.Days.Single(d => d.DayOfWeek == 1).Exercises[0];
        await ApiClient.ReadAsync<LogSetResponse>(await api.PostAsync("/api/logs", new
        {
            id = Guid.NewGuid().ToString(), programId = program.Id, programExerciseId = entry.Id, exerciseId = entry.ExerciseId, weightKg, reps = 5, workoutDate = date,
        }, client.Token), HttpStatusCode.Created);
        return await ApiClient.ReadAsync<WorkoutSummary>(await api.PostAsync("/api/workouts/finish", new { date, programId = program.Id, rpe = 7 }, client.Token));
    }
}
