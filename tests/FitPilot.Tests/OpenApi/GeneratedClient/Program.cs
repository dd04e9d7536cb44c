using FitPilot.Client;
using FitPilot.Client.Api.Exercises;
using FitPilot.Client.Models;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary;

// Calls the FitPilot API through the Kiota client generated from /api/openapi.json, the way an
// integrator would: typed numbers, dates, enums and problem details. Run by GeneratedClientTests:
//   dotnet GeneratedClient.dll <baseUrl> <client email> <client password> <a training day, yyyy-MM-dd>
// Prints one "ok: ..." line per checked call; any failure exits non-zero with what went wrong.
var (baseUrl, clientEmail, clientPassword, day) = (args[0], args[1], args[2], DateOnly.Parse(args[3]));
var calls = 0;

// A PT signs up and logs in.
var email = $"kiota-{Guid.NewGuid():N}@example.com";
const string password = "kiota-password-1";
var registered = await Call("register", () => Api(null).Api.Auth.Register.PostAsync(new RegisterTrainerRequest { Name = "Kiota Trainer", Email = email, Password = password }));
Check(registered?.Token is { Length: > 0 } && registered.User?.Role == "trainer", "register: a session for a PT");
var session = await Call("login", () => Api(null).Api.Auth.Login.PostAsync(new LoginRequest { Email = email, Password = password }));
var pt = Api(session!.Token);
var me = await Call("me", () => pt.Api.Me.GetAsync());
Check(me?.Trainer?.Email == email && me.Client is null, "me: the PT, and no client (a nullable $ref)");

// Search the library: limit is an int, muscle an enum, the cursor pages on.
var page = await Call("search exercises", () => pt.Api.Exercises.GetAsync(r => { r.QueryParameters.Limit = 3; r.QueryParameters.Muscle = GetMuscleQueryParameterType.Chest; }));
Check(page?.Items is { Count: 3 } && page.NextCursor is not null && page.Items.All(e => e.PrimaryMuscles!.Contains("chest") || e.SecondaryMuscles!.Contains("chest")), "search: 3 chest exercises and a cursor");
var next = await Call("next page", () => pt.Api.Exercises.GetAsync(r => { r.QueryParameters.Limit = 3; r.QueryParameters.Muscle = GetMuscleQueryParameterType.Chest; r.QueryParameters.Cursor = page!.NextCursor; }));
Check(next?.Items is { Count: > 0 } && next.Items[0].Id != page!.Items![0].Id, "search: the next page");

// A template with integer sets and reps, a double weight and a pattern-checked tempo.
var created = await Call("create program", () => pt.Api.Programs.PostAsync(new SaveProgramRequest
{
    Name = "Kiota block", IsTemplate = true, Notes = "Made by a generated client",
    Days = [new ProgramDay { DayOfWeek = 1, Title = "Push", Exercises = [new ProgramExercise { ExerciseId = page!.Items![0].Id, Sets = 4, Reps = 8, RepsMax = 10, WeightKg = 62.5, Tempo = "3-1-1-0", RestSeconds = 90 }] }],
}));
Check(created?.Days?[0].Exercises?[0] is { Sets: 4, Reps: 8, RepsMax: 10, WeightKg: 62.5, Tempo: "3-1-1-0" } && created.IsTemplate == true, "create program: the numbers come back as numbers");
var templates = await Call("list templates", () => pt.Api.Programs.GetAsync(r => r.QueryParameters.Templates = true));
Check(templates?.Any(p => p.Id == created!.Id && p.TrainingDays == 1) == true, "list programs: templates=true (a boolean)");

// Problems are typed exceptions: a field error, a conflict.
var invalid = await Fails("invalid program", () => pt.Api.Programs.PostAsync(new SaveProgramRequest
{
    Name = "Bad", IsTemplate = true,
    Days = [new ProgramDay { DayOfWeek = 1, Exercises = [new ProgramExercise { ExerciseId = "Pullups", Sets = 0 }] }],
}));
Check(invalid.ResponseStatusCode == 400 && invalid.Status == 400 && invalid.Errors?.AdditionalData.ContainsKey("days[0].exercises[0].sets") == true, "a 400 problem names days[0].exercises[0].sets");
var taken = await Fails("register twice", () => Api(null).Api.Auth.Register.PostAsync(new RegisterTrainerRequest { Name = "Again", Email = email, Password = password }));
Check(taken.ResponseStatusCode == 409 && !string.IsNullOrEmpty(taken.Title), "a 409 problem for an email in use");

// The client trains: today's workout on a date, log a set.
var clientSession = await Call("client login", () => Api(null).Api.Auth.Login.PostAsync(new LoginRequest { Email = clientEmail, Password = clientPassword }));
var client = Api(clientSession!.Token);
var today = await Call("today", () => client.Api.Today.GetAsync(r => r.QueryParameters.Date = new Date(day.Year, day.Month, day.Day)));
Check(today?.Exercises is { Count: > 0 } && today.Date?.ToString() == day.ToString("yyyy-MM-dd"), "today: a workout on the date asked for");
var prescription = today!.Exercises![0].Prescription!;
var logged = await Call("log a set", () => client.Api.Logs.PostAsync(new LogSetRequest
{
    Id = Guid.NewGuid().ToString(), ProgramId = today.ProgramId, ProgramExerciseId = prescription.Id, ExerciseId = prescription.ExerciseId,
    SetNumber = 1, WeightKg = 60.5, Reps = 5, Rir = 2, WorkoutDate = new Date(day.Year, day.Month, day.Day),
}));
Check(logged?.Log is { Reps: 5, WeightKg: 60.5, SetNumber: 1 } && logged.Log.EstimatedOneRepMaxKg > 60.5, "log a set: reps, weight and the estimated 1RM");

Console.WriteLine($"{calls} calls through the generated client");
return 0;

FitPilotClient Api(string? token) => new(new HttpClientRequestAdapter(new Bearer(token)) { BaseUrl = baseUrl });

async Task<T?> Call<T>(string what, Func<Task<T?>> call)
{
    calls++;
    try { return await call(); }
    catch (ProblemDetails p) { throw new InvalidOperationException($"{what}: {p.ResponseStatusCode} {p.Title}: {p.Detail}"); }
}

async Task<ProblemDetails> Fails<T>(string what, Func<Task<T?>> call)
{
    calls++;
    try { await call(); }
    catch (ProblemDetails problem) { return problem; }
    throw new InvalidOperationException($"{what}: succeeded, but a problem was expected");
}

static void Check(bool condition, string what)
{
    if (!condition) throw new InvalidOperationException("failed: " + what);
    Console.WriteLine("ok: " + what);
}

/// <summary>The session token as a bearer header (the API also takes its cookie).</summary>
sealed class Bearer(string? token) : IAuthenticationProvider
{
    public Task AuthenticateRequestAsync(RequestInformation request, Dictionary<string, object>? additionalAuthenticationContext = null, CancellationToken cancellationToken = default)
    {
        if (token is not null) request.Headers.Add("Authorization", "Bearer " + token);
        return Task.CompletedTask;
    }
}
