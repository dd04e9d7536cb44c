using FitPilot.Functions.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace FitPilot.Tests.Hosting;

/// <summary>Configuration is checked when the app starts, with a message that says what to set.</summary>
public sealed class StartupValidationTests
{
    private static readonly Dictionary<string, string?> Valid = new(FitPilot.LocalHost.DemoBilling.Settings)
    {
        ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true",
        ["Auth:SigningKey"] = Convert.ToBase64String(new byte[48]),
        ["App:PublicBaseUrl"] = "https://app.fitpilot.example",
        ["Email:FromAddress"] = "noreply@fitpilot.example",
        ["Email:Smtp:Host"] = "smtp.example.com",
        ["Reporting:SqlConnectionString"] = "Data Source=reporting-startup-test.db",
    };

    [Theory]
    [InlineData("Auth:SigningKey", null, "Auth:SigningKey")]
    [InlineData("Auth:SigningKey", "c2hvcnQ=", "Auth:SigningKey")]
    [InlineData("App:PublicBaseUrl", null, "App:PublicBaseUrl")]
    [InlineData("Email:Smtp:Host", null, "Email:Smtp:Host")]
    [InlineData("Billing:SecretKey", null, "Billing:SecretKey")]
    [InlineData("Billing:SecretKey", "pk_test_publishable_not_secret", "Billing:SecretKey")]
    [InlineData("Billing:WebhookSecret", "", "Billing:WebhookSecret")]
    [InlineData("Billing:Tiers:Studio:MonthlyPriceId", "prod_not_a_price", "Billing:Tiers:Studio")]
    [InlineData("Billing:Tiers:Studio:ClientLimit", "5", "Billing:Tiers:Studio:ClientLimit")]
    [InlineData("Billing:Tiers:Enterprise:ClientLimit", null, "Billing:Tiers:Enterprise:ClientLimit")]
    [InlineData("Billing:Tiers:Solo:Currency", "AUD$", "Billing:Tiers:Solo:Currency")]
    [InlineData("Reporting:SqlConnectionString", null, "Reporting:SqlConnectionString")]
    [InlineData("Reporting:Provider", "Postgres", "Reporting:Provider")]
    public void A_missing_or_weak_setting_stops_the_app_from_starting_and_names_the_setting(string key, string? value, string named)
    {
        var settings = new Dictionary<string, string?>(Valid) { [key] = value };
        var error = Assert.Throws<OptionsValidationException>(() => Build(settings));
        Assert.Contains(named, error.Message);
    }

    [Fact]
    public void Missing_storage_configuration_is_named_too()
    {
        var settings = new Dictionary<string, string?>(Valid) { ["AzureWebJobsStorage"] = null };
        var error = Assert.Throws<InvalidOperationException>(() => Build(settings));
        Assert.Contains("AzureWebJobsStorage", error.Message);
    }

    [Fact]
    public void A_complete_configuration_validates()
    {
        Build(Valid); // no throw
    }

    /// <summary>Runs the options validation that ValidateOnStart runs, without starting hosted services.</summary>
    private static void Build(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddFitPilot(builder.Configuration);
        using var host = builder.Build();
        var validator = (IStartupValidator)host.Services.GetService(typeof(IStartupValidator))!;
        validator.Validate();
    }
}
