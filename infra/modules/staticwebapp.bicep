// The web app (Blazor WebAssembly, static files). Standard plan: linked backends need it.
param name string
param location string
param tags object

resource site 'Microsoft.Web/staticSites@2024-04-01' = {
  name: name
  location: location
  tags: tags
  sku: {
    name: 'Standard'
    tier: 'Standard'
  }
  properties: {
    // Deployed by azd (deployment token), not by a GitHub/DevOps connection.
    provider: 'None'
    allowConfigFileUpdates: true
    stagingEnvironmentPolicy: 'Disabled'
  }
}

output name string = site.name
output id string = site.id
output defaultHostname string = site.properties.defaultHostname
