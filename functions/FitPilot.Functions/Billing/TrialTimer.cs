using FitPilot.Contracts.Trainers;
using FitPilot.Functions.Common;
using FitPilot.Functions.Email;
using FitPilot.Functions.Trainers;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FitPilot.Functions.Billing;

/// <summary>
/// The daily trial pass over every PT still on the free trial: a trial past its end becomes
/// <c>expired</c> (a backstop: the 402 rule already counts the days), and the "trial ends in 3 days" and
/// "ends tomorrow" emails go out once each. Each step is a conditional write on the PT's row (its ETag) that
/// claims the step before the email is queued: a second or overlapping run loses the claim and sends nothing.
/// </summary>
public sealed class TrialTimer(TrainerStore trainers, EmailOutbox outbox, IOptions<AppOptions> appOptions, TimeProvider clock, ILogger<TrialTimer> log)
{
    public sealed record Result(int Expired, int ThreeDayNotices, int OneDayNotices);

    public async Task<Result> RunAsync(CancellationToken ct)
    {
        var app = appOptions.Value;
        var run = Ids.New();
        int expired = 0, three = 0, one = 0;
        await foreach (var trainer in trainers.TrialsAsync(ct))
        {
            var now = clock.GetUtcNow();
            var ends = trainer.TrialEndsAt(app.TrialDays);
            var left = ends - now;
            if (left <= TimeSpan.Zero)
            {
                trainer.SubscriptionStatus = SubscriptionStatuses.Expired;
                trainer.UpdatedAt = now;
                if (await trainers.TryUpdateAsync(trainer, ct)) expired++;
                continue;
            }
            if (left <= TimeSpan.FromDays(1) && trainer.TrialNotice1SentAt is null)
            {
                trainer.TrialNotice1SentAt = now;
                trainer.TrialNotice3SentAt ??= now; // too late for the 3-day notice: never send it after this one
                if (await ClaimAndSendAsync(trainer, run, "tomorrow", ends, ct)) one++;
            }
            else if (left <= TimeSpan.FromDays(3) && trainer.TrialNotice3SentAt is null)
            {
                trainer.TrialNotice3SentAt = now;
                if (await ClaimAndSendAsync(trainer, run, $"in {Math.Ceiling(left.TotalDays):0} days", ends, ct)) three++;
            }
        }
        log.LogInformation("Trials: {Expired} expired, {Three} 3-day and {One} 1-day notices sent", expired, three, one);
        return new Result(expired, three, one);
    }

    private async Task<bool> ClaimAndSendAsync(TrainerEntity trainer, string run, string when, DateTimeOffset ends, CancellationToken ct)
    {
        trainer.TrialNoticeRun = run;
        if (!await trainers.TryUpdateAsync(trainer, ct)) return false; // another run claimed it (or the PT changed meanwhile: tomorrow's run)
        await outbox.EnqueueAsync(EmailTemplates.Render("TrialEnding", trainer.Email, trainer.Name, $"Your FitPilot trial ends {when}",
            new Dictionary<string, string>
            {
                ["name"] = trainer.Name,
                ["when"] = when,
                ["ends"] = UserTimeText(ends, trainer.TimeZone),
                ["link"] = appOptions.Value.Link(BillingService.BillingPath),
            }), ct);
        return true;
    }

    private static string UserTimeText(DateTimeOffset instant, string? zone) =>
        UserTime.Today(zone ?? UserTime.DefaultZone, instant).ToString("dddd d MMM yyyy", System.Globalization.CultureInfo.InvariantCulture);
}
