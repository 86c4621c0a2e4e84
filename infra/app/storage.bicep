// The data lake: one ADLS Gen2 account (hierarchical namespace) holding the landing, curated and quarantine file
// systems, the Flex Consumption deployment container and the Event Grid dead-letter container. The same account
// is the host storage (AzureWebJobsStorage): the blob trigger's poison queue, timer and singleton leases.
//
// No keys: shared-key access is off, so every client (host, code, Event Grid dead-lettering, operators) uses
// Microsoft Entra ID. Flex Consumption supports this for host and deployment storage with a managed identity.
param name string
param location string
param tags object = {}

@allowed([
  'Standard_LRS'
  'Standard_ZRS'
  'Standard_GRS'
  'Standard_RAGRS'
])
param skuName string = 'Standard_LRS'

param landingContainerName string
param curatedContainerName string
param quarantineContainerName string
param deploymentContainerName string
param deadLetterContainerName string

@minValue(1)
@maxValue(365)
@description('Days a deleted blob or container can be restored.')
param softDeleteRetentionDays int = 14

var containerNames = [
  landingContainerName
  curatedContainerName
  quarantineContainerName
  deploymentContainerName
  deadLetterContainerName
]

resource account 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: skuName
  }
  properties: {
    isHnsEnabled: true
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    allowBlobPublicAccess: false
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    allowCrossTenantReplication: false
    accessTier: 'Hot'
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      // Event Grid delivers dead letters and reads events as a trusted Azure service.
      bypass: 'AzureServices'
      defaultAction: 'Allow'
    }
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: account
  name: 'default'
  properties: {
    // Blob versioning is not available with a hierarchical namespace; soft delete is.
    deleteRetentionPolicy: {
      enabled: true
      days: softDeleteRetentionDays
    }
    containerDeleteRetentionPolicy: {
      enabled: true
      days: softDeleteRetentionDays
    }
  }
}

// With a hierarchical namespace each container is an ADLS Gen2 file system.
resource containers 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = [for containerName in containerNames: {
  parent: blobService
  name: containerName
  properties: {
    publicAccess: 'None'
  }
}]

output name string = account.name
output id string = account.id
output blobEndpoint string = account.properties.primaryEndpoints.blob
output queueEndpoint string = account.properties.primaryEndpoints.queue
output dfsEndpoint string = account.properties.primaryEndpoints.dfs
