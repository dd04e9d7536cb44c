// The storage account's Event Grid system topic. Its subscriptions (BlobCreated → the blob triggers'
// webhook) are created by infra/blob-events.bicep after the code is deployed: see that file.
param name string
param location string
param tags object
param storageAccountId string

resource topic 'Microsoft.EventGrid/systemTopics@2025-02-15' = {
  name: name
  location: location
  tags: tags
  properties: {
    source: storageAccountId
    topicType: 'Microsoft.Storage.StorageAccounts'
  }
}

output name string = topic.name
