// measures311: everything the product needs in Azure, in one deployment.
//
// Entry point for `azd up` (subscription scope: azd creates the resource group). The product itself lives in
// resources.bicep, which is resource-group scoped so that `az deployment group create` can deploy it into an
// existing group without azd. See docs/deploy.md.
//
// Names follow the Azure Verified Modules / azd conventions: environmentName, location, tags, principalId,
// and the abbreviations of the Cloud Adoption Framework (st, cosmos-, func-, plan-, log-, appi-, id-, evgst-).
targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('Name of the azd environment; it seeds a short unique token used in every resource name.')
param environmentName string

@minLength(1)
@description('Azure region for every resource. Flex Consumption must be available there (az functionapp list-flexconsumption-locations).')
@metadata({
  azd: {
    type: 'location'
  }
})
param location string

@description('Resource group to create or reuse. Default: rg-<environmentName>.')
param resourceGroupName string = ''

@description('Object id of a user or group that may upload test drops to the landing container (Storage Blob Data Contributor). Empty: none.')
param principalId string = ''

@allowed([
  'User'
  'Group'
  'ServicePrincipal'
])
@description('Kind of principal principalId names.')
param principalType string = 'User'

@description('Function app name. Default: measures311-<token>.')
param functionAppName string = ''

@allowed([
  512
  2048
  4096
])
@description('Memory of each Flex Consumption instance in MB. Avaya and Zendesk drops are parsed in constant memory, 2048 leaves room for Arrow buffers.')
param instanceMemoryMB int = 2048

@minValue(1)
@maxValue(1000)
// The Flex Consumption docs have given 40, and later 1, as the lowest allowed value; the default suits both.
@description('Upper bound on Flex Consumption instances. Drops arrive a few times a day, so a low cap bounds cost and Cosmos RU bursts.')
param maximumInstanceCount int = 40

@description('IANA time zone the 311 programme reports in (local dates, fiscal years).')
param programTimeZone string = 'America/Los_Angeles'

@minValue(1)
@maxValue(12)
@description('First month of the fiscal year (7 = July).')
param fiscalYearStartMonth int = 7

@description('Percentage of rejected rows above which a drop is quarantined (a decimal number, 0 to 100).')
param rowErrorThresholdPercent string = '1.0'

@description('Zendesk custom field that names the 311 CSR.')
param zendeskCsrField string = 'csr_311'

@description('Zendesk custom field id holding the contact type. Empty: the flat column contact_type is read.')
param zendeskContactTypeFieldId string = ''

@description('Zendesk custom field id holding the category. Empty: the flat column category is read.')
param zendeskCategoryFieldId string = ''

@allowed([
  'Standard_LRS'
  'Standard_ZRS'
  'Standard_GRS'
  'Standard_RAGRS'
])
@description('Replication of the data lake account.')
param storageSkuName string = 'Standard_LRS'

var tags = {
  'azd-env-name': environmentName
  product: 'measures311'
}

resource rg 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: empty(resourceGroupName) ? 'rg-${environmentName}' : resourceGroupName
  location: location
  tags: tags
}

module resources 'resources.bicep' = {
  name: 'measures311-resources'
  scope: rg
  params: {
    environmentName: environmentName
    location: location
    tags: tags
    principalId: principalId
    principalType: principalType
    functionAppName: functionAppName
    instanceMemoryMB: instanceMemoryMB
    maximumInstanceCount: maximumInstanceCount
    programTimeZone: programTimeZone
    fiscalYearStartMonth: fiscalYearStartMonth
    rowErrorThresholdPercent: rowErrorThresholdPercent
    zendeskCsrField: zendeskCsrField
    zendeskContactTypeFieldId: zendeskContactTypeFieldId
    zendeskCategoryFieldId: zendeskCategoryFieldId
    storageSkuName: storageSkuName
  }
}

// azd stores these outputs in the environment (.azure/<env>/.env); scripts/postdeploy.* reads them.
output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = rg.name
output AZURE_FUNCTION_APP_NAME string = resources.outputs.functionAppName
output AZURE_FUNCTION_APP_URL string = resources.outputs.functionAppUrl
output AZURE_STORAGE_ACCOUNT_NAME string = resources.outputs.storageAccountName
output AZURE_EVENTGRID_SYSTEM_TOPIC_NAME string = resources.outputs.eventGridSystemTopicName
output AZURE_LANDING_CONTAINER string = resources.outputs.landingContainerName
output AZURE_DEADLETTER_CONTAINER string = resources.outputs.deadLetterContainerName
output AZURE_COSMOS_ENDPOINT string = resources.outputs.cosmosEndpoint
output AZURE_COSMOS_DATABASE string = resources.outputs.cosmosDatabaseName
