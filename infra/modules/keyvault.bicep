// Secrets of the app: the session signing key, the Stripe secret key and webhook secret. RBAC mode
// (no access policies), soft delete and purge protection. The app reads them through Key Vault
// references with its user-assigned identity (Key Vault Secrets User, this vault only).
param name string
param location string
param tags object
param appPrincipalId string
@description('Who may write secrets (the person or pipeline running azd; the post-provision script creates the signing key).')
param adminPrincipalId string
param adminPrincipalType string
@secure()
param stripeSecretKey string
@secure()
param stripeWebhookSecret string

var authSigningKeySecretName = 'auth-signing-key'
var billingSecretKeySecretName = 'billing-secret-key'
var billingWebhookSecretSecretName = 'billing-webhook-secret'

resource vault 'Microsoft.KeyVault/vaults@2024-11-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: tenant().tenantId
    sku: { family: 'A', name: 'standard' }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: true
    publicNetworkAccess: 'Enabled'
  }
}

// Given only when passed (a secure parameter); otherwise set after provisioning (README, "Deploy to Azure").
resource stripeKey 'Microsoft.KeyVault/vaults/secrets@2024-11-01' = if (!empty(stripeSecretKey)) {
  parent: vault
  name: billingSecretKeySecretName
  properties: { value: stripeSecretKey, contentType: 'Stripe secret key' }
}

resource stripeWebhook 'Microsoft.KeyVault/vaults/secrets@2024-11-01' = if (!empty(stripeWebhookSecret)) {
  parent: vault
  name: billingWebhookSecretSecretName
  properties: { value: stripeWebhookSecret, contentType: 'Stripe webhook signing secret' }
}

var keyVaultSecretsUser = '4633458b-17de-408a-b874-0445c86b69e6'
var keyVaultSecretsOfficer = 'b86a8fe4-44ce-4948-aee5-eccb2c155cd7'

resource appReadsSecrets 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, appPrincipalId, keyVaultSecretsUser)
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsUser)
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
  }
}

resource adminWritesSecrets 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, adminPrincipalId, keyVaultSecretsOfficer)
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsOfficer)
    principalId: adminPrincipalId
    principalType: adminPrincipalType
  }
}

output name string = vault.name
output uri string = vault.properties.vaultUri
output authSigningKeySecretName string = authSigningKeySecretName
output billingSecretKeySecretName string = billingSecretKeySecretName
output billingWebhookSecretSecretName string = billingWebhookSecretSecretName
