using FitPilot.Contracts.Engagement;
using FitPilot.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FitPilot.Functions.Habits;

/// <summary>The PT gives a client habits; the client ticks them (today or yesterday) and sees streaks and weekly completion.</summary>
public sealed class HabitFunctions(Api api, HabitService habits, TimeProvider clock)
{
    [Function(nameof(ListClientHabits))]
    [ApiOperation("A client's habits (ended ones too) with their progress in the client's time zone", Access.Trainer, null, typeof(List<HabitProgress>))]
    public Task<IResult> ListClientHabits(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "clients/{clientId}/habits")] HttpRequest req, string clientId) =>
        api.Handle<TrainerCaller>(req, async call => Reply.Ok(await habits.ClientHabitsAsync(call.Caller.TrainerId, clientId, call.Cancellation)));

    [Function(nameof(CreateClientHabit))]
    [ApiOperation("Give a client a habit: daily or N times a week, optionally between two dates", Access.Trainer, typeof(SaveHabitRequest), typeof(Habit), 201, Problems = [409])]
    public Task<IResult> CreateClientHabit(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "clients/{clientId}/habits")] HttpRequest req, string clientId) =>
        api.Handle<TrainerCaller, SaveHabitRequest>(req, async call =>
        {
            var habit = await habits.CreateAsync(call.Caller.TrainerId, clientId, call.Body, call.Cancellation);
            return Reply.Created($"/api/clients/{clientId}/habits/{habit.Id}", habit);
        });

    [Function(nameof(UpdateClientHabit))]
    [ApiOperation("Change a client's habit (its ticks stay)", Access.Trainer, typeof(SaveHabitRequest), typeof(Habit))]
    public Task<IResult> UpdateClientHabit(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "clients/{clientId}/habits/{habitId}")] HttpRequest req, string clientId, string habitId) =>
        api.Handle<TrainerCaller, SaveHabitRequest>(req, async call =>
            Reply.Ok(await habits.UpdateAsync(call.Caller.TrainerId, clientId, habitId, call.Body, call.Cancellation)));

    [Function(nameof(DeleteClientHabit))]
    [ApiOperation("Delete a client's habit and its ticks", Access.Trainer, null, null, 204)]
    public Task<IResult> DeleteClientHabit(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "clients/{clientId}/habits/{habitId}")] HttpRequest req, string clientId, string habitId) =>
        api.Handle<TrainerCaller>(req, async call =>
        {
            await habits.DeleteAsync(call.Caller.TrainerId, clientId, habitId, call.Cancellation);
            return Reply.NoContent();
        });

    [Function(nameof(ListHabits))]
    [ApiOperation("The client's active habits with streaks and this week's completion, on their today", Access.Client, null, typeof(List<HabitProgress>))]
    public Task<IResult> ListHabits(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "habits")] HttpRequest req) =>
        api.Handle<ClientCaller>(req, async call =>
            Reply.Ok(await habits.MyHabitsAsync(call.Caller.ClientId, call.Caller.Today(clock.GetUtcNow()), call.Cancellation)));

    [Function(nameof(TickHabit))]
    [ApiOperation("Tick (done: false unticks) a habit for today or yesterday; the same tick again changes nothing. Answers the habit's progress",
        Access.Client, typeof(TickHabitRequest), typeof(HabitProgress))]
    public Task<IResult> TickHabit(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "habits/{habitId}/ticks")] HttpRequest req, string habitId) =>
        api.Handle<ClientCaller, TickHabitRequest>(req, async call =>
            Reply.Ok(await habits.TickAsync(call.Caller.TrainerId, call.Caller.ClientId, habitId, call.Caller.Today(clock.GetUtcNow()), call.Body, call.Cancellation)));
}
