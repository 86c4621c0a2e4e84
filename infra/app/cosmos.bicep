// Cosmos DB for NoSQL, serverless: the measure rows, the drop ledger, the publications and control documents.
//
// Keys are disabled (disableLocalAuth): the function app reaches Cosmos with its managed identity through the
// built-in "Cosmos DB Built-in Data Contributor" data-plane role, scoped to the one database. Data-plane RBAC
// cannot create databases or containers, so they are all declared here and the app only reads and writes items.
param name string
param location string
param tags object = {}

param cosmosDatabaseName string

@description('Principal id of the function app identity, given the built-in Data Contributor role on the database.')
param dataContributorPrincipalId string

@description('Property paths (for example /period/?) to range-index in every container. Default none; see below.')
param indexedPaths array = []

// One container per org.measures311.store.Container value, all partitioned on /pk (Container.PARTITION_KEY_PATH).
var cosmosContainerNames = [
  'measures'
  'ledger'
  'publications'
  'control'
]

// Every read the code makes is a point read (id + pk) or a read of one whole partition (readAllItems(pk)); it
// never filters or sorts inside a partition and never queries across partitions. Neither needs a secondary
// index (id and _ts are always indexed), so nothing else is indexed: upserts cost the fewest RUs and the
// serverless bill pays for no index storage. If a later single-partition query filters or sorts on a property,
// name its path in indexedPaths (consistent indexing keeps the index in step with every write).
var indexingPolicy = {
  indexingMode: 'consistent'
  automatic: true
  includedPaths: [for path in indexedPaths: {
    path: path
  }]
  excludedPaths: [
    {
      path: '/*'
    }
  ]
}

resource account 'Microsoft.DocumentDB/databaseAccounts@2024-05-15' = {
  name: name
  location: location
  tags: tags
  kind: 'GlobalDocumentDB'
  properties: {
    databaseAccountOfferType: 'Standard'
    locations: [
      {
        locationName: location
        failoverPriority: 0
        isZoneRedundant: false
      }
    ]
    capabilities: [
      {
        name: 'EnableServerless'
      }
    ]
    consistencyPolicy: {
      defaultConsistencyLevel: 'Session'
    }
    disableLocalAuth: true
    disableKeyBasedMetadataWriteAccess: true
    minimalTlsVersion: 'Tls12'
    publicNetworkAccess: 'Enabled'
  }
}

resource database 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases@2024-05-15' = {
  parent: account
  name: cosmosDatabaseName
  properties: {
    resource: {
      id: cosmosDatabaseName
    }
  }
}

resource containers 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers@2024-05-15' = [for containerName in cosmosContainerNames: {
  parent: database
  name: containerName
  properties: {
    resource: {
      id: containerName
      partitionKey: {
        paths: [
          '/pk'
        ]
        kind: 'Hash'
        version: 2
      }
      indexingPolicy: indexingPolicy
    }
  }
}]

// Cosmos DB Built-in Data Contributor: read and write items, no control-plane rights.
var dataContributorRoleId = '00000000-0000-0000-0000-000000000002'

resource dataContributor 'Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments@2024-05-15' = {
  parent: account
  name: guid(account.id, cosmosDatabaseName, dataContributorPrincipalId, dataContributorRoleId)
  properties: {
    roleDefinitionId: '${account.id}/sqlRoleDefinitions/${dataContributorRoleId}'
    principalId: dataContributorPrincipalId
    scope: '${account.id}/dbs/${cosmosDatabaseName}'
  }
  // The scope names the database, which must exist first.
  dependsOn: [
    database
  ]
}

output endpoint string = account.properties.documentEndpoint
output name string = account.name
