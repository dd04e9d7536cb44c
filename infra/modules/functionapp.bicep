// The Functions app (.NET 10 isolated) on Flex Consumption, running as the user-assigned identity.
// Storage is identity-based (AzureWebJobsStorage__*: no connection string, no key), the package is
// deployed to a blob container with the same identity, and secrets are Key Vault references.
// Every setting the app validates at start-up (Auth, App, Email, Billing) is set here.
param name string
param planName string
param location string
param tags object
param identityId string
param identityClientId string
param storageAccountName string
param deploymentContainerName string
param applicationInsightsName string
param keyVaultUri string
param authSigningKeySecretName string
param billingSecretKeySecretName string
param billingWebhookSecretSecretName string
@description('The web app\'s origin: links in emails start with it (App:PublicBaseUrl).')
param publicBaseUrl string
param acsEndpoint string
param emailSenderAddress string
param sqlServerFqdn string
param sqlDatabaseName string
param billingTiers object
@description('Largest number of instances Flex Consumption may scale out to (a cost ceiling).')
param maximumInstanceCount int = 40
@allowed([512, 2048, 4096])
param instanceMemoryMB int = 2048

resource storage 'Microsoft.Storage/storageAccounts@2024-01-01' existing = {
  name: storageAccountName
}

resource insights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    name: 'FC1'
    tier: 'FlexConsumption'
  }
  properties: {
    reserved: true
  }
}

var secretUri = '${keyVaultUri}secrets'

// A literal object (no union/lambda) so the compiled template shows every setting: BicepTests reads it.
var appSettings = {
  // Host and trigger storage with the managed identity. The app's StorageClients reads the three service URIs.
  AzureWebJobsStorage__accountName: storage.name
  AzureWebJobsStorage__blobServiceUri: storage.properties.primaryEndpoints.blob
  AzureWebJobsStorage__queueServiceUri: storage.properties.primaryEndpoints.queue
  AzureWebJobsStorage__tableServiceUri: storage.properties.primaryEndpoints.table
  AzureWebJobsStorage__credential: 'managedidentity'
  AzureWebJobsStorage__clientId: identityClientId

  // Telemetry with Entra auth (the component has local auth off). Sampling: host.json.
  APPLICATIONINSIGHTS_CONNECTION_STRING: insights.properties.ConnectionString
  APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identityClientId};Authorization=AAD'

  // Auth: the session signing key from Key Vault (the post-provision script creates it once).
  Auth__SigningKey: '@Microsoft.KeyVault(SecretUri=${secretUri}/${authSigningKeySecretName}/)'
  Auth__SecureCookie: 'true'

  // App
  App__PublicBaseUrl: publicBaseUrl

  // Email through Azure Communication Services with the managed identity (no access key).
  Email__Provider: 'Acs'
  Email__FromAddress: emailSenderAddress
  Email__FromName: 'FitPilot'
  Email__Acs__Endpoint: acsEndpoint
  Email__Acs__UseManagedIdentity: 'true'
  Email__Acs__ManagedIdentityClientId: identityClientId
  Email__Acs__SenderAddress: emailSenderAddress

  // Billing: Stripe keys from Key Vault; the tiers from the billingTiers parameter.
  Billing__SecretKey: '@Microsoft.KeyVault(SecretUri=${secretUri}/${billingSecretKeySecretName}/)'
  Billing__WebhookSecret: '@Microsoft.KeyVault(SecretUri=${secretUri}/${billingWebhookSecretSecretName}/)'
  Billing__Tiers__Solo__ClientLimit: string(billingTiers.Solo.ClientLimit)
  Billing__Tiers__Solo__MonthlyPriceId: string(billingTiers.Solo.MonthlyPriceId)
  Billing__Tiers__Solo__YearlyPriceId: string(billingTiers.Solo.YearlyPriceId)
  Billing__Tiers__Solo__MonthlyPriceCents: string(billingTiers.Solo.MonthlyPriceCents)
  Billing__Tiers__Solo__YearlyPriceCents: string(billingTiers.Solo.YearlyPriceCents)
  Billing__Tiers__Solo__Currency: string(billingTiers.Solo.Currency)
  Billing__Tiers__Studio__ClientLimit: string(billingTiers.Studio.ClientLimit)
  Billing__Tiers__Studio__MonthlyPriceId: string(billingTiers.Studio.MonthlyPriceId)
  Billing__Tiers__Studio__YearlyPriceId: string(billingTiers.Studio.YearlyPriceId)
  Billing__Tiers__Studio__MonthlyPriceCents: string(billingTiers.Studio.MonthlyPriceCents)
  Billing__Tiers__Studio__YearlyPriceCents: string(billingTiers.Studio.YearlyPriceCents)
  Billing__Tiers__Studio__Currency: string(billingTiers.Studio.Currency)
  Billing__Tiers__Enterprise__ClientLimit: string(billingTiers.Enterprise.ClientLimit)
  Billing__Tiers__Enterprise__MonthlyPriceId: string(billingTiers.Enterprise.MonthlyPriceId)
  Billing__Tiers__Enterprise__YearlyPriceId: string(billingTiers.Enterprise.YearlyPriceId)
  Billing__Tiers__Enterprise__MonthlyPriceCents: string(billingTiers.Enterprise.MonthlyPriceCents)
  Billing__Tiers__Enterprise__YearlyPriceCents: string(billingTiers.Enterprise.YearlyPriceCents)
  Billing__Tiers__Enterprise__Currency: string(billingTiers.Enterprise.Currency)

  // Reporting store (Azure SQL) with the managed identity: no password in the connection string.
  Reporting__Provider: 'SqlServer'
  Reporting__SqlConnectionString: 'Server=tcp:${sqlServerFqdn},1433;Database=${sqlDatabaseName};Authentication=Active Directory Managed Identity;User Id=${identityClientId};Encrypt=True;TrustServerCertificate=False;Connection Timeout=60;'

  // The managed identity DefaultAzureCredential picks (StorageClients, the ACS token source).
  AZURE_CLIENT_ID: identityClientId
}

resource app 'Microsoft.Web/sites@2024-04-01' = {
  name: name
  location: location
  tags: tags
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identityId}': {} }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    keyVaultReferenceIdentity: identityId
    siteConfig: {
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storage.properties.primaryEndpoints.blob}${deploymentContainerName}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
      }
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
  }

  resource settings 'config' = {
    name: 'appsettings'
    properties: appSettings
  }
}

// No publishing with user names and passwords (azd deploys with Entra ID).
resource ftpCredentials 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: app
  name: 'ftp'
  properties: { allow: false }
}

resource scmCredentials 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: app
  name: 'scm'
  properties: { allow: false }
}

output id string = app.id
output name string = app.name
output defaultHostname string = app.properties.defaultHostName
