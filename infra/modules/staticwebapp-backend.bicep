// /api on the web app's origin goes to the Functions app ("bring your own functions").
param staticWebAppName string
param functionAppId string
param region string

resource site 'Microsoft.Web/staticSites@2024-04-01' existing = {
  name: staticWebAppName
}

resource backend 'Microsoft.Web/staticSites/linkedBackends@2024-04-01' = {
  parent: site
  name: 'api'
  properties: {
    backendResourceId: functionAppId
    region: region
  }
}
