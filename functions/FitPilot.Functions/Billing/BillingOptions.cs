using FitPilot.Contracts.Billing;
using FitPilot.Contracts.Trainers;

namespace FitPilot.Functions.Billing;

/// <summary>
/// Settings under <c>Billing:</c> — the Stripe account and the three tiers. Validated at start-up
/// (<see cref="Problems"/>): a missing key, a live key outside Production, a price id that is not one, or
/// tiers out of order stop the app before it serves a request. The local host ships test-mode placeholders.
/// </summary>
public sealed class BillingOptions
{
    public const string Section = "Billing";

    /// <summary>Stripe secret key (sk_test_… / rk_test_…; Key Vault in Azure).</summary>
    public string SecretKey { get; set; } = "";
    /// <summary>The webhook endpoint's signing secret (whsec_…; <c>stripe listen</c> prints one).</summary>
    public string WebhookSecret { get; set; } = "";
    /// <summary>How old a webhook's signed timestamp may be, in seconds (Stripe's default is 300).</summary>
    public int WebhookToleranceSeconds { get; set; } = 300;
    /// <summary>Another Stripe API address (tests point it at a local fake); empty: api.stripe.com.</summary>
    public string? ApiBase { get; set; }
    /// <summary>Days a PT may keep writing after a payment failed (past_due) before writes answer 402.</summary>
    public int PastDueGraceDays { get; set; } = 7;
    /// <summary>Solo, Studio and Enterprise.</summary>
    public Dictionary<string, TierOptions> Tiers { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public static readonly string[] TierNames = [SubscriptionTiers.Solo, SubscriptionTiers.Studio, SubscriptionTiers.Enterprise];

    public TierOptions Tier(string name) => Tiers.TryGetValue(name, out var tier) ? tier : Tiers[SubscriptionTiers.Solo];

    /// <summary>The tier and interval a Stripe price id stands for, or null for a price not configured here.</summary>
    public (string Tier, string Interval)? PriceOf(string? priceId)
    {
        foreach (var name in TierNames)
        {
            var tier = Tier(name);
            if (tier.MonthlyPriceId == priceId) return (name, BillingIntervals.Month);
            if (tier.YearlyPriceId == priceId) return (name, BillingIntervals.Year);
        }
        return null;
    }

    /// <summary>What is wrong with these settings (empty: nothing).</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        SecretKey ??= "";
        WebhookSecret ??= "";
        foreach (var tier in Tiers.Values)
        {
            tier.MonthlyPriceId ??= "";
            tier.YearlyPriceId ??= "";
            tier.Currency ??= "";
        }
        if (!SecretKey.StartsWith("sk_", StringComparison.Ordinal) && !SecretKey.StartsWith("rk_", StringComparison.Ordinal))
            problems.Add("Billing:SecretKey must be a Stripe secret or restricted key (sk_test_… locally).");
        if (!WebhookSecret.StartsWith("whsec_", StringComparison.Ordinal))
            problems.Add("Billing:WebhookSecret must be the webhook endpoint's signing secret (whsec_…).");
        if (WebhookToleranceSeconds is < 1 or > 3600)
            problems.Add("Billing:WebhookToleranceSeconds must be between 1 and 3600.");
        if (PastDueGraceDays is < 0 or > 60)
            problems.Add("Billing:PastDueGraceDays must be between 0 and 60.");
        if (!string.IsNullOrEmpty(ApiBase) && !Uri.TryCreate(ApiBase, UriKind.Absolute, out _))
            problems.Add("Billing:ApiBase must be an absolute URL (or left out for api.stripe.com).");
        var previousLimit = 0;
        foreach (var name in TierNames)
        {
            if (!Tiers.TryGetValue(name, out var tier))
            {
                problems.Add($"Billing:Tiers:{name} is missing.");
                continue;
            }
            if (tier.ClientLimit <= previousLimit)
                problems.Add($"Billing:Tiers:{name}:ClientLimit must be more than the tier below's ({previousLimit}).");
            previousLimit = tier.ClientLimit;
            if (!tier.MonthlyPriceId.StartsWith("price_", StringComparison.Ordinal) || !tier.YearlyPriceId.StartsWith("price_", StringComparison.Ordinal))
                problems.Add($"Billing:Tiers:{name}:MonthlyPriceId and YearlyPriceId must be Stripe price ids (price_…).");
            if (tier.MonthlyPriceCents <= 0 || tier.YearlyPriceCents <= 0)
                problems.Add($"Billing:Tiers:{name}:MonthlyPriceCents and YearlyPriceCents must be positive (what the pricing page shows).");
            if (tier.Currency.Length != 3 || !tier.Currency.All(char.IsAsciiLetterLower))
                problems.Add($"Billing:Tiers:{name}:Currency must be a three-letter ISO code in lower case (e.g. aud).");
        }
        var ids = Tiers.Values.SelectMany(t => new[] { t.MonthlyPriceId, t.YearlyPriceId }).ToList();
        if (ids.Distinct().Count() != ids.Count) problems.Add("Billing:Tiers: every price id must be different.");
        return problems;
    }

    /// <summary>Start-up validation: every problem, each naming its setting.</summary>
    public sealed class Validator : Microsoft.Extensions.Options.IValidateOptions<BillingOptions>
    {
        public Microsoft.Extensions.Options.ValidateOptionsResult Validate(string? name, BillingOptions options) =>
            options.Problems() is { Count: > 0 } problems
                ? Microsoft.Extensions.Options.ValidateOptionsResult.Fail(problems)
                : Microsoft.Extensions.Options.ValidateOptionsResult.Success;
    }

    public IReadOnlyList<PlanOption> Plans() =>
        TierNames.Select(name => Tier(name) is var t ? new PlanOption(name, t.ClientLimit, t.MonthlyPriceCents, t.YearlyPriceCents, t.Currency) : null!).ToList();
}

/// <summary>One tier: its client limit, its two Stripe prices, and the prices the UI shows (cents).</summary>
public sealed class TierOptions
{
    public int ClientLimit { get; set; }
    public string MonthlyPriceId { get; set; } = "";
    public string YearlyPriceId { get; set; } = "";
    public long MonthlyPriceCents { get; set; }
    public long YearlyPriceCents { get; set; }
    public string Currency { get; set; } = "aud";
}
