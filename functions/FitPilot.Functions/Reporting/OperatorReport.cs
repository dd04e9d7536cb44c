using System.Globalization;
using System.Text;
using FitPilot.Contracts.Trainers;
using FitPilot.Functions.Billing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FitPilot.Functions.Reporting;

/// <summary>
/// The operator's monthly figures (UTC calendar months) from the reporting store: trials started and how many of them
/// became paid, MRR by tier at the month's end (a yearly plan counts a twelfth of its price), and churn (PTs paying at the
/// month's start who no longer were at its end). Prices are Billing's configured ones (cents, the plans' currency).
/// </summary>
public sealed class OperatorReport(IDbContextFactory<ReportingDb> contexts, IOptions<BillingOptions> billing, TimeProvider clock)
{
    public sealed record OperatorMonth(string Name, int TrialsStarted, int TrialsConverted, double? ConversionPercent,
        IReadOnlyDictionary<string, long> MrrCentsByTier, long MrrCents, int PayingAtStart, int Churned, double? ChurnPercent);

    private static readonly string[] Paying = [SubscriptionStatuses.Active, SubscriptionStatuses.PastDue];

    public async Task<IReadOnlyList<OperatorMonth>> MonthsAsync(int months, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var trials = await db.Trials.AsNoTracking().ToListAsync(ct);
        var changes = (await db.SubscriptionChanges.AsNoTracking().ToListAsync(ct)).GroupBy(c => c.TrainerId)
            .ToDictionary(g => g.Key, g => g.OrderBy(c => c.Version).ToList(), StringComparer.Ordinal);
        var now = clock.GetUtcNow();
        var thisMonth = new DateTimeOffset(now.Year, now.Month, 1, 0, 0, 0, TimeSpan.Zero);
        var list = new List<OperatorMonth>();
        for (var i = months - 1; i >= 0; i--)
        {
            var start = thisMonth.AddMonths(-i);
            var end = start.AddMonths(1);
            var started = trials.Where(t => t.StartedAt >= start && t.StartedAt < end).ToList();
            var converted = started.Count(t => changes.TryGetValue(t.TrainerId, out var c) && c.Any(x => Paying.Contains(x.Status)));
            var mrr = BillingOptions.TierNames.ToDictionary(t => t, _ => 0L, StringComparer.Ordinal);
            int payingAtStart = 0, churned = 0;
            foreach (var (_, history) in changes)
            {
                var atStart = history.LastOrDefault(c => c.AsOf < start);
                var atEnd = history.LastOrDefault(c => c.AsOf < end);
                var wasPaying = atStart is not null && Paying.Contains(atStart.Status);
                if (wasPaying) payingAtStart++;
                if (atEnd is not null && Paying.Contains(atEnd.Status))
                {
                    var tier = mrr.ContainsKey(atEnd.Tier ?? "") ? atEnd.Tier! : SubscriptionTiers.Solo;
                    mrr[tier] += MonthlyCents(tier, atEnd.Interval);
                }
                else if (wasPaying) churned++;
            }
            list.Add(new OperatorMonth(start.ToString("yyyy-MM", CultureInfo.InvariantCulture), started.Count, converted,
                started.Count == 0 ? null : Math.Round(100.0 * converted / started.Count, 1), mrr, mrr.Values.Sum(),
                payingAtStart, churned, payingAtStart == 0 ? null : Math.Round(100.0 * churned / payingAtStart, 1)));
        }
        return list;
    }

    private long MonthlyCents(string tier, string? interval)
    {
        var options = billing.Value.Tier(tier);
        return interval == Contracts.Billing.BillingIntervals.Year ? options.YearlyPriceCents / 12 : options.MonthlyPriceCents;
    }

    /// <summary>The report as a plain-text table (the local host's <c>--operator-report</c>).</summary>
    public static string Format(IReadOnlyList<OperatorMonth> months, string currency)
    {
        var text = new StringBuilder();
        var tiers = BillingOptions.TierNames;
        text.AppendLine(CultureInfo.InvariantCulture, $"{"Month",-8} {"Trials",6} {"Paid",5} {"Conv%",6} {string.Join(" ", tiers.Select(t => $"{"MRR " + t,14}"))} {"MRR total",14} {"Paying",6} {"Churn",5} {"Churn%",6}");
        foreach (var m in months)
            text.AppendLine(CultureInfo.InvariantCulture,
                $"{m.Name,-8} {m.TrialsStarted,6} {m.TrialsConverted,5} {Pct(m.ConversionPercent),6} {string.Join(" ", tiers.Select(t => $"{Money(m.MrrCentsByTier[t], currency),14}"))} {Money(m.MrrCents, currency),14} {m.PayingAtStart,6} {m.Churned,5} {Pct(m.ChurnPercent),6}");
        return text.ToString();
    }

    private static string Pct(double? value) => value?.ToString("0.0", CultureInfo.InvariantCulture) ?? "–";
    private static string Money(long cents, string currency) => (cents / 100.0).ToString("0.00", CultureInfo.InvariantCulture) + " " + currency.ToUpperInvariant();
}
