// Azure RBAC for the function app's identity, narrowest built-in roles that let the Functions host and the code
// work on the data lake account (see "Blob trigger: identity-based connections" in the Functions docs):
//  - Storage Blob Data Owner: the blob trigger (blob receipts, reading landing files), host storage (leases for
//    timers and singletons, the Flex deployment package) and the code (curated and quarantine writes, ADLS ACL
//    reads); Owner rather than Contributor because the trigger and host storage require it.
//  - Storage Queue Data Contributor: the blob trigger writes failures to the webjobs-blobtrigger-poison queue and
//    the host keeps its internal queues on AzureWebJobsStorage.
// Not granted: Storage Account Contributor (management plane, only the scan-based blob trigger needs it; this
// app uses source = EventGrid) and any Table role (no Durable Functions).
// Cosmos DB data-plane access is a Cosmos SQL role assignment, in cosmos.bicep.
param storageAccountName string
param applicationInsightsName string
param functionPrincipalId string

@description('Optional user or group that may upload test drops. Empty: none.')
param operatorPrincipalId string = ''

param operatorPrincipalType string = 'User'

var roles = {
  storageBlobDataOwner: 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
  storageBlobDataContributor: 'ba92f5b4-2d11-453d-a403-e96b0029c9fe'
  storageQueueDataContributor: '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
  monitoringMetricsPublisher: '3913510d-42f4-4e42-8a64-420c390055eb'
}

resource account 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: storageAccountName
}

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

resource blobDataOwner 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: account
  name: guid(account.id, functionPrincipalId, roles.storageBlobDataOwner)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.storageBlobDataOwner)
    principalId: functionPrincipalId
    principalType: 'ServicePrincipal'
  }
}

resource queueDataContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: account
  name: guid(account.id, functionPrincipalId, roles.storageQueueDataContributor)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.storageQueueDataContributor)
    principalId: functionPrincipalId
    principalType: 'ServicePrincipal'
  }
}

// Application Insights has local auth disabled: telemetry is accepted only from identities with this role.
resource metricsPublisher 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: applicationInsights
  name: guid(applicationInsights.id, functionPrincipalId, roles.monitoringMetricsPublisher)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.monitoringMetricsPublisher)
    principalId: functionPrincipalId
    principalType: 'ServicePrincipal'
  }
}

resource operatorBlobDataContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(operatorPrincipalId)) {
  scope: account
  name: guid(account.id, operatorPrincipalId, roles.storageBlobDataContributor)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.storageBlobDataContributor)
    principalId: operatorPrincipalId
    principalType: operatorPrincipalType
  }
}
