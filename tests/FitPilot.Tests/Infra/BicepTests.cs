using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using FitPilot.Functions.Storage;
using FitPilot.Tests.Infrastructure;

namespace FitPilot.Tests.Infra;

/// <summary>
/// infra/: every Bicep file builds and lints without a warning, and the compiled ARM template has the
/// security properties the design asks for. Runs the Bicep CLI from NuGet, offline, no Azure access.
/// </summary>
public sealed class BicepTests(BicepBuild bicep) : IClassFixture<BicepBuild>
{
    [Fact]
    public void Every_bicep_file_builds_and_lints_without_warnings_or_errors()
    {
        Assert.Contains("main.bicep", bicep.BicepFiles);
        Assert.Contains("blob-events.bicep", bicep.BicepFiles);
        Assert.True(bicep.BicepFiles.Count(f => f.StartsWith("modules", StringComparison.Ordinal)) >= 8, string.Join(", ", bicep.BicepFiles));
        Assert.True(bicep.BuildExitCode == 0 && bicep.BuildOutput.Length == 0, "bicep build:\n" + bicep.BuildOutput);
        Assert.True(bicep.LintExitCode == 0 && bicep.LintOutput.Length == 0, "bicep lint:\n" + bicep.LintOutput);
        Assert.NotEmpty(BicepBuild.Resources(bicep.Main));
    }

    [Fact]
    public void Storage_allows_no_public_blobs_no_shared_keys_https_and_tls12_only()
    {
        var account = bicep.Single("Microsoft.Storage/storageAccounts")["properties"]!;
        Assert.False((bool)account["allowBlobPublicAccess"]!);
        Assert.False((bool)account["allowSharedKeyAccess"]!);
        Assert.True((bool)account["supportsHttpsTrafficOnly"]!);
        Assert.Equal("TLS1_2", (string?)account["minimumTlsVersion"]);

        var blobService = bicep.Single("Microsoft.Storage/storageAccounts/blobServices")["properties"]!;
        Assert.True((bool)blobService["deleteRetentionPolicy"]!["enabled"]!);
        var cors = Assert.Single(blobService["cors"]!["corsRules"]!.AsArray())!;
        Assert.Equal(["PUT"], cors["allowedMethods"]!.AsArray().Select(m => (string?)m));
        Assert.Equal(["x-ms-blob-type", "content-type"], cors["allowedHeaders"]!.AsArray().Select(m => (string?)m));
        Assert.DoesNotContain("*", BicepBuild.Json(cors["allowedOrigins"]));

        var containers = bicep.Single("Microsoft.Storage/storageAccounts/blobServices/containers");
        Assert.Equal("None", (string?)containers["properties"]!["publicAccess"]);
    }

    [Fact]
    public void Every_table_queue_and_container_the_app_uses_is_provisioned()
    {
        var storage = StorageModule();
        var variables = storage["variables"]!.AsObject();
        string[] Names(string variable) => variables[variable]!.AsArray().Select(n => (string)n!).ToArray();

        // The loops create exactly these lists.
        Assert.Contains("variables('tables')", bicep.Single("Microsoft.Storage/storageAccounts/tableServices/tables")["copy"]!["count"]!.GetValue<string>());
        Assert.Contains("variables('queues')", bicep.Single("Microsoft.Storage/storageAccounts/queueServices/queues")["copy"]!["count"]!.GetValue<string>());
        Assert.Contains("variables('containers')", bicep.Single("Microsoft.Storage/storageAccounts/blobServices/containers")["copy"]!["count"]!.GetValue<string>());

        // Every list in StorageNames, and every constant named *Table / *Queue, so a new one fails here until infra has it.
        var constants = typeof(StorageNames).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string)).ToList();
        string[] Constants(string suffix) => constants.Where(f => f.Name.EndsWith(suffix, StringComparison.Ordinal)).Select(f => (string)f.GetRawConstantValue()!).ToArray();
        string[] List(string field) => (string[])typeof(StorageNames).GetField(field)!.GetValue(null)!;

        Assert.Empty(List(nameof(StorageNames.Tables)).Concat(Constants("Table")).Except(Names("tables")));
        Assert.Empty(List(nameof(StorageNames.Queues)).Concat(Constants("Queue")).Except(Names("queues")));
        Assert.Empty(List(nameof(StorageNames.Containers)).Except(Names("containers")));
        // The progress-photo pipeline's containers and tables (added to StorageNames on their own branches).
        Assert.Empty(new[] { "photos", "photos-incoming", "profile-pictures", "profile-pictures-incoming", "message-images", "message-images-incoming" }.Except(Names("containers")));
        Assert.Empty(new[] { "photos", "measurements" }.Except(Names("tables")));
    }

    [Fact]
    public void The_function_app_uses_its_managed_identity_for_storage_and_key_vault_references_for_secrets()
    {
        var app = bicep.Single("Microsoft.Web/sites");
        var properties = app["properties"]!;
        Assert.True((bool)properties["httpsOnly"]!);
        Assert.Equal("UserAssigned", (string?)app["identity"]!["type"]);
        Assert.NotNull(properties["keyVaultReferenceIdentity"]);
        var config = properties["functionAppConfig"]!;
        Assert.Equal("dotnet-isolated", (string?)config["runtime"]!["name"]);
        Assert.Equal("10.0", (string?)config["runtime"]!["version"]);
        Assert.Equal("UserAssignedIdentity", (string?)config["deployment"]!["storage"]!["authentication"]!["type"]);
        Assert.Equal("FlexConsumption", (string?)bicep.Single("Microsoft.Web/serverfarms")["sku"]!["tier"]);

        var settings = AppSettings();
        Assert.Equal("managedidentity", settings["AzureWebJobsStorage__credential"]);
        Assert.Contains("AzureWebJobsStorage__clientId", settings.Keys);
        foreach (var service in new[] { "blob", "queue", "table" })
            Assert.Contains($"primaryEndpoints.{service}", settings[$"AzureWebJobsStorage__{service}ServiceUri"]);
        Assert.DoesNotContain("AzureWebJobsStorage", settings.Keys);

        foreach (var (name, value) in settings)
        {
            Assert.DoesNotContain("AccountKey", value, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("listKeys", value, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("Password", value, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("SharedAccessSignature", value, StringComparison.OrdinalIgnoreCase);
        }
        foreach (var secret in new[] { "Auth__SigningKey", "Billing__SecretKey", "Billing__WebhookSecret" })
            Assert.StartsWith("[format('@Microsoft.KeyVault(SecretUri=", settings[secret]);
        // Flex Consumption rejects these; the runtime is in functionAppConfig.
        Assert.DoesNotContain("FUNCTIONS_WORKER_RUNTIME", settings.Keys);
        Assert.DoesNotContain("FUNCTIONS_EXTENSION_VERSION", settings.Keys);
    }

    [Fact]
    public void Every_setting_the_app_validates_at_start_up_is_set()
    {
        var settings = AppSettings();
        // What FitPilotServices validates on start (Auth, App, Email with Acs, Billing with its three tiers).
        string[] required =
        [
            "Auth__SigningKey", "App__PublicBaseUrl", "Email__Provider", "Email__FromAddress",
            "Email__Acs__Endpoint", "Email__Acs__UseManagedIdentity", "Email__Acs__ManagedIdentityClientId",
            "Billing__SecretKey", "Billing__WebhookSecret",
        ];
        Assert.Empty(required.Except(settings.Keys));
        Assert.Equal("Acs", settings["Email__Provider"]);
        foreach (var tier in FitPilot.Functions.Billing.BillingOptions.TierNames)
            foreach (var property in typeof(FitPilot.Functions.Billing.TierOptions).GetProperties().Select(p => p.Name))
                Assert.Contains($"Billing__Tiers__{tier}__{property}", settings.Keys);
        // Email with the managed identity: no access key in the settings.
        Assert.DoesNotContain("Email__Acs__AccessKey", settings.Keys);
    }

    [Fact]
    public void Key_vault_uses_rbac_with_soft_delete_and_purge_protection()
    {
        var vault = bicep.Single("Microsoft.KeyVault/vaults")["properties"]!;
        Assert.True((bool)vault["enableRbacAuthorization"]!);
        Assert.True((bool)vault["enableSoftDelete"]!);
        Assert.True((bool)vault["enablePurgeProtection"]!);
        Assert.Null(vault["accessPolicies"]);
        // Secret parameters are @secure().
        var vaultModule = BicepBuild.Resources(bicep.Main).Single(r => r["properties"]?["template"]?["parameters"]?["stripeSecretKey"] is not null);
        Assert.Equal("securestring", (string?)vaultModule["properties"]!["template"]!["parameters"]!["stripeSecretKey"]!["type"]);
        Assert.Equal("securestring", (string?)vaultModule["properties"]!["template"]!["parameters"]!["stripeWebhookSecret"]!["type"]);
        Assert.Equal("securestring", (string?)bicep.Main["parameters"]!["stripeSecretKey"]!["type"]);
    }

    [Fact]
    public void Sql_is_entra_only_serverless_and_pauses_when_idle()
    {
        var server = bicep.Single("Microsoft.Sql/servers")["properties"]!;
        Assert.True((bool)server["administrators"]!["azureADOnlyAuthentication"]!);
        Assert.Equal("ActiveDirectory", (string?)server["administrators"]!["administratorType"]);
        Assert.Null(server["administratorLogin"]);
        Assert.Null(server["administratorLoginPassword"]);
        Assert.Equal("1.2", (string?)server["minimalTlsVersion"]);

        var database = bicep.Single("Microsoft.Sql/servers/databases");
        Assert.Equal("GP_S_Gen5", (string?)database["sku"]!["name"]);
        var sqlModule = BicepBuild.Resources(bicep.Main).Single(r => r["properties"]?["template"]?["parameters"]?["autoPauseDelayMinutes"] is not null);
        var autoPause = (int)sqlModule["properties"]!["template"]!["parameters"]!["autoPauseDelayMinutes"]!["defaultValue"]!;
        Assert.InRange(autoPause, 15, 24 * 60);
        Assert.Contains("autoPauseDelayMinutes", database["properties"]!["autoPauseDelay"]!.ToString());
        Assert.NotNull(database["properties"]!["minCapacity"]);
    }

    [Fact]
    public void No_output_carries_a_secret()
    {
        var outputs = BicepBuild.Outputs(bicep.Main).Concat(BicepBuild.Outputs(bicep.BlobEvents)).ToList();
        Assert.NotEmpty(outputs);
        var secretName = new Regex("secret|password|key$|connectionstring|token|sas", RegexOptions.IgnoreCase);
        foreach (var (name, value) in outputs)
        {
            Assert.False(secretName.IsMatch(name) && !name.EndsWith("SecretName", StringComparison.Ordinal), $"Output {name} looks like a secret.");
            Assert.DoesNotContain("listKeys", value, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("listSecrets", value, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("ConnectionString", value, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("parameters('stripe", value, StringComparison.OrdinalIgnoreCase);
        }
        Assert.Contains(outputs, o => o.Name == "WEB_URL");
        Assert.Contains(outputs, o => o.Name == "STRIPE_WEBHOOK_URL");
    }

    [Fact]
    public void Every_event_grid_blob_trigger_has_a_subscription_to_the_blob_extension_webhook()
    {
        var triggers = bicep.BlobEvents["parameters"]!["triggers"]!["defaultValue"]!.AsArray()
            .Select(t => ((string)t!["container"]!, (string)t["functionName"]!)).ToList();
        var subscription = BicepBuild.Resources(bicep.BlobEvents).Single(r => (string?)r["type"] == "Microsoft.EventGrid/systemTopics/eventSubscriptions");
        var url = subscription["properties"]!["destination"]!["properties"]!["endpointUrl"]!.ToString();
        Assert.Contains("/runtime/webhooks/blobs?functionName=Host.Functions.{", url);
        Assert.Contains("blobs_extension", BicepBuild.Json(bicep.BlobEvents));
        Assert.Contains("Microsoft.Storage.BlobCreated", BicepBuild.Json(subscription["properties"]!["filter"]));

        // Every [BlobTrigger(..., Source = EventGrid)] in FitPilot.Functions must be wired, with its container.
        var fromCode = typeof(StorageNames).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods())
            .SelectMany(m => m.GetParameters().SelectMany(p => p.GetCustomAttributes())
                .Where(a => a.GetType().Name == "BlobTriggerAttribute")
                .Select(a => (Function: m.Name, Path: (string)a.GetType().GetProperty("BlobPath")!.GetValue(a)!, Source: a.GetType().GetProperty("Source")!.GetValue(a)!.ToString())))
            .ToList();
        Assert.NotEmpty(fromCode);
        foreach (var trigger in fromCode)
        {
            Assert.Equal("EventGrid", trigger.Source);
            Assert.Contains((trigger.Path.Split('/')[0], trigger.Function), triggers);
        }
    }

    [Fact]
    public void The_static_web_app_is_standard_and_links_the_function_app_as_its_api()
    {
        var site = bicep.Single("Microsoft.Web/staticSites");
        Assert.Equal("Standard", (string?)site["sku"]!["name"]);
        var backend = bicep.Single("Microsoft.Web/staticSites/linkedBackends");
        Assert.Contains("backendResourceId", BicepBuild.Json(backend["properties"]));
    }

    private JsonObject StorageModule() =>
        BicepBuild.Resources(bicep.Main)
            .Select(r => r["properties"]?["template"] as JsonObject)
            .Single(t => t is not null && BicepBuild.Resources(t).Any(r => (string?)r["type"] == "Microsoft.Storage/storageAccounts" && r["existing"] is null))!;

    private Dictionary<string, string> AppSettings() =>
        bicep.Single("Microsoft.Web/sites/config")["properties"]!.AsObject()
            .ToDictionary(p => p.Key, p => p.Value!.ToString());
}
