// Azure SQL: the reporting store (the system of record stays Table Storage). Serverless General
// Purpose, auto-pause after an hour idle, Entra-only authentication (no SQL logins, no password
// anywhere). The app's identity becomes a contained user in the post-provision script
// (infra/scripts/postprovision.sh): ARM cannot create database users.
param serverName string
param databaseName string
param location string
param tags object
@description('Entra object id of the server administrator.')
param adminObjectId string
@description('Its display name (the login).')
param adminLogin string
@allowed(['User', 'Group', 'Application'])
param adminPrincipalType string
@description('Minutes of inactivity before the database pauses (60 is the minimum; -1 disables).')
param autoPauseDelayMinutes int = 60
@description('Smallest vCores while running (serverless).')
param minCapacity string = '0.5'
@description('Largest vCores (serverless GP_S_Gen5_<n>).')
param maxVCores int = 2

resource server 'Microsoft.Sql/servers@2025-01-01' = {
  name: serverName
  location: location
  tags: tags
  properties: {
    minimalTlsVersion: '1.2'
    publicNetworkAccess: 'Enabled'
    administrators: {
      administratorType: 'ActiveDirectory'
      azureADOnlyAuthentication: true
      login: adminLogin
      sid: adminObjectId
      principalType: adminPrincipalType
      tenantId: tenant().tenantId
    }
  }
}

// Flex Consumption apps without a virtual network reach SQL over the public endpoint from Azure
// addresses: the 0.0.0.0 rule admits Azure services only; access still needs an Entra token.
resource allowAzure 'Microsoft.Sql/servers/firewallRules@2025-01-01' = {
  parent: server
  name: 'AllowAllWindowsAzureIps'
  properties: {
    startIpAddress: '0.0.0.0'
    endIpAddress: '0.0.0.0'
  }
}

resource database 'Microsoft.Sql/servers/databases@2025-01-01' = {
  parent: server
  name: databaseName
  location: location
  tags: tags
  sku: {
    name: 'GP_S_Gen5'
    tier: 'GeneralPurpose'
    family: 'Gen5'
    capacity: maxVCores
  }
  properties: {
    autoPauseDelay: autoPauseDelayMinutes
    minCapacity: json(minCapacity)
    requestedBackupStorageRedundancy: 'Local'
    zoneRedundant: false
  }
}

output serverName string = server.name
output serverFqdn string = server.properties.fullyQualifiedDomainName
output databaseName string = database.name
