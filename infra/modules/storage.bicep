// The system of record: Table Storage (every table in StorageNames.Tables), the queues (email outbox,
// domain events, their poison queues), private blob containers (uploads and processed images), and
// the Flex Consumption deployment container. No shared keys: every client uses Entra ID (the app's
// managed identity); no public blob access; HTTPS and TLS 1.2 only.
param name string
param location string
param tags object
@description('Origins allowed to PUT blobs directly (the web app, for photo uploads with a user-delegation SAS).')
param corsOrigins array
@description('Principal id of the Functions app identity.')
param appPrincipalId string
param deploymentContainerName string

// Keep in step with functions/FitPilot.Functions/Storage/StorageNames.cs (BicepTests fails otherwise).
var tables = [
  'trainers'
  'clients'
  'logins'
  'sessions'
  'tokens'
  'exercises'
  'settings'
  'ratelimits'
  'programs'
  'training'
  'activity'
  'billing'
  'photos'
  'measurements'
  'checkins'
  'habits'
  'achievements'
  'notifications'
  'mealplans'
  'mealdays'
  'foods'
  'nutritiontargets'
  'clientsummaries'
  'messages'
  'bookings'
]
var queues = [
  'email-outbox'
  'email-outbox-poison'
  'domain-events'
  'domain-events-poison'
]
var containers = [
  'profile-pictures-incoming'
  'profile-pictures'
  'photos-incoming'
  'photos'
  'message-images-incoming'
  'message-images'
  deploymentContainerName
]

resource account 'Microsoft.Storage/storageAccounts@2024-01-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: { name: 'Standard_LRS' }
  properties: {
    accessTier: 'Hot'
    allowBlobPublicAccess: false
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    allowCrossTenantReplication: false
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      defaultAction: 'Allow'
      bypass: 'AzureServices'
    }
    encryption: {
      keySource: 'Microsoft.Storage'
      services: {
        blob: { enabled: true }
        file: { enabled: true }
        table: { enabled: true }
        queue: { enabled: true }
      }
    }
  }
}

resource blobs 'Microsoft.Storage/storageAccounts/blobServices@2024-01-01' = {
  parent: account
  name: 'default'
  properties: {
    deleteRetentionPolicy: { enabled: true, days: 7 }
    containerDeleteRetentionPolicy: { enabled: true, days: 7 }
    cors: {
      corsRules: [
        {
          allowedOrigins: corsOrigins
          allowedMethods: ['PUT']
          allowedHeaders: ['x-ms-blob-type', 'content-type']
          exposedHeaders: []
          maxAgeInSeconds: 3600
        }
      ]
    }
  }
}

resource blobContainers 'Microsoft.Storage/storageAccounts/blobServices/containers@2024-01-01' = [
  for container in containers: {
    parent: blobs
    name: container
    properties: {
      publicAccess: 'None'
    }
  }
]

resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2024-01-01' = {
  parent: account
  name: 'default'
}

resource storageTables 'Microsoft.Storage/storageAccounts/tableServices/tables@2024-01-01' = [
  for table in tables: {
    parent: tableService
    name: table
  }
]

resource queueService 'Microsoft.Storage/storageAccounts/queueServices@2024-01-01' = {
  parent: account
  name: 'default'
}

resource storageQueues 'Microsoft.Storage/storageAccounts/queueServices/queues@2024-01-01' = [
  for queue in queues: {
    parent: queueService
    name: queue
  }
]

// Roles of the app's identity, scoped to this account only:
// - Storage Blob Data Owner: the Functions host's own blobs (locks, the blob trigger's receipts),
//   the deployment package, and user-delegation keys for upload SAS.
// - Storage Queue Data Contributor: queue triggers, the outbox and domain events, blob trigger poison queue.
// - Storage Table Data Contributor: every table.
var roles = {
  blobDataOwner: 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
  queueDataContributor: '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
  tableDataContributor: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
}

resource appRoles 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for role in items(roles): {
    name: guid(account.id, appPrincipalId, role.value)
    scope: account
    properties: {
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', role.value)
      principalId: appPrincipalId
      principalType: 'ServicePrincipal'
    }
  }
]

output name string = account.name
output id string = account.id
output blobEndpoint string = account.properties.primaryEndpoints.blob
output deploymentContainerName string = deploymentContainerName
