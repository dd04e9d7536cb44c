namespace FitPilot.LocalHost;

/// <summary>
/// The Billing settings the local host starts with: Stripe test-mode placeholders (no real key — Stripe
/// answers 401 to them, so Checkout shows a 502 problem until you put your own test keys in
/// .fitpilot/local.settings.json, see README) and the three tiers with their prices in AUD cents.
/// </summary>
public static class DemoBilling
{
    public static readonly IReadOnlyDictionary<string, string?> Settings = new Dictionary<string, string?>
    {
        ["Billing:SecretKey"] = "sk_test_placeholder_set_your_own_in_local_settings",
        ["Billing:WebhookSecret"] = "whsec_placeholder_set_your_own_in_local_settings",
        ["Billing:WebhookToleranceSeconds"] = "300",
        ["Billing:PastDueGraceDays"] = "7",
        ["Billing:Tiers:Solo:ClientLimit"] = "10",
        ["Billing:Tiers:Solo:MonthlyPriceId"] = "price_test_solo_monthly",
        ["Billing:Tiers:Solo:YearlyPriceId"] = "price_test_solo_yearly",
        ["Billing:Tiers:Solo:MonthlyPriceCents"] = "2900",
        ["Billing:Tiers:Solo:YearlyPriceCents"] = "29000",
        ["Billing:Tiers:Solo:Currency"] = "aud",
        ["Billing:Tiers:Studio:ClientLimit"] = "30",
        ["Billing:Tiers:Studio:MonthlyPriceId"] = "price_test_studio_monthly",
        ["Billing:Tiers:Studio:YearlyPriceId"] = "price_test_studio_yearly",
        ["Billing:Tiers:Studio:MonthlyPriceCents"] = "7900",
        ["Billing:Tiers:Studio:YearlyPriceCents"] = "79000",
        ["Billing:Tiers:Studio:Currency"] = "aud",
        ["Billing:Tiers:Enterprise:ClientLimit"] = "150",
        ["Billing:Tiers:Enterprise:MonthlyPriceId"] = "price_test_enterprise_monthly",
        ["Billing:Tiers:Enterprise:YearlyPriceId"] = "price_test_enterprise_yearly",
        ["Billing:Tiers:Enterprise:MonthlyPriceCents"] = "19900",
        ["Billing:Tiers:Enterprise:YearlyPriceCents"] = "199000",
        ["Billing:Tiers:Enterprise:Currency"] = "aud",
    };
}
