// The function app: Flex Consumption (FC1), Linux, Java 17, user-assigned managed identity, identity-based
// connections only. On Flex Consumption the runtime, scale and deployment source are properties of the site
// (functionAppConfig), so FUNCTIONS_WORKER_RUNTIME, FUNCTIONS_EXTENSION_VERSION and WEBSITE_RUN_FROM_PACKAGE
// must not be app settings (the drift test checks they are absent).
param name string
param planName string
param location string
param tags object = {}

param identityId string
param identityClientId string

@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int = 2048

@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 40

param storageAccountName string
param blobEndpoint string
param queueEndpoint string
param deploymentContainerName string
param applicationInsightsName string
param logAnalyticsWorkspaceId string

param landingContainerName string
param curatedContainerName string
param quarantineContainerName string
param cosmosEndpoint string
param cosmosDatabaseName string
param programTimeZone string
param fiscalYearStartMonth int
param rowErrorThresholdPercent string
param zendeskCsrField string
param zendeskContactTypeFieldId string = ''
param zendeskCategoryFieldId string = ''

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

var appSettings = {
  // Host storage, identity-based (no AzureWebJobsStorage connection string).
  AzureWebJobsStorage__accountName: storageAccountName
  AzureWebJobsStorage__credential: 'managedidentity'
  AzureWebJobsStorage__clientId: identityClientId

  // The blob trigger's connection (connection = "LandingStorage"): the blob endpoint for the files, the queue
  // endpoint for its poison queue. The code reads LandingStorage__blobServiceUri too (Settings).
  LandingStorage__blobServiceUri: blobEndpoint
  LandingStorage__queueServiceUri: queueEndpoint
  LandingStorage__credential: 'managedidentity'
  LandingStorage__clientId: identityClientId

  // DefaultAzureCredential in the code (Cosmos, ADLS clients) picks the user-assigned identity by this id.
  AZURE_CLIENT_ID: identityClientId

  // Telemetry with Entra ID auth (the component has local auth disabled).
  APPLICATIONINSIGHTS_CONNECTION_STRING: applicationInsights.properties.ConnectionString
  APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identityClientId};Authorization=AAD'

  // The blob trigger binds Azure SDK types (BlobClient), which the Java worker enables with this setting.
  JAVA_ENABLE_SDK_TYPES: 'true'

  // Arrow's memory module needs java.nio opened to it on JDK 17. Extra JVM arguments for the Java worker:
  // the Functions docs ("Customize JVM" in the Java developer guide, and the JAVA_OPTS entry of the app settings
  // reference) name languageWorkers__java__arguments for Consumption plans and JAVA_OPTS for Premium and
  // Dedicated plans; Flex Consumption is a Consumption plan. The value must equal <arrow.jvm.args> in
  // functions/pom.xml (checked by InfraMatchesCodeTest).
  languageWorkers__java__arguments: '--add-opens=java.base/java.nio=ALL-UNNAMED'

  // What the code reads (org.measures311.config.Settings.DEPLOYED).
  LANDING_CONTAINER: landingContainerName
  CURATED_CONTAINER: curatedContainerName
  QUARANTINE_CONTAINER: quarantineContainerName
  COSMOS_ENDPOINT: cosmosEndpoint
  COSMOS_DATABASE: cosmosDatabaseName
  PROGRAM_TIME_ZONE: programTimeZone
  FISCAL_YEAR_START_MONTH: string(fiscalYearStartMonth)
  ROW_ERROR_THRESHOLD_PERCENT: rowErrorThresholdPercent
  ZENDESK_CSR_FIELD: zendeskCsrField
}

// Optional settings are left unset rather than blank, so the code falls back to the flat Zendesk columns.
var zendeskContactTypeSetting = empty(zendeskContactTypeFieldId) ? {} : {
  ZENDESK_CONTACT_TYPE_FIELD_ID: zendeskContactTypeFieldId
}
var zendeskCategorySetting = empty(zendeskCategoryFieldId) ? {} : {
  ZENDESK_CATEGORY_FIELD_ID: zendeskCategoryFieldId
}

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    name: 'FC1'
    tier: 'FlexConsumption'
  }
  properties: {
    reserved: true
  }
}

resource site 'Microsoft.Web/sites@2024-04-01' = {
  name: name
  location: location
  // azd finds the app to deploy the `api` service of azure.yaml into by this tag.
  tags: union(tags, {
    'azd-service-name': 'api'
  })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    siteConfig: {
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${blobEndpoint}${deploymentContainerName}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      scaleAndConcurrency: {
        instanceMemoryMB: instanceMemoryMB
        maximumInstanceCount: maximumInstanceCount
      }
      runtime: {
        name: 'java'
        version: '17'
      }
    }
  }
}

resource siteAppSettings 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: site
  name: 'appsettings'
  properties: union(appSettings, zendeskContactTypeSetting, zendeskCategorySetting)
}

// No FTP or basic-auth publishing: azd and the Maven plugin deploy with Microsoft Entra ID.
resource ftpPublishing 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: site
  name: 'ftp'
  properties: {
    allow: false
  }
}

resource scmPublishing 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: site
  name: 'scm'
  properties: {
    allow: false
  }
}

resource diagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  scope: site
  name: 'to-log-analytics'
  properties: {
    workspaceId: logAnalyticsWorkspaceId
    logs: [
      {
        category: 'FunctionAppLogs'
        enabled: true
      }
    ]
    metrics: [
      {
        category: 'AllMetrics'
        enabled: true
      }
    ]
  }
}

output name string = site.name
output id string = site.id
output url string = 'https://${site.properties.defaultHostName}'
