// Event Grid subscription: BlobCreated events of the landing container -> the blobs_extension webhook of the
// ingestLandingBlob function.
//
// Deployed on its own, AFTER the function code (scripts/postdeploy.sh, run by azd as a postdeploy hook; or by
// hand, see docs/deploy.md): the webhook URL carries the host's blobs_extension system key, and the host creates
// that key only once it has loaded a blob trigger with source = EventGrid. This is the same two-step shape as the
// azd template functions-quickstart-java-azd-eventgrid-blob, which creates the subscription in a post-deploy
// script. Reading the key with listKeys here keeps it out of scripts, parameters and deployment history; it is
// the only listKeys in infra/ (InfraMatchesCodeTest allows exactly this one).
//
//   az deployment group create -g <rg> -f infra/app/eventgrid-subscription.bicep \
//     -p functionAppName=<app> systemTopicName=<topic> storageAccountName=<account>
targetScope = 'resourceGroup'

param functionAppName string
param systemTopicName string
param storageAccountName string

@description('Landing container (LANDING_CONTAINER of the app). Must match resources.bicep.')
param landingContainerName string = 'landing'

@description('Container that receives undeliverable events. Must match resources.bicep.')
param deadLetterContainerName string = 'eventgrid-deadletter'

@minValue(1)
@maxValue(30)
@description('Delivery attempts before an event is dead-lettered.')
param maxDeliveryAttempts int = 30

@minValue(1)
@maxValue(1440)
@description('Minutes Event Grid keeps retrying an event before it is dead-lettered.')
param eventTimeToLiveInMinutes int = 1440

// The function the webhook invokes: @FunctionName of org.measures311.functions.LandingBlobTrigger.
var functionName = 'ingestLandingBlob'

resource functionApp 'Microsoft.Web/sites@2024-04-01' existing = {
  name: functionAppName
}

resource storageAccount 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: storageAccountName
}

resource systemTopic 'Microsoft.EventGrid/systemTopics@2022-06-15' existing = {
  name: systemTopicName
}

var blobsExtensionKey = listKeys('${functionApp.id}/host/default', '2024-04-01').systemKeys.blobs_extension

resource subscription 'Microsoft.EventGrid/systemTopics/eventSubscriptions@2022-06-15' = {
  parent: systemTopic
  name: 'landing-to-${functionName}'
  properties: {
    destination: {
      endpointType: 'WebHook'
      properties: {
        endpointUrl: 'https://${functionApp.properties.defaultHostName}/runtime/webhooks/blobs?functionName=Host.Functions.${functionName}&code=${blobsExtensionKey}'
        maxEventsPerBatch: 1
        preferredBatchSizeInKilobytes: 64
      }
    }
    eventDeliverySchema: 'EventGridSchema'
    filter: {
      includedEventTypes: [
        'Microsoft.Storage.BlobCreated'
      ]
      subjectBeginsWith: '/blobServices/default/containers/${landingContainerName}/'
      // On a hierarchical-namespace account the ADLS Gen2 CreateFile call also raises BlobCreated, for a still
      // empty file. Only operations that leave a complete blob are passed on (Event Grid docs, "Azure Blob
      // Storage as an Event Grid source").
      advancedFilters: [
        {
          operatorType: 'StringIn'
          key: 'data.api'
          values: [
            'PutBlob'
            'PutBlockList'
            'CopyBlob'
            'FlushWithClose'
          ]
        }
      ]
    }
    retryPolicy: {
      maxDeliveryAttempts: maxDeliveryAttempts
      eventTimeToLiveInMinutes: eventTimeToLiveInMinutes
    }
    // Dead letters are written with the system topic's identity (shared-key access is off on the account).
    deadLetterWithResourceIdentity: {
      identity: {
        type: 'SystemAssigned'
      }
      deadLetterDestination: {
        endpointType: 'StorageBlob'
        properties: {
          resourceId: storageAccount.id
          blobContainerName: deadLetterContainerName
        }
      }
    }
  }
}

output subscriptionName string = subscription.name
