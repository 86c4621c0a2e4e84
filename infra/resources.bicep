// The whole product in one resource group. Deployed by main.bicep (azd) or directly:
//   az deployment group create -g <rg> -f infra/resources.bicep -p environmentName=<env>
// The Event Grid subscription is NOT here: its webhook needs the blobs_extension system key, which exists only
// once the function code runs. It is infra/app/eventgrid-subscription.bicep, deployed after the code
// (scripts/postdeploy.sh, run by azd as a postdeploy hook). See docs/deploy.md.
targetScope = 'resourceGroup'

@minLength(1)
@maxLength(64)
@description('Environment name; seeds the unique token in resource names.')
param environmentName string

@description('Azure region for every resource.')
param location string = resourceGroup().location

@description('Tags put on every resource.')
param tags object = {}

@description('Object id of a user or group allowed to upload test drops (Storage Blob Data Contributor). Empty: none.')
param principalId string = ''

@allowed([
  'User'
  'Group'
  'ServicePrincipal'
])
param principalType string = 'User'

@description('Function app name. Default: measures311-<token>.')
param functionAppName string = ''

@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int = 2048

@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 40

param programTimeZone string = 'America/Los_Angeles'

@minValue(1)
@maxValue(12)
param fiscalYearStartMonth int = 7

param rowErrorThresholdPercent string = '1.0'

param zendeskCsrField string = 'csr_311'

param zendeskContactTypeFieldId string = ''

param zendeskCategoryFieldId string = ''

@allowed([
  'Standard_LRS'
  'Standard_ZRS'
  'Standard_GRS'
  'Standard_RAGRS'
])
param storageSkuName string = 'Standard_LRS'

// Names fixed by the code (Settings defaults, store.Container): the drift test
// functions/src/test/java/org/measures311/infra/InfraMatchesCodeTest.java keeps them equal.
var landingContainerName = 'landing'
var curatedContainerName = 'curated'
var quarantineContainerName = 'quarantine'
var cosmosDatabaseName = 'measures311'
// Flex Consumption pulls the deployment package from this container (functionAppConfig.deployment).
var deploymentContainerName = 'app-package'
// Events Event Grid could not deliver after every retry land here, one JSON blob per event.
var deadLetterContainerName = 'eventgrid-deadletter'

var resourceToken = toLower(uniqueString(subscription().id, resourceGroup().id, environmentName, location))
var appName = empty(functionAppName) ? 'measures311-${resourceToken}' : functionAppName

module identity 'app/identity.bicep' = {
  name: 'identity'
  params: {
    name: 'id-measures311-${resourceToken}'
    location: location
    tags: tags
  }
}

module monitoring 'app/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    logAnalyticsName: 'log-measures311-${resourceToken}'
    applicationInsightsName: 'appi-measures311-${resourceToken}'
    location: location
    tags: tags
  }
}

module storage 'app/storage.bicep' = {
  name: 'storage'
  params: {
    name: 'stm311${resourceToken}'
    location: location
    tags: tags
    skuName: storageSkuName
    landingContainerName: landingContainerName
    curatedContainerName: curatedContainerName
    quarantineContainerName: quarantineContainerName
    deploymentContainerName: deploymentContainerName
    deadLetterContainerName: deadLetterContainerName
  }
}

module cosmos 'app/cosmos.bicep' = {
  name: 'cosmos'
  params: {
    name: 'cosmos-measures311-${resourceToken}'
    location: location
    tags: tags
    cosmosDatabaseName: cosmosDatabaseName
    dataContributorPrincipalId: identity.outputs.principalId
  }
}

module rbac 'app/rbac.bicep' = {
  name: 'rbac'
  params: {
    storageAccountName: storage.outputs.name
    applicationInsightsName: monitoring.outputs.applicationInsightsName
    functionPrincipalId: identity.outputs.principalId
    operatorPrincipalId: principalId
    operatorPrincipalType: principalType
  }
}

module functionApp 'app/function-app.bicep' = {
  name: 'function-app'
  params: {
    name: appName
    planName: 'plan-measures311-${resourceToken}'
    location: location
    tags: tags
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    instanceMemoryMB: instanceMemoryMB
    maximumInstanceCount: maximumInstanceCount
    storageAccountName: storage.outputs.name
    blobEndpoint: storage.outputs.blobEndpoint
    queueEndpoint: storage.outputs.queueEndpoint
    deploymentContainerName: deploymentContainerName
    applicationInsightsName: monitoring.outputs.applicationInsightsName
    logAnalyticsWorkspaceId: monitoring.outputs.logAnalyticsWorkspaceId
    landingContainerName: landingContainerName
    curatedContainerName: curatedContainerName
    quarantineContainerName: quarantineContainerName
    cosmosEndpoint: cosmos.outputs.endpoint
    cosmosDatabaseName: cosmosDatabaseName
    programTimeZone: programTimeZone
    fiscalYearStartMonth: fiscalYearStartMonth
    rowErrorThresholdPercent: rowErrorThresholdPercent
    zendeskCsrField: zendeskCsrField
    zendeskContactTypeFieldId: zendeskContactTypeFieldId
    zendeskCategoryFieldId: zendeskCategoryFieldId
  }
  // The host reads storage and Cosmos with the identity as soon as it starts: grant the roles first.
  dependsOn: [
    rbac
  ]
}

module eventGridTopic 'app/eventgrid-topic.bicep' = {
  name: 'eventgrid-topic'
  params: {
    name: 'evgst-measures311-${resourceToken}'
    location: location
    tags: tags
    storageAccountName: storage.outputs.name
    deadLetterContainerName: deadLetterContainerName
    logAnalyticsWorkspaceId: monitoring.outputs.logAnalyticsWorkspaceId
  }
}

output functionAppName string = functionApp.outputs.name
output functionAppUrl string = functionApp.outputs.url
output storageAccountName string = storage.outputs.name
output eventGridSystemTopicName string = eventGridTopic.outputs.name
output landingContainerName string = landingContainerName
output deadLetterContainerName string = deadLetterContainerName
output cosmosEndpoint string = cosmos.outputs.endpoint
output cosmosDatabaseName string = cosmosDatabaseName
