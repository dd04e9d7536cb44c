// FitPilot in Azure: one resource group with storage (the system of record), the Functions app on
// Flex Consumption, the Static Web App in front of it, Azure SQL serverless (reporting), Key Vault,
// Application Insights, and Communication Services Email. `azd up` deploys this file
// (infra/main.parameters.json), then azure.yaml's hooks run infra/scripts/*.sh.
// The Event Grid subscription for the blob triggers is a second step: infra/blob-events.bicep
// (it needs the deployed function's webhook key, which exists only after `azd deploy`).
targetScope = 'subscription'

@minLength(1)
@maxLength(48)
@description('azd environment name (e.g. fitpilot-prod); names and tags of every resource derive from it.')
param environmentName string

@minLength(1)
@description('Region of the resource group and most resources (a region that offers Flex Consumption).')
param location string

@description('Region of the Static Web App (it is offered in a few regions only; its content is served globally).')
@allowed(['westus2', 'centralus', 'eastus2', 'westeurope', 'eastasia'])
param staticWebAppLocation string = 'eastus2'

@description('Object id of the person or pipeline running azd: becomes the SQL Entra admin (unless sqlAdmin* are given) and may set Key Vault secrets.')
param principalId string

@description('User, Group or ServicePrincipal: the type of principalId.')
@allowed(['User', 'Group', 'ServicePrincipal'])
param principalType string = 'User'

@description('Object id of the SQL server\'s Entra administrator (a person or, better, a group). Empty: principalId.')
param sqlAdminObjectId string = ''

@description('Display name of that administrator (as Entra shows it). Empty: "fitpilot-sql-admins".')
param sqlAdminLogin string = ''

@description('Custom domain the web app is served on (e.g. app.fitpilot.example). Empty: the Static Web App\'s default hostname.')
param webCustomDomain string = ''

@secure()
@description('Stripe secret key (sk_live_… / rk_live_…). Empty: set Key Vault secret "billing-secret-key" after provisioning.')
param stripeSecretKey string = ''

@secure()
@description('Stripe webhook endpoint signing secret (whsec_…). Empty: set Key Vault secret "billing-webhook-secret" after the endpoint exists.')
param stripeWebhookSecret string = ''

@description('The three tiers: client limits, Stripe price ids and the prices the pricing page shows (Billing:Tiers:*).')
param billingTiers object = {
  Solo: { ClientLimit: 10, MonthlyPriceId: 'price_replace_solo_monthly', YearlyPriceId: 'price_replace_solo_yearly', MonthlyPriceCents: 2900, YearlyPriceCents: 29000, Currency: 'aud' }
  Studio: { ClientLimit: 30, MonthlyPriceId: 'price_replace_studio_monthly', YearlyPriceId: 'price_replace_studio_yearly', MonthlyPriceCents: 7900, YearlyPriceCents: 79000, Currency: 'aud' }
  Enterprise: { ClientLimit: 150, MonthlyPriceId: 'price_replace_enterprise_monthly', YearlyPriceId: 'price_replace_enterprise_yearly', MonthlyPriceCents: 19900, YearlyPriceCents: 199000, Currency: 'aud' }
}

@description('Link the Functions app to the Static Web App as its /api backend. The docs list Consumption, Premium and Dedicated plans for linked Functions backends, not Flex Consumption: if ARM refuses the link, see docs/infrastructure.md for the fallback.')
param linkApiToStaticWebApp bool = true

@description('Where ACS keeps email data at rest (ACS "dataLocation").')
param communicationDataLocation string = 'Australia'

var tags = { 'azd-env-name': environmentName, app: 'fitpilot' }
var token = toLower(uniqueString(subscription().id, environmentName, location))

resource rg 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: 'rg-${environmentName}'
  location: location
  tags: tags
}

module identity 'modules/identity.bicep' = {
  scope: rg
  params: {
    name: 'id-fitpilot-${token}'
    location: location
    tags: tags
  }
}

module monitoring 'modules/monitoring.bicep' = {
  scope: rg
  params: {
    logAnalyticsName: 'log-fitpilot-${token}'
    applicationInsightsName: 'appi-fitpilot-${token}'
    location: location
    tags: tags
    publisherPrincipalId: identity.outputs.principalId
  }
}

module web 'modules/staticwebapp.bicep' = {
  scope: rg
  params: {
    name: 'stapp-fitpilot-${token}'
    location: staticWebAppLocation
    tags: union(tags, { 'azd-service-name': 'web' })
  }
}

var webOrigin = empty(webCustomDomain) ? 'https://${web.outputs.defaultHostname}' : 'https://${webCustomDomain}'

module storage 'modules/storage.bicep' = {
  scope: rg
  params: {
    name: 'stfitpilot${take(token, 13)}'
    location: location
    tags: tags
    corsOrigins: [webOrigin]
    appPrincipalId: identity.outputs.principalId
    deploymentContainerName: 'app-package'
  }
}

module vault 'modules/keyvault.bicep' = {
  scope: rg
  params: {
    name: 'kv-fp-${take(token, 13)}'
    location: location
    tags: tags
    appPrincipalId: identity.outputs.principalId
    adminPrincipalId: principalId
    adminPrincipalType: principalType
    stripeSecretKey: stripeSecretKey
    stripeWebhookSecret: stripeWebhookSecret
  }
}

module email 'modules/communication.bicep' = {
  scope: rg
  params: {
    communicationName: 'acs-fitpilot-${token}'
    emailServiceName: 'ecs-fitpilot-${token}'
    dataLocation: communicationDataLocation
    tags: tags
    appPrincipalId: identity.outputs.principalId
  }
}

module sql 'modules/sql.bicep' = {
  scope: rg
  params: {
    serverName: 'sql-fitpilot-${token}'
    databaseName: 'fitpilot-reporting'
    location: location
    tags: tags
    adminObjectId: empty(sqlAdminObjectId) ? principalId : sqlAdminObjectId
    adminLogin: empty(sqlAdminLogin) ? 'fitpilot-sql-admins' : sqlAdminLogin
    adminPrincipalType: !empty(sqlAdminObjectId) ? 'Group' : principalType == 'User' ? 'User' : principalType == 'Group' ? 'Group' : 'Application'
  }
}

module api 'modules/functionapp.bicep' = {
  scope: rg
  params: {
    name: 'func-fitpilot-${token}'
    planName: 'plan-fitpilot-${token}'
    location: location
    tags: union(tags, { 'azd-service-name': 'api' })
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    storageAccountName: storage.outputs.name
    deploymentContainerName: storage.outputs.deploymentContainerName
    applicationInsightsName: monitoring.outputs.applicationInsightsName
    keyVaultUri: vault.outputs.uri
    authSigningKeySecretName: vault.outputs.authSigningKeySecretName
    billingSecretKeySecretName: vault.outputs.billingSecretKeySecretName
    billingWebhookSecretSecretName: vault.outputs.billingWebhookSecretSecretName
    publicBaseUrl: webOrigin
    acsEndpoint: email.outputs.endpoint
    emailSenderAddress: email.outputs.senderAddress
    sqlServerFqdn: sql.outputs.serverFqdn
    sqlDatabaseName: sql.outputs.databaseName
    billingTiers: billingTiers
  }
}

module link 'modules/staticwebapp-backend.bicep' = if (linkApiToStaticWebApp) {
  scope: rg
  params: {
    staticWebAppName: web.outputs.name
    functionAppId: api.outputs.id
    region: location
  }
}

module events 'modules/eventgrid-topic.bicep' = {
  scope: rg
  params: {
    name: 'evgt-fitpilot-${token}'
    location: location
    tags: tags
    storageAccountId: storage.outputs.id
  }
}

// azd stores these in .azure/<env>/.env; the hooks and the README use them. None is a secret.
output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = rg.name
output WEB_URL string = webOrigin
output WEB_DEFAULT_HOSTNAME string = web.outputs.defaultHostname
output API_URL string = 'https://${api.outputs.defaultHostname}'
output API_VIA_WEB_URL string = '${webOrigin}/api'
output STRIPE_WEBHOOK_URL string = '${webOrigin}/api/stripe/webhook'
output FUNCTION_APP_NAME string = api.outputs.name
output STATIC_WEB_APP_NAME string = web.outputs.name
output STORAGE_ACCOUNT_NAME string = storage.outputs.name
output EVENT_GRID_SYSTEM_TOPIC_NAME string = events.outputs.name
output KEY_VAULT_NAME string = vault.outputs.name
output KEY_VAULT_URI string = vault.outputs.uri
output SQL_SERVER_NAME string = sql.outputs.serverName
output SQL_SERVER_FQDN string = sql.outputs.serverFqdn
output SQL_DATABASE_NAME string = sql.outputs.databaseName
output APP_IDENTITY_NAME string = identity.outputs.name
output APP_IDENTITY_CLIENT_ID string = identity.outputs.clientId
output EMAIL_SENDER_ADDRESS string = email.outputs.senderAddress
output APPLICATIONINSIGHTS_NAME string = monitoring.outputs.applicationInsightsName
