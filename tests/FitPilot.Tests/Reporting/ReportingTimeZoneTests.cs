using FitPilot.Contracts.Training;
using FitPilot.Functions.CheckIns;
using FitPilot.Functions.Invitations;
using FitPilot.Functions.Reporting;
using FitPilot.Functions.Settings;
using FitPilot.Functions.Trainers;
using FitPilot.Functions.Training;
using FitPilot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace FitPilot.Tests.Reporting;

/// <summary>
/// A PT's weeks are their own: a Sydney PT's Monday morning (still Sunday in UTC) is in the Monday week, and moving to
/// another time zone recomputes the weeks in the new zone. The clock is a fake one at Monday 2 March 2026, 07:45 in
/// Sydney (AEDT, UTC+11: Sunday 1 March, 20:45 UTC).
/// </summary>
[Collection(HostCollection.Name)]
public sealed class ReportingTimeZoneTests(HostFixture host)
{
    private const string Sydney = "Australia/Sydney";
    private static readonly DateOnly Monday = new(2026, 3, 2);
    private static readonly DateTimeOffset MondayMorningInSydney = new(2026, 3, 1, 20, 30, 0, TimeSpan.Zero); // 07:30 AEDT

    private static WeeklyRules.Facts SessionOnMondayMorning(string trainerId) => new(
        [new ClientFact { TrainerId = trainerId, ClientId = "c-syd", JoinedOn = Monday.AddDays(-14) }],
        [new WorkoutFact { TrainerId = trainerId, ClientId = "c-syd", Date = Monday, ProgramId = "p-syd", PersonalBests = 1 }],
        [],
        [new CheckInFact { TrainerId = trainerId, ClientId = "c-syd", CheckInId = "ci-syd", DueOn = Monday, SubmittedAt = MondayMorningInSydney }]);

    [Fact]
    public void A_Sydney_PTs_Monday_0730_session_and_check_in_count_in_the_Monday_week_though_it_is_Sunday_in_UTC()
    {
        var today = WeeklyRules.Day(MondayMorningInSydney.AddMinutes(15), Sydney);
        Assert.Equal(Monday, today);
        var weeks = WeeklyRules.Weeks("pt", SessionOnMondayMorning("pt"), Sydney, today);
        var current = weeks[^1];
        Assert.Equal((Monday, "2026-W10"), (current.WeekStart, current.Week));
        Assert.Equal((1, 1, 1), (current.SessionsDone, current.PersonalBests, current.CheckInsSubmitted));
        Assert.Equal(0, weeks.Single(w => w.WeekStart == Monday.AddDays(-7)).CheckInsSubmitted);

        // In UTC the same instant is Sunday: the check-in is the week before's and Monday's week has not begun.
        var utc = WeeklyRules.Weeks("pt", SessionOnMondayMorning("pt"), "UTC", WeeklyRules.Day(MondayMorningInSydney.AddMinutes(15), "UTC"));
        Assert.Equal((Monday.AddDays(-7), 1), (utc[^1].WeekStart, utc[^1].CheckInsSubmitted));
    }

    [Fact]
    public async Task The_projection_puts_a_Sydney_PTs_Monday_morning_in_the_Monday_week_and_recomputes_when_the_PT_moves_zone()
    {
        var api = host.NewClient();
        var pt = await api.RegisterTrainerAsync();
        var trainers = host.Services.GetRequiredService<TrainerStore>();
        await trainers.ChangeAsync(pt.Id, null, t => t.TimeZone = Sydney, default);
        // The host's own projection runs on the real clock: this one, on the fake clock, is fed directly.
        var projection = new ReportingProjection(host.Services.GetRequiredService<IDbContextFactory<ReportingDb>>(), trainers,
            new FakeTimeProvider(MondayMorningInSydney.AddMinutes(15)));
        await projection.HandleAsync(new ClientJoined(pt.Id, "c-syd", MondayMorningInSydney.AddMinutes(-30)), default);
        await projection.HandleAsync(new WorkoutFinished(pt.Id, new WorkoutSummary("c-syd", Monday, "p-syd", "Block", null, 1, 1, 500, 30, ["Squat PB"], 7, null, MondayMorningInSydney), null), default);
        await projection.HandleAsync(new CheckInSubmitted(pt.Id, "c-syd", "Client", "ci-syd", Monday, false, MondayMorningInSydney), default);

        var inSydney = (await projection.WeeklyAsync(pt.Id, 2, default)).Weeks;
        Assert.Equal([Monday.AddDays(-7), Monday], inSydney.Select(w => w.WeekStart));
        var monday = inSydney[^1];
        Assert.Equal((1, 1, 1, 1, 1), (monday.ActiveClients, monday.NewClients, monday.SessionsDone, monday.PersonalBests, monday.CheckInsSubmitted));

        // The PT moves to UTC: Sunday evening there, so the check-in is the week before's and Monday's week is yet to come.
        await trainers.ChangeAsync(pt.Id, null, t => t.TimeZone = "UTC", default);
        await projection.HandleAsync(new TimeZoneChanged(pt.Id, null, "UTC"), default);
        var inUtc = (await projection.WeeklyAsync(pt.Id, 1, default)).Weeks;
        Assert.Equal((Monday.AddDays(-7), 1, 0), (inUtc[^1].WeekStart, inUtc[^1].CheckInsSubmitted, inUtc[^1].SessionsDone));
        // A client's own move changes no PT week; the PT moving back gives the Sydney weeks again.
        await projection.HandleAsync(new TimeZoneChanged(pt.Id, "c-syd", Sydney), default);
        await trainers.ChangeAsync(pt.Id, null, t => t.TimeZone = Sydney, default);
        await projection.HandleAsync(new TimeZoneChanged(pt.Id, null, Sydney), default);
        Assert.Equal(inSydney, (await projection.WeeklyAsync(pt.Id, 2, default)).Weeks);
    }
}
