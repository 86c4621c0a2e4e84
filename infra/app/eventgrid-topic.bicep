// Event Grid system topic on the data lake account: the source of the BlobCreated events that drive the
// ingestLandingBlob function (blob trigger with source = EventGrid, the only blob trigger Flex Consumption runs).
// The subscription itself is eventgrid-subscription.bicep, deployed once the function code is running.
//
// The topic has a system-assigned identity so that the subscription can dead-letter with it: the account has
// shared-key access disabled, so dead-lettering must authenticate with Entra ID. The identity may write blobs in
// the dead-letter container only.
param name string
param location string
param tags object = {}
param storageAccountName string
param deadLetterContainerName string
param logAnalyticsWorkspaceId string

resource account 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: storageAccountName

  resource blobService 'blobServices' existing = {
    name: 'default'

    resource deadLetterContainer 'containers' existing = {
      name: deadLetterContainerName
    }
  }
}

resource systemTopic 'Microsoft.EventGrid/systemTopics@2022-06-15' = {
  name: name
  location: location
  tags: tags
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    source: account.id
    topicType: 'Microsoft.Storage.StorageAccounts'
  }
}

var storageBlobDataContributor = 'ba92f5b4-2d11-453d-a403-e96b0029c9fe'

resource deadLetterWriter 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: account::blobService::deadLetterContainer
  name: guid(account::blobService::deadLetterContainer.id, systemTopic.id, storageBlobDataContributor)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageBlobDataContributor)
    principalId: systemTopic.identity.principalId
    principalType: 'ServicePrincipal'
  }
}

// Failed deliveries (endpoint down, key rotated, function returning errors) show up in Log Analytics.
resource diagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  scope: systemTopic
  name: 'to-log-analytics'
  properties: {
    workspaceId: logAnalyticsWorkspaceId
    logs: [
      {
        category: 'DeliveryFailures'
        enabled: true
      }
    ]
  }
}

output name string = systemTopic.name
output principalId string = systemTopic.identity.principalId
