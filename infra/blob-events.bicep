// Step two, after `azd deploy` (azure.yaml's postdeploy hook runs it): Event Grid subscriptions that
// deliver BlobCreated events of the upload containers to the Functions blob extension's webhook, as the
// EventGrid-source blob trigger requires (the only blob trigger Flex Consumption supports).
//   https://<app>.azurewebsites.net/runtime/webhooks/blobs?functionName=Host.Functions.<Function>&code=<blobs_extension key>
// The blobs_extension system key exists only once the host has started with the deployed code, and
// Event Grid validates the endpoint when the subscription is created: hence a separate deployment.
// Re-running it is harmless (same names, same endpoints).
targetScope = 'resourceGroup'

param functionAppName string
param systemTopicName string

@description('Upload container → the function that processes it.')
param triggers array = [
  { container: 'profile-pictures-incoming', functionName: 'ResizeProfilePicture' }
  { container: 'photos-incoming', functionName: 'ProcessProgressPhoto' }
  { container: 'message-images-incoming', functionName: 'ProcessMessageImage' }
]

resource app 'Microsoft.Web/sites@2024-04-01' existing = {
  name: functionAppName
}

resource topic 'Microsoft.EventGrid/systemTopics@2025-02-15' existing = {
  name: systemTopicName
}

var blobsExtensionKey = listKeys('${app.id}/host/default', '2024-04-01').systemKeys.blobs_extension

resource subscriptions 'Microsoft.EventGrid/systemTopics/eventSubscriptions@2025-02-15' = [
  for trigger in triggers: {
    parent: topic
    name: toLower(trigger.functionName)
    properties: {
      destination: {
        endpointType: 'WebHook'
        properties: {
          endpointUrl: 'https://${app.properties.defaultHostName}/runtime/webhooks/blobs?functionName=Host.Functions.${trigger.functionName}&code=${blobsExtensionKey}'
          maxEventsPerBatch: 1
          preferredBatchSizeInKilobytes: 64
        }
      }
      eventDeliverySchema: 'EventGridSchema'
      filter: {
        includedEventTypes: ['Microsoft.Storage.BlobCreated']
        subjectBeginsWith: '/blobServices/default/containers/${trigger.container}/'
      }
      retryPolicy: {
        maxDeliveryAttempts: 30
        eventTimeToLiveInMinutes: 1440
      }
    }
  }
]
